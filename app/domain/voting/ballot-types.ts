/**
 * The registry of ballot types: one entry per `BallotRule` kind (app/domain/rules.ts), each owning
 * everything the platform does with that kind — its configuration schema, how a pool's selection is
 * read and checked (reason codes), the "how many more" hint, the points its lines carry, how those
 * lines count, and its Pabulib `vote_type` and META. `BALLOT_TYPES` must have an entry for every
 * kind (`satisfies BallotTypeRegistry`): a new kind without all of this fails the type check instead
 * of falling into another kind's branch.
 *
 * The ballot page's browser code imports only ./ticks, which reads the hints from ./ballot-hints
 * (no zod there).
 */
import type { z } from "zod";
import { BallotRuleSchema, rankPoints, type BallotKind, type BallotRule } from "../rules";
import type { VoteType } from "../counting/scores";
import { formatMoney } from "../counting/money";
import { BALLOT_HINTS, type BallotHint, type RuleOf } from "./ballot-hints";

export type { RuleOf };

export type BallotReason =
  | "ballot_empty"
  | "ballot_unknown_district"
  | "ballot_unknown_pool"
  | "ballot_malformed"
  | "ballot_unknown_project"
  | "ballot_duplicate_project"
  | "ballot_district_required"
  | "ballot_project_other_district"
  | "ballot_points_not_positive"
  | "ballot_points_not_integer"
  | "ballot_points_over_per_project"
  | "ballot_points_over_total"
  | "ballot_too_many_ticks"
  | "ballot_too_few_ticks"
  | "ballot_over_budget"
  | "ballot_rank_invalid"
  | "ballot_rank_duplicate";

export type BallotIssue = { reason: BallotReason; projectId?: string };

/** What a type may know about the pool when it checks a selection. */
export interface PoolFacts {
  budgetGrosze: number;
  /** cost of a project of the pool (undefined: not in the pool) */
  cost(projectId: string): number | undefined;
}

export interface BallotTypeSpec<R extends BallotRule> {
  /** The rule's configuration schema (stored in `pools.ballot_rule`). */
  schema: z.ZodType<R>;
  /** "ids": a list of ticked project ids; "numbers": a number per project (points, or a rank). */
  input: "ids" | "numbers";
  /** Checks one project's number ("numbers" types); null = fine. 0 never reaches here (untouched). */
  checkValue(rule: R, value: number): BallotReason | null;
  /** Checks the pool's whole selection (project id → number, 1 for "ids" types). */
  checkPool(rule: R, chosen: ReadonlyMap<string, number>, pool: PoolFacts): BallotIssue[];
  /** The points a stored line carries for a chosen number (a rank becomes its rule's points). */
  linePoints(rule: R, value: number): number;
  /** "You can tick N more": what a selection uses up and what is left (null = limited by money). */
  hint: BallotHint<R>;
  /** How a stored line counts: one vote per voter, or its points. */
  score: "voters" | "points";
  pabulib: {
    voteType: VoteType;
    /** The META keys that state this rule in a `.pb` file. */
    meta(rule: R, pool: { budgetGrosze: number }): Record<string, string>;
  };
}

export type BallotTypeRegistry = { [K in BallotKind]: BallotTypeSpec<RuleOf<K>> };

function schemaOf<K extends BallotKind>(kind: K): z.ZodType<RuleOf<K>> {
  const option = BallotRuleSchema.options.find((o) => o.shape.kind.value === kind);
  if (!option) throw new Error(`no schema for ballot kind ${kind}`);
  return option as unknown as z.ZodType<RuleOf<K>>;
}

const none = (): null => null;
const one = (): number => 1;

