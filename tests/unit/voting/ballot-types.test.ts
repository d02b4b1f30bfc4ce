/**
 * The ballot-type registry (app/domain/voting/ballot-types.ts): every kind's validation table with
 * every reason code, its hints, its Pabulib vote type and META, and properties — a valid ballot's
 * lines carry exactly the points given (ranks as their points), an invalid one yields no lines.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankPoints, type BallotKind, type BallotRule } from "~/domain/rules";
import { validateBallot, validatePaperBallot, remainingTicks, type BallotInput, type BallotReason, type CataloguePool } from "~/domain/voting/ballot";
import { BALLOT_TYPES, ballotType, pabulibBallotMeta, scoresBy, type BallotTypeRegistry } from "~/domain/voting/ballot-types";
import { buildProfile, validateBallot as validatePbBallot, type BallotSpec } from "~/domain/counting";

const P = ["a", "b", "c", "d", "e"];
const project = (id: string, costGrosze = 100_00) => ({ id, costGrosze });
const pool = (poolId: string, ballotRule: BallotRule, extra: Partial<CataloguePool> = {}): CataloguePool => ({
  poolId,
  kind: "city",
  ballotRule,
  budgetGrosze: 250_00,
  projects: P.map((id) => project(id)),
  ...extra,
});

const RULES: { [K in BallotKind]: Extract<BallotRule, { kind: K }> } = {
  approval: { kind: "approval", minTicks: 1, maxTicks: 3 },
  points: { kind: "points", maxTotal: 5, maxPerProject: 3 },
  knapsack: { kind: "knapsack" },
  "choose-one": { kind: "choose-one", required: true },
  ranked: { kind: "ranked", ranks: 3, exact: true },
};
const CATALOGUE: CataloguePool[] = [
  pool("appr", RULES.approval),
  pool("pts", RULES.points),
  pool("knap", RULES.knapsack),
  pool("one", RULES["choose-one"]),
  pool("rank", RULES.ranked),
  pool("dist", { kind: "approval", minTicks: 0, maxTicks: 2 }, { kind: "district_large", districtId: "d1", projects: [project("x"), { id: "y", costGrosze: 1, districtId: "d2" }] }),
];
const only = (poolId: string, selection: BallotInput["selections"][string], districtId: string | null = null): BallotInput => ({ districtId, selections: { [poolId]: selection } });

type Row = { name: string; ballot: BallotInput; reason: BallotReason | null; points?: Record<string, number>; options?: { districtIds?: string[] } };
const TABLE: Row[] = [
  // approval
  { name: "approval within limits", ballot: only("appr", ["a", "c"]), reason: null, points: { a: 1, c: 1 } },
  { name: "approval over maxTicks", ballot: only("appr", ["a", "b", "c", "d"]), reason: "ballot_too_many_ticks" },
  { name: "approval under minTicks (another pool ticked)", ballot: { districtId: null, selections: { appr: [], one: ["a"] } }, reason: "ballot_too_few_ticks" },
  { name: "approval duplicate", ballot: only("appr", ["a", "a"]), reason: "ballot_duplicate_project" },
  { name: "approval unknown project", ballot: only("appr", ["zz"]), reason: "ballot_unknown_project" },
  { name: "approval given numbers", ballot: only("appr", { a: 1 }), reason: "ballot_malformed" },
  // points
  { name: "points within limits", ballot: only("pts", { a: 3, b: 2 }), reason: null, points: { a: 3, b: 2 } },
  { name: "points 0 is untouched", ballot: only("pts", { a: 0, b: 1 }), reason: null, points: { b: 1 } },
  { name: "points negative", ballot: only("pts", { a: -1 }), reason: "ballot_points_not_positive" },
  { name: "points not finite", ballot: only("pts", { a: Number.NaN }), reason: "ballot_points_not_positive" },
  { name: "points fractional", ballot: only("pts", { a: 1.5 }), reason: "ballot_points_not_integer" },
  { name: "points over per project", ballot: only("pts", { a: 4 }), reason: "ballot_points_over_per_project" },
  { name: "points over total", ballot: only("pts", { a: 3, b: 3 }), reason: "ballot_points_over_total" },
  { name: "points given a list", ballot: only("pts", ["a"]), reason: "ballot_malformed" },
  // knapsack: 100 zł each, 250 zł budget
  { name: "knapsack within budget", ballot: only("knap", ["a", "b"]), reason: null, points: { a: 1, b: 1 } },
  { name: "knapsack over budget", ballot: only("knap", ["a", "b", "c"]), reason: "ballot_over_budget" },
  // choose-one
  { name: "choose-one one", ballot: only("one", ["b"]), reason: null, points: { b: 1 } },
  { name: "choose-one two", ballot: only("one", ["a", "b"]), reason: "ballot_too_many_ticks" },
  { name: "choose-one required, empty (another pool ticked)", ballot: { districtId: null, selections: { one: [], appr: ["a"] } }, reason: "ballot_too_few_ticks" },
  // ranked 3/2/1, exact
  { name: "ranked exact", ballot: only("rank", { c: 1, a: 2, e: 3 }), reason: null, points: { c: 3, a: 2, e: 1 } },
  { name: "ranked too few (exact)", ballot: only("rank", { a: 1, b: 2 }), reason: "ballot_too_few_ticks" },
  { name: "ranked rank 4 of 3", ballot: only("rank", { a: 1, b: 2, c: 4 }), reason: "ballot_rank_invalid" },
  { name: "ranked rank 1.5", ballot: only("rank", { a: 1.5, b: 2, c: 3 }), reason: "ballot_rank_invalid" },
  { name: "ranked duplicate rank", ballot: only("rank", { a: 1, b: 1, c: 2 }), reason: "ballot_rank_duplicate" },
  { name: "ranked too many", ballot: only("rank", { a: 1, b: 2, c: 3, d: 1 }), reason: "ballot_rank_duplicate" },
  { name: "ranked given a list", ballot: only("rank", ["a"]), reason: "ballot_malformed" },
  // ballot-wide and district
  { name: "nothing ticked", ballot: { districtId: null, selections: {} }, reason: "ballot_empty" },
  { name: "unknown pool", ballot: { districtId: null, selections: { nope: ["a"], appr: ["a"] } }, reason: "ballot_unknown_pool" },
  { name: "unknown district", ballot: { districtId: "d9", selections: { appr: ["a"] } }, reason: "ballot_unknown_district", options: { districtIds: ["d1"] } },
  { name: "district pool without a district", ballot: only("dist", ["x"]), reason: "ballot_district_required" },
  { name: "district pool, project of another district", ballot: only("dist", ["y"], "d1"), reason: "ballot_project_other_district" },
];

describe("validation table, per ballot type", () => {
  it.each(TABLE)("$name → $reason", ({ ballot, reason, points, options }) => {
    // pools a row does not mention are left empty; give the required ones a valid choice
    const filled: BallotInput = { districtId: ballot.districtId, selections: { appr: ["e"], one: ["e"], ...ballot.selections } };
    const r = validateBallot(filled, CATALOGUE, options);
    if (reason === null) {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const pid = Object.keys(ballot.selections)[0]!;
      const got = Object.fromEntries(r.normalised.lines.filter((l) => l.poolId === pid).map((l) => [l.projectId, l.points]));
      expect(got).toEqual(points);
    } else {
      const raw = validateBallot(reason === "ballot_empty" ? ballot : filled, CATALOGUE, options);
      expect(raw.ok).toBe(false);
      if (!raw.ok) expect(raw.errors.map((e) => e.reason)).toContain(reason);
    }
  });

  it("covers every reason code", () => {
    const all: Record<BallotReason, true> = {
      ballot_empty: true, ballot_unknown_district: true, ballot_unknown_pool: true, ballot_malformed: true, ballot_unknown_project: true,
      ballot_duplicate_project: true, ballot_district_required: true, ballot_project_other_district: true, ballot_points_not_positive: true,
      ballot_points_not_integer: true, ballot_points_over_per_project: true, ballot_points_over_total: true, ballot_too_many_ticks: true,
      ballot_too_few_ticks: true, ballot_over_budget: true, ballot_rank_invalid: true, ballot_rank_duplicate: true,
    };
    expect(new Set(TABLE.map((r) => r.reason).filter((r) => r !== null))).toEqual(new Set(Object.keys(all)));
  });

  it("ranked, up to N: fewer ranks are fine, custom points per rank are stored", () => {
    const rule: BallotRule = { kind: "ranked", ranks: 3, exact: false, pointsPerRank: [5, 2, 1] };
    const r = validateBallot(only("r", { b: 2 }), [pool("r", rule)]);
    expect(r.ok && r.normalised.lines).toEqual([{ poolId: "r", projectId: "b", points: 2 }]);
  });

  it("a paper ballot voids only the category the voter filled in wrongly", () => {
    const r = validatePaperBallot({ districtId: null, selections: { pts: { a: 3, b: 3 }, rank: { a: 1, b: 2, c: 3 } } }, CATALOGUE);
    expect(r.ok && r.pools["pts"]).toEqual({ valid: false, reason: "ballot_points_over_total" });
    expect(r.ok && r.normalised.lines.filter((l) => l.poolId === "rank").map((l) => l.points)).toEqual([3, 2, 1]);
  });
});

describe("hints, Pabulib and scores from the registry", () => {
  it.each([
    [RULES.approval, ["a"], 2],
    [RULES.points, { a: 2, b: 1 }, 2],
    [RULES.knapsack, ["a"], null],
    [RULES["choose-one"], [], 1],
    [RULES.ranked, { a: 1, b: 0 }, 2],
  ] as const)("remainingTicks(%o)", (rule, sel, left) => {
    expect(remainingTicks(rule, sel)).toBe(left);
  });

  it("vote types and META", () => {
    const b = { budgetGrosze: 1234_56 };
    expect(pabulibBallotMeta(RULES.approval, b)).toEqual({ voteType: "approval", meta: { min_length: "1", max_length: "3" } });
    expect(pabulibBallotMeta(RULES.points, b)).toEqual({ voteType: "cumulative", meta: { max_sum_points: "5", max_points: "3" } });
    expect(pabulibBallotMeta(RULES.knapsack, b)).toEqual({ voteType: "approval", meta: { max_sum_cost: "1234.56" } });
    expect(pabulibBallotMeta(RULES["choose-one"], b)).toEqual({ voteType: "choose-1", meta: { min_length: "1", max_length: "1" } });
    expect(pabulibBallotMeta(RULES.ranked, b)).toEqual({ voteType: "ordinal", meta: { min_length: "3", max_length: "3" } });
    expect(Object.fromEntries(Object.values(RULES).map((r) => [r.kind, scoresBy(r)]))).toEqual({
      approval: "voters", points: "points", knapsack: "voters", "choose-one": "voters", ranked: "points",
    });
  });

  it("each entry's schema accepts its own rule and rejects another kind's", () => {
    for (const [kind, rule] of Object.entries(RULES)) {
      const schema = BALLOT_TYPES[kind as BallotKind].schema;
      expect(schema.safeParse(rule).success).toBe(true);
      const other = Object.values(RULES).find((r) => r.kind !== kind)!;
      expect(schema.safeParse(other).success).toBe(false);
      expect(ballotType(rule)).toBe(BALLOT_TYPES[kind as BallotKind]);
    }
  });

  it("the registry must name every kind (type level)", () => {
    const { ranked: _dropped, ...partial } = BALLOT_TYPES;
    // @ts-expect-error — a registry without "ranked" is not a BallotTypeRegistry
    const registry: BallotTypeRegistry = partial;
    expect(Object.keys(registry)).not.toContain("ranked");
  });
});

describe("properties", () => {
  const ids = fc.uniqueArray(fc.constantFrom(...P), { maxLength: 5 });
  const pointsSel = fc.dictionary(fc.constantFrom(...P), fc.integer({ min: -2, max: 6 }), { maxKeys: 5 });
  const rankSel = fc.dictionary(fc.constantFrom(...P), fc.integer({ min: -1, max: 5 }), { maxKeys: 5 });
  const rules = fc.constantFrom<BallotRule>(RULES.approval, RULES.points, RULES.knapsack, RULES["choose-one"], RULES.ranked, { kind: "ranked", ranks: 4, exact: false, pointsPerRank: [10, 5, 2, 1] });

  it("a valid ballot's lines carry exactly what was given and count to it; an invalid one never yields lines", () => {
    fc.assert(
      fc.property(rules, ids, pointsSel, rankSel, (rule, list, pts, ranks) => {
        const type = ballotType(rule);
        const sel = type.input === "ids" ? list : rule.kind === "ranked" ? ranks : pts;
        const r = validateBallot(only("p", sel), [pool("p", rule)]);
        if (!r.ok) {
          expect("normalised" in r).toBe(false);
          return;
        }
        const given = Array.isArray(sel) ? Object.fromEntries(sel.map((id) => [id, 1])) : Object.fromEntries(Object.entries(sel).filter(([, v]) => v !== 0));
        const expected =
          rule.kind === "ranked" ? Object.fromEntries(Object.entries(given).map(([id, rank]) => [id, rankPoints(rule)[rank - 1]])) : given;
        const lines = Object.fromEntries(r.normalised.lines.map((l) => [l.projectId, l.points]));
        expect(lines).toEqual(expected);
        // the engine, fed with the lines as the pool's Pabulib vote type, scores exactly those points
        const { voteType } = pabulibBallotMeta(rule, { budgetGrosze: 1 });
        const profile = buildProfile({
          voteType,
          projects: P.map((id) => ({ id, cost: 1 })),
          ballots: [{ projects: r.normalised.lines.map((l) => l.projectId), points: r.normalised.lines.map((l) => l.points) }],
          budget: 1,
        });
        const total = [...profile.score].reduce((a, b) => a + b, 0);
        const sum = r.normalised.lines.reduce((n, l) => n + l.points, 0);
        expect(total).toBe(scoresBy(rule) === "points" ? sum : r.normalised.lines.length);
        // and the engine's own check of the vote type accepts it
        const spec: BallotSpec = { voteType, ...(voteType === "cumulative" && rule.kind === "points" ? { maxSumPoints: rule.maxTotal, maxPoints: rule.maxPerProject } : {}) };
        const ordered = [...r.normalised.lines].sort((a, b) => b.points - a.points);
        expect(validatePbBallot({ projects: ordered.map((l) => l.projectId), points: ordered.map((l) => l.points) }, spec, new Set(P))).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
  });
});
