/** A proposal's cost breakdown: totals, the pool's caps, and amounts as typed in a form. */

export interface CostItem {
  label: string;
  amountGrosze: number;
}

export interface PoolLimits {
  budgetGrosze: number;
  maxProjectCostGrosze: number | null;
}

export type CostRefusal = "cost_items_required" | "cost_zero" | "cost_over_cap" | "cost_over_pool";

export function costTotal(items: readonly CostItem[]): number {
  return items.reduce((s, i) => s + i.amountGrosze, 0);
}

/** The total of the breakdown, or why it cannot be accepted for the pool. */
export function checkCostBreakdown(items: readonly CostItem[], pool: PoolLimits): { ok: true; totalGrosze: number } | { ok: false; reason: CostRefusal; totalGrosze: number; limitGrosze: number } {
  const totalGrosze = costTotal(items);
  if (items.length === 0) return { ok: false, reason: "cost_items_required", totalGrosze, limitGrosze: 0 };
  if (totalGrosze <= 0) return { ok: false, reason: "cost_zero", totalGrosze, limitGrosze: 0 };
  if (pool.maxProjectCostGrosze !== null && totalGrosze > pool.maxProjectCostGrosze) {
    return { ok: false, reason: "cost_over_cap", totalGrosze, limitGrosze: pool.maxProjectCostGrosze };
  }
  if (totalGrosze > pool.budgetGrosze) return { ok: false, reason: "cost_over_pool", totalGrosze, limitGrosze: pool.budgetGrosze };
  return { ok: true, totalGrosze };
}

/** "1 234,56", "1234.5", "20000" → grosze; null for anything else (letters, signs, 3 decimals). */
export function parseAmount(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, "").replace(/zł$/i, "");
  const m = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const grosze = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  return Number.isSafeInteger(grosze) ? grosze : null;
}

/** The amount as the form shows it back: "1234,56" / "1234". */
export function amountText(grosze: number): string {
  const zl = Math.floor(grosze / 100);
  const gr = grosze % 100;
  return gr === 0 ? String(zl) : `${zl},${String(gr).padStart(2, "0")}`;
}