export const BALLOT_TYPES = {
  approval: {
    schema: schemaOf("approval"),
    input: "ids",
    checkValue: none,
    checkPool(rule, chosen) {
      const out: BallotIssue[] = [];
      if (chosen.size > rule.maxTicks) out.push({ reason: "ballot_too_many_ticks" });
      if (chosen.size < rule.minTicks) out.push({ reason: "ballot_too_few_ticks" });
      return out;
    },
    linePoints: one,
    hint: BALLOT_HINTS.approval,
    score: "voters",
    pabulib: {
      voteType: "approval",
      meta: (rule) => ({ min_length: String(rule.minTicks), max_length: String(rule.maxTicks) }),
    },
  },
  points: {
    schema: schemaOf("points"),
    input: "numbers",
    checkValue(rule, v) {
      if (!Number.isFinite(v) || v < 0) return "ballot_points_not_positive";
      if (!Number.isInteger(v)) return "ballot_points_not_integer";
      if (v > rule.maxPerProject) return "ballot_points_over_per_project";
      return null;
    },
    checkPool(rule, chosen) {
      let total = 0;
      for (const v of chosen.values()) total += v;
      return total > rule.maxTotal ? [{ reason: "ballot_points_over_total" }] : [];
    },
    linePoints: (_rule, v) => v,
    hint: BALLOT_HINTS.points,
    score: "points",
    pabulib: {
      voteType: "cumulative",
      meta: (rule) => ({ max_sum_points: String(rule.maxTotal), max_points: String(rule.maxPerProject) }),
    },
  },
  knapsack: {
    schema: schemaOf("knapsack"),
    input: "ids",
    checkValue: none,
    checkPool(_rule, chosen, pool) {
      let cost = 0;
      for (const id of chosen.keys()) cost += pool.cost(id) ?? 0;
      return cost > pool.budgetGrosze ? [{ reason: "ballot_over_budget" }] : [];
    },
    linePoints: one,
    hint: BALLOT_HINTS.knapsack,
    score: "voters",
    pabulib: {
      voteType: "approval",
      meta: (_rule, pool) => ({ max_sum_cost: formatMoney(pool.budgetGrosze) }),
    },
  },
  "choose-one": {
    schema: schemaOf("choose-one"),
    input: "ids",
    checkValue: none,
    checkPool(rule, chosen) {
      const out: BallotIssue[] = [];
      if (chosen.size > 1) out.push({ reason: "ballot_too_many_ticks" });
      if (chosen.size < 1 && rule.required) out.push({ reason: "ballot_too_few_ticks" });
      return out;
    },
    linePoints: one,
    hint: BALLOT_HINTS["choose-one"],
    score: "voters",
    pabulib: {
      voteType: "choose-1",
      meta: () => ({ min_length: "1", max_length: "1" }),
    },
  },
  ranked: {
    schema: schemaOf("ranked"),
    input: "numbers",
    checkValue: (rule, v) => (!Number.isInteger(v) || v < 1 || v > rule.ranks ? "ballot_rank_invalid" : null),
    checkPool(rule, chosen) {
      const out: BallotIssue[] = [];
      const seen = new Set<number>();
      for (const [projectId, rank] of chosen) {
        if (seen.has(rank)) out.push({ reason: "ballot_rank_duplicate", projectId });
        seen.add(rank);
      }
      if (chosen.size > rule.ranks) out.push({ reason: "ballot_too_many_ticks" });
      if (rule.exact && chosen.size > 0 && chosen.size < rule.ranks) out.push({ reason: "ballot_too_few_ticks" });
      return out;
    },
    linePoints: (rule, rank) => rankPoints(rule)[rank - 1] ?? 0,
    hint: BALLOT_HINTS.ranked,
    score: "points",
    pabulib: {
      // the `points` column carries each rank's points, so any pointsPerRank recounts the same
      voteType: "ordinal",
      meta: (rule) => ({ min_length: String(rule.exact ? rule.ranks : 1), max_length: String(rule.ranks) }),
    },
  },
} satisfies BallotTypeRegistry;

/** The registry entry of a rule's kind. */
export function ballotType<R extends BallotRule>(rule: R): BallotTypeSpec<R> {
  return (BALLOT_TYPES as BallotTypeRegistry)[rule.kind] as unknown as BallotTypeSpec<R>;
}

/** The Pabulib `vote_type` and META of a pool's ballot rule. */
export function pabulibBallotMeta(rule: BallotRule, pool: { budgetGrosze: number }): { voteType: VoteType; meta: Record<string, string> } {
  const t = ballotType(rule);
  return { voteType: t.pabulib.voteType, meta: t.pabulib.meta(rule, pool) };
}

/** How a pool's stored lines count: one per voter, or by points. */
export function scoresBy(rule: BallotRule): "voters" | "points" {
  return ballotType(rule).score;
}
