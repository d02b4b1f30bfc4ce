/**
 * Property-based tests (fast-check). Each property is a theorem about the rules, not an observation:
 *
 *  1. Budget: no rule ever spends more than the budget, funds a project twice, or funds a withdrawn
 *     project; every project gets exactly one decision.
 *  2. No-skip: the projects funded by greedy-no-skip are exactly the longest prefix of the eligible
 *     projects in score order (ties by the tie rule) whose total cost fits.
 *  3. Fair share (Equal Shares): voters split into two disjoint groups G, H approving disjoint sets of
 *     projects that all cost c. Each voter starts with B/n, a group's projects are paid only by its
 *     own voters, and each costs every member c/|G|, so MES at B/n funds exactly
 *     min(|P_G|, ⌊|G|·B/(n·c)⌋) of G's projects; Add1 only raises the per-voter budget and the
 *     completion only adds projects, so the `mes` rule funds at least that many. Greedy can give the
 *     smaller group nothing; MES gives it at least as many projects as greedy does.
 *  4. The certified float fast path returns exactly what the exact-rational engine returns, and the
 *     exact engine agrees with a naive per-voter implementation written independently below.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MesOptions } from "~/domain/counting/equal-shares";
import { equalShares } from "~/domain/counting/equal-shares";
import type { GreedyOptions } from "~/domain/counting/greedy";
import { greedy } from "~/domain/counting/greedy";
import type { RuleResult } from "~/domain/counting/result";
import type { Ballot, CountProject, ElectionInput, Profile, VoteType } from "~/domain/counting/scores";
import { buildProfile } from "~/domain/counting/scores";
import { tieComparator } from "~/domain/counting/ties";

// ---------------------------------------------------------------------------------------------
// Random elections
// ---------------------------------------------------------------------------------------------

const voteTypeArb = fc.constantFrom<VoteType>("approval", "choose-1", "cumulative", "ordinal");

/** Small elections; costs on a coarse grid so that ties and exact boundaries happen often. */
const electionArb: fc.Arbitrary<ElectionInput> = fc
  .record({
    voteType: voteTypeArb,
    nP: fc.integer({ min: 1, max: 6 }),
    costs: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 6, maxLength: 6 }),
    unit: fc.constantFrom(100, 1000, 2500, 3333),
    withdrawn: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    budgetUnits: fc.integer({ min: 0, max: 40 }),
    ballots: fc.array(
      fc.array(fc.record({ p: fc.nat(5), pts: fc.integer({ min: 0, max: 4 }) }), { minLength: 0, maxLength: 4 }),
      { minLength: 0, maxLength: 14 },
    ),
  })
  .map((r) => {
    const projects: CountProject[] = Array.from({ length: r.nP }, (_, i) => {
      const p: CountProject = { id: `P${i}`, cost: r.costs[i]! * r.unit };
      if (r.withdrawn[i] && i === r.nP - 1) {
        p.withdrawn = true;
        p.cost = 99999999900;
      }
      return p;
    });
    const ballots: Ballot[] = r.ballots.map((entries) => {
      const seen = new Set<number>();
      const picks = entries.filter((x) => {
        const p = x.p % r.nP;
        if (seen.has(p)) return false;
        seen.add(p);
        return true;
      });
      const chosen = r.voteType === "choose-1" ? picks.slice(0, 1) : picks;
      const b: Ballot = { projects: chosen.map((x) => `P${x.p % r.nP}`) };
      if (r.voteType === "cumulative") return { ...b, points: chosen.map((x) => x.pts) };
      return b;
    });
    return { voteType: r.voteType, projects, ballots, budget: r.budgetUnits * r.unit };
  });

const greedyOptionsArb: fc.Arbitrary<GreedyOptions> = fc.record(
  {
    noSkip: fc.boolean(),
    threshold: fc.integer({ min: 0, max: 4 }),
    tie: fc.constantFrom("lower-cost" as const, "voters" as const),
    reserveShare: fc.constant([4, 5] as const),
  },
  { requiredKeys: [] },
);

const mesOptionsArb: fc.Arbitrary<MesOptions> = fc.record({
  add1: fc.constantFrom("none" as const, "pabutools" as const, "pabulib" as const),
  completion: fc.constantFrom("none" as const, "greedy" as const),
  comparison: fc.boolean(),
  tie: fc.constantFrom("lower-cost" as const, "voters" as const),
});

