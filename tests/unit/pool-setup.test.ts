import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canMerge, DistrictInputSchema, previewAllocation, type AllocationDistrict, type AllocationSettings } from "~/domain/pool-setup";
import { parsePercent, parseZloty, readAllocationForm, readPoolRules, allocationFormValues } from "~/domain/pool-setup-forms";

const BO_2026: AllocationSettings = {
  totalGrosze: 13_549_266_00,
  cityGrosze: 2_500_000_00,
  cityCapGrosze: 1_250_000_00,
  baseGrosze: 125_000_00,
  populationWeightPermille: 700,
  smallSharePermille: 100,
  smallCapGrosze: 20_000_00,
  largeCapPermille: 900,
  roundingGrosze: 100_00,
};
const d = (id: string, population: number, areaHa: number, large = 0, small = 0): AllocationDistrict => ({ id, population, areaHa, leftoverLargeGrosze: large, leftoverSmallGrosze: small });
const DISTRICTS = [d("a", 20_000, 500), d("b", 8_000, 1_200), d("c", 3_000, 3_000, 5_000_00, 1_234_56)];

describe("previewAllocation", () => {
  it("rounds every share to 100 zł and sends the remainder to the city pool", () => {
    const r = previewAllocation(BO_2026, DISTRICTS);
    if (!r.ok) throw new Error(r.reason);
    const p = r.preview;
    for (const row of p.districts) {
      expect(row.byPopulationGrosze % 100_00).toBe(0);
      expect(row.byAreaGrosze % 100_00).toBe(0);
      expect(row.largeGrosze + row.smallGrosze).toBe(row.totalGrosze);
      expect(row.largeCapGrosze).toBeLessThanOrEqual(row.largeGrosze);
    }
    const formula = p.districts.reduce((s, x) => s + x.totalGrosze - x.leftoverGrosze, 0);
    expect(formula + p.remainderGrosze).toBe(p.districtsGrosze);
    expect(p.remainderGrosze).toBeLessThan(100_00);
    expect(p.cityBudgetGrosze).toBe(BO_2026.cityGrosze + p.remainderGrosze);
  });
  it("adds each district's leftovers to its own pools", () => {
    const r = previewAllocation(BO_2026, DISTRICTS);
    if (!r.ok) throw new Error(r.reason);
    const c = r.preview.districts[2]!;
    expect(c.leftoverGrosze).toBe(6_234_56);
    expect(c.smallGrosze % 100_00).toBe(34_56);
  });
  it.each([
    [{ cityGrosze: -1 }, "negative_amount", "cityGrosze"],
    [{ smallCapGrosze: -100 }, "negative_amount", "smallCapGrosze"],
    [{ populationWeightPermille: 1001 }, "weights_out_of_range", "populationWeightPermille"],
    [{ largeCapPermille: 0 }, "weights_out_of_range", "largeCapPermille"],
    [{ roundingGrosze: 0 }, "rounding_invalid", "roundingGrosze"],
    [{ cityGrosze: 20_000_000_00 }, "city_exceeds_total", "cityGrosze"],
    [{ cityCapGrosze: 2_500_000_01 }, "cap_above_pool", "cityCapGrosze"],
    [{ baseGrosze: 5_000_000_00 }, "base_exceeds_total", "baseGrosze"],
    [{ smallCapGrosze: 500_000_00 }, "small_cap_above_small_pool", "smallCapGrosze"],
  ] as const)("refuses %o with %s", (change, reason, field) => {
    expect(previewAllocation({ ...BO_2026, ...change }, DISTRICTS)).toEqual({ ok: false, reason, field });
  });
  it("refuses with no districts, or no population to share by", () => {
    expect(previewAllocation(BO_2026, [])).toMatchObject({ ok: false, reason: "no_districts" });
    expect(previewAllocation(BO_2026, [d("a", 0, 10)])).toMatchObject({ ok: false, reason: "no_population" });
    expect(previewAllocation({ ...BO_2026, populationWeightPermille: 1000 }, [d("a", 5, 0)])).toMatchObject({ ok: true });
  });
  it("parts always add up to the total and none is negative (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ population: fc.integer({ min: 1, max: 200_000 }), areaHa: fc.integer({ min: 1, max: 5_000 }), large: fc.integer({ min: 0, max: 1_000_000 }), small: fc.integer({ min: 0, max: 1_000_000 }) }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 0, max: 50_000_000_00 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 100_000 }),
        (ds, extra, popW, smallShare, rounding) => {
          const districts = ds.map((x, i) => d(`d${i}`, x.population, x.areaHa, x.large, x.small));
          const base = 10_000_00;
          const s: AllocationSettings = { ...BO_2026, totalGrosze: 1_000_000_00 + base * ds.length + extra, cityGrosze: 1_000_000_00, cityCapGrosze: 0, baseGrosze: base, populationWeightPermille: popW, smallSharePermille: smallShare, smallCapGrosze: 0, roundingGrosze: rounding };
          const r = previewAllocation(s, districts);
          if (!r.ok) throw new Error(r.reason);
          const p = r.preview;
          const formula = p.districts.reduce((sum, x) => sum + x.totalGrosze - x.leftoverGrosze, 0);
          expect(formula + p.cityBudgetGrosze).toBe(s.totalGrosze);
          for (const x of p.districts) {
            for (const v of [x.byPopulationGrosze, x.byAreaGrosze, x.largeGrosze, x.smallGrosze, x.largeCapGrosze]) expect(v).toBeGreaterThanOrEqual(0);
            expect(x.largeGrosze + x.smallGrosze).toBe(x.totalGrosze);
          }
        },
      ),
    );
  });
});

