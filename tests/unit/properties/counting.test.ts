/**
 * Properties of counting: app/domain/counting/{greedy,equal-shares,ties,scores,pabulib,tally,result}.ts
 * and app/domain/results.ts (one pool of the platform, the turnout award).
 *
 * Already covered by tests/unit/counting/properties.test.ts and not repeated here: budget respected
 * by every rule, the no-skip prefix, the Equal Shares fair-share bound, float-vs-exact MES and a
 * naive MES reference. tests/unit/counting/pabulib.test.ts has parse(write(e)) = e on generated
 * elections; here the round trip is checked through a whole count instead.
 * result.ts holds only types (RuleResult, ReasonCode): its invariants are the per-rule properties
 * below (one decision per project, funded = selected).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildProfile,
  compareIds,
  computeScores,
  equalShares,
  greedy,
  greedyFromScores,
  lotteryOrder,
  makeTieComparator,
  parsePabulib,
  PabulibFormatError,
  tallyElection,
  validateBallot,
  writePabulib,
  type PbElection,
  type RuleResult,
  type ScoredProject,
  type TieRule,
} from "~/domain/counting";
import { countPool, turnoutAward } from "~/domain/results";
import { counter } from "./_count";

const { check } = counter("counting");

const tie = fc.oneof(
  fc.constantFrom<{ tie: TieRule; seed?: string }>({ tie: "lower-cost" }, { tie: "voters" }),
  fc.string({ minLength: 1, maxLength: 8 }).map((seed) => ({ tie: "lot" as TieRule, seed })),
);
const scored = fc
  .array(fc.record({ cost: fc.integer({ min: 0, max: 20 }).map((c) => c * 1000), score: fc.integer({ min: 0, max: 12 }), voters: fc.nat(12), withdrawn: fc.boolean() }), { minLength: 0, maxLength: 9 })
  .map((xs): ScoredProject[] => xs.map((x, i) => ({ id: `P${i}`, cost: x.cost, score: x.score, voters: x.voters, ...(x.withdrawn ? { withdrawn: true } : {}) })));
const budget = fc.integer({ min: 0, max: 80 }).map((b) => b * 1000);
const variant = fc.record({ noSkip: fc.boolean(), threshold: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) });

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  return xs.map((x, i) => ({ x, k: Math.sin(seed * 7919 + i * 104729) })).sort((a, b) => a.k - b.k).map((p) => p.x);
}
const costOf = (r: RuleResult) => r.decisions.filter((d) => r.selected.includes(d.projectId)).reduce((s, d) => s + d.cost, 0);

describe("greedy", () => {
  it("spends at most the budget, decides every project once, funds exactly `selected`, never a withdrawn or below-threshold one", () => {
    check(
      fc.property(scored, budget, variant, tie, (ps, b, v, t) => {
        const r = greedyFromScores(ps, b, { ...v, ...t });
        expect(costOf(r)).toBe(r.spent);
        expect(r.spent).toBeLessThanOrEqual(b);
        expect(r.decisions.map((d) => d.projectId).sort()).toEqual(ps.map((p) => p.id).sort());
        expect(r.decisions.filter((d) => d.reason === "funded").map((d) => d.projectId).sort()).toEqual([...r.selected].sort());
        for (const id of r.selected) {
          const p = ps.find((x) => x.id === id)!;
          expect(p.withdrawn).toBeFalsy();
          if (v.threshold !== undefined) expect(p.score).toBeGreaterThanOrEqual(v.threshold);
        }
      }),
      300,
    );
  });
  it("does not depend on the order the projects are listed in", () => {
    check(
      fc.property(scored, budget, variant, tie, fc.integer(), (ps, b, v, t, seed) => {
        const a = greedyFromScores(ps, b, { ...v, ...t });
        const c = greedyFromScores(shuffle(ps, seed), b, { ...v, ...t });
        expect(c.selected).toEqual(a.selected);
        const byId = (r: RuleResult) => Object.fromEntries(r.decisions.map((d) => [d.projectId, d.reason]));
        expect(byId(c)).toEqual(byId(a));
      }),
      300,
    );
  });
  it("more votes for a funded project never make it lose", () => {
    check(
      fc.property(scored, budget, variant, tie, fc.nat(), fc.integer({ min: 1, max: 5 }), (ps, b, v, t, pick, extra) => {
        const r = greedyFromScores(ps, b, { ...v, ...t });
        if (r.selected.length === 0) return;
        const winner = r.selected[pick % r.selected.length]!;
        const more = ps.map((p) => (p.id === winner ? { ...p, score: p.score + extra, voters: (p.voters ?? 0) + extra } : p));
        expect(greedyFromScores(more, b, { ...v, ...t }).selected).toContain(winner);
      }),
      300,
    );
  });
  it("skip-greedy leaves no eligible project unfunded that would still fit", () => {
    check(
      fc.property(scored, budget, fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), tie, (ps, b, threshold, t) => {
        const r = greedyFromScores(ps, b, { threshold, ...t });
        for (const p of ps) {
          if (r.selected.includes(p.id) || p.withdrawn || (threshold !== undefined && p.score < threshold)) continue;
          expect(p.cost).toBeGreaterThan(b - r.spent);
        }
      }),
      300,
    );
  });
  it("a bigger budget keeps the top project funded, and funds a superset when nothing was left out for lack of money", () => {
    check(
      fc.property(scored, budget, fc.integer({ min: 0, max: 30 }).map((x) => x * 1000), tie, (ps, b, more, t) => {
        const small = greedyFromScores(ps, b, t);
        const big = greedyFromScores(ps, b + more, t);
        // left out for lack of money: did not fit, or lost a tie to one that took the rest of the budget
        const moneyShort = ["did_not_fit", "lost_tie", "stopped_no_skip", "funded_from_reserve"];
        if (small.decisions.every((d) => !moneyShort.includes(d.reason))) for (const id of small.selected) expect(big.selected).toContain(id);
        // the top-ranked eligible project is funded by both whenever it fits the smaller budget
        const first = small.decisions.find((d) => d.rank === 1);
        if (first && small.selected.includes(first.projectId)) expect(big.selected).toContain(first.projectId);
      }),
      200,
    );
  });
});

describe("ties", () => {
  const items = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), cost: fc.nat(5), voters: fc.nat(5) }), { selector: (x) => x.id, maxLength: 8 });
  it("every tie rule is a strict total order on distinct ids (antisymmetric, transitive, never 0 between two projects)", () => {
    check(
      fc.property(items, tie, (xs, t) => {
        const cmp = makeTieComparator(xs, t);
        for (let a = 0; a < xs.length; a++)
          for (let b = 0; b < xs.length; b++) {
            const ab = Math.sign(cmp(a, b));
            expect(ab + Math.sign(cmp(b, a))).toBe(0);
            if (a !== b) expect(ab).not.toBe(0);
            for (let c = 0; c < xs.length; c++) if (ab < 0 && cmp(b, c) < 0) expect(cmp(a, c)).toBeLessThan(0);
          }
      }),
      200,
    );
  });
  it("the lottery order is a permutation that depends only on the seed and the set of ids, not on their order", () => {
    check(
      fc.property(fc.string({ minLength: 1, maxLength: 10 }), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { maxLength: 10 }), fc.integer(), (seed, ids, s) => {
        const o = lotteryOrder(seed, ids);
        expect([...o].sort(compareIds)).toEqual([...ids].sort(compareIds));
        expect(lotteryOrder(seed, shuffle(ids, s))).toEqual(o);
      }),
    );
  });
  it("lower-cost prefers the cheaper project; voters prefers the more supported one", () => {
    check(
      fc.property(items.filter((xs) => xs.length >= 2), (xs) => {
        const lc = makeTieComparator(xs, { tie: "lower-cost" });
        const vt = makeTieComparator(xs, { tie: "voters" });
        if (xs[0]!.cost < xs[1]!.cost) expect(lc(0, 1)).toBeLessThan(0);
        if (xs[0]!.voters > xs[1]!.voters) expect(vt(0, 1)).toBeLessThan(0);
      }),
    );
  });
});

// approval elections with small integer costs
const approval = fc
  .record({
    costs: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 }),
    ballots: fc.array(fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }), { minLength: 1, maxLength: 12 }),
    budget: fc.integer({ min: 1, max: 30 }),
    unit: fc.constantFrom(100, 300, 1000),
  })
  .map(({ costs, ballots, budget, unit }) => ({
    voteType: "approval" as const,
    projects: costs.map((c, i) => ({ id: `P${i}`, cost: c * unit })),
    ballots: ballots.map((b) => ({ projects: b.filter((i) => i < costs.length).map((i) => `P${i}`) })).filter((b) => b.projects.length > 0),
    budget: budget * unit,
  }));

describe("Method of Equal Shares", () => {
  it("respects the budget, funds each project once, and its own outcome is part of the final one", () => {
    check(
      fc.property(approval, tie, fc.constantFrom<"none" | "pabutools">("none", "pabutools"), (e, t, add1) => {
        const r = equalShares(buildProfile(e), { ...t, add1 });
        expect(r.spent).toBeLessThanOrEqual(e.budget);
        expect(new Set(r.selected).size).toBe(r.selected.length);
        for (const id of r.mes) expect(r.selected).toContain(id);
        expect(costOf(r)).toBe(r.spent);
      }),
      150,
    );
  });
  it("stops only when every unfunded project would overspend its supporters: either one of them already paid for something, or their full shares cannot cover it", () => {
    check(
      fc.property(approval, tie, (e, t) => {
        const r = equalShares(buildProfile(e), { ...t, add1: "none", completion: "none" });
        const n = e.ballots.length;
        const fundedSet = new Set(r.mes);
        for (const p of e.projects) {
          if (fundedSet.has(p.id)) continue;
          const supporters = e.ballots.filter((b) => b.projects.includes(p.id));
          if (supporters.length === 0) continue;
          const someonePaid = supporters.some((b) => b.projects.some((id) => fundedSet.has(id)));
          // cost > |supporters| · budget / n, in exact integers
          if (!someonePaid) expect(p.cost * n).toBeGreaterThan(supporters.length * e.budget);
        }
        // and a funded project was payable from its supporters' shares
        for (const id of r.mes) {
          const p = e.projects.find((x) => x.id === id)!;
          const supporters = e.ballots.filter((b) => b.projects.includes(id)).length;
          expect(p.cost * n).toBeLessThanOrEqual(supporters * e.budget);
        }
      }),
      150,
    );
  });
});

describe("profiles, scores and ballots (counting)", () => {
  it("an approval score is the number of ballots listing the project; scores do not depend on ballot order", () => {
    check(
      fc.property(approval, fc.integer(), (e, s) => {
        const scores = computeScores(buildProfile(e));
        for (const sc of scores) expect(sc.score).toBe(e.ballots.filter((b) => b.projects.includes(sc.id)).length);
        expect(computeScores(buildProfile({ ...e, ballots: shuffle(e.ballots, s) }))).toEqual(scores);
        // greedy on the profile is greedy on these scores
        expect(greedy(buildProfile(e)).selected).toEqual(greedyFromScores(scores.map((x) => ({ ...x, cost: e.projects.find((p) => p.id === x.id)!.cost })), e.budget).selected);
      }),
      150,
    );
  });
  it("ballot validation never throws and a valid ballot stays valid when reordered (approval)", () => {
    check(
      fc.property(fc.array(fc.constantFrom("A", "B", "C", "D", "Z"), { maxLength: 6 }), fc.option(fc.nat(4), { nil: undefined }), fc.option(fc.nat(4), { nil: undefined }), fc.integer(), (ids, minLength, maxLength, s) => {
        const spec = { voteType: "approval" as const, minLength, maxLength };
        const known = new Set(["A", "B", "C", "D"]);
        const r = validateBallot({ projects: ids }, spec, known);
        expect(r.ok).toBe(ids.every((x) => known.has(x)) && new Set(ids).size === ids.length && (minLength === undefined || ids.length >= minLength) && (maxLength === undefined || ids.length <= maxLength));
        expect(validateBallot({ projects: shuffle(ids, s) }, spec, known).ok).toBe(r.ok);
      }),
    );
  });
});

describe("Pabulib files and the tally", () => {
  const toPb = (e: { projects: { id: string; cost: number }[]; ballots: { projects: readonly string[] }[]; budget: number }, rule: string): PbElection => ({
    meta: { description: "test; \"quoted\"", num_projects: String(e.projects.length), num_votes: String(e.ballots.length), budget: String(e.budget / 100), vote_type: "approval", rule },
    projects: e.projects.map((p) => ({ id: p.id, cost: p.cost, name: `Projekt ${p.id}; "x"`, extra: {} })),
    votes: e.ballots.map((b, i) => ({ voterId: `v${i}`, vote: [...b.projects], extra: {} })),
    projectColumns: ["project_id", "cost", "name"],
    voteColumns: ["voter_id", "vote"],
  });
  it("a written file parses back and counts exactly as the election it came from", () => {
    check(
      fc.property(approval, fc.constantFrom("greedy", "greedy-no-skip", "equalshares"), (e, rule) => {
        const pb = toPb(e, rule);
        const back = parsePabulib(writePabulib(pb));
        expect(back.projects.map((p) => [p.id, p.cost, p.name])).toEqual(pb.projects.map((p) => [p.id, p.cost, p.name]));
        expect(back.votes.map((v) => v.vote)).toEqual(pb.votes.map((v) => v.vote));
        expect(tallyElection(back, "meta").selected).toEqual(tallyElection(pb, "meta").selected);
      }),
      150,
    );
  });
  it("arbitrary text is either a file or a PabulibFormatError with a code and a line, nothing else", () => {
    const lines = fc.array(fc.oneof(fc.constantFrom("META", "PROJECTS", "VOTES", "key;value", "budget;100", "project_id;cost", "1;100", "voter_id;vote", "v1;1", '"a;b', "\uFEFF"), fc.string({ maxLength: 12 })), { maxLength: 10 });
    check(
      fc.property(lines, (ls) => {
        try {
          parsePabulib(ls.join("\n"));
        } catch (err) {
          expect(err).toBeInstanceOf(PabulibFormatError);
          expect((err as PabulibFormatError).code).toMatch(/^[a-z_]+$/);
        }
      }),
      300,
    );
  });
});

describe("the platform's count of one pool, and the turnout award", () => {
  it("countPool: official result within budget, Equal Shares comparison within budget, voters = ballots, ties that matter are ties", () => {
    check(
      fc.property(approval, fc.constantFrom("greedy", "greedy-no-skip", "equal-shares"), fc.integer({ min: 0, max: 3 }), fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: null }), (e, method, minScore, lotSeed) => {
        const r = countPool({
          projects: e.projects.map((p) => ({ id: p.id, costGrosze: p.cost })),
          ballots: [...e.ballots.map((b) => b.projects), []],
          budgetGrosze: e.budget,
          rule: { method, minScore, tieBreak: "lower-cost" } as never,
          lotSeed,
        });
        expect(r.official.spent).toBeLessThanOrEqual(e.budget);
        expect(r.mes.spent).toBeLessThanOrEqual(e.budget);
        expect(r.voters).toBe(e.ballots.length + 1);
        for (const t of r.tiesThatMatter) expect(t.mattered).toBe(true);
        // nobody's vote, no money: a project no ballot ticked is never funded
        for (const p of e.projects) if (!e.ballots.some((b) => b.projects.includes(p.id))) expect(r.official.selected).not.toContain(p.id);
      }),
      150,
    );
  });
  it("turnoutAward: at most one project per place, from the three best-turnout districts, only projects left out for lack of money", () => {
    const district = fc.record({ voters: fc.nat(1000), population: fc.nat(5000) });
    const reasons = fc.constantFrom("funded", "did_not_fit", "stopped_no_skip", "lost_tie", "below_threshold", "withdrawn");
    check(
      fc.property(fc.array(district, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(reasons, reasons, reasons), { minLength: 6, maxLength: 6 }), (ds, rs) => {
        const districts = ds.map((d, i) => ({ districtId: `d${i}`, ...d }));
        const pools = districts.flatMap((d, i) =>
          (["district_large", "district_small"] as const).map((kind) => ({ poolId: `${d.districtId}_${kind}`, districtId: d.districtId, kind, decisions: rs[i]!.map((reason, k) => ({ projectId: `${d.districtId}_${kind}_${k}`, reason, rank: k + 1 })) })),
        );
        const award = turnoutAward(districts, pools);
        expect(new Set(award.map((a) => a.place)).size).toBe(award.length);
        const turnout = (id: string) => districts.find((d) => d.districtId === id)!;
        for (const a of award) {
          const d = turnout(a.districtId);
          expect(d.voters > 0 && d.population > 0).toBe(true);
          // no district with strictly higher turnout is left out of the top places
          const better = districts.filter((x) => x.population > 0 && x.voters * d.population > d.voters * x.population);
          expect(better.length).toBeLessThan(a.place);
          const decision = pools.find((p) => p.poolId === a.poolId)!.decisions.find((x) => x.projectId === a.projectId)!;
          expect(["did_not_fit", "stopped_no_skip", "lost_tie"]).toContain(decision.reason);
          expect(pools.find((p) => p.poolId === a.poolId)!.kind).toBe(a.place === 1 ? "district_large" : "district_small");
        }
      }),
    );
  });
});
