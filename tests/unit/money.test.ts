import { describe, expect, it } from "vitest";
import { formatMoney, percent, zlToGrosze } from "~/domain/money";

const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("formatMoney", () => {
  it.each([
    [125_000_000, "1 250 000,00 zł"],
    [500_000, "5 000,00 zł"],
    [1_354_926_600, "13 549 266,00 zł"],
    [99, "0,99 zł"],
    [0, "0,00 zł"],
    [-12_345, "−123,45 zł"],
  ])("pl %i grosze → %s", (g, expected) => {
    expect(plain(formatMoney(g, "pl"))).toBe(expected);
  });
  it("uses non-breaking spaces so amounts never wrap", () => {
    expect(formatMoney(125_000_000, "pl")).toBe("1\u00a0250\u00a0000,00\u00a0zł");
  });
  it("Ukrainian follows the Polish pattern", () => {
    expect(plain(formatMoney(2_000_000, "uk"))).toBe("20 000,00 zł");
  });
  it("English", () => {
    expect(plain(formatMoney(125_000_000, "en"))).toBe("PLN 1,250,000.00");
  });
  it("whole złoty drops ,00 but keeps real grosze", () => {
    expect(plain(formatMoney(2_000_000, "pl", { wholeZloty: true }))).toBe("20 000 zł");
    expect(plain(formatMoney(2_000_050, "pl", { wholeZloty: true }))).toBe("20 000,50 zł");
  });
  it("accepts bigint beyond 2^53 exactly", () => {
    expect(plain(formatMoney(12345678901234567890n, "pl"))).toBe("123 456 789 012 345 678,90 zł");
  });
});

describe("zlToGrosze and percent", () => {
  it("converts whole złoty", () => expect(zlToGrosze(20_000)).toBe(2_000_000));
  it("refuses fractions and unsafe numbers", () => {
    expect(() => zlToGrosze(1.5)).toThrow(RangeError);
    expect(() => zlToGrosze(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });
  it("percent rounds to one decimal and guards zero", () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(5, 0)).toBe(0);
  });
});
