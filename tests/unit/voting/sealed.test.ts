import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CommissionSchema, decodeSealedContent, encodeSealedContent, formatFingerprint, formatShareCode, PAD_BLOCK, parseShareCode, shuffled, type SealedContent } from "~/domain/voting";

const content = (lines: number): SealedContent => ({
  programmeId: "ed_2026_bo",
  ballot: { districtId: "d_orlowo", lines: Array.from({ length: lines }, (_, i) => ({ poolId: `pool_${i % 3}`, projectId: `prp_${"x".repeat(20)}${i}`, points: 1 })) },
  invalidPools: [],
  receiptHash: "a".repeat(64),
});

describe("sealed ballot content", () => {
  it("round-trips and pads every ballot to the same length, whatever was ticked", () => {
    const lengths = new Set([0, 1, 3, 9].map((n) => encodeSealedContent(content(n)).length));
    expect([...lengths]).toEqual([PAD_BLOCK]);
    for (const n of [0, 1, 9]) expect(decodeSealedContent(encodeSealedContent(content(n)))).toEqual({ ok: true, content: content(n) });
  });

  it("refuses anything that is not a ballot", () => {
    for (const text of ["", "{", "null", JSON.stringify({ v: 2, p: "x" }), JSON.stringify({ ...JSON.parse(encodeSealedContent(content(1))), l: [["a", "b", -1]] })]) {
      expect(decodeSealedContent(text)).toEqual({ ok: false });
    }
  });
});

describe("share codes", () => {
  const fingerprint = new Uint8Array([1, 2, 3, 4, 5, 6]);
  const share = Uint8Array.from({ length: 33 }, (_, i) => (i * 37 + 11) & 255);

  it("round-trip in any case, with spaces and line breaks", () => {
    const code = formatShareCode(share, fingerprint);
    expect(code).toMatch(/^K1-[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    for (const typed of [code, code.toLowerCase(), code.replace(/-/g, " "), code.replace(/-/g, "\n")]) {
      expect(parseShareCode(typed, 33, fingerprint)).toEqual({ ok: true, share });
    }
  });

  it("catches every single-character typo, and a share of another key", () => {
    const code = formatShareCode(share, fingerprint);
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (let i = 3; i < code.length; i++) {
      if (code[i] === "-") continue;
      const other = alphabet[(alphabet.indexOf(code[i]!) + 7) % 32]!;
      const typo = code.slice(0, i) + other + code.slice(i + 1);
      const r = parseShareCode(typo, 33, fingerprint);
      expect(r.ok, typo).toBe(false);
    }
    expect(parseShareCode(code, 33, new Uint8Array([9, 9, 9, 9]))).toEqual({ ok: false, reason: "share_other_edition" });
    expect(parseShareCode("K1-ABCD", 33, fingerprint)).toEqual({ ok: false, reason: "share_format" });
    expect(parseShareCode("hello", 33, fingerprint)).toEqual({ ok: false, reason: "share_format" });
  });

  it("round-trips any share (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 33, maxLength: 33 }), fc.uint8Array({ minLength: 4, maxLength: 4 }), (s, f) => {
        const r = parseShareCode(formatShareCode(s, f), 33, f);
        return r.ok && Buffer.from(r.share).equals(Buffer.from(s));
      }),
    );
  });

  it("prints the fingerprint in two groups", () => {
    expect(formatFingerprint(new Uint8Array([0xab, 0x01, 0xff, 0x10]))).toBe("AB01 FF10");
  });
});

describe("the commission", () => {
  it.each([
    [{ members: ["Anna", "Piotr", "Olena"], threshold: "2" }, true],
    [{ members: ["Anna", "Piotr"], threshold: 2 }, true],
    [{ members: ["Anna"], threshold: 1 }, false],
    [{ members: ["Anna", "Piotr"], threshold: 3 }, false],
    [{ members: ["Anna", "Piotr", "Olena"], threshold: 1 }, false],
    [{ members: ["Anna", "P"], threshold: 2 }, false],
    [{ members: Array.from({ length: 13 }, (_, i) => `Osoba ${i}`), threshold: 2 }, false],
  ])("%j valid: %s", (input, valid) => {
    expect(CommissionSchema.safeParse(input).success).toBe(valid);
  });
});

describe("shuffle", () => {
  it("is a permutation (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.infiniteStream(fc.nat()), (items, stream) => {
        const out = shuffled(items, (n) => stream.next().value % n);
        return out.length === items.length && [...out].sort().join() === [...items].sort().join();
      }),
    );
  });

  it("moves items: over many shuffles each position gets each item about equally often", () => {
    const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647; // Park–Miller: exact in doubles
      return seed % n;
    };
    for (let i = 0; i < 8000; i++) shuffled([0, 1, 2, 3], rnd).forEach((v, pos) => counts[pos]![v]!++);
    for (const row of counts) for (const c of row) expect(c).toBeGreaterThan(1700);
  });
});
