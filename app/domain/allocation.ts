/**
 * How the district money of an edition is split, as Gdynia does it: every district gets the same base
 * amount, the rest is shared by population and by area; inside a district a fixed share (10%) goes to
 * the small-projects pool and the rest to the large one. Integer grosze with the largest-remainder
 * method, so the parts always add up to the whole exactly.
 */
export interface DistrictWeightInput {
  id: string;
  population: number;
  areaHa: number;
}

export interface AllocationPolicy {
  /** Base amount per district, grosze. Gdynia 2026: 125 000 zł. */
  baseGrosze: number;
  /** Weight of population in the shared part, in per mille (the rest goes by area). */
  populationWeightPermille: number;
  /** Share of each district's money reserved for small projects, per mille (Gdynia: 100 = 10%). */
  smallSharePermille: number;
}

export interface DistrictAllocation {
  id: string;
  totalGrosze: number;
  largeGrosze: number;
  smallGrosze: number;
}

/** Splits `total` into integer parts proportional to `weights` (bigint math, largest remainder, ties by order). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + BigInt(b), 0n);
  if (weights.some((w) => w < 0 || !Number.isSafeInteger(w))) throw new RangeError("weights must be whole, non-negative");
  if (sum === 0n) throw new RangeError("weights must not all be zero");
  const T = BigInt(total);
  const floors = weights.map((w) => (T * BigInt(w)) / sum);
  const rems = weights.map((w, i) => ({ i, r: (T * BigInt(w)) % sum }));
  let left = T - floors.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    floors[i] = floors[i]! + 1n;
    left -= 1n;
  }
  return floors.map(Number);
}

export function allocateDistricts(
  districtsTotalGrosze: number,
  districts: readonly DistrictWeightInput[],
  policy: AllocationPolicy,
): DistrictAllocation[] {
  const n = districts.length;
  const shared = districtsTotalGrosze - policy.baseGrosze * n;
  if (shared < 0) throw new RangeError("the district total does not cover the base amounts");
  const byPopulation = Math.round((shared * policy.populationWeightPermille) / 1000);
  const popParts = apportion(byPopulation, districts.map((d) => d.population));
  const areaParts = apportion(shared - byPopulation, districts.map((d) => d.areaHa));
  return districts.map((d, i) => {
    const total = policy.baseGrosze + popParts[i]! + areaParts[i]!;
    const small = Math.floor((total * policy.smallSharePermille) / 1000);
    return { id: d.id, totalGrosze: total, smallGrosze: small, largeGrosze: total - small };
  });
}
