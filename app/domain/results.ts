/**
 * Counting one pool of the platform: the official rule of the pool (Gdynia: greedy by votes,
 * stopping at the first project that does not fit, with a minimum-vote threshold) and, side by side,
 * what the Method of Equal Shares would have funded. Pure: ballots in, decisions out.
 */
import { buildProfile, equalShares, greedy, type RuleResult, type TieRecord } from "./counting";
import type { SelectionRule } from "./rules";

export interface PoolCountInput {
  projects: readonly { id: string; costGrosze: number }[];
  /** one entry per ballot that had this pool on it: the ticked project ids (may be empty) */
  ballots: readonly (readonly string[])[];
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
}

export function countPool(input: PoolCountInput): PoolCount {
  const profile = buildProfile({
    voteType: "approval",
    projects: input.projects.map((p) => ({ id: p.id, cost: p.costGrosze })),
    ballots: input.ballots.filter((b) => b.length > 0).map((b) => ({ projects: b })),
    budget: input.budgetGrosze,
  });
  const tie = input.lotSeed ? ({ tie: "lot", seed: input.lotSeed } as const) : ({ tie: input.rule.tieBreak === "lot" ? "lower-cost" : input.rule.tieBreak } as const);
  const threshold = input.rule.minScore > 0 ? input.rule.minScore : undefined;
  const official =
    input.rule.method === "equal-shares"
      ? equalShares(profile, { ...tie, threshold })
      : greedy(profile, { ...tie, noSkip: input.rule.method === "greedy-no-skip", threshold });
  const mes = input.projects.length > 0 ? equalShares(profile, { ...tie, threshold }) : null;
  return {
    official,
    mes: { selected: mes?.selected ?? [], spent: mes?.spent ?? 0 },
    tiesThatMatter: official.ties.filter((t) => t.mattered),
    voters: input.ballots.length,
  };
}
