/**
 * What is left to tick on a ballot, without zod: the ballot page counts it in the browser as the
 * voter ticks (./ballot, with the schemas, re-exports it).
 */
import type { BallotRule } from "../rules";
import type { BallotSelection } from "./ballot";

/**
 * For "you can tick N more" hints: ticks left (approval, choose-one), points left (points) or
 * ranks left (ranked, where a record counts its ranked projects);
 * null for knapsack, where the limit is money (see remainingBudget).
 * `ticked` is the pool's current selection, or the number of ticks/points already used.
 */
export function remainingTicks(rule: BallotRule, ticked: number | BallotSelection): number | null {
  let used: number;
  if (typeof ticked === "number") used = ticked;
  else if (Array.isArray(ticked)) used = new Set(ticked).size;
  else if (rule.kind === "ranked") used = Object.values(ticked as Readonly<Record<string, number>>).filter((v) => v > 0).length;
  else used = Object.values(ticked as Readonly<Record<string, number>>).reduce((n, v) => n + (v > 0 ? v : 0), 0);
  if (rule.kind === "approval") return Math.max(0, rule.maxTicks - used);
  if (rule.kind === "points") return Math.max(0, rule.maxTotal - used);
  if (rule.kind === "choose-one") return Math.max(0, 1 - used);
  if (rule.kind === "ranked") return Math.max(0, rule.ranks - used);
  return null;
}
