import { describe, it, expect } from "vitest";
import { normaliseKartaNumber, parseKartaNumber } from "~/domain/voting/karta";

describe("parseKartaNumber (default: 6–12 digits)", () => {
  it.each([
    ["123456", "123456"],
    ["123456789012", "123456789012"],
    ["12 34 56", "123456"],
    ["12-34-56-78", "12345678"],
    [" 1234–5678 ", "12345678"], // en dash
  ])("%j → %s", (input, cardNumber) => {
    expect(parseKartaNumber(input)).toEqual({ ok: true, cardNumber });
  });

  it.each(["", "   ", "12345", "1234567890123", "12345a", "123.456", "１２３４５６"])("%j → karta_format", (input) => {
    expect(parseKartaNumber(input)).toEqual({ ok: false, reason: "karta_format" });
  });
});

describe("parseKartaNumber with a configured pattern", () => {
  const pattern = /^GDY[0-9]{8}$/;
  it("accepts the configured format, upper-casing letters", () => {
    expect(parseKartaNumber("gdy-1234-5678", { pattern })).toEqual({ ok: true, cardNumber: "GDY12345678" });
  });
  it("refuses what the default would accept", () => {
    expect(parseKartaNumber("123456", { pattern })).toEqual({ ok: false, reason: "karta_format" });
  });
  it("requires a whole match even without anchors", () => {
    expect(parseKartaNumber("1234567", { pattern: /[0-9]{6}/ })).toEqual({ ok: false, reason: "karta_format" });
    expect(parseKartaNumber("123456", { pattern: /[0-9]{6}/ })).toEqual({ ok: true, cardNumber: "123456" });
  });
  it("is not made stateful by a global flag", () => {
    const g = /^[0-9]{6}$/g;
    expect(parseKartaNumber("123456", { pattern: g }).ok).toBe(true);
    expect(parseKartaNumber("123456", { pattern: g }).ok).toBe(true);
  });
});

describe("normaliseKartaNumber", () => {
  it("removes spaces and hyphens only", () => {
    expect(normaliseKartaNumber(" ab-12 3 ")).toBe("AB123");
  });
});