describe("canMerge", () => {
  const a = { id: "a", active: true };
  it.each([
    [a, a, "merge_into_self"],
    [{ id: "b", active: false }, a, "district_already_merged"],
    [a, { id: "b", active: false }, "merge_into_merged"],
  ] as const)("refuses %o into %o: %s", (from, into, reason) => expect(canMerge(from, into)).toEqual({ ok: false, reason }));
  it("allows two active districts", () => expect(canMerge(a, { id: "b", active: true })).toEqual({ ok: true }));
});

describe("DistrictInputSchema", () => {
  it.each([
    [{ name: "Witomino", slug: "witomino", population: "12000", areaHa: "520" }, true],
    [{ name: "W", slug: "witomino", population: "1", areaHa: "1" }, false],
    [{ name: "Witomino", slug: "Witomino Leśniczówka", population: "1", areaHa: "1" }, false],
    [{ name: "Witomino", slug: "witomino-", population: "1", areaHa: "1" }, false],
    [{ name: "Witomino", slug: "witomino", population: "-1", areaHa: "1" }, false],
    [{ name: "Witomino", slug: "witomino", population: "1", areaHa: "1,5" }, false],
  ])("%o → %s", (input, ok) => expect(DistrictInputSchema.safeParse(input).success).toBe(ok));
});

describe("amounts and shares typed in the form", () => {
  it.each([
    ["1 250 000", { ok: true, value: 125_000_000 }],
    ["20000,5", { ok: true, value: 2_000_050 }],
    ["20000.55 zł", { ok: true, value: 2_000_055 }],
    ["-5", { ok: false, error: "negative_amount" }],
    ["−5,00", { ok: false, error: "negative_amount" }],
    ["abc", { ok: false, error: "amount" }],
    ["1,234", { ok: false, error: "amount" }],
    ["", { ok: false, error: "amount" }],
  ])("parseZloty(%j)", (text, out) => expect(parseZloty(text)).toEqual(out));
  it.each([
    ["70", { ok: true, value: 700 }],
    ["12,5 %", { ok: true, value: 125 }],
    ["100", { ok: true, value: 1000 }],
    ["100,1", { ok: false, error: "percent" }],
    ["-1", { ok: false, error: "percent" }],
  ])("parsePercent(%j)", (text, out) => expect(parsePercent(text)).toEqual(out));
  it("reads the whole allocation form and writes it back the same", () => {
    const values = { total: "13 549 266", city: "2500000", cityCap: "1250000", base: "125000", populationWeight: "70", smallShare: "10", smallCap: "20000", largeCap: "90" };
    const r = readAllocationForm(values);
    expect(r).toEqual({ ok: true, settings: BO_2026 });
    if (r.ok) expect(allocationFormValues(r.settings)).toEqual({ ...values, total: "13549266" });
    expect(readAllocationForm({ ...values, city: "-1" })).toEqual({ ok: false, errors: { city: "negative_amount" } });
  });
  it("reads pool rules: empty means none or the programme's", () => {
    expect(readPoolRules({ poolId: "p", maxProjectCost: "", supportsRequired: "", maxTicks: "" })).toEqual({ ok: true, rules: { budgetGrosze: null, maxProjectCostGrosze: null, supportsRequired: null, maxTicks: null } });
    expect(readPoolRules({ poolId: "p", maxProjectCost: "20 000", supportsRequired: "15", maxTicks: "3" })).toEqual({ ok: true, rules: { budgetGrosze: null, maxProjectCostGrosze: 2_000_000, supportsRequired: 15, maxTicks: 3 } });
    // a programme pool's amount, typed in złoty with a decimal comma
    expect(readPoolRules({ poolId: "p", budget: "300 000,50", maxProjectCost: "", supportsRequired: "", maxTicks: "" })).toMatchObject({ ok: true, rules: { budgetGrosze: 30_000_050 } });
    expect(readPoolRules({ poolId: "p", maxProjectCost: "-1", supportsRequired: "-2", maxTicks: "0" })).toEqual({ ok: false, errors: { maxProjectCost: "negative_amount", supportsRequired: "negative_amount", maxTicks: "ticks" } });
  });
});
