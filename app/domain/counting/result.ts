/**
 * What every selection rule returns: the funded projects in order, and a decision for every project.
 *
 * Reason codes (snake_case, one per project):
 *  - `funded`                — chosen by the rule (Equal Shares: chosen by MES itself);
 *  - `funded_by_completion`  — Equal Shares only: added by the greedy completion after MES;
 *  - `funded_from_reserve`   — Poznań: the first project that did not fit, paid from reserve money
 *                              because the leftover covered ≥ 80% of its cost (Pabulib `selected=2`);
 *                              not in `selected`, listed in `reserve`;
 *  - `did_not_fit`           — eligible, but its cost exceeded what was left;
 *  - `stopped_no_skip`       — greedy-no-skip: ranked after the first project that did not fit;
 *  - `lost_tie`              — tied in score with a project that was funded, and would have been
 *                              funded had the tie gone the other way;
 *  - `below_threshold`       — score below the minimum score threshold;
 *  - `withdrawn`             — withdrawn after the vote (Pabulib cost 999999999);
 *  - `excluded`              — excluded by officials (e.g. mutually exclusive with a funded project);
 *  - `insufficient_support`  — Equal Shares only: would fit in the leftover money, but its
 *                              supporters' remaining shares could not pay for it.
 */
export type ReasonCode =
  | "funded"
  | "funded_by_completion"
  | "funded_from_reserve"
  | "did_not_fit"
  | "stopped_no_skip"
  | "lost_tie"
  | "below_threshold"
  | "withdrawn"
  | "excluded"
  | "insufficient_support";

export interface ProjectDecision {
  projectId: string;
  reason: ReasonCode;
  /** ranking score: voters (approval, choose-1) or points (cumulative, ordinal) */
  score: number;
  /** integer grosze */
  cost: number;
  /**
   * 1-based position in the order the rule looked at projects: greedy — the score order;
   * Equal Shares — order of funding, then the unfunded by score.
   */
  rank: number;
  /** greedy: grosze left when the rule reached this project (eligible projects before any stop) */
  remainingBefore?: number;
  /** ids of the projects it was tied with at a decision that mattered */
  tiedWith?: string[];
}

export interface TieRecord {
  /** `greedy`: equal scores; `mes`: equal Equal-Shares price (affordability) in one round */
  stage: "greedy" | "mes";
  /** the tied project ids, in the order the tie rule put them */
  projects: string[];
  /** greedy: the common score */
  score?: number;
  /** mes: 1-based round of the MES run in which the tie occurred */
  round?: number;
  /**
   * Whether breaking the tie differently changes the set of funded projects (greedy: tried every
   * order of the tied projects, or all rotations and the reversal for more than 5; mes: tried
   * choosing each other tied project first, at the same per-voter budget).
   */
  mattered: boolean;
}

export interface RuleResult {
  /** the rule actually applied, e.g. "greedy-no-skip+threshold" */
  rule: string;
  /** funded project ids, in order of selection */
  selected: string[];
  /** funded from reserve money (Poznań `selected=2`), not paid from `budget` */
  reserve: string[];
  /** grosze spent on `selected` */
  spent: number;
  /** grosze available */
  budget: number;
  /** one decision per project, ordered by `rank` */
  decisions: ProjectDecision[];
  ties: TieRecord[];
}
