import { describe, expect, it } from "vitest";
import type { MesOptions } from "~/domain/counting/equal-shares";
import { equalShares } from "~/domain/counting/equal-shares";
import { greedy } from "~/domain/counting/greedy";
import type { Ballot, CountProject, VoteType } from "~/domain/counting/scores";
import { buildProfile, CountingError } from "~/domain/counting/scores";

const zl = (x: number): number => x * 100;

function election(voteType: VoteType, budgetZl: number, projects: Array<[string, number]>, ballots: Ballot[], extra: Partial<Record<string, Partial<CountProject>>> = {}) {
  return buildProfile({
    voteType,
    budget: zl(budgetZl),
    projects: projects.map(([id, cost]) => ({ id, cost: zl(cost), ...extra[id] })),
    ballots,
  });
}

const times = (k: number, b: Ballot): Ballot[] => Array.from({ length: k }, () => b);
const mes = (p: ReturnType<typeof election>, o: MesOptions = {}) => equalShares(p, { completion: "none", ...o });
const reasons = (r: { decisions: Array<{ projectId: string; reason: string }> }): Record<string, string> =>
  Object.fromEntries(r.decisions.map((d) => [d.projectId, d.reason]));

// 4 voters want A1..A3, 2 voters want B1, B2; every project costs 200 zł; budget 600 zł (100 zł a voter).
const TWO_GROUPS = election(
  "approval",
  600,
  [
    ["A1", 200],
    ["A2", 200],
    ["A3", 200],
    ["B1", 200],
    ["B2", 200],
  ],
  [...times(4, { projects: ["A1", "A2", "A3"] }), ...times(2, { projects: ["B1", "B2"] })],
);

