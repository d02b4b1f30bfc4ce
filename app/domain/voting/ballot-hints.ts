/**
 * The "you can tick N more" part of each ballot type, without zod: the ballot page counts it in the
 * browser as the voter ticks. The registry (./ballot-types) takes its entries from here, so every
 * kind must have one (`satisfies`), or the type check fails.
 */
import type { BallotKind, BallotRule } from "../rules";

export type RuleOf<K extends BallotKind> = Extract<BallotRule, { kind: K }>;

export interface BallotHint<R extends BallotRule> {
  /** What a selection uses up: ticked/ranked projects, or the sum of their points. */
  uses: "projects" | "points";
  /** What is left given what is used; null when the limit is money (see remainingBudget). */
  left(rule: R, used: number): number | null;
}

export const BALLOT_HINTS = {
  approval: { uses: "projects", left: (rule, used) => Math.max(0, rule.maxTicks - used) },
  points: { uses: "points", left: (rule, used) => Math.max(0, rule.maxTotal - used) },
  knapsack: { uses: "projects", left: () => null },
  "choose-one": { uses: "projects", left: (_rule, used) => Math.max(0, 1 - used) },
  ranked: { uses: "projects", left: (rule, used) => Math.max(0, rule.ranks - used) },
} satisfies { [K in BallotKind]: BallotHint<RuleOf<K>> };

/** The hint entry of a rule's kind. */
export function ballotHint<R extends BallotRule>(rule: R): BallotHint<R> {
  return (BALLOT_HINTS as { [K in BallotKind]: BallotHint<RuleOf<K>> })[rule.kind] as unknown as BallotHint<R>;
}
