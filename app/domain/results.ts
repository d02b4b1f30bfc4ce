/**
 * Counting one pool of the platform: the official rule of the pool (Gdynia: greedy by votes,
 * stopping at the first project that does not fit, with a minimum-vote threshold) and, side by side,
 * what the Method of Equal Shares would have funded. Pure: ballots in, decisions out.
 */
import { buildProfile, equalShares, greedy, type RuleResult, type TieRecord, type VoteType } from "./counting";
import type { SelectionRule } from "./rules";

/** One ballot's lines in a pool: the ticked project ids, or the ids with the points each line carries. */
export type PoolBallot = readonly string[] | { readonly projects: readonly string[]; readonly points: readonly number[] };

export interface PoolCountInput {
  projects: readonly { id: string; costGrosze: number }[];
  /**
   * one entry per ballot that had this pool on it (may be empty). Lines naming a project that is
   * not in `projects` (taken off the ballot) are ignored; the ballot still counts as a voter.
   */
  ballots: readonly PoolBallot[];
  /**
   * How the lines count (the pool's ballot type, see app/domain/voting/ballot-types.ts): approval and
   * choose-1 by voters, cumulative and ordinal by the lines' points. Default approval.
   */
  voteType?: VoteType;
  budgetGrosze: number;
  rule: SelectionRule;
  /** the recorded seed of a public lot, when ties are to be broken by lot */
  lotSeed?: string | null;
}

export interface PoolCount {
  official: RuleResult;
  /** Equal Shares (Add1 completion, then greedy), for comparison only */
  mes: { selected: string[]; spent: number };
  /** ties whose resolution changed who is funded */
  tiesThatMatter: TieRecord[];
  /** number of ballots that had the pool on them */
  voters: number;
  /** per project, the number of voters who gave it a tick or any points */
  projectVoters: Record<string, number>;
}

export function countPool(input: PoolCountInput): PoolCount {
  const known = new Set(input.projects.map((p) => p.id));
  const voteType = input.voteType ?? "approval";
  const ballots = input.ballots.flatMap((b) => {
    const ids = "projects" in b ? b.projects : (b as readonly string[]);
    const points = "projects" in b ? b.points : null;
    const keep = ids.flatMap((id, i) => (known.has(id) ? [i] : []));
    if (keep.length === 0) return [];
    const projects = keep.map((i) => ids[i] as string);
    // points only where the type counts them; approval lines are one vote whatever they carry
    return voteType === "cumulative" || voteType === "ordinal"
      ? [{ projects, points: keep.map((i) => (points ? (points[i] as number) : 1)) }]
      : [{ projects }];
  });
  const profile = buildProfile({
    voteType,
    projects: input.projects.map((p) => ({ id: p.id, cost: p.costGrosze })),
    ballots,
    budget: input.budgetGrosze,
  });
  const tie = input.lotSeed ? ({ tie: "lot", seed: input.lotSeed } as const) : ({ tie: input.rule.tieBreak === "lot" ? "lower-cost" : input.rule.tieBreak } as const);
  // a project nobody voted for is never funded, whatever the pool's own threshold
  const threshold = Math.max(1, input.rule.minScore);
  const official =
    input.rule.method === "equal-shares"
      ? equalShares(profile, { ...tie, threshold, ...input.rule.equalShares })
      : greedy(profile, { ...tie, noSkip: input.rule.method === "greedy-no-skip", threshold, ...(input.rule.exclusive ? { exclusive: input.rule.exclusive } : {}) });
  const mes = input.projects.length > 0 ? equalShares(profile, { ...tie, threshold }) : null;
  return {
    official,
    mes: { selected: mes?.selected ?? [], spent: mes?.spent ?? 0 },
    tiesThatMatter: official.ties.filter((t) => t.mattered),
    voters: input.ballots.length,
    projectVoters: Object.fromEntries(profile.projects.map((p, i) => [p.id, profile.projectVoters[i] as number])),
  };
}

/**
 * Gdynia's turnout award ("Projekt +1"): the district with the highest turnout gets its first large
 * project below the funding line funded as well, the 2nd and 3rd their first small one. "Below the
 * line" means not funded only for lack of money (did not fit / after the stop) — never a project
 * under the vote threshold or withdrawn. Turnout ties go to the district listed first.
 */
export interface AwardDistrict {
  districtId: string;
  voters: number;
  population: number;
}

export interface AwardPool {
  poolId: string;
  districtId: string;
  kind: "district_large" | "district_small";
  decisions: readonly { projectId: string; reason: string; rank: number }[];
}

export interface AwardedProject {
  place: 1 | 2 | 3;
  districtId: string;
  poolId: string;
  projectId: string;
}

export function turnoutAward(districts: readonly AwardDistrict[], pools: readonly AwardPool[]): AwardedProject[] {
  // compare voters_a / population_a with voters_b / population_b exactly, by cross-multiplying
  const ranked = districts
    .filter((d) => d.population > 0 && d.voters > 0)
    .map((d, i) => ({ ...d, i }))
    .sort((a, b) => b.voters * a.population - a.voters * b.population || a.i - b.i);
  const out: AwardedProject[] = [];
  ranked.slice(0, 3).forEach((d, i) => {
    const place = (i + 1) as 1 | 2 | 3;
    const kind = place === 1 ? "district_large" : "district_small";
    const pool = pools.find((p) => p.districtId === d.districtId && p.kind === kind);
    const next = pool?.decisions
      .filter((x) => x.reason === "did_not_fit" || x.reason === "stopped_no_skip" || x.reason === "lost_tie")
      .sort((a, b) => a.rank - b.rank)[0];
    if (pool && next) out.push({ place, districtId: d.districtId, poolId: pool.poolId, projectId: next.projectId });
  });
  return out;
}
