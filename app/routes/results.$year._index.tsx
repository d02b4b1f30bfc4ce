import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/proposals";
import { ResultsChart } from "~/components/results-chart";
import { TableWrap } from "~/components/table-wrap";
import { getEditionByYear } from "~/data/editions.server";
import { archivePabulibFile } from "~/services/archive-pabulib.server";
import { listPublishedResults } from "~/data/results.server";
import { listPoolRules } from "~/data/ballot-setup.server";
import { ExclusiveGroupsText, RuleText } from "~/components/ballot-pools";
import { getSmallGroupThreshold } from "~/data/small-groups.server";
import { db } from "~/db.server";
import { programmesWhere } from "~/domain/permissions";
import { BallotRuleSchema, SelectionRuleSchema } from "~/domain/rules";
import { withholdsBallots } from "~/domain/small-groups";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { invariantResponse, requireParam, YearParam } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";
import { localeOf, shareMeta } from "~/components/share-meta";
import { publicOrigin } from "~/http/share.server";
import { getTranslator } from "~/i18n";
import { LangNote, Localized, shownFor } from "~/components/proposal-text";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const locale = localeOf(matches);
  const { t } = getTranslator(locale);
  const share = data ? shareMeta({ title: t("results.title", { year: data.year }), description: t("results.lead"), url: data.url, siteName: t("site.name"), locale, type: "website" }) : [];
  return [...titleMeta(matches, "results.title", { year: data?.year ?? "" }), ...share];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const year = requireParam(params, "year", YearParam);
  const edition = await getEditionByYear(db(), year);
  invariantResponse(edition, 404);
  const wantsDraft = new URL(request.url).searchParams.get("draft") === "1";
  // drafts only of the programmes the official counts; published pools are public
  const draftProgrammes: string[] = wantsDraft ? programmesWhere(await getCurrentUser(request), "results.publish") : [];
  const includeDrafts = draftProgrammes.length > 0;
  const pools = (await listPublishedResults(db(), edition.id, { includeDrafts })).filter((p) => p.published || draftProgrammes.includes(p.programmeKind));
  const parsed = <T,>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, json: string): T | null => {
    try {
      return schema.safeParse(JSON.parse(json)).data ?? null;
    } catch {
      return null;
    }
  };
  // how each pool was voted and counted, said in plain words over its table (#14)
  const rules = new Map((await listPoolRules(db(), pools.map((p) => p.poolId))).map((r) => [r.id, { selection: parsed(SelectionRuleSchema, r.selectionRule), ballot: parsed(BallotRuleSchema, r.ballotRule) }]));
  const threshold = await getSmallGroupThreshold(db(), edition.id);
  return {
    year: edition.year,
    url: `${publicOrigin()}/results/${edition.year}`,
    source: edition.source,
    threshold,
    draft: includeDrafts,
    pools: pools.map((p) => {
      const rule = rules.get(p.poolId)?.selection ?? null;
      const ballotRule = rules.get(p.poolId)?.ballot ?? null;
      const archived = p.published ? archivePabulibFile(edition.source, p) : null;
      return { ...p, ballotRule, method: rule ? rule.method : null, minScore: rule ? rule.minScore : 0, exclusive: rule?.method !== "equal-shares" ? (rule?.exclusive ?? []) : [], archivedPb: archived?.name ?? null, pbWithheld: !archived && withholdsBallots(p.voters, threshold) };
    }),
  };
}

/** Points and ranked pools are decided by points, not by the number of voters. */
const byPoints = (pool: { ballotRule: { kind: string } | null }) => pool.ballotRule?.kind === "points" || pool.ballotRule?.kind === "ranked";

