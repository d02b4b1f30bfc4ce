/**
 * Properties of money and its arithmetic: app/domain/money.ts, app/domain/counting/money.ts,
 * app/domain/counting/rational.ts and app/domain/allocation.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateDistricts, apportion } from "~/domain/allocation";
import { formatMoney as formatCounting, MoneyFormatError, parseMoney, sumMoney } from "~/domain/counting/money";
import { add, cmp, cmpScaled, divInt, mulInt, rat, sub, ZERO, type Rat } from "~/domain/counting/rational";
import { formatMoney, percent, zlToGrosze, type Locale } from "~/domain/money";
import { counter } from "./_count";

const { check } = counter("money, rationals, allocation");
const locale = fc.constantFrom<Locale>("pl", "uk", "en");
const grosze = fc.oneof(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.maxSafeInteger().map((n) => n));

/** Reads back what formatMoney printed: drop the currency, the grouping and the sign glyph. */
function readDisplayed(s: string, l: Locale): bigint {
  const negative = s.startsWith("−");
  let body = s.replace("−", "").replace("PLN", "").replace("zł", "").replace(/\u00a0/g, "");
  body = l === "en" ? body.replace(/,/g, "") : body.replace(",", ".");
  const [zl, gr = "00"] = body.split(".");
  expect(zl).toMatch(/^\d+$/);
  expect(gr).toMatch(/^\d\d$/);
  const v = BigInt(zl!) * 100n + BigInt(gr);
  return negative ? -v : v;
}

describe("formatMoney (display, app/domain/money.ts)", () => {
  it("reads back to the same number of grosze in every language, for numbers and bigints", () => {
    check(
      fc.property(grosze, locale, fc.boolean(), (g, l, asBig) => {
        expect(readDisplayed(formatMoney(asBig ? BigInt(g) : g, l), l)).toBe(BigInt(g));
      }),
    );
  });
  it("groups every three digits of the złoty part and never uses a plain space", () => {
    check(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), locale, (g, l) => {
        const s = formatMoney(g, l);
        expect(s).not.toContain(" ");
        const zl = l === "en" ? s.replace("PLN\u00a0", "").split(".")[0]! : s.split(",")[0]!;
        const groups = zl.split(l === "en" ? "," : "\u00a0");
        expect(groups[0]!.length).toBeGreaterThanOrEqual(1);
        expect(groups[0]!.length).toBeLessThanOrEqual(3);
        for (const gr of groups.slice(1)) expect(gr).toMatch(/^\d{3}$/);
      }),
    );
  });
  it("wholeZloty drops only a ',00' / '.00' and nothing else", () => {
    check(
      fc.property(grosze, locale, (g, l) => {
        const full = formatMoney(g, l);
        const whole = formatMoney(g, l, { wholeZloty: true });
        if (g % 100 === 0) expect(full.replace(l === "en" ? ".00" : ",00", "")).toBe(whole);
        else expect(whole).toBe(full);
      }),
    );
  });
});

