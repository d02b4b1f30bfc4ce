import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { TableWrap } from "~/components/table-wrap";
import { getVotingProgramme, listTurnout } from "~/data/ballots.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { listDistricts } from "~/data/districts.server";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "turnout.title");

const CHANNELS = ["online", "assisted", "paper"] as const;

export async function loader(_: LoaderFunctionArgs) {
  const districts = await listDistricts(db());
  const programmes = [];
  for (const kind of ["bo", "youth", "children"] as const) {
    const p = await getVotingProgramme(db(), kind);
    if (!p) continue;
    const rows = await listTurnout(db(), p.programmeId);
    const byDistrict = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const d = byDistrict.get(r.districtId) ?? {};
      d[r.channel] = (d[r.channel] ?? 0) + r.voters;
      byDistrict.set(r.districtId, d);
    }
    const lines = [...byDistrict.entries()].map(([id, ch]) => ({
      district: districts.find((d) => d.id === id)?.name ?? null,
      channels: ch,
      total: Object.values(ch).reduce((a, b) => a + b, 0),
    }));
    lines.sort((a, b) => b.total - a.total);
    programmes.push({ kind, total: lines.reduce((s, l) => s + l.total, 0), lines });
  }
  return { programmes };
}

export default function Turnout() {
  const { programmes } = useLoaderData<typeof loader>();
  const { t, number } = useT();
  const revalidator = useRevalidator();
  // with JavaScript the numbers refresh every 30 s; without it, reloading the page does the same
  useEffect(() => {
    const id = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 30_000);
    return () => clearInterval(id);
  }, [revalidator]);
  return (
    <div className="container">
      <h1>{t("turnout.title")}</h1>
      <p className="lead">{t("turnout.lead")}</p>
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
                      {CHANNELS.map((c) => (
                        <td key={c} className="num">
                          {number(l.channels[c] ?? 0)}
                        </td>
                      ))}
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
