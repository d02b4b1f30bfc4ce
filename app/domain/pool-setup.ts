/**
 * Setting up an edition's pools, as Gdynia does it: the total minus the city pool is the district
 * money; every district gets the same base amount, the rest is shared by population and by area
 * with weights the city sets, in whole units of `roundingGrosze` (100 zł), by the largest-remainder
 * method (see `apportion`). Inside a district a share goes to small projects (rounded down to the
 * unit) and the rest to large ones; each pool then gets back the leftovers carried over into it.
 *
 * Rounding remainder: the shared part is split in whole units, so what is left below one unit
 * (less than 100 zł) cannot go to any district. It is reported as `remainderGrosze` and added to the
 * city pool, so the pools of the edition always add up to the total exactly.
 */
import { z } from "zod";
import { apportion } from "./allocation";

export interface AllocationSettings {
  totalGrosze: number;
  cityGrosze: number;
  cityCapGrosze: number;
  baseGrosze: number;
  /** Share of the shared part split by population, per mille; the rest goes by area. */
  populationWeightPermille: number;
  /** Share of each district's money for small projects, per mille. */
  smallSharePermille: number;
  smallCapGrosze: number;
  /** Cap on one large project as a share of the district's large pool, per mille (900 = 90 %). */
  largeCapPermille: number;
  /** The unit amounts are rounded to (10 000 = 100 zł). */
  roundingGrosze: number;
}

export interface AllocationDistrict {
  id: string;
  population: number;
  areaHa: number;
  /** Carried over into this district's large and small pools (kept on the pools). */
  leftoverLargeGrosze: number;
  leftoverSmallGrosze: number;
}

export interface DistrictShare {
  id: string;
  baseGrosze: number;
  byPopulationGrosze: number;
  byAreaGrosze: number;
  leftoverGrosze: number;
  /** base + by population + by area + leftovers */
  totalGrosze: number;
  largeGrosze: number;
  smallGrosze: number;
  largeCapGrosze: number;
}

export interface AllocationPreview {
  districtsGrosze: number;
  /** City pool budget: the typed city amount plus the rounding remainder. */
  cityBudgetGrosze: number;
  cityCapGrosze: number;
  remainderGrosze: number;
  smallCapGrosze: number;
  districts: DistrictShare[];
}

export type AllocationRefusal =
  | "negative_amount"
  | "weights_out_of_range"
  | "rounding_invalid"
  | "city_exceeds_total"
  | "cap_above_pool"
  | "base_exceeds_total"
  | "no_districts"
  | "no_population"
  | "no_area"
  | "small_cap_above_small_pool";

/** Which form field a refusal belongs to. */
export type AllocationField = keyof AllocationSettings;

export type AllocationResult =
  | { ok: true; preview: AllocationPreview }
  | { ok: false; reason: AllocationRefusal; field: AllocationField | null };

const AMOUNTS = ["totalGrosze", "cityGrosze", "cityCapGrosze", "baseGrosze", "smallCapGrosze"] as const;
const PERMILLES = ["populationWeightPermille", "smallSharePermille", "largeCapPermille"] as const;

const refuse = (reason: AllocationRefusal, field: AllocationField | null = null): AllocationResult => ({ ok: false, reason, field });

/** Checks the settings that do not depend on the districts. */
export function checkSettings(s: AllocationSettings): { ok: true } | { ok: false; reason: AllocationRefusal; field: AllocationField | null } {
  for (const f of AMOUNTS) if (!Number.isSafeInteger(s[f]) || s[f] < 0) return { ok: false, reason: "negative_amount", field: f };
  for (const f of PERMILLES) if (!Number.isInteger(s[f]) || s[f] < 0 || s[f] > 1000) return { ok: false, reason: "weights_out_of_range", field: f };
  if (s.largeCapPermille === 0) return { ok: false, reason: "weights_out_of_range", field: "largeCapPermille" };
  if (!Number.isSafeInteger(s.roundingGrosze) || s.roundingGrosze < 1) return { ok: false, reason: "rounding_invalid", field: "roundingGrosze" };
  if (s.cityGrosze > s.totalGrosze) return { ok: false, reason: "city_exceeds_total", field: "cityGrosze" };
  if (s.cityCapGrosze > s.cityGrosze) return { ok: false, reason: "cap_above_pool", field: "cityCapGrosze" };
  return { ok: true };
}