describe("zlToGrosze and percent", () => {
  it("zlToGrosze multiplies safe whole złoty by 100 and refuses everything else with RangeError", () => {
    check(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger(), fc.constantFrom(NaN, Infinity, 0.5, 2 ** 53)), (zl) => {
        if (Number.isSafeInteger(zl) && Number.isSafeInteger(zl * 100)) expect(zlToGrosze(zl)).toBe(zl * 100);
        else expect(() => zlToGrosze(zl)).toThrow(RangeError);
      }),
    );
  });
  it("percent of a part of a whole is within 0..100, exact at the ends, and monotone in the part", () => {
    check(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), fc.nat(), (whole, a, b) => {
        const [x, y] = [a % (whole + 1), b % (whole + 1)].sort((p, q) => p - q) as [number, number];
        expect(percent(0, whole)).toBe(0);
        expect(percent(whole, whole)).toBe(100);
        expect(percent(x, whole)).toBeGreaterThanOrEqual(0);
        expect(percent(y, whole)).toBeLessThanOrEqual(100);
        expect(percent(x, whole)).toBeLessThanOrEqual(percent(y, whole));
        expect(Math.abs(percent(x, whole) - (100 * x) / whole)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
  it("percent of nothing is 0, whatever the part", () => {
    check(fc.property(fc.integer(), fc.integer({ max: 0 }), (part, whole) => {
      expect(percent(part, whole)).toBe(0);
    }));
  });
});

describe("parseMoney / formatMoney (counting, Pabulib amounts)", () => {
  const amount = fc.oneof(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
  it("round-trips, compact or not", () => {
    check(
      fc.property(amount, fc.boolean(), (g, compact) => {
        expect(parseMoney(formatCounting(g, { compact }))).toBe(g);
      }),
    );
  });
  it("accepts a decimal comma, surrounding spaces and trailing zero decimals as the same amount", () => {
    check(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.nat(4), (g, zeros) => {
        const s = formatCounting(g);
        expect(parseMoney(` ${s.replace(".", ",")}${"0".repeat(zeros)} `)).toBe(g);
      }),
    );
  });
  it("on any text: either a safe non-negative whole number of grosze or MoneyFormatError, never a rounded value", () => {
    check(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^-?\d{0,20}([.,]\d{0,5})?$/), fc.double().map(String)), (s) => {
        let v: number;
        try {
          v = parseMoney(s);
        } catch (e) {
          expect(e).toBeInstanceOf(MoneyFormatError);
          return;
        }
        expect(Number.isSafeInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        // exactness: the amount reads back to the same decimal value (no rounding of a third decimal)
        const [w, f = ""] = s.trim().split(/[.,]/);
        expect(BigInt(v)).toBe(BigInt(w!) * 100n + BigInt((f + "00").slice(0, 2)));
        expect(/^0*$/.test(f.slice(2))).toBe(true);
      }),
    );
  });
  it("sumMoney is the plain sum while it stays safe", () => {
    check(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 50 }), (xs) => {
        expect(sumMoney(xs)).toBe(xs.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("exact rationals", () => {
  const big = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
  const nonZero = big.filter((d) => d !== 0n);
  const r: fc.Arbitrary<Rat> = fc.tuple(big, nonZero).map(([n, d]) => rat(n, d));
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
  const eq = (a: Rat, b: Rat) => expect(cmp(a, b)).toBe(0);

  it("are always normalised: positive denominator, gcd 1, same value as n/d", () => {
    check(
      fc.property(big, nonZero, (n, d) => {
        const x = rat(n, d);
        expect(x.d > 0n).toBe(true);
        expect(gcd(x.n, x.d)).toBe(1n);
        expect(x.n * d).toBe(n * x.d);
      }),
    );
  });
  it("addition is commutative and associative with ZERO as identity; sub undoes add", () => {
    check(
      fc.property(r, r, r, (a, b, c) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(add(a, ZERO)).toEqual(a);
        expect(sub(add(a, b), b)).toEqual(a);
        eq(sub(a, a), ZERO);
      }),
    );
  });
  it("cmp is a total order that agrees with the sign of the difference", () => {
    check(
      fc.property(r, r, r, (a, b, c) => {
        expect(cmp(a, b)).toBe(-cmp(b, a));
        const d = sub(a, b);
        expect(cmp(a, b)).toBe(d.n === 0n ? 0 : d.n > 0n ? 1 : -1);
        if (cmp(a, b) <= 0 && cmp(b, c) <= 0) expect(cmp(a, c)).toBeLessThanOrEqual(0);
        // adding the same amount keeps the order
        expect(cmp(add(a, c), add(b, c))).toBe(cmp(a, b));
      }),
    );
  });
  it("mulInt and divInt are inverse; cmpScaled equals comparing the scaled values", () => {
    check(
      fc.property(r, r, nonZero, fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 9n }), (a, b, k, x, y) => {
        expect(divInt(mulInt(a, k), k)).toEqual(a);
        expect(mulInt(divInt(a, k), k)).toEqual(a);
        expect(cmpScaled(a, x, b, y)).toBe(cmp(mulInt(a, x), mulInt(b, y)));
        // distributive over addition
        expect(mulInt(add(a, b), k)).toEqual(add(mulInt(a, k), mulInt(b, k)));
      }),
    );
  });
  it("refuses a zero denominator", () => {
    check(fc.property(big, (n) => {
      expect(() => rat(n, 0n)).toThrow(RangeError);
    }), 50);
  });
});

describe("apportion (largest remainder)", () => {
  const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 25 }).filter((w) => w.some((x) => x > 0));
  const total = fc.oneof(fc.integer({ min: 0, max: 1_000_000_000_00 }), fc.nat(100));
  it("parts are whole, ≥ 0, add up exactly to the total and are within one grosz of the exact quota", () => {
    check(
      fc.property(total, weights, (t, w) => {
        const parts = apportion(t, w);
        expect(parts).toHaveLength(w.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
        const sum = w.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          // floor(quota) ≤ p ≤ floor(quota) + 1, exactly (bigint)
          const floor = (BigInt(t) * BigInt(w[i]!)) / BigInt(sum);
          expect(BigInt(p) === floor || BigInt(p) === floor + 1n).toBe(true);
          if (w[i] === 0) expect(p).toBe(0);
        });
      }),
    );
  });
  it("a larger weight never gets less (fairness), and an extra grosz goes to a larger remainder first", () => {
    check(
      fc.property(total, weights, (t, w) => {
        const parts = apportion(t, w);
        const sum = BigInt(w.reduce((a, b) => a + b, 0));
        const rem = w.map((x) => (BigInt(t) * BigInt(x)) % sum);
        const floor = w.map((x) => (BigInt(t) * BigInt(x)) / sum);
        for (let i = 0; i < w.length; i++)
          for (let j = 0; j < w.length; j++) {
            if (w[i]! > w[j]!) expect(parts[i]!).toBeGreaterThanOrEqual(parts[j]!);
            const gotI = BigInt(parts[i]!) > floor[i]!;
            const gotJ = BigInt(parts[j]!) > floor[j]!;
            // j got a rounded-up grosz while i, with a strictly larger remainder, did not: unfair
            if (gotJ && !gotI) expect(rem[i]! <= rem[j]!).toBe(true);
          }
      }),
    );
  });
  it("scaling all weights by the same factor changes nothing", () => {
    check(fc.property(total, weights, fc.integer({ min: 2, max: 50 }), (t, w, k) => {
      expect(apportion(t, w.map((x) => x * k))).toEqual(apportion(t, w));
    }));
  });
});

