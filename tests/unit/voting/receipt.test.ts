import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { RECEIPT_ALPHABET, RECEIPT_BYTES, formatReceiptCode, parseReceiptCode } from "~/domain/voting/receipt";

const bytes = fc.uint8Array({ minLength: RECEIPT_BYTES, maxLength: 32 });
const CODE_SHAPE = /^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}-[2-9A-HJKMNP-Z]$/;

describe("formatReceiptCode", () => {
  it("alphabet has 31 unambiguous characters", () => {
    expect(RECEIPT_ALPHABET).toHaveLength(31);
    expect(new Set(RECEIPT_ALPHABET).size).toBe(31);
    for (const ch of "0O1IL") expect(RECEIPT_ALPHABET).not.toContain(ch);
  });

  it("all-zero bytes give the first symbol everywhere and a zero check", () => {
    expect(formatReceiptCode(new Uint8Array(RECEIPT_BYTES))).toBe("2222-2222-2222-2222-2");
  });

  it.each([
    [Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), "TR9Q-5ACS-ENTH-K6XF-R"],
    [new Uint8Array(12).fill(255), "88MJ-WBMZ-4XC4-W493-5"],
  ])("known vector %o → %s (computed independently: big-endian base 31, Σ i·vᵢ ≡ 0 mod 31)", (b, code) => {
    expect(formatReceiptCode(b)).toBe(code);
  });

  it("has the shape XXXX-XXXX-XXXX-XXXX-C", () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(formatReceiptCode(b)).toMatch(CODE_SHAPE);
      }),
    );
  });

  it("depends only on the first RECEIPT_BYTES bytes and differs when they differ", () => {
    const a = new Uint8Array(16).fill(7);
    const b = new Uint8Array(16).fill(7);
    b[15] = 9;
    expect(formatReceiptCode(a)).toBe(formatReceiptCode(b));
    b[0] = 8;
    expect(formatReceiptCode(a)).not.toBe(formatReceiptCode(b));
  });

  it("throws RangeError with too few bytes", () => {
    expect(() => formatReceiptCode(new Uint8Array(RECEIPT_BYTES - 1))).toThrow(RangeError);
  });
});

describe("parseReceiptCode", () => {
  it("round-trips, tolerating case, spaces and hyphens", () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom("", " ", "-", " - "), (b, sep) => {
        const code = formatReceiptCode(b);
        const typed = code.toLowerCase().split("-").join(sep);
        expect(parseReceiptCode(typed)).toEqual({ ok: true, code });
        expect(parseReceiptCode(` ${code} `)).toEqual({ ok: true, code });
      }),
    );
  });

  it("detects every single-character substitution", () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (b, pos, shift) => {
        const chars = formatReceiptCode(b).replace(/-/g, "").split("");
        const v = RECEIPT_ALPHABET.indexOf(chars[pos]!);
        chars[pos] = RECEIPT_ALPHABET[(v + shift) % 31]!;
        expect(parseReceiptCode(chars.join(""))).toEqual({ ok: false, reason: "receipt_checksum" });
      }),
      { numRuns: 3000 },
    );
  });

  it("detects every swap of two adjacent different characters", () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 15 }), (b, pos) => {
        const chars = formatReceiptCode(b).replace(/-/g, "").split("");
        fc.pre(chars[pos] !== chars[pos + 1]);
        [chars[pos], chars[pos + 1]] = [chars[pos + 1]!, chars[pos]!];
        expect(parseReceiptCode(chars.join(""))).toEqual({ ok: false, reason: "receipt_checksum" });
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    "",
    "2222-2222-2222-2222", // check character missing
    "2222-2222-2222-2222-22", // one too many
    "0222-2222-2222-2222-2", // 0 is not in the alphabet
    "O222-2222-2222-2222-2",
    "I222-2222-2222-2222-2",
    "L222-2222-2222-2222-2",
    "l222-2222-2222-2222-2",
    "1222-2222-2222-2222-2",
    "2222_2222_2222_2222_2",
    "2222.2222.2222.2222.2",
  ])("%j → receipt_format", (input) => {
    expect(parseReceiptCode(input)).toEqual({ ok: false, reason: "receipt_format" });
  });

  it("a well-formed code with a wrong check → receipt_checksum", () => {
    expect(parseReceiptCode("2222-2222-2222-2222-3")).toEqual({ ok: false, reason: "receipt_checksum" });
  });
});