export default function Results() {
  const { year, source, draft, pools, threshold } = useLoaderData<typeof loader>();
  const { t, tn, money, number, locale } = useT();
  return (
    <div className="container">
      <Breadcrumbs items={[{ to: "/archive", label: t("nav.archive") }, { label: t("results.title", { year }) }]} />
      <h1>{t("results.title", { year })}</h1>
      <p className="lead">{t("results.lead")}</p>
      {draft ? <p className="alert alert-warning">{t("results.draft")}</p> : null}
      {source ? <p className="muted">{t("archive.source", { source: source.replace(/^pabulib:/, "Pabulib, ") })}</p> : null}
      {pools.length === 0 ? <p className="empty">{t("results.none")}</p> : null}
      {pools.length > 0 ? (
        <p>
          <Link to={`/results/${year}/stats`}>{t("results.stats")}</Link>
        </p>
      ) : null}
      {pools.map((pool) => {
        const poolName = `${t(`pool.${pool.kind}` as MessageKey)}${pool.districtName ? ` · ${pool.districtName}` : ""}`;
        const titles = new Map(pool.rows.map((r) => [r.proposalId, r.title]));
        const lastFunded = Math.max(-1, ...pool.rows.map((r, i) => (r.selected ? i : -1)));
        const officialSet = pool.rows.filter((r) => r.selected).map((r) => r.proposalId);
        const sameAsMes = pool.mes !== null && pool.mes.selected.length === officialSet.length && pool.mes.selected.every((id) => officialSet.includes(id));
        return (
          <section key={pool.poolId} aria-labelledby={`pool-${pool.poolId}`} className="results-section card">
            <h2 id={`pool-${pool.poolId}`}>
              {poolName}
              {pool.programmeKind !== "bo" ? ` (${t(`programme.${pool.programmeKind}` as MessageKey)})` : ""}
            </h2>
            <p>
              {t("archive.voters", { count: number(pool.voters) })} ·{" "}
              {t("results.money", {
                spent: money(pool.spentGrosze, { wholeZloty: true }),
                budget: money(pool.budgetGrosze, { wholeZloty: true }),
                left: money(pool.budgetGrosze - pool.spentGrosze, { wholeZloty: true }),
              })}
            </p>
            {pool.ballotRule ? (
              <p className="muted">
                {t("results.ballotRule")} <RuleText rule={pool.ballotRule} budgetGrosze={pool.budgetGrosze} />
              </p>
            ) : null}
            {pool.method ? <p className="muted">{t(`results.rule.${pool.method}` as MessageKey)}</p> : null}
            {pool.minScore > 0 ? <p className="muted">{t("results.threshold", { min: number(pool.minScore) })}</p> : null}
            {pool.exclusive.length > 0 ? (
              <div className="muted">
                <ExclusiveGroupsText groups={pool.exclusive} names={new Map(pool.rows.map((r) => [r.proposalId, <Localized key={r.proposalId} text={shownFor(locale, r)} field="title" />]))} when="results" />
              </div>
            ) : null}
            {pool.lotSeed ? <p className="muted">{t("results.lot", { seed: pool.lotSeed })}</p> : null}
            <ResultsChart poolName={poolName} bars={pool.rows.map((r) => ({ id: r.proposalId, label: r.title, votes: r.votes, costGrosze: r.costGrosze, funded: r.selected > 0 }))} />
            <TableWrap label={poolName}>
              <table className="stack-table">
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("archive.col.rank")}
                    </th>
                    <th scope="col">{t("archive.col.project")}</th>
                    <th scope="col" className="num">
                      {t(byPoints(pool) ? "results.col.points" : "archive.col.votes")}
                    </th>
                    <th scope="col" className="num">
                      {t("archive.col.cost")}
                    </th>
                    <th scope="col">{t("archive.col.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {pool.rows.map((r, i) => (
                    <tr key={r.proposalId} className={`${r.selected ? "is-funded" : ""} ${i === lastFunded ? "funding-line" : ""}`}>
                      <td className="num stack-rank">{r.rank}</td>
                      <td className="stack-main">
                        <Link to={`/proposals/${r.proposalId}`}>
                          <Localized text={shownFor(locale, r)} field="title" />
                        </Link>
                        <LangNote text={shownFor(locale, r)} />
                        <br />
                        <span className="muted small">{r.number}</span>
                        {r.selected && pool.published ? <> · <Link to={`/realizacje/imp_${r.proposalId}`}>{t("implementation.link")}</Link></> : null}
                      </td>
                      <td className="num" data-label={t(byPoints(pool) ? "results.col.points" : "archive.col.votes")}>
                        {number(byPoints(pool) ? r.score : r.votes)}
                      </td>
                      <td className="num nowrap" data-label={t("archive.col.cost")}>
                        {money(r.costGrosze, { wholeZloty: true })}
                      </td>
                      <td className="stack-result">
                        <span className={r.selected ? "badge badge-accepted" : "badge"}>{t(`results.decision.${r.decision}` as MessageKey)}</span>
                        {i === lastFunded ? <span className="visually-hidden"> – {t("results.line")}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {pool.mes ? (
              <div className="mes-box">
                <h3>{t("results.mes.title")}</h3>
                <p className="small">{t("results.mes.explain")}</p>
                {sameAsMes ? (
                  <p>{t("results.mes.same")}</p>
                ) : (
                  <>
                    <p>{t("results.mes.list", { spent: money(pool.mes.spent, { wholeZloty: true }) })}</p>
                    <ul>
                      {pool.mes.selected.map((id) => (
                        <li key={id}>{titles.get(id) ?? id}</li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            ) : null}
            {pool.published ? (
              <>
                <p className="downloads">
                  <span className="visually-hidden">{t("results.download")}: </span>
                  <a href={`/results/${year}/pools/${pool.poolId}.csv`} download>
                    {t("results.download.csv")}
                  </a>{" "}
                  ·{" "}
                  <a href={`/results/${year}/pools/${pool.poolId}-excel.csv`} download>
                    {t("results.download.excel")}
                  </a>
                  {pool.rule || pool.archivedPb ? (
                    <>
                      {" "}
                      ·{" "}
                      <a href={`/results/${year}/pools/${pool.poolId}.pb`} download>
                        {pool.archivedPb ? t("results.download.pb_archive") : t("results.download.pb")}
                      </a>
                    </>
                  ) : null}
                </p>
                {pool.archivedPb ? <p className="muted small">{t("results.pabulib.cite", { file: pool.archivedPb })}</p> : null}
                {pool.rule && pool.pbWithheld ? <p className="muted small">{tn("smallGroups.pb.withheld", threshold)}</p> : null}
              </>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
