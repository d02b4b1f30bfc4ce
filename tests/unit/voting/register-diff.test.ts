import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffCounts, diffRegister, maskIdentifier, type RegisterEntryForDiff, type RegisterFileRow } from "~/domain/voting/register-diff";

const entry = (id: string, peselHash: string | null, districtId: string | null, more: Partial<RegisterEntryForDiff> = {}): RegisterEntryForDiff => ({
  id,
  peselHash,
  kartaHash: null,
  districtId,
  source: "import",
  removed: false,
  ...more,
});
const row = (line: number, peselHash: string | null, districtId: string | null, kartaHash: string | null = null): RegisterFileRow => ({ line, masked: "x", ok: true, peselHash, kartaHash, districtId });
const bad = (line: number, reason: "register_pesel_invalid" | "register_district_unknown" | "register_karta_invalid"): RegisterFileRow => ({ line, masked: "x", ok: false, reason });

describe("diffRegister", () => {
  const current = [entry("v1", "p1", "d1"), entry("v2", "p2", "d1"), entry("v3", "p3", "d2"), entry("v4", "p4", "d2", { source: "declaration" })];

  it.each([
    {
      name: "the same file changes nothing",
      rows: [row(2, "p1", "d1"), row(3, "p2", "d1"), row(4, "p3", "d2")],
      expect: { added: 0, removed: 0, moved: 0, unchanged: 3, invalid: 0 },
    },
    {
      name: "a new person is added, a missing one removed, a district change is a move",
      rows: [row(2, "p1", "d2"), row(3, "p2", "d1"), row(4, "p9", "d1")],
      expect: { added: 1, removed: 1, moved: 1, unchanged: 1, invalid: 0 },
    },
    {
      name: "an empty file removes every imported person but no declaration",
      rows: [],
      expect: { added: 0, removed: 3, moved: 0, unchanged: 0, invalid: 0 },
    },
    {
      name: "invalid rows are listed with their reasons and do not count as present",
      rows: [bad(2, "register_pesel_invalid"), bad(3, "register_district_unknown"), row(4, "p1", "d1"), row(5, "p2", "d1"), row(6, "p3", "d2")],
      expect: { added: 0, removed: 0, moved: 0, unchanged: 3, invalid: 2 },
    },
    {
      name: "a person twice in the file: the second row is a duplicate",
      rows: [row(2, "p1", "d1"), row(3, "p1", "d2"), row(4, "p2", "d1"), row(5, "p3", "d2")],
      expect: { added: 0, removed: 0, moved: 0, unchanged: 3, invalid: 1 },
    },
    {
      name: "a declaration in the file is matched, not added, and never removed",
      rows: [row(2, "p4", "d1")],
      expect: { added: 0, removed: 3, moved: 1, unchanged: 0, invalid: 0 },
    },
  ])("$name", ({ rows, expect: counts }) => {
    const d = diffRegister(current, rows);
    expect(diffCounts(d)).toEqual({ rowsTotal: rows.length, ...counts });
  });

  it("keeps row numbers and reasons of invalid rows, in file order", () => {
    const d = diffRegister(current, [row(7, "p1", "d1"), bad(5, "register_karta_invalid"), bad(3, "register_pesel_invalid")]);
    expect(d.invalid.map((i) => [i.line, i.reason])).toEqual([
      [3, "register_pesel_invalid"],
      [5, "register_karta_invalid"],
    ]);
  });

  it("reports a move with both districts", () => {
    expect(diffRegister(current, [row(2, "p3", "d1")]).moved).toEqual([{ line: 2, masked: "x", voterId: "v3", fromDistrictId: "d2", toDistrictId: "d1" }]);
  });

  it("revives a person dropped earlier after voting instead of adding a second row", () => {
    const d = diffRegister([entry("v1", "p1", "d1", { removed: true })], [row(2, "p1", "d1")]);
    expect(d.added).toEqual([{ line: 2, masked: "x", districtId: "d1", voterId: "v1" }]);
    expect(d.removed).toEqual([]);
  });

  it("a PESEL and a card of two different people is a link conflict; a card joining a PESEL-only person matches them", () => {
    const reg = [entry("v1", "p1", "d1"), entry("v2", null, "d1", { kartaHash: "k2" })];
    expect(diffRegister(reg, [row(2, "p1", "d1", "k2")]).invalid).toEqual([{ line: 2, masked: "x", reason: "register_link_conflict" }]);
    const joined = diffRegister(reg, [row(2, "p1", "d1", "k9"), row(3, null, "d1", "k2")]);
    expect(joined.unchanged.map((u) => u.voterId)).toEqual(["v1", "v2"]);
  });
});

describe("diffRegister properties", () => {
  const hash = fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h");
  const district = fc.constantFrom(null, "d1", "d2");
  const currentArb = fc.uniqueArray(fc.record({ peselHash: hash, districtId: district, source: fc.constantFrom("import" as const, "declaration" as const), removed: fc.boolean() }), { selector: (e) => e.peselHash, maxLength: 8 }).map((es) =>
    es.map((e, i) => ({ ...e, id: `v${i}`, kartaHash: null, removed: e.source === "import" && e.removed })),
  );
  const rowsArb = fc.array(fc.oneof(fc.record({ peselHash: hash, districtId: district }), fc.constant(null)), { maxLength: 12 }).map((rs) =>
    rs.map((r, i): RegisterFileRow => (r ? row(i + 2, r.peselHash, r.districtId) : bad(i + 2, "register_pesel_invalid"))),
  );

  it("every row lands in exactly one category, and the register after applying equals the file's valid people", () => {
    fc.assert(
      fc.property(currentArb, rowsArb, (current, rows) => {
        const d = diffRegister(current, rows);
        const c = diffCounts(d);
        expect(c.rowsTotal).toBe(rows.length);
        const lines = [...d.added, ...d.moved, ...d.unchanged, ...d.invalid].map((x) => x.line).sort((a, b) => a - b);
        expect(lines).toEqual(rows.map((r) => r.line));
        const active = current.filter((e) => e.source === "import" && !e.removed);
        const kept = new Set([...d.moved, ...d.unchanged].map((x) => x.voterId));
        // an active imported person is either matched by a row or removed, never both
        for (const e of active) expect(kept.has(e.id) !== d.removed.some((r) => r.voterId === e.id)).toBe(true);
        expect(d.removed.length + active.filter((e) => kept.has(e.id)).length).toBe(active.length);
        // the valid people of the file (first row per person) are exactly added + moved + unchanged
        const fileHashes = new Set(rows.flatMap((r) => (r.ok && r.peselHash ? [r.peselHash] : [])));
        expect(c.added + c.moved + c.unchanged).toBe(fileHashes.size);
      }),
    );
  });
});

describe("maskIdentifier", () => {
  it.each([
    [{ pesel: "85010112345" }, "850101*****"],
    [{ pesel: "8501" }, "****"],
    [{ karta_number: "GDY-12345" }, "GD*******"],
    [{}, "—"],
  ])("%o → %s", (raw, masked) => {
    expect(maskIdentifier(raw)).toBe(masked);
  });

  it("never shows more than six digits of a PESEL", () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{11}$/), (p) => {
        expect(maskIdentifier({ pesel: p }).replace(/\*/g, "")).toBe(p.slice(0, 6));
      }),
    );
  });
});