function checkBudget(p: Profile, r: RuleResult): void {
  const cost = new Map(p.projects.map((x) => [x.id, x]));
  const total = r.selected.reduce((s, id) => s + cost.get(id)!.cost, 0);
  expect(total).toBe(r.spent);
  expect(r.spent).toBeLessThanOrEqual(r.budget);
  expect(new Set([...r.selected, ...r.reserve]).size).toBe(r.selected.length + r.reserve.length);
  for (const id of [...r.selected, ...r.reserve]) expect(cost.get(id)!.withdrawn).toBeFalsy();
  expect(r.decisions.map((d) => d.projectId).sort()).toEqual(p.projects.map((x) => x.id).sort());
  const funded = r.decisions.filter((d) => d.reason === "funded" || d.reason === "funded_by_completion").map((d) => d.projectId);
  expect(funded.sort()).toEqual([...r.selected].sort());
}

describe("property: never over budget", () => {
  it("greedy, in every variant", () => {
    fc.assert(
      fc.property(electionArb, greedyOptionsArb, (input, opts) => {
        const p = buildProfile(input);
        checkBudget(p, greedy(p, opts));
      }),
      { numRuns: 500 },
    );
  });

  it("Equal Shares, with every Add1 variant, completion and comparison", () => {
    fc.assert(
      fc.property(electionArb, mesOptionsArb, (input, opts) => {
        const p = buildProfile(input);
        const r = equalShares(p, { ...opts, maxIterations: 20_000 });
        checkBudget(p, r);
      }),
      { numRuns: 300 },
    );
  });
});

