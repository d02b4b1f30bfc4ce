/**
 * The points of each place of a ranked rule without zod, for the voter's pages (./rules brings zod,
 * which those pages keep out of the browser): pointsPerRank, or ranks, ranks-1, …, 1. ./rules
 * re-exports it as `rankPoints`.
 */
export function placePoints(rule: { ranks: number; pointsPerRank?: readonly number[] | undefined }): number[] {
  return Array.from({ length: rule.ranks }, (_, i) => rule.pointsPerRank?.[i] ?? rule.ranks - i);
}
