import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/proposals";
import { TableWrap } from "~/components/table-wrap";
import { getEditionByYear } from "~/data/editions.server";
import { votersByEdition, votingStatistics } from "~/data/stats-voting.server";
import { db } from "~/db.server";
import { percent } from "~/domain/money";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { invariantResponse, requireParam, YearParam } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleMeta(matches, "stats.title", { year: data?.year ?? "" });

export async function loader({ params }: LoaderFunctionArgs) {
  const year = requireParam(params, "year", YearParam);
  const edition = await getEditionByYear(db(), year);
  invariantResponse(edition, 404);
  return { year: edition.year, stats: await votingStatistics(db(), edition.id), history: await votersByEdition(db()) };
}

type Row = { programme: string; group: string | null; voters: number };

function StatTable({ title, rows, label }: { title: string; rows: Row[]; label: (g: string | null) => string }) {
  const { t, number } = useT();
  const programmes = [...new Set(rows.map((r) => r.programme))];
  // an archived edition has no breakdowns: no heading over nothing
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={`st-${title}`}>
      <h2 id={`st-${title}`}>{title}</h2>
      {programmes.map((p) => {
        const mine = rows.filter((r) => r.programme === p).sort((a, b) => b.voters - a.voters);
        const total = mine.reduce((s, r) => s + r.voters, 0);
        return (
          <TableWrap key={p} label={`${title} – ${t(`programme.${p}` as MessageKey)}`}>
            <table>
              <caption>{t(`programme.${p}` as MessageKey)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("stats.col.group")}</th>
                  <th scope="col" className="num">
                    {t("stats.col.voters")}
                  </th>
                  <th scope="col" className="num">
                    {t("stats.col.share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {mine.map((r) => (
                  <tr key={r.group ?? "-"}>
                    <th scope="row">{label(r.group)}</th>
                    <td className="num">{number(r.voters)}</td>
                    <td className="num">{percent(r.voters, total)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        );
      })}
    </section>
  );
}

export default function Stats() {
  const { year, stats, history } = useLoaderData<typeof loader>();
  const { t, number } = useT();
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: `/results/${year}`, label: t("results.title", { year }) }, { label: t("results.stats") }]} />
      <h1>{t("stats.title", { year })}</h1>
      <p className="lead">{t("stats.lead")}</p>
      <StatTable title={t("stats.byDistrict")} rows={stats.byDistrict} label={(g) => g ?? t("turnout.noDistrict")} />
      <StatTable title={t("stats.byAge")} rows={stats.byAge} label={(g) => g ?? t("stats.ageUnknown")} />
      <StatTable title={t("stats.byChannel")} rows={stats.byChannel} label={(g) => t(`turnout.channel.${g}` as MessageKey)} />
      {stats.guardian.map((g) => (
        <p key={g.programme}>
          {t(`programme.${g.programme}` as MessageKey)}: {t("stats.guardian", { count: number(g.voters) })}
        </p>
      ))}
      {stats.byDistrict.length + stats.byAge.length + stats.byChannel.length === 0 ? <p className="muted">{t("stats.noBreakdown")}</p> : null}
      {history.length > 0 ? (
        <section aria-labelledby="st-history">
          <h2 id="st-history">{t("stats.byEdition")}</h2>
          <TableWrap label={t("stats.byEdition")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("stats.col.edition")}</th>
                  <th scope="col" className="num">
                    {t("stats.col.voters")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.year}>
                    <th scope="row">{h.year}</th>
                    <td className="num">{number(h.voters)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
    </div>
  );
}
