import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { TableWrap } from "~/components/table-wrap";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import type { RouteHandle } from "~/http/route-meta.server";
import { STAT_CHANNELS as CHANNELS } from "~/domain/small-groups";
import { publicTurnout } from "~/services/public-stats.server";
import { PageHeader } from "~/components/page-header";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "turnout.title");

export async function loader(_: LoaderFunctionArgs) {
  return publicTurnout(db());
}

export default function Turnout() {
  const { programmes, threshold } = useLoaderData<typeof loader>();
  const { t, tn, number } = useT();
  const revalidator = useRevalidator();
  // with JavaScript the numbers refresh every 30 s; without it, reloading the page does the same
  useEffect(() => {
    const id = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 30_000);
    return () => clearInterval(id);
  }, [revalidator]);
  return (
    <div className="container">
      <PageHeader title={t("turnout.title")} lead={t("turnout.lead")} />
      {threshold !== null && programmes.some((p) => p.protected) ? (
        <p className="muted" id="small-groups-note">
          {tn("smallGroups.turnout.note", threshold)}
        </p>
      ) : null}
      {programmes.map((p) => (
        <section key={p.kind} aria-labelledby={`to-${p.kind}`} className="results-section">
          <h2 id={`to-${p.kind}`}>{t(`programme.${p.kind}`)}</h2>
          <p className="amount">{t("turnout.total", { count: number(p.total) })}</p>
          {p.lines.length === 0 ? (
            <p className="empty">{t("turnout.empty")}</p>
          ) : (
            <TableWrap label={t(`programme.${p.kind}`)}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("turnout.col.district")}</th>
                    {CHANNELS.map((c) => (
                      <th key={c} scope="col" className="num">
                        {t(`turnout.channel.${c}`)}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t("turnout.col.total")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.lines.map((l) => (
                    <tr key={l.district ?? "-"}>
                      <th scope="row">{l.district ?? t("turnout.noDistrict")}</th>
                      {CHANNELS.map((c) => {
                        const n = l.channels[c];
                        return (
                          <td key={c} className="num">
                            {n === null ? (
                              <>
                                <span aria-hidden="true">–</span>
                                <span className="visually-hidden">{t("smallGroups.hidden")}</span>
                              </>
                            ) : (
                              number(n ?? 0)
                            )}
                          </td>
                        );
                      })}
                      <td className="num">
                        <strong>{number(l.total)}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      ))}
    </div>
  );
}
