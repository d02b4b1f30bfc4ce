/**
 * The forms of the districts and pools pages: amounts are typed in złoty ("1 250 000", "20000,50",
 * Polish decimal comma or a dot), shares in percent with at most one decimal ("70", "12,5").
 * A minus sign is read so the page can say "negative amount" instead of "not a number".
 */
import { z } from "zod";
import type { AllocationField, AllocationSettings } from "./pool-setup";
import { DistrictChoiceSchema } from "./pool-setup";

export type Parsed = { ok: true; value: number } | { ok: false; error: "negative_amount" | "amount" | "percent" };

const clean = (s: string) => s.replace(/[\s\u00a0]/g, "").replace(/(zł|pln|%)$/i, "");

/** "1 234,56" → 123456 grosze; "-5" → negative_amount; anything else that is not an amount → amount. */
export function parseZloty(text: string): Parsed {
  const m = /^(-|−)?(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(clean(text));
  if (!m) return { ok: false, error: "amount" };
  const grosze = Number(m[2]) * 100 + Number((m[3] ?? "0").padEnd(2, "0"));
  if (!Number.isSafeInteger(grosze)) return { ok: false, error: "amount" };
  if (m[1] && grosze > 0) return { ok: false, error: "negative_amount" };
  return { ok: true, value: grosze };
}

/** "70" → 700 per mille, "12,5" → 125; outside 0–100 % → percent. */
export function parsePercent(text: string): Parsed {
  const m = /^(-|−)?(\d{1,3})(?:[.,](\d))?$/.exec(clean(text));
  if (!m || m[1]) return { ok: false, error: "percent" };
  const permille = Number(m[2]) * 10 + Number(m[3] ?? "0");
  return permille > 1000 ? { ok: false, error: "percent" } : { ok: true, value: permille };
}

/** The amount as the form shows it back: "1234,56" / "1234". */
export function zlotyText(grosze: number): string {
  const zl = Math.trunc(grosze / 100);
  const gr = Math.abs(grosze % 100);
  return gr === 0 ? String(zl) : `${zl},${String(gr).padStart(2, "0")}`;
}

/** 700 → "70", 125 → "12,5". */
export function percentText(permille: number): string {
  return permille % 10 === 0 ? String(permille / 10) : `${Math.trunc(permille / 10)},${permille % 10}`;
}

/** Form field name → settings key and how it is read. */
export const ALLOCATION_FIELDS = {
  total: ["totalGrosze", "zl"],
  city: ["cityGrosze", "zl"],
  cityCap: ["cityCapGrosze", "zl"],
  base: ["baseGrosze", "zl"],
  populationWeight: ["populationWeightPermille", "pct"],
  smallShare: ["smallSharePermille", "pct"],
  smallCap: ["smallCapGrosze", "zl"],
  largeCap: ["largeCapPermille", "pct"],
} as const satisfies Record<string, readonly [AllocationField, "zl" | "pct"]>;
export type AllocationFormField = keyof typeof ALLOCATION_FIELDS;
export const ALLOCATION_FORM_FIELDS = Object.keys(ALLOCATION_FIELDS) as AllocationFormField[];

/** The form field a settings key is typed in. */
export function formFieldOf(key: AllocationField): AllocationFormField | null {
  return ALLOCATION_FORM_FIELDS.find((f) => ALLOCATION_FIELDS[f][0] === key) ?? null;
}

export const ROUNDING_GROSZE = 10_000;

export type AllocationForm =
  | { ok: true; settings: AllocationSettings }
  | { ok: false; errors: Partial<Record<AllocationFormField, string>> };

/** Reads the allocation form; errors are reason codes per field (negative_amount, amount, percent). */
export function readAllocationForm(values: Partial<Record<string, unknown>>): AllocationForm {
  const errors: Partial<Record<AllocationFormField, string>> = {};
  const out: Partial<AllocationSettings> = { roundingGrosze: ROUNDING_GROSZE };
  for (const f of ALLOCATION_FORM_FIELDS) {
    const [key, how] = ALLOCATION_FIELDS[f];
    const raw = values[f];
    const text = typeof raw === "string" ? raw.slice(0, 40) : "";
    const r = how === "zl" ? parseZloty(text) : parsePercent(text);
    if (r.ok) out[key] = r.value;
    else errors[f] = r.error;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings: out as AllocationSettings };
}

/** The settings shown back in the form's fields. */
export function allocationFormValues(s: AllocationSettings): Record<AllocationFormField, string> {
  const out = {} as Record<AllocationFormField, string>;
  for (const f of ALLOCATION_FORM_FIELDS) {
    const [key, how] = ALLOCATION_FIELDS[f];
    out[f] = how === "zl" ? zlotyText(s[key]) : percentText(s[key]);
  }
  return out;
}

const optionalText = z.string().trim().max(40).optional().default("");

/** One pool's rules as typed: empty cap = no cap, empty threshold = the programme's. */
export const PoolRulesFormSchema = z.object({
  poolId: z.string().min(1).max(100),
  /** Only a programme's own pool (youth, children) takes its amount here; district and city pools come from the allocation. */
  budget: optionalText.optional(),
  maxProjectCost: optionalText,
  supportsRequired: optionalText,
  maxTicks: optionalText,
});

/** `budgetGrosze` null: the amount stays as it is. */
export type PoolRules = { budgetGrosze: number | null; maxProjectCostGrosze: number | null; supportsRequired: number | null; maxTicks: number | null };
type PoolRulesField = "budget" | "maxProjectCost" | "supportsRequired" | "maxTicks";
export type PoolRulesForm = { ok: true; rules: PoolRules } | { ok: false; errors: Partial<Record<PoolRulesField, string>> };

const WHOLE = /^\d{1,6}$/;

export function readPoolRules(v: z.infer<typeof PoolRulesFormSchema>): PoolRulesForm {
  const errors: Partial<Record<PoolRulesField, string>> = {};
  let budget: number | null = null;
  if (v.budget !== undefined && v.budget !== "") {
    const r = parseZloty(v.budget);
    if (r.ok) budget = r.value;
    else errors.budget = r.error;
  }
  let cap: number | null = null;
  if (v.maxProjectCost !== "") {
    const r = parseZloty(v.maxProjectCost);
    if (r.ok) cap = r.value;
    else errors.maxProjectCost = r.error;
  }
  const whole = (s: string, name: "supportsRequired" | "maxTicks", min: number) => {
    if (s === "") return null;
    const t = s.replace(/\s/g, "");
    if (/^(-|−)\d+$/.test(t)) errors[name] = "negative_amount";
    else if (!WHOLE.test(t) || Number(t) < min) errors[name] = name === "maxTicks" ? "ticks" : "whole";
    return WHOLE.test(t) ? Number(t) : null;
  };
  const supportsRequired = whole(v.supportsRequired, "supportsRequired", 0);
  const maxTicks = whole(v.maxTicks, "maxTicks", 1);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rules: { budgetGrosze: budget, maxProjectCostGrosze: cap, supportsRequired, maxTicks } };
}

export const DistrictChoiceFormSchema = z.object({
  programmeId: z.string().min(1).max(100),
  districtChoice: DistrictChoiceSchema,
});
