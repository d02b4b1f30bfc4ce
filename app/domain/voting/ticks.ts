/**
 * What is left to tick on a ballot, without zod: the ballot page counts it in the browser as the
 * voter ticks (./ballot, with the schemas, re-exports it). Each kind's hint is its entry in
 * ./ballot-hints (part of the ballot-type registry).
 */
import type { BallotRule } from "../rules";
import type { BallotSelection } from "./ballot";
import { ballotHint } from "./ballot-hints";

/**
 * For "you can tick N more" hints: ticks left (approval, choose-one), points left (points) or
 * ranks left (ranked, where a record counts its ranked projects);
 * null for knapsack, where the limit is money (see remainingBudget).
 * `ticked` is the pool's current selection, or the number of ticks/points already used.
 */
export function remainingTicks(rule: BallotRule, ticked: number | BallotSelection): number | null {
  const hint = ballotHint(rule);
  let used: number;
  if (typeof ticked === "number") used = ticked;
  else if (Array.isArray(ticked)) used = new Set(ticked).size;
  else {
    const values = Object.values(ticked as Readonly<Record<string, number>>).filter((v) => v > 0);
    used = hint.uses === "projects" ? values.length : values.reduce((n, v) => n + v, 0);
  }
  return hint.left(rule, used);
}
