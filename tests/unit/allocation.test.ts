import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateDistricts, apportion } from "~/domain/allocation";

describe("apportion", () => {
  it("splits exactly and proportionally", () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(10, [3, 1])).toEqual([8, 2]);
  });
  it("always adds up to the total and each part is within 1 of its exact share", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const parts = apportion(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1 + 1e-6));
      }),
    );
  });
  it("refuses zero or negative weights", () => {
    expect(() => apportion(10, [0, 0])).toThrow(RangeError);
    expect(() => apportion(10, [-1, 2])).toThrow(RangeError);
  });
});

describe("allocateDistricts", () => {
  const districts = [
    { id: "a", population: 10_000, areaHa: 500 },
    { id: "b", population: 20_000, areaHa: 100 },
    { id: "c", population: 5_000, areaHa: 2_000 },
  ];
  const policy = { baseGrosze: 12_500_000, populationWeightPermille: 700, smallSharePermille: 100 };

  it("gives every district the base and shares the rest exactly", () => {
    const total = 100_000_000_00;
    const out = allocateDistricts(total, districts, policy);
    expect(out.reduce((s, d) => s + d.totalGrosze, 0)).toBe(total);
    out.forEach((d) => {
      expect(d.totalGrosze).toBeGreaterThanOrEqual(policy.baseGrosze);
      expect(d.largeGrosze + d.smallGrosze).toBe(d.totalGrosze);
      expect(d.smallGrosze).toBe(Math.floor(d.totalGrosze / 10));
    });
  });
  it("more people means more money when areas are equal", () => {
    const out = allocateDistricts(50_000_000_00, [
      { id: "x", population: 1_000, areaHa: 100 },
      { id: "y", population: 9_000, areaHa: 100 },
    ], policy);
    expect(out[1]!.totalGrosze).toBeGreaterThan(out[0]!.totalGrosze);
  });
  it("refuses a total below the base amounts", () => {
    expect(() => allocateDistricts(1000, districts, policy)).toThrow(RangeError);
  });
});
