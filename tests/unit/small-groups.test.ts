/**
 * Small groups (#15): app/domain/small-groups.ts. Table-driven cases for each rule, then
 * properties checked against an independent oracle: a hidden cell is exactly recoverable from what
 * is published iff removing its column from the attacker's equations lowers their rank (exact
 * BigInt arithmetic, a different test from the module's reduced row echelon form).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossTab, mergedList, protectTable, showCount, SmallGroupThresholdSchema, withholdsBallots, type ProtectedTable } from "~/domain/small-groups";
import { parsePabulib, tallyElection, writePabulib } from "~/domain/counting";
import { counter } from "./properties/_count";

const { check } = counter("small groups");

/** Rank over the rationals, fraction-free elimination on BigInt. */
function rank(rows: bigint[][]): number {
  const m = rows.map((r) => [...r]);
  const n = m[0]?.length ?? 0;
  let rk = 0;
  for (let c = 0; c < n && rk < m.length; c++) {
    const p = m.findIndex((r, i) => i >= rk && r[c] !== 0n);
    if (p < 0) continue;
    [m[rk], m[p]] = [m[p]!, m[rk]!];
    const pr = m[rk]!;
    for (let i = 0; i < m.length; i++) {
      if (i === rk || m[i]![c] === 0n) continue;
      const f = m[i]![c]!;
      const piv = pr[c]!;
      m[i] = m[i]!.map((v, j) => v * piv - pr[j]! * f);
    }
    rk++;
  }
  return rk;
}

/** The hidden cells an attacker who sees `t` can compute exactly (as "r,c" or "T,c"). */
function recoverable(t: ProtectedTable): string[] {
  const R = t.cells.length;
  const C = t.colTotals.length;
  const unknowns: string[] = [];
  t.cells.forEach((row, r) => row.forEach((v, c) => v === null && unknowns.push(`${r},${c}`)));
  t.colTotals.forEach((v, c) => v === null && unknowns.push(`T,${c}`));
  if (unknowns.length === 0) return [];
  const eq = (keys: [string, bigint][]) => unknowns.map((u) => keys.find(([k]) => k === u)?.[1] ?? 0n);
  const rows: bigint[][] = [];
  for (let r = 0; r < R; r++) rows.push(eq(Array.from({ length: C }, (_, c) => [`${r},${c}`, 1n])));
  rows.push(eq(Array.from({ length: C }, (_, c) => [`T,${c}`, 1n])));
  for (let c = 0; c < C; c++) rows.push(eq([...Array.from({ length: R }, (_, r): [string, bigint] => [`${r},${c}`, 1n]), [`T,${c}`, -1n]]));
  const full = rank(rows);
  return unknowns.filter((_, j) => rank(rows.map((row) => row.filter((__, i) => i !== j))) < full);
}

describe("protectTable: rules", () => {
  const cases: { name: string; values: number[][]; k: number; cells: (number | null)[][]; colTotals: (number | null)[] }[] = [
    { name: "nothing small: all shown", values: [[20, 15], [30, 12]], k: 10, cells: [[20, 15], [30, 12]], colTotals: [50, 27] },
    { name: "zeros are shown", values: [[20, 0], [30, 0]], k: 10, cells: [[20, 0], [30, 0]], colTotals: [50, 0] },
    {
      name: "one small cell: its row partner and a column partner go too (no subtraction)",
      values: [[20, 3], [30, 12]],
      k: 10,
      cells: [[null, null], [null, null]],
      colTotals: [50, 15],
    },
    { name: "threshold 2 leaves groups of two", values: [[5, 2], [6, 2]], k: 2, cells: [[5, 2], [6, 2]], colTotals: [11, 4] },
    { name: "threshold 2 hides a single person", values: [[5, 1], [6, 2]], k: 2, cells: [[null, null], [null, null]], colTotals: [11, 3] },
    {
      name: "a small cell in a big table: a rectangle of four is enough",
      values: [[50, 40, 30], [60, 3, 45], [70, 55, 35]],
      k: 10,
      cells: [[50, null, null], [60, null, null], [70, 55, 35]],
      colTotals: [180, 98, 110],
    },
    { name: "whole table below the threshold: everything hidden", values: [[3, 1], [2, 0]], k: 10, cells: [[null, null], [null, null]], colTotals: [null, null] },
  ];
  it.each(cases)("$name", ({ values, k, cells, colTotals }) => {
    const t = protectTable(values, k);
    expect(t.cells).toEqual(cells);
    expect(t.colTotals).toEqual(colTotals);
    expect(t.rowTotals).toEqual(values.map((r) => r.reduce((a, b) => a + b, 0)));
    expect(recoverable(t)).toEqual([]);
  });

  it("a district below the threshold shows no split, zeros included, and nothing of it can be recovered", () => {
    const t = protectTable([[4, 0, 0], [30, 20, 15], [25, 18, 12]], 10);
    expect(t.cells[0]).toEqual([null, null, null]);
    expect(t.rowTotals).toEqual([4, 65, 55]);
    expect(recoverable(t)).toEqual([]);
  });

  it("one column: the cells are the row totals, shown", () => {
    expect(protectTable([[3], [40]], 10).cells).toEqual([[3], [40]]);
  });

  it("refuses what is not a table of counts", () => {
    expect(() => protectTable([[1, 2], [3]], 10)).toThrow();
    expect(() => protectTable([[1, -2]], 10)).toThrow();
    expect(() => protectTable([[1.5, 2]], 10)).toThrow();
  });

  it("a single-row table (a list) hides a small group and its smallest partner", () => {
    const t = protectTable([[120, 40, 3, 0]], 10);
    expect(t.colTotals).toEqual([120, null, null, 0]);
    expect(mergedList(["online", "paper", "assisted", "other"], t.colTotals, t.total)).toEqual({ groups: [{ group: "online", voters: 120 }], other: 43 });
  });
});

