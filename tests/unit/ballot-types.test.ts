/** Ballot types (#14): reading the ballot form, the ballot order, and the pools page's ballot rule form. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { echoFields, markNumber, readBallotForm } from "~/domain/ballot-form";
import { orderProjects } from "~/domain/ballot-order";
import { readBallotRuleForm, ballotRuleFormValues, type BallotRuleFormValues } from "~/domain/ballot-rule-form";
import { validateBallot, type CataloguePool } from "~/domain/voting";
import type { BallotKind, BallotRule } from "~/domain/rules";
import { placePoints } from "~/domain/rank-points";

const kinds = new Map<string, BallotKind>([
  ["city", "approval"],
  ["gd", "points"],
  ["kr", "ranked"],
  ["wr", "choose-one"],
]);

describe("readBallotForm", () => {
  it.each([
    ["ticks", [["tick", "city|a"], ["tick", "city|b"]], { city: ["a", "b"] }],
    ["points typed", [["points|gd|a", "3"], ["points|gd|b", ""], ["points|gd|c", "2"]], { gd: { a: 3, c: 2 } }],
    ["ranks chosen", [["rank|kr|a", "2"], ["rank|kr|b", "1"], ["rank|kr|c", ""]], { kr: { a: 2, b: 1 } }],
    ["a single choice", [["one|wr", "x"]], { wr: ["x"] }],
    ["no choice", [["one|wr", ""]], {}],
    ["bad shapes ignored", [["tick", "nopipe"], ["points|gd", "3"], ["rank|kr|a|b", "1"], ["other", "x"]], {}],
  ] as const)("reads %s", (_, entries, selections) => {
    expect(readBallotForm(entries as unknown as [string, string][], kinds).selections).toEqual(selections);
  });

  it("keeps what was typed, even what the rule will refuse", () => {
    const r = readBallotForm(
      [
        ["points|gd|a", "1,5"],
        ["points|gd|b", "abc"],
        ["points|gd|c", "-2"],
      ],
      kinds,
    );
    expect(r.echo.marks).toEqual({ "gd|a": "1,5", "gd|b": "abc", "gd|c": "-2" });
    const s = r.selections.gd as Record<string, number>;
    expect(s.a).toBe(1.5);
    expect(Number.isNaN(s.b)).toBe(true);
    expect(s.c).toBe(-2);
  });

  it("never makes __proto__ a lookup", () => {
    const r = readBallotForm([["tick", "__proto__|x"], ["points|__proto__|y", "1"]], kinds);
    expect(Object.keys(r.selections)).toContain("__proto__");
    expect(Object.getPrototypeOf(r.selections)).toBe(Object.prototype);
  });

  it("sends the review step's hidden fields back to the same ballot", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d"), fc.integer({ min: 0, max: 5 })), { maxLength: 4 }), fc.subarray(["a", "b", "c"]), (marks, ticks) => {
        const entries: [string, string][] = [...marks.map(([p, n]): [string, string] => [`points|gd|${p}`, String(n)]), ...ticks.map((p): [string, string] => ["tick", `city|${p}`])];
        const first = readBallotForm(entries, kinds);
        const again = readBallotForm(echoFields(first.echo, kinds), kinds);
        expect(again.selections).toEqual(first.selections);
        expect(again.echo).toEqual(first.echo);
      }),
    );
  });

  it("markNumber: empty is untouched, digits are numbers", () => {
    expect([markNumber(""), markNumber(" 7 "), markNumber("0")]).toEqual([0, 7, 0]);
  });
});

describe("a Gdańsk points ballot and a Kraków ranked ballot through the rule", () => {
  const catalogue: CataloguePool[] = [
    { poolId: "gd", kind: "city", budgetGrosze: 100, ballotRule: { kind: "points", maxTotal: 5, maxPerProject: 5 }, projects: ["a", "b", "c"].map((id) => ({ id, costGrosze: 10 })) },
    { poolId: "kr", kind: "programme", budgetGrosze: 100, ballotRule: { kind: "ranked", ranks: 3, exact: true }, projects: ["a", "b", "c", "d"].map((id) => ({ id, costGrosze: 10 })) },
  ];
  const k = new Map<string, BallotKind>([["gd", "points"], ["kr", "ranked"]]);
  it.each([
    ["5 points split, 3 places", [["points|gd|a", "3"], ["points|gd|b", "2"], ["rank|kr|a", "1"], ["rank|kr|b", "2"], ["rank|kr|c", "3"]], null],
    ["6 points", [["points|gd|a", "3"], ["points|gd|b", "3"]], "ballot_points_over_total"],
    ["a duplicate place", [["rank|kr|a", "1"], ["rank|kr|b", "1"], ["rank|kr|c", "2"]], "ballot_rank_duplicate"],
    ["two of three places", [["rank|kr|a", "1"], ["rank|kr|b", "2"]], "ballot_too_few_ticks"],
    ["points not whole", [["points|gd|a", "1,5"]], "ballot_points_not_integer"],
  ] as const)("%s", (_, entries, reason) => {
    const r = validateBallot({ districtId: null, selections: readBallotForm(entries as unknown as [string, string][], k).selections }, catalogue);
    if (reason === null) expect(r.ok).toBe(true);
    else expect(r.ok ? [] : r.errors.map((e) => e.reason)).toContain(reason);
  });
});

describe("orderProjects", () => {
  const projects = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, number: `2026/X/${i + 1}`, title: `Projekt ${String.fromCharCode(90 - i)}` }));
  it("by number compares numbers inside the reference", () => {
    expect(orderProjects(projects, "number", "").map((p) => p.number).slice(0, 3)).toEqual(["2026/X/1", "2026/X/2", "2026/X/3"]);
  });
  it("alphabetical", () => {
    expect(orderProjects(projects, "alphabetical", "").map((p) => p.title)[0]).toBe("Projekt O");
  });
  it("random: a permutation, the same for the same seed, whatever order the list came in", () => {
    fc.assert(
      fc.property(fc.string(), fc.shuffledSubarray(projects, { minLength: projects.length }), (seed, shuffled) => {
        const a = orderProjects(projects, "random", seed);
        expect(orderProjects(shuffled, "random", seed)).toEqual(a);
        expect([...a].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...projects].sort((x, y) => x.id.localeCompare(y.id)));
      }),
    );
  });
  it("random: different voters see different first projects", () => {
    const firsts = new Set(Array.from({ length: 60 }, (_, i) => orderProjects(projects, "random", `voter-${i}`)[0]!.id));
    expect(firsts.size).toBeGreaterThan(6);
  });
});

describe("readBallotRuleForm", () => {
  const base: BallotRuleFormValues = { poolId: "p", kind: "approval", minTicks: "", maxTicks: "", maxTotal: "", maxPerProject: "", required: "", ranks: "", exact: "", pointsPerRank: "", method: "greedy", minScore: "", tieBreak: "lower-cost", sameKind: "" };
  it.each([
    ["Gdynia", { maxTicks: "3", method: "greedy-no-skip" }, { kind: "approval", minTicks: 0, maxTicks: 3 }],
    ["Gdańsk", { kind: "points", maxTotal: "5" }, { kind: "points", maxTotal: 5, maxPerProject: 5 }],
    ["Kraków", { kind: "ranked", ranks: "3", exact: "on" }, { kind: "ranked", ranks: 3, exact: true }],
    ["Kraków with points", { kind: "ranked", ranks: "3", pointsPerRank: "5, 3, 1" }, { kind: "ranked", ranks: 3, exact: false, pointsPerRank: [5, 3, 1] }],
    ["Wrocław", { kind: "choose-one", required: "on" }, { kind: "choose-one", required: true }],
    ["knapsack", { kind: "knapsack", maxTicks: "x" }, { kind: "knapsack" }],
  ] as const)("reads %s", (_, v, rule) => {
    const r = readBallotRuleForm({ ...base, ...v } as BallotRuleFormValues);
    expect(r).toMatchObject({ ok: true, ballotRule: rule });
  });
  it.each([
    [{ maxTicks: "" }, "maxTicks", "required"],
    [{ maxTicks: "0" }, "maxTicks", "at_least_one"],
    [{ maxTicks: "2", minTicks: "3" }, "minTicks", "min_above_max"],
    [{ maxTicks: "-1" }, "maxTicks", "negative"],
    [{ kind: "points", maxTotal: "5", maxPerProject: "6" }, "maxPerProject", "per_project_above_total"],
    [{ kind: "ranked", ranks: "21" }, "ranks", "too_many_ranks"],
    [{ kind: "ranked", ranks: "3", pointsPerRank: "3, 2" }, "pointsPerRank", "points_count"],
    [{ kind: "ranked", ranks: "3", pointsPerRank: "1, 2, 3" }, "pointsPerRank", "points_not_decreasing"],
    [{ kind: "ranked", ranks: "3", pointsPerRank: "3, x, 1" }, "pointsPerRank", "points_list"],
    [{ maxTicks: "3", minScore: "1,5" }, "minScore", "whole"],
  ] as const)("refuses %o at %s", (v, field, code) => {
    const r = readBallotRuleForm({ ...base, ...v } as BallotRuleFormValues);
    expect(r.ok ? {} : r.errors).toMatchObject({ [field]: code });
  });
  it("shows a stored rule back so saving it again changes nothing", () => {
    for (const rule of [
      { kind: "points", maxTotal: 5, maxPerProject: 3 },
      { kind: "ranked", ranks: 3, exact: true, pointsPerRank: [3, 2, 1] },
      { kind: "choose-one", required: false },
      { kind: "approval", minTicks: 1, maxTicks: 15 },
      { kind: "knapsack" },
    ] satisfies BallotRule[]) {
      const sel = { method: "equal-shares", minScore: 50, tieBreak: "lot" } as const;
      const r = readBallotRuleForm({ poolId: "p", sameKind: "", ...ballotRuleFormValues(rule, sel) });
      expect(r).toEqual({ ok: true, ballotRule: rule, selectionRule: sel, sameKind: false });
    }
  });
});

describe("placePoints (zod-free, for the ballot page)", () => {
  it.each([
    [{ ranks: 3 }, [3, 2, 1]],
    [{ ranks: 1 }, [1]],
    [{ ranks: 3, pointsPerRank: [5, 3, 1] }, [5, 3, 1]],
    // a shorter list: the missing places fall back to the Borda count
    [{ ranks: 4, pointsPerRank: [10, 6] }, [10, 6, 2, 1]],
  ])("%o → %o", (rule, expected) => {
    expect(placePoints(rule)).toEqual(expected);
  });
  it("gives one entry per place, each at least 1 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.option(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 20 }), { nil: undefined }), (ranks, pointsPerRank) => {
        const p = placePoints({ ranks, pointsPerRank });
        expect(p).toHaveLength(ranks);
        expect(p.every((v) => v >= 1)).toBe(true);
      }),
    );
  });
});