/** The allocation table shown before saving, or the first reason it cannot be made. */
export function previewAllocation(s: AllocationSettings, districts: readonly AllocationDistrict[]): AllocationResult {
  const checked = checkSettings(s);
  if (!checked.ok) return checked;
  if (districts.length === 0) return refuse("no_districts");
  const districtsGrosze = s.totalGrosze - s.cityGrosze;
  const shared = districtsGrosze - s.baseGrosze * districts.length;
  if (shared < 0) return refuse("base_exceeds_total", "baseGrosze");
  const unit = s.roundingGrosze;
  const units = Math.floor(shared / unit);
  const remainderGrosze = shared - units * unit;
  const popUnits = Math.round((units * s.populationWeightPermille) / 1000);
  const areaUnits = units - popUnits;
  const pops = districts.map((d) => d.population);
  const areas = districts.map((d) => d.areaHa);
  if (popUnits > 0 && !pops.some((p) => p > 0)) return refuse("no_population", "populationWeightPermille");
  if (areaUnits > 0 && !areas.some((a) => a > 0)) return refuse("no_area", "populationWeightPermille");
  const popParts = popUnits > 0 ? apportion(popUnits, pops) : pops.map(() => 0);
  const areaParts = areaUnits > 0 ? apportion(areaUnits, areas) : areas.map(() => 0);
  const rows = districts.map((d, i): DistrictShare => {
    const byPopulationGrosze = popParts[i]! * unit;
    const byAreaGrosze = areaParts[i]! * unit;
    const formula = s.baseGrosze + byPopulationGrosze + byAreaGrosze;
    const small = Math.floor((formula * s.smallSharePermille) / 1000 / unit) * unit;
    const largeGrosze = formula - small + d.leftoverLargeGrosze;
    const smallGrosze = small + d.leftoverSmallGrosze;
    const leftoverGrosze = d.leftoverLargeGrosze + d.leftoverSmallGrosze;
    return {
      id: d.id,
      baseGrosze: s.baseGrosze,
      byPopulationGrosze,
      byAreaGrosze,
      leftoverGrosze,
      totalGrosze: formula + leftoverGrosze,
      largeGrosze,
      smallGrosze,
      largeCapGrosze: Math.floor((largeGrosze * s.largeCapPermille) / 1000 / 100) * 100,
    };
  });
  if (rows.some((r) => s.smallCapGrosze > r.smallGrosze)) return refuse("small_cap_above_small_pool", "smallCapGrosze");
  return {
    ok: true,
    preview: {
      districtsGrosze,
      cityBudgetGrosze: s.cityGrosze + remainderGrosze,
      cityCapGrosze: s.cityCapGrosze,
      remainderGrosze,
      smallCapGrosze: s.smallCapGrosze,
      districts: rows,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Districts

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const DistrictInputSchema = z.object({
  name: z.string().trim().min(2, "adminPools.error.name").max(80, "adminPools.error.name"),
  slug: z.string().trim().min(2, "adminPools.error.slug").max(60, "adminPools.error.slug").regex(SLUG_PATTERN, "adminPools.error.slug"),
  population: z.coerce.number("adminPools.error.population").int("adminPools.error.population").min(0, "adminPools.error.population").max(10_000_000, "adminPools.error.population"),
  areaHa: z.coerce.number("adminPools.error.area").int("adminPools.error.area").min(0, "adminPools.error.area").max(10_000_000, "adminPools.error.area"),
});
export type DistrictInput = z.infer<typeof DistrictInputSchema>;

export type MergeRefusal = "merge_into_self" | "district_already_merged" | "merge_into_merged";

/** A district merges into another active one, never into itself or into one that is itself merged. */
export function canMerge(from: { id: string; active: boolean }, into: { id: string; active: boolean }): { ok: true } | { ok: false; reason: MergeRefusal } {
  if (from.id === into.id) return { ok: false, reason: "merge_into_self" };
  if (!from.active) return { ok: false, reason: "district_already_merged" };
  if (!into.active) return { ok: false, reason: "merge_into_merged" };
  return { ok: true };
}

/** What a ballot's district may be: any one district the voter picks, or only the voter's own. */
export const DISTRICT_CHOICES = ["chosen", "own"] as const;
export const DistrictChoiceSchema = z.enum(DISTRICT_CHOICES);
export type DistrictChoice = z.infer<typeof DistrictChoiceSchema>;