describe("Method of Equal Shares", () => {
  it("gives a cohesive minority its share where greedy gives it nothing", () => {
    const r = mes(TWO_GROUPS, { add1: "none" });
    // the 4 voters have 400 zł: two of their projects (50 zł each per voter); the 2 voters have 200 zł: one.
    expect(r.selected).toEqual(["A1", "A2", "B1"]);
    expect(r.spent).toBe(zl(600));
    expect(greedy(TWO_GROUPS).selected).toEqual(["A1", "A2", "A3"]);
    expect(reasons(r)).toEqual({ A1: "funded", A2: "funded", B1: "funded", A3: "did_not_fit", B2: "did_not_fit" });
    expect(r.perVoterBudget).toEqual({ numerator: "10000", denominator: "1" });
  });

  it("breaks exact ties in affordability with the tie rule and reports them", () => {
    const r = mes(TWO_GROUPS, { add1: "none" });
    // A1, A2, A3 tie in round 1 (4 supporters, same cost) and A2, A3 in round 2
    expect(r.ties.map((t) => [t.round, t.projects])).toEqual([
      [1, ["A1", "A2", "A3"]],
      [2, ["A2", "A3"]],
      [3, ["B1", "B2"]],
    ]);
    // the A projects are interchangeable, but which one is funded changes the funded set
    expect(r.ties.every((t) => t.mattered)).toBe(true);
  });

  it("marks projects whose supporters ran out of money", () => {
    // X and Y cost 150 zł; two voters want X, one wants Y; 100 zł each: Y's lone supporter cannot pay.
    const p = election("approval", 300, [["X", 150], ["Y", 150]], [{ projects: ["X"] }, { projects: ["X"] }, { projects: ["Y"] }]);
    const r = mes(p, { add1: "none" });
    expect(r.selected).toEqual(["X"]);
    expect(reasons(r)).toEqual({ X: "funded", Y: "insufficient_support" });
    expect(r.iterations).toBe(1);
  });

  it("Add1 (pabutools) raises every share by 1 zł until the outcome is exhaustive", () => {
    const p = election("approval", 300, [["X", 150], ["Y", 150]], [{ projects: ["X"] }, { projects: ["X"] }, { projects: ["Y"] }]);
    const r = mes(p, { add1: "pabutools" });
    expect(r.selected).toEqual(["X", "Y"]);
    expect(r.perVoterBudget).toEqual({ numerator: "15000", denominator: "1" }); // 150 zł: Y's supporter can pay
    expect(r.iterations).toBe(51); // 100, 101, …, 150 zł
    expect(mes(p, { add1: "pabutools", increment: zl(10) }).iterations).toBe(6);
  });

  it("Add1 variants differ: pabutools stops at the first exhaustive outcome, Pabulib goes on while it fits", () => {
    // found by a random search; every step checked by hand:
    // pabutools: at 65 zł a voter {P2, P1} costs 170 and nothing else fits → stop.
    // Pabulib: goes on; at 92 zł P0 and P1 tie, P0 wins → {P2, P0}; at 93 zł all three (280 zł) → too much.
    const p = election(
      "approval",
      190,
      [
        ["P0", 110],
        ["P1", 110],
        ["P2", 60],
      ],
      [{ projects: ["P2"] }, { projects: [] }, { projects: ["P0", "P1", "P2"] }, { projects: ["P0", "P2"] }, { projects: ["P1"] }],
    );
    const a = mes(p, { add1: "pabutools" });
    const b = mes(p, { add1: "pabulib" });
    expect([a.selected, a.perVoterBudget.numerator]).toEqual([["P2", "P1"], "6500"]);
    expect([b.selected, b.perVoterBudget.numerator]).toEqual([["P2", "P0"], "9200"]);
    expect(b.ties).toEqual([{ stage: "mes", round: 2, projects: ["P0", "P1"], mattered: true }]);
    // the exact-rational engine agrees
    expect(mes(p, { add1: "pabutools", exact: true }).selected).toEqual(a.selected);
    expect(mes(p, { add1: "pabulib", exact: true }).selected).toEqual(b.selected);
  });

  it("starts pabutools' Add1 at the exact fraction budget / voters", () => {
    const p = election("approval", 100, [["X", 10]], times(3, { projects: ["X"] }));
    expect(mes(p, { add1: "none" }).perVoterBudget).toEqual({ numerator: "10000", denominator: "3" });
  });

  it("greedy completion adds what still fits, by score", () => {
    const p = election("approval", 300, [["X", 150], ["Y", 150]], [{ projects: ["X"] }, { projects: ["X"] }, { projects: ["Y"] }]);
    const r = equalShares(p, { add1: "none", completion: "greedy" });
    expect(r.selected).toEqual(["X", "Y"]);
    expect(r.mes).toEqual(["X"]);
    expect(reasons(r)).toEqual({ X: "funded", Y: "funded_by_completion" });
    expect(r.rule).toBe("mes+greedy-completion");
  });

  it("uses points × cost as utility for points ballots", () => {
    // 2 voters, 100 zł each. Voter 1: A 3 points, B 1 point; voter 2: B 1 point. A and B cost 150 zł.
    // Approval would fund B first (2 supporters); with points A is cheaper per point (150/3 vs 150/2).
    const ballots: Ballot[] = [{ projects: ["A", "B"], points: [3, 1] }, { projects: ["B"], points: [1] }];
    const cum = election("cumulative", 200, [["A", 150], ["B", 150]], ballots);
    expect(cum.score[0]).toBe(3);
    // A: voter 1 alone has 100 < 150 → A is not affordable; B: q = 75 per point → both pay 75.
    expect(mes(cum, { add1: "none" }).selected).toEqual(["B"]);
    const cheapA = election("cumulative", 200, [["A", 90], ["B", 150]], ballots);
    // A: ρ = 30/90 = 1/3 per unit of utility; B: ρ = 75/150 = 1/2 → A first, then voter 1 has 10 left:
    // B needs 150 from 10 + 100 → not affordable.
    expect(mes(cheapA, { add1: "none" }).selected).toEqual(["A"]);
    const appr = election("approval", 200, [["A", 90], ["B", 150]], [{ projects: ["A", "B"] }, { projects: ["B"] }]);
    // with approval (cost utility) B has 2 supporters: ρ_B = 1/2 = ρ_A (1 supporter would pay 90 → ρ = 1) → B first
    expect(mes(appr, { add1: "none" }).selected).toEqual(["B"]);
  });

  it("never funds withdrawn, excluded or below-threshold projects", () => {
    const p = election(
      "approval",
      1000,
      [
        ["W", 999999999],
        ["E", 10],
        ["L", 10],
        ["K", 10],
      ],
      [...times(3, { projects: ["W", "E", "K"] }), { projects: ["L"] }],
      { W: { withdrawn: true } },
    );
    const r = equalShares(p, { excluded: ["E"], threshold: 2 });
    expect(r.selected).toEqual(["K"]);
    expect(reasons(r)).toEqual({ K: "funded", W: "withdrawn", E: "excluded", L: "below_threshold" });
  });

  it("funds zero-cost projects with support first", () => {
    const p = election("approval", 10, [["F", 0], ["X", 10]], [{ projects: ["F", "X"] }]);
    expect(mes(p).selected).toEqual(["F", "X"]);
  });

  it("handles an election without voters", () => {
    const p = election("approval", 10, [["X", 10]], []);
    const r = equalShares(p);
    expect(r.mes).toEqual([]);
    expect(r.selected).toEqual(["X"]); // greedy completion funds what fits
  });

  it("Pabulib's comparison step falls back to greedy when more voters prefer it", () => {
    const r = mes(TWO_GROUPS, { add1: "none", comparison: true });
    // 4 voters get 3 projects from greedy vs 2 from MES; 2 voters get 0 vs 1.
    expect(r.comparison).toEqual({ mesPreferredBy: 2, greedyPreferredBy: 4, chosen: "greedy" });
    expect(r.selected).toEqual(["A1", "A2", "A3"]);
    expect(r.mes).toEqual(["A1", "A2", "B1"]);
  });

  it("keeps MES when the comparison does not favour greedy", () => {
    const p = election("approval", 300, [["X", 150], ["Y", 150]], [{ projects: ["X"] }, { projects: ["X"] }, { projects: ["Y"] }]);
    const r = mes(p, { add1: "pabutools", comparison: true });
    expect(r.comparison?.chosen).toBe("mes");
    expect(r.selected).toEqual(["X", "Y"]);
  });

  it("stops runaway Add1 loops with a clear error", () => {
    const p = election("approval", 300, [["X", 150], ["Y", 150]], [{ projects: ["X"] }, { projects: ["X"] }, { projects: ["Y"] }]);
    expect(() => mes(p, { add1: "pabutools", maxIterations: 10 })).toThrow(CountingError);
  });

  it("the float fast path and the exact engine agree, including ties", () => {
    for (const add1 of ["none", "pabutools", "pabulib"] as const) {
      const a = mes(TWO_GROUPS, { add1 });
      const b = mes(TWO_GROUPS, { add1, exact: true });
      expect(a.selected).toEqual(b.selected);
      expect(a.ties).toEqual(b.ties);
      expect(a.perVoterBudget).toEqual(b.perVoterBudget);
      expect(a.exactFallbacks).toBe(0);
    }
  });

  it("falls back to exact arithmetic when floats cannot decide (exact equality of budget and price)", () => {
    // 3 voters, 100/3 zł each; X costs exactly what its supporters hold: b·w = q·w, a boundary case.
    const p = election("approval", 100, [["X", 100], ["Y", 50]], [{ projects: ["X", "Y"] }, { projects: ["X"] }, { projects: ["X"] }]);
    const r = mes(p, { add1: "none" });
    expect(r.selected).toEqual(["X"]);
    expect(r.exactFallbacks).toBeGreaterThan(0);
    expect(mes(p, { add1: "none", exact: true }).selected).toEqual(["X"]);
  });
});
