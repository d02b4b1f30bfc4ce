import { Link } from "@remix-run/react";
import { useT } from "~/i18n";
import { poolLabel } from "./proposal-form";
import { LangNote, Localized, shownFor, type Translatable } from "./proposal-text";

export interface FinalPool {
  poolId: string;
  poolKind: string;
  programmeKind: string;
  districtName: string | null;
  publishedAt: string | null;
  proposals: ({ id: string; number: string; title: string; costGrosze: number } & Translatable)[];
}

export function FinalListPools({ pools }: { pools: FinalPool[] }) {
  const { t, money, date, locale } = useT();
  return (
    <>
      {pools.map((p) => (
        <section key={p.poolId} className="final-pool" aria-labelledby={`fp-${p.poolId}`}>
          <h3 id={`fp-${p.poolId}`}>{poolLabel(t, { kind: p.poolKind, programmeKind: p.programmeKind, districtName: p.districtName })}</h3>
          {p.publishedAt ? <p className="muted">{t("final.publishedAt", { date: date(p.publishedAt) })}</p> : null}
          {p.proposals.length === 0 ? (
            <p className="muted">{t("final.empty")}</p>
          ) : (
            <ul className="final-items">
              {p.proposals.map((x) => (
                <li key={x.id}>
                  <Link to={`/proposals/${x.id}`}>
                    <Localized text={shownFor(locale, x)} field="title" />
                  </Link>
                  <LangNote text={shownFor(locale, x)} /> <span className="muted">({x.number}, {money(x.costGrosze)})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