describe("property: greedy-no-skip funds a prefix of the score order", () => {
  it("holds for every election and tie rule", () => {
    fc.assert(
      fc.property(electionArb, fc.integer({ min: 0, max: 3 }), fc.constantFrom("lower-cost" as const, "voters" as const), (input, threshold, tie) => {
        const p = buildProfile(input);
        const r = greedy(p, { noSkip: true, threshold, tie });
        const cmp = tieComparator(p, { tie });
        const eligible = p.projects
          .map((_, i) => i)
          .filter((i) => !p.projects[i]!.withdrawn && p.score[i]! >= threshold)
          .sort((a, b) => p.score[b]! - p.score[a]! || cmp(a, b))
          .map((i) => p.projects[i]!);
        let left = p.budget;
        let k = 0;
        while (k < eligible.length && eligible[k]!.cost <= left) left -= eligible[k++]!.cost;
        expect(r.selected).toEqual(eligible.slice(0, k).map((x) => x.id));
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Fair share for two disjoint groups
// ---------------------------------------------------------------------------------------------

const twoGroupsArb = fc.record({
  g: fc.integer({ min: 1, max: 30 }),
  h: fc.integer({ min: 1, max: 30 }),
  pg: fc.integer({ min: 1, max: 6 }),
  ph: fc.integer({ min: 1, max: 6 }),
  c: fc.integer({ min: 1, max: 50 }).map((x) => x * 1000),
  budgetUnits: fc.integer({ min: 1, max: 12 }),
  odd: fc.integer({ min: 0, max: 999 }),
});

describe("property: Equal Shares gives each cohesive group its fair share", () => {
  it("each group gets ≥ min(|P_G|, ⌊|G|·B/(n·c)⌋) projects; the smaller group gets ≥ what greedy gives it", () => {
    fc.assert(
      fc.property(twoGroupsArb, ({ g, h, pg, ph, c, budgetUnits, odd }) => {
        const G = Array.from({ length: pg }, (_, i) => `G${i}`);
        const H = Array.from({ length: ph }, (_, i) => `H${i}`);
        const budget = budgetUnits * c + odd; // not always a multiple of the cost
        const p = buildProfile({
          voteType: "approval",
          budget,
          projects: [...G, ...H].map((id) => ({ id, cost: c })),
          ballots: [...Array.from({ length: g }, () => ({ projects: G })), ...Array.from({ length: h }, () => ({ projects: H }))],
        });
        const n = g + h;
        const share = (size: number, count: number): number => Math.min(count, Math.floor((size * budget) / (n * c)));
        const count = (sel: string[], prefix: string): number => sel.filter((id) => id.startsWith(prefix)).length;
        for (const r of [equalShares(p), equalShares(p, { add1: "none", completion: "none" })]) {
          expect(count(r.selected, "G")).toBeGreaterThanOrEqual(share(g, pg));
          expect(count(r.selected, "H")).toBeGreaterThanOrEqual(share(h, ph));
        }
        // exactly the fair share at B/n, before any completion
        const plain = equalShares(p, { add1: "none", completion: "none" });
        expect(count(plain.selected, "G")).toBe(share(g, pg));
        expect(count(plain.selected, "H")).toBe(share(h, ph));
        if (g !== h) {
          const small = g < h ? "G" : "H";
          expect(count(equalShares(p).selected, small)).toBeGreaterThanOrEqual(count(greedy(p).selected, small));
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Float fast path == exact engine == naive reference
// ---------------------------------------------------------------------------------------------

/** exact fractions for the reference implementation, independent of the engine's rational.ts */
type Fr = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
};
const fr = (n: bigint, d: bigint): Fr => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
const fsub = (a: Fr, b: Fr): Fr => fr(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const fadd = (a: Fr, b: Fr): Fr => fr(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const fmul = (a: Fr, k: bigint): Fr => fr(a[0] * k, a[1]);
const fdiv = (a: Fr, k: bigint): Fr => fr(a[0], a[1] * k);
const fcmp = (a: Fr, b: Fr): number => {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l < r ? -1 : l > r ? 1 : 0;
};

/**
 * Textbook MES, one voter at a time, eager (every project every round), exact fractions.
 * Utility weight w = points (1 for approval); a supporter pays min(budget, ρ·w·cost).
 */
function naiveMes(p: Profile, perVoter: Fr, tie: (a: number, b: number) => number): string[] {
  const voters: Array<{ budget: Fr; w: Map<number, bigint> }> = [];
  for (let g = 0; g < p.groups; g++) {
    const w = new Map<number, bigint>();
    for (let k = p.ballotStart[g]!; k < p.ballotStart[g + 1]!; k++) if (p.ballotWeights[k]! > 0) w.set(p.ballotProjects[k]!, BigInt(p.ballotWeights[k]!));
    for (let m = 0; m < p.mult[g]!; m++) voters.push({ budget: perVoter, w });
  }
  const remaining = new Set(p.projects.map((_, i) => i).filter((i) => !p.projects[i]!.withdrawn && p.projects[i]!.cost > 0 && voters.some((v) => v.w.has(i))));
  const out: string[] = [];
  for (;;) {
    let best: Fr | null = null;
    let bestP: number[] = [];
    for (const j of remaining) {
      const c = BigInt(p.projects[j]!.cost);
      const supp = voters.filter((v) => v.w.has(j)).sort((a, b) => fcmp(fdiv(a.budget, a.w.get(j)!), fdiv(b.budget, b.w.get(j)!)));
      let paid: Fr = [0n, 1n];
      let weight = supp.reduce((s, v) => s + v.w.get(j)!, 0n);
      let rho: Fr | null = null;
      for (const v of supp) {
        const q = fdiv(fsub([c, 1n], paid), weight); // price per point
        if (fcmp(fmul(q, v.w.get(j)!), v.budget) <= 0) {
          rho = fdiv(q, c);
          break;
        }
        paid = fadd(paid, v.budget);
        weight -= v.w.get(j)!;
      }
      if (rho === null) continue;
      const c2 = best === null ? -1 : fcmp(rho, best);
      if (c2 < 0) {
        best = rho;
        bestP = [j];
      } else if (c2 === 0) bestP.push(j);
    }
    if (best === null) return out;
    const j = bestP.sort(tie)[0]!;
    const q = fmul(best, BigInt(p.projects[j]!.cost));
    for (const v of voters) {
      if (!v.w.has(j)) continue;
      const pay = fmul(q, v.w.get(j)!);
      v.budget = fcmp(pay, v.budget) >= 0 ? [0n, 1n] : fsub(v.budget, pay);
    }
    remaining.delete(j);
    out.push(p.projects[j]!.id);
  }
}

describe("property: the float fast path is exact", () => {
  it("equals the exact-rational engine for every Add1 variant (selection, ties, per-voter budget)", () => {
    fc.assert(
      fc.property(electionArb, mesOptionsArb, (input, opts) => {
        const p = buildProfile(input);
        const o = { ...opts, maxIterations: 20_000 };
        const fast = equalShares(p, o);
        const exact = equalShares(p, { ...o, exact: true });
        expect(fast.selected).toEqual(exact.selected);
        expect(fast.mes).toEqual(exact.mes);
        expect(fast.ties).toEqual(exact.ties);
        expect(fast.perVoterBudget).toEqual(exact.perVoterBudget);
        expect(fast.iterations).toBe(exact.iterations);
      }),
      { numRuns: 300 },
    );
  });

  it("the exact engine equals a naive per-voter MES (one run at budget / voters)", () => {
    fc.assert(
      fc.property(electionArb, fc.constantFrom("lower-cost" as const, "voters" as const), (input, tie) => {
        const p = buildProfile(input);
        fc.pre(p.voters > 0);
        const exact = equalShares(p, { add1: "none", completion: "none", exact: true, tie });
        const freeFirst = exact.mes.filter((id) => p.projects[p.index.get(id)!]!.cost === 0);
        const ref = naiveMes(p, fr(BigInt(p.budget), BigInt(p.voters)), tieComparator(p, { tie }));
        expect(exact.mes).toEqual([...freeFirst, ...ref]);
      }),
      { numRuns: 300 },
    );
  });
});
