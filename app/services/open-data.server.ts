/**
 * Open data of a published pool: results as CSV, and the anonymised ballots as a Pabulib `.pb` file
 * that anyone can recount (npm run tally). Voter ids in the file are the random ids the ballots got
 * when the commission opened the box (issue #15): nobody — the voter included — can link a line to
 * a person or to a receipt, so the file cannot prove to anyone how someone voted.
 * A pool with fewer voters than the edition's small-group threshold gets no ballot lines (#15).
 */
import type { Db } from "../../db/client";
import { formatMoney as formatPbMoney, writePabulib, type PbElection } from "~/domain/counting";
import { SelectionRuleSchema } from "~/domain/rules";
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

export async function poolPabulib(db: Db, pool: PublishedPool & { lotSeed?: string | null }, year: number): Promise<string> {
  const meta = await db.selectFrom("pools").select(["selection_rule", "ballot_rule"]).where("id", "=", pool.poolId).executeTakeFirstOrThrow();
  const rule = SelectionRuleSchema.parse(JSON.parse(meta.selection_rule));
  const ballotRule = JSON.parse(meta.ballot_rule) as { kind: string; minTicks?: number; maxTicks?: number };
  const ids = new Set(pool.rows.map((r) => r.proposalId));
  const ballots = await db
    .selectFrom("ballots as b")
    .innerJoin("ballot_lines as l", "l.ballot_id", "b.id")
    .select(["b.id", "l.proposal_id"])
    .where("l.pool_id", "=", pool.poolId)
    .orderBy("b.id")
    .execute();
  const byBallot = new Map<string, string[]>();
  for (const b of ballots) if (ids.has(b.proposal_id)) byBallot.set(b.id, [...(byBallot.get(b.id) ?? []), b.proposal_id]);
  // #15 small groups: a pool with fewer voters than the edition's threshold publishes no ballot lines
  const threshold = await getPoolSmallGroupThreshold(db, pool.poolId);
  const withheld = withholdsBallots(pool.voters, threshold);
  const comments = [
    ...(pool.lotSeed ? [`Score ties were broken by a public lot. Recount: npm run --silent tally -- FILE.pb --tie lot --seed ${pool.lotSeed}`] : []),
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
      vote_type: "approval",
      rule: rule.method === "equal-shares" ? "equalshares" : rule.method,
      ...(ballotRule.kind === "approval" ? { min_length: String(ballotRule.minTicks ?? 0), max_length: String(ballotRule.maxTicks ?? 0) } : {}),
      // the platform never funds a project without votes: the file says so, so a recount agrees
      min_project_score_threshold: String(Math.max(1, rule.minScore)),
      language: "pl",
      currency: "PLN",
      ...(comments.length > 0 ? { comment: comments.join(" ") } : {}),
    },
    projects: pool.rows.map((r) => ({ id: r.proposalId, cost: r.costGrosze, name: r.title, votes: r.votes, selected: r.selected, extra: {} })),
    votes: withheld ? [] : [...byBallot.entries()].map(([id, vote]) => ({ voterId: publicBallotId(id), vote, extra: {} })),
    projectColumns: ["project_id", "cost", "votes", "name", "selected"],
    voteColumns: ["voter_id", "vote"],
  };
  return writePabulib(election);
}
