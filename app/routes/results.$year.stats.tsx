import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/proposals";
import { DataTable } from "~/components/data-table";
import { getEditionByYear } from "~/data/editions.server";
import { votersByEdition } from "~/data/stats-voting.server";
import { db } from "~/db.server";
import { percent } from "~/domain/money";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { invariantResponse, requireParam, YearParam } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { publicVotingStatistics } from "~/services/public-stats.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleMeta(matches, "stats.title", { year: data?.year ?? "" });

export async function loader({ params }: LoaderFunctionArgs) {
  const year = requireParam(params, "year", YearParam);
  const edition = await getEditionByYear(db(), year);
  invariantResponse(edition, 404);
  return { year: edition.year, stats: await publicVotingStatistics(db(), edition.id), history: await votersByEdition(db()) };
}

type Group = { programme: string; rows: { key: string; label: string; voters: number }[]; other: number | null; total: number };

function StatTable({ id, title, groups }: { id: string; title: string; groups: Group[] }) {
  const { t, number } = useT();
  // an archived edition has no breakdowns: no heading over nothing
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby={`st-${id}`}>
      <h2 id={`st-${id}`}>{title}</h2>
      {groups.map((g) => {
        const rows = [...g.rows].sort((a, b) => b.voters - a.voters);
        // groups under the small-group threshold are summed into one "other" row
        if (g.other !== null && g.other > 0) rows.push({ key: "other", label: t("smallGroups.other"), voters: g.other });
        return (
          <DataTable
            key={g.programme}
            label={`${title} – ${t(`programme.${g.programme}` as MessageKey)}`}
            caption={t(`programme.${g.programme}` as MessageKey)}
            rows={rows}
            rowKey={(r) => r.key}
            columns={[
              { key: "group", head: t("stats.col.group"), rowHeader: true, cell: (r) => r.label },
              { key: "voters", head: t("stats.col.voters"), num: true, cell: (r) => number(r.voters) },
              { key: "share", head: t("stats.col.share"), num: true, cell: (r) => `${percent(r.voters, g.total)}%` },
            ]}
          />
        );
      })}
    </section>
  );
}

export default function Stats() {
  const { year, stats, history } = useLoaderData<typeof loader>();
  const { t, tn, number } = useT();
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: `/results/${year}`, label: t("results.title", { year }) }, { label: t("results.stats") }]} />
      <h1>{t("stats.title", { year })}</h1>
      <p className="lead">{t("stats.lead")}</p>
      {stats.programmes.some((p) => p.protected) ? (
        <p className="muted" id="small-groups-note">
          {tn("smallGroups.stats.note", stats.threshold)}
        </p>
      ) : null}
      <StatTable
        id="district"
        title={t("stats.byDistrict")}
        groups={stats.programmes.map((p) => ({ programme: p.kind, total: p.total, other: null, rows: p.byDistrict.map((r) => ({ key: r.district ?? "-", label: r.district ?? t("turnout.noDistrict"), voters: r.voters })) }))}
      />
      <StatTable
        id="age"
        title={t("stats.byAge")}
        groups={stats.programmes.map((p) => ({ programme: p.kind, total: p.total, other: p.byAge.other, rows: p.byAge.groups.map((r) => ({ key: r.group ?? "-", label: r.group ?? t("stats.ageUnknown"), voters: r.voters })) }))}
      />
      <StatTable
        id="channel"
        title={t("stats.byChannel")}
        groups={stats.programmes.map((p) => ({ programme: p.kind, total: p.total, other: p.byChannel.other, rows: p.byChannel.groups.map((r) => ({ key: r.group, label: t(`turnout.channel.${r.group}` as MessageKey), voters: r.voters })) }))}
      />
      {stats.programmes.map((p) =>
        p.guardian ? (
          <p key={p.kind}>
            {t(`programme.${p.kind}` as MessageKey)}: {t("stats.guardian", { count: number(p.guardian) })}
          </p>
        ) : p.guardian === null ? (
          <p key={p.kind}>
            {t(`programme.${p.kind}` as MessageKey)}: {tn("smallGroups.guardianHidden", stats.threshold)}
          </p>
        ) : null,
      )}
      {stats.programmes.length === 0 ? <p className="muted">{t("stats.noBreakdown")}</p> : null}
      {history.length > 0 ? (
        <section aria-labelledby="st-history">
          <h2 id="st-history">{t("stats.byEdition")}</h2>
          <DataTable
            label={t("stats.byEdition")}
            rows={history}
            rowKey={(h) => h.year}
            columns={[
              { key: "edition", head: t("stats.col.edition"), rowHeader: true, cell: (h) => h.year },
              { key: "voters", head: t("stats.col.voters"), num: true, cell: (h) => number(h.voters) },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
