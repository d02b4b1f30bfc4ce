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
]);
export type BallotRule = z.infer<typeof BallotRuleSchema>;

export const SelectionRuleSchema = z.object({
  /** greedy: fund what fits, skip what does not; greedy-no-skip: stop at the first that does not fit; equal-shares: MES (Add1). */
  method: z.enum(["greedy", "greedy-no-skip", "equal-shares"]),
  /** A project needs at least this score (votes or points) to be eligible; 0 = no threshold. */
  minScore: z.number().int().min(0).default(0),
  /** How score ties are broken. */
  tieBreak: z.enum(["voters", "lower-cost", "lot"]).default("lower-cost"),
});
export type SelectionRule = z.infer<typeof SelectionRuleSchema>;

/** The kinds of pool Gdynia uses. */
export const PoolKindSchema = z.enum(["city", "district_large", "district_small", "programme"]);
export type PoolKind = z.infer<typeof PoolKindSchema>;

import { PHASES } from "./phase-list";
export { PHASES };
export const PhaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof PhaseSchema>;
