/**
 * Open data of a published pool: results as CSV, and the anonymised ballots as a Pabulib `.pb` file
 * that anyone can recount (npm run tally). Voter ids in the file are the random ids the ballots got
 * when the commission opened the box (issue #15): nobody — the voter included — can link a line to
 * a person or to a receipt, so the file cannot prove to anyone how someone voted.
 * A pool with fewer voters than the edition's small-group threshold gets no ballot lines (#15).
 */
import type { Db } from "../../db/client";
import { formatMoney as formatPbMoney, writePabulib, type PbElection } from "~/domain/counting";
import { BallotRuleSchema, SelectionRuleSchema, type SelectionRule } from "~/domain/rules";
import { pabulibBallotMeta } from "~/domain/voting/ballot-types";
import type { PublishedPool } from "~/data/results.server";
import { CITY } from "~/domain/city";
import { getPoolSmallGroupThreshold } from "~/data/small-groups.server";
import { withholdsBallots } from "~/domain/small-groups";

/** The short public id of a ballot in the open data. */
export function publicBallotId(ballotId: string): string {
  return ballotId.replace(/^blt_/, "").slice(0, 16);
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultsCsv(pool: PublishedPool): string {
  const header = ["rank", "project_id", "number", "title", "votes", "cost_pln", "selected", "decision"];
  const rows = pool.rows.map((r) => [r.rank, r.proposalId, r.number, r.title, r.votes, formatPbMoney(r.costGrosze), r.selected, r.decision]);
  return [header, ...rows].map((row) => row.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

/**
 * The same results for a spreadsheet: UTF-8 with a byte order mark and decimal commas, so Polish
 * Excel opens it with the right letters and amounts as numbers (the plain `.csv` stays
 * machine-friendly, with decimal points).
 */
export function resultsCsvForExcel(pool: PublishedPool): string {
  const header = ["rank", "project_id", "number", "title", "votes", "cost_pln", "selected", "decision"];
  const rows = pool.rows.map((r) => [r.rank, r.proposalId, r.number, r.title, r.votes, formatPbMoney(r.costGrosze).replace(".", ","), r.selected, r.decision]);
  return "\ufeff" + [header, ...rows].map((row) => row.map(csvCell).join(";")).join("\r\n") + "\r\n";
}

/**
 * The META `rule` that makes `npm run tally` (tallyElection "meta") count as the platform did; null
 * when no Pabulib label does (Equal Shares with pabutools' Add1 and greedy completion: `--rule mes`).
 */
function pabulibRuleLabel(rule: SelectionRule): string | null {
  if (rule.method !== "equal-shares") return rule.method;
  const v = { add1: "pabutools", completion: "greedy", comparison: false, ...rule.equalShares };
  if (v.completion !== "none" || v.add1 === "pabutools") return null;
  return `equalshares${v.add1 === "pabulib" ? "/add1" : ""}${v.comparison ? "-comparison" : ""}`;
}

export async function poolPabulib(db: Db, pool: PublishedPool & { lotSeed?: string | null }, year: number): Promise<string> {
  const meta = await db.selectFrom("pools").select(["selection_rule", "ballot_rule"]).where("id", "=", pool.poolId).executeTakeFirstOrThrow();
  const rule = SelectionRuleSchema.parse(JSON.parse(meta.selection_rule));
  const ballotRule = BallotRuleSchema.parse(JSON.parse(meta.ballot_rule));
  // the vote type, its META and whether lines carry points come from the ballot-type registry
  const { voteType, meta: ballotMeta } = pabulibBallotMeta(ballotRule, { budgetGrosze: pool.budgetGrosze });
  const withPoints = voteType === "cumulative" || voteType === "ordinal";
  const ids = new Set(pool.rows.map((r) => r.proposalId));
  const ballots = await db
    .selectFrom("ballots as b")
    .innerJoin("ballot_lines as l", "l.ballot_id", "b.id")
    .select(["b.id", "l.proposal_id", "l.points"])
    .where("l.pool_id", "=", pool.poolId)
    .orderBy("b.id")
    .execute();
  const byBallot = new Map<string, { id: string; points: number }[]>();
  for (const b of ballots) if (ids.has(b.proposal_id)) byBallot.set(b.id, [...(byBallot.get(b.id) ?? []), { id: b.proposal_id, points: Number(b.points) }]);
  // an ordinal ballot lists its projects in rank order: the stored points decrease with the rank
  if (voteType === "ordinal") for (const lines of byBallot.values()) lines.sort((a, b) => b.points - a.points);
  const label = pabulibRuleLabel(rule);
  // #15 small groups: a pool with fewer voters than the edition's threshold publishes no ballot lines
  const threshold = await getPoolSmallGroupThreshold(db, pool.poolId);
  const withheld = withholdsBallots(pool.voters, threshold);
  const comments = [
    ...(pool.lotSeed ? [`Score ties were broken by a public lot. Recount: npm run --silent tally -- FILE.pb --tie lot --seed ${pool.lotSeed}`] : []),
    ...(label === null ? ["Counted with Equal Shares (pabutools' Add1, then greedy completion). Recount: npm run --silent tally -- FILE.pb --rule mes"] : []),
    ...(withheld ? [`Ballot lines are withheld: fewer than ${threshold} people voted in this pool (small-group protection); PROJECTS gives the vote totals.`] : []),
  ];
  const election: PbElection = {
    meta: {
      description: `${CITY.programmeName} ${year}: ${pool.kind}${pool.districtName ? `, ${pool.districtName}` : ""}`,
      country: "Poland",
      unit: CITY.name,
      ...(pool.districtName ? { subunit: pool.districtName } : {}),
      instance: String(year),
      num_projects: String(pool.rows.length),
      num_votes: String(byBallot.size),
      budget: formatPbMoney(pool.budgetGrosze),
      vote_type: voteType,
      rule: label ?? "equalshares",
      ...ballotMeta,
      // the platform never funds a project without votes: the file says so, so a recount agrees
      min_project_score_threshold: String(Math.max(1, rule.minScore)),
      language: "pl",
      currency: "PLN",
      ...(comments.length > 0 ? { comment: comments.join(" ") } : {}),
    },
    projects: pool.rows.map((r) => ({ id: r.proposalId, cost: r.costGrosze, name: r.title, votes: r.votes, ...(withPoints ? { score: r.score } : {}), selected: r.selected, extra: {} })),
    votes: withheld
      ? []
      : [...byBallot.entries()].map(([id, lines]) => ({
          voterId: publicBallotId(id),
          vote: lines.map((l) => l.id),
          ...(withPoints ? { points: lines.map((l) => l.points) } : {}),
          extra: {},
        })),
    projectColumns: ["project_id", "cost", "votes", ...(withPoints ? ["score"] : []), "name", "selected"],
    voteColumns: ["voter_id", "vote", ...(withPoints ? ["points"] : [])],
  };
  return writePabulib(election);
}
