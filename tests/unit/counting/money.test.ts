import { describe, expect, it } from "vitest";
import { formatMoney, MoneyFormatError, parseMoney, sumMoney } from "~/domain/counting/money";

describe("parseMoney", () => {
  it.each([
    ["0", 0],
    ["1", 100],
    ["225862", 22586200],
    ["2458488.22", 245848822],
    ["12.5", 1250],
    ["12,5", 1250],
    ["7.", 700],
    [" 42 ", 4200],
    ["100.000", 10000],
    ["999999999", 99999999900],
  ])("%j → %i grosze", (input, grosze) => {
    expect(parseMoney(input)).toBe(grosze);
  });

  it.each(["", " ", "-5", "1e3", "12.345", "abc", "1.2.3", "0x10", "+5", "1 000"])("rejects %j", (input) => {
    expect(() => parseMoney(input)).toThrow(MoneyFormatError);
  });

  it("rejects amounts beyond the safe-integer range instead of rounding", () => {
    expect(() => parseMoney("900719925474099.93")).toThrow(MoneyFormatError);
  });
});

describe("formatMoney", () => {
  it("always writes two decimals by default", () => {
    expect(formatMoney(12345)).toBe("123.45");
    expect(formatMoney(100000)).toBe("1000.00");
    expect(formatMoney(5)).toBe("0.05");
    expect(formatMoney(0)).toBe("0.00");
    expect(formatMoney(-250)).toBe("-2.50");
  });
  it("drops .00 in compact form, as Pabulib files do", () => {
    expect(formatMoney(32500000, { compact: true })).toBe("325000");
    expect(formatMoney(245848822, { compact: true })).toBe("2458488.22");
  });
  it("round-trips with parseMoney", () => {
    for (const g of [0, 1, 99, 100, 101, 245848822, 99999999900]) {
      expect(parseMoney(formatMoney(g))).toBe(g);
      expect(parseMoney(formatMoney(g, { compact: true }))).toBe(g);
    }
  });
  it("refuses non-integers", () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });
});

describe("sumMoney", () => {
  it("adds exactly and refuses overflow", () => {
    expect(sumMoney([1, 2, 3])).toBe(6);
    expect(() => sumMoney([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