describe("helpers", () => {
  it("crossTab keeps the given order and adds unknown groups", () => {
    expect(
      crossTab(
        [
          { row: "b", col: "x", voters: 2 },
          { row: "c", col: "y", voters: 5 },
          { row: "b", col: "x", voters: 1 },
        ],
        ["a", "b"],
        ["x"],
      ),
    ).toEqual({ rows: ["a", "b", "c"], cols: ["x", "y"], values: [[0, 0], [3, 0], [0, 5]] });
  });
  it.each([
    [0, 40, 10, 0],
    [12, 40, 10, 12],
    [3, 40, 10, null],
    [35, 40, 10, null],
    [40, 40, 10, 40],
  ])("showCount(%i of %i, k=%i) = %s", (n, total, k, expected) => expect(showCount(n, total, k)).toBe(expected));
  it.each([
    [9, 10, true],
    [1, 10, true],
    [10, 10, false],
    [0, 10, false],
    [1, 2, true],
  ])("withholdsBallots(%i, k=%i) = %s", (n, k, expected) => expect(withholdsBallots(n, k)).toBe(expected));
  it.each([
    ["10", 10],
    ["2", 2],
    ["100", 100],
    ["1", null],
    ["101", null],
    ["7.5", null],
    ["abc", null],
  ])("threshold %s", (raw, expected) => {
    const r = SmallGroupThresholdSchema.safeParse(raw);
    expect(r.success ? r.data : null).toBe(expected);
  });
});

describe("protectTable: properties", () => {
  // small counts dominate, so small cells, small rows and small columns all turn up
  const table = fc
    .record({ R: fc.integer({ min: 1, max: 6 }), C: fc.integer({ min: 2, max: 5 }), k: fc.integer({ min: 2, max: 12 }) })
    .chain(({ R, C, k }) =>
      fc.record({
        k: fc.constant(k),
        values: fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 10, max: 60 })), { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
      }),
    );

  it("every shown number is 0 or at least k; published totals are the true totals", () => {
    check(
      fc.property(table, ({ values, k }) => {
        const t = protectTable(values, k);
        const shown = [...t.cells.flat(), ...t.colTotals].filter((v): v is number => v !== null);
        if (shown.some((v) => v > 0 && v < k)) return false;
        const cols = values[0]!.map((_, c) => values.reduce((s, r) => s + r[c]!, 0));
        return (
          t.total === values.flat().reduce((a, b) => a + b, 0) &&
          t.rowTotals.every((v, r) => v === values[r]!.reduce((a, b) => a + b, 0)) &&
          t.colTotals.every((v, c) => v === null || v === cols[c]) &&
          t.cells.every((row, r) => row.every((v, c) => v === null || v === values[r]![c]))
        );
      }),
    );
  });

  it("in every published line the hidden cells hold 0 or at least k people (or the line shows no split)", () => {
    check(
      fc.property(table, ({ values, k }) => {
        const t = protectTable(values, k);
        const ok = (hiddenSum: number, lineTotal: number, cells: (number | null)[]) => hiddenSum === 0 || hiddenSum >= k || (lineTotal < k && cells.every((v) => v === null));
        const rowsOk = values.every((row, r) => ok(row.reduce((s, v, c) => s + (t.cells[r]![c] === null ? v : 0), 0), t.rowTotals[r]!, t.cells[r]!));
        const cols = values[0]!.map((_, c) => values.reduce((s, r) => s + r[c]!, 0));
        const totalsOk = ok(cols.reduce((s, v, c) => s + (t.colTotals[c] === null ? v : 0), 0), t.total, t.colTotals);
        const colsOk = cols.every((tc, c) => t.colTotals[c] === null || ok(values.reduce((s, row, r) => s + (t.cells[r]![c] === null ? row[c]! : 0), 0), tc, t.cells.map((row) => row[c]!)));
        return rowsOk && totalsOk && colsOk;
      }),
    );
  });

  it("no hidden cell can be computed exactly from what is published", () => {
    check(
      fc.property(table, ({ values, k }) => recoverable(protectTable(values, k)).length === 0),
      100,
    );
  });

  it("the merged 'other' line of a list is 0, absent or at least k (or the whole list is below k)", () => {
    check(
      fc.property(table, ({ values, k }) => {
        const t = protectTable(values, k);
        const m = mergedList(t.colTotals.map((_, c) => c), t.colTotals, t.total);
        return m.other === null || m.other === 0 || m.other >= k || t.total < k;
      }),
    );
  });
});

describe("a .pb without ballot lines (a pool below the threshold)", () => {
  it("is written with an empty VOTES section, read back, and counted without error", () => {
    const text = writePabulib({
      meta: { description: "small pool", country: "Poland", unit: "Gdynia", instance: "2026", num_projects: "2", num_votes: "4", budget: "1000", vote_type: "approval", rule: "greedy", min_project_score_threshold: "1", comment: "Ballot lines are withheld" },
      projects: [
        { id: "a", cost: 60_000, votes: 3, selected: 1, extra: {} },
        { id: "b", cost: 50_000, votes: 1, selected: 0, extra: {} },
      ],
      votes: [],
      projectColumns: ["project_id", "cost", "votes", "selected"],
      voteColumns: ["voter_id", "vote"],
    });
    expect(text.endsWith("VOTES\nvoter_id;vote\n")).toBe(true);
    const back = parsePabulib(text);
    expect(back.votes).toEqual([]);
    expect(back.projects.map((p) => p.votes)).toEqual([3, 1]);
    expect(back.meta.num_votes).toBe("4");
    expect(tallyElection(back, "meta", {}).selected).toEqual([]);
  });
});