describe("allocateDistricts", () => {
  const district = fc.record({ id: fc.uuid(), population: fc.integer({ min: 0, max: 60_000 }), areaHa: fc.integer({ min: 1, max: 5_000 }) });
  it("districts add up exactly to the total, each gets at least the base, small + large = total, small = floor(share)", () => {
    check(
      fc.property(
        fc.array(district, { minLength: 1, maxLength: 22 }).filter((ds) => ds.some((d) => d.population > 0)),
        fc.integer({ min: 0, max: 200_000_00 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 100_000_000_00 }),
        (ds, base, popW, smallW, extra) => {
          const total = base * ds.length + extra;
          const out = allocateDistricts(total, ds, { baseGrosze: base, populationWeightPermille: popW, smallSharePermille: smallW });
          expect(out.map((d) => d.id)).toEqual(ds.map((d) => d.id));
          expect(out.reduce((s, d) => s + d.totalGrosze, 0)).toBe(total);
          for (const d of out) {
            expect(d.totalGrosze).toBeGreaterThanOrEqual(base);
            expect(d.smallGrosze + d.largeGrosze).toBe(d.totalGrosze);
            expect(d.smallGrosze).toBe(Math.floor((d.totalGrosze * smallW) / 1000));
            expect(d.smallGrosze).toBeGreaterThanOrEqual(0);
            expect(d.largeGrosze).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
  it("refuses a total that does not cover the base amounts", () => {
    check(
      fc.property(fc.integer({ min: 1, max: 22 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (n, base, short) => {
        const ds = Array.from({ length: n }, (_, i) => ({ id: `d${i}`, population: 1, areaHa: 1 }));
        expect(() => allocateDistricts(base * n - short, ds, { baseGrosze: base, populationWeightPermille: 500, smallSharePermille: 100 })).toThrow(RangeError);
      }),
      50,
    );
  });
});
