/**
 * How a pool is voted on and how its winners are chosen.
 * Stored as JSON in `pools.ballot_rule` / `pools.selection_rule` and parsed with these schemas
 * whenever read, so a bad row can never reach the ballot or the count.
 */
import { z } from "zod";

/** Money is always an integer number of grosze (1 zł = 100 gr). */
export const GroszeSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const BallotRuleSchema = z.discriminatedUnion("kind", [
  /** Tick between minTicks and maxTicks projects (Gdynia: 0..3 per category). */
  z.object({
    kind: z.literal("approval"),
    minTicks: z.number().int().min(0),
    maxTicks: z.number().int().min(1),
  }),
  /** Distribute points: at most maxTotal in all, at most maxPerProject on one project. */
  z.object({
    kind: z.literal("points"),
    maxTotal: z.number().int().min(1),
    maxPerProject: z.number().int().min(1),
  }),
  /** Tick projects whose total cost stays within the pool's budget (knapsack voting). */
  z.object({
    kind: z.literal("knapsack"),
  }),
  /** Choose one project (Wrocław, Poznań, Zabrze); `required` = an empty choice is refused. */
  z.object({
    kind: z.literal("choose-one"),
    required: z.boolean().default(false),
  }),
  /**
   * Rank projects 1..ranks (Kraków: exactly 3, ranked 3/2/1 points). `exact` = all ranks must be
   * used, otherwise up to `ranks`. `pointsPerRank[i]` are the points of rank i+1, strictly
   * decreasing (default ranks, ranks-1, …, 1), so the stored points keep the order.
   */
  z.object({
    kind: z.literal("ranked"),
    ranks: z.number().int().min(1).max(20),
    exact: z.boolean().default(false),
    pointsPerRank: z
      .array(z.number().int().min(1))
      .min(1)
      .max(20)
      .refine((a) => a.every((v, i) => i === 0 || v < (a[i - 1] as number)), { message: "points_not_decreasing" })
      .optional(),
  }),
]);
export type BallotRule = z.infer<typeof BallotRuleSchema>;
export type BallotKind = BallotRule["kind"];

/** Points of each rank of a ranked rule (rank 1 first); one definition, zod-free, for the ballot page too. */
export { placePoints as rankPoints } from "./rank-points";

export const SelectionRuleSchema = z.object({
  /** greedy: fund what fits, skip what does not; greedy-no-skip: stop at the first that does not fit; equal-shares: MES (Add1). */
  method: z.enum(["greedy", "greedy-no-skip", "equal-shares"]),
  /** A project needs at least this score (votes or points) to be eligible; 0 = no threshold. */
  minScore: z.number().int().min(0).default(0),
  /** How score ties are broken. */
  tieBreak: z.enum(["voters", "lower-cost", "lot"]).default("lower-cost"),
  /**
   * Equal Shares only (absent = pabutools' Add1, then greedy completion). Wieliczka's official count:
   * Pabulib's Add1 (whole złoty per voter), no completion, then the comparison with greedy.
   */
  equalShares: z
    .object({
      add1: z.enum(["pabutools", "pabulib", "none"]).default("pabutools"),
      completion: z.enum(["greedy", "none"]).default("greedy"),
      comparison: z.boolean().default(false),
    })
    .optional(),
  /**
   * Greedy only: groups of mutually exclusive projects of the pool (proposal ids; Warszawa's
   * `greedy-exclusive`): once one of a group is funded, the others are not.
   */
  exclusive: z.array(z.array(z.string().min(1).max(100)).min(2).max(50)).max(50).optional(),
});
export type SelectionRule = z.infer<typeof SelectionRuleSchema>;

/** The kinds of pool Gdynia uses. */
export const PoolKindSchema = z.enum(["city", "district_large", "district_small", "programme"]);
export type PoolKind = z.infer<typeof PoolKindSchema>;

import { PHASES } from "./phase-list";
export { PHASES };
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;
