import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  BallotInputSchema,
  remainingBudget,
  remainingTicks,
  validateBallot,
  validatePaperBallot,
  type BallotInput,
  type CataloguePool,
} from "~/domain/voting/ballot";

const GDYNIA = { kind: "approval", minTicks: 0, maxTicks: 3 } as const;
const projects = (prefix: string, n: number, cost = 100_000_00) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, costGrosze: cost }));

const city: CataloguePool = { poolId: "city", kind: "city", ballotRule: GDYNIA, budgetGrosze: 1_000_000_00, projects: projects("c", 6) };
const large: CataloguePool = { poolId: "orlowo-L", kind: "district_large", districtId: "orlowo", ballotRule: GDYNIA, budgetGrosze: 500_000_00, projects: projects("oL", 5) };
const small: CataloguePool = { poolId: "orlowo-S", kind: "district_small", districtId: "orlowo", ballotRule: GDYNIA, budgetGrosze: 200_000_00, projects: projects("oS", 5) };
const redlowo: CataloguePool = { poolId: "redlowo-L", kind: "district_large", districtId: "redlowo", ballotRule: GDYNIA, budgetGrosze: 500_000_00, projects: projects("rL", 2) };
const CATALOGUE = [city, large, small];

const knap: CataloguePool = {
  poolId: "knap",
  kind: "city",
  ballotRule: { kind: "knapsack" },
  budgetGrosze: 1000,
  projects: [
    { id: "k1", costGrosze: 600 },
    { id: "k2", costGrosze: 400 },
    { id: "k3", costGrosze: 1 },
  ],
};
const points: CataloguePool = {
  poolId: "pts",
  kind: "programme",
  ballotRule: { kind: "points", maxTotal: 10, maxPerProject: 5 },
  budgetGrosze: 1000,
  projects: projects("p", 4, 100),
};
const atLeastTwo: CataloguePool = { ...city, poolId: "min2", ballotRule: { kind: "approval", minTicks: 2, maxTicks: 3 } };

const ballot = (selections: BallotInput["selections"], districtId: string | null = "orlowo"): BallotInput => ({ districtId, selections });

describe("validateBallot: accepted", () => {
  it("three ticks in each Gdynia category", () => {
    const r = validateBallot(ballot({ city: ["c3", "c1", "c2"], "orlowo-L": ["oL1", "oL2", "oL3"], "orlowo-S": ["oS5"] }), CATALOGUE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.normalised.districtId).toBe("orlowo");
    // catalogue order, not ticking order
    expect(r.normalised.lines.slice(0, 3)).toEqual([
      { poolId: "city", projectId: "c1", points: 1 },
      { poolId: "city", projectId: "c2", points: 1 },
      { poolId: "city", projectId: "c3", points: 1 },
    ]);
    expect(r.normalised.lines).toHaveLength(7);
  });

  it("categories may be left empty (only the city pool, no district chosen)", () => {
    expect(validateBallot(ballot({ city: ["c1"] }, null), CATALOGUE)).toEqual({
      ok: true,
      normalised: { districtId: null, lines: [{ poolId: "city", projectId: "c1", points: 1 }] },
    });
  });

  it("an empty list for a district pool does not need a district", () => {
    expect(validateBallot(ballot({ city: ["c1"], "orlowo-L": [] }, null), CATALOGUE).ok).toBe(true);
  });

  it("any district may be chosen, not only the voter's own (catalogue pools without districtId)", () => {
    const anyDistrict = { ...large, districtId: undefined };
    expect(validateBallot(ballot({ "orlowo-L": ["oL1"] }, "chylonia"), [anyDistrict]).ok).toBe(true);
  });

  it("knapsack within budget, exactly at budget", () => {
    expect(validateBallot(ballot({ knap: ["k1", "k2"] }), [knap]).ok).toBe(true);
  });

  it("points: zeros are dropped, others kept", () => {
    const r = validateBallot(ballot({ pts: { p1: 5, p2: 0, p3: 5 } }), [points]);
    expect(r).toEqual({
      ok: true,
      normalised: {
        districtId: "orlowo",
        lines: [
          { poolId: "pts", projectId: "p1", points: 5 },
          { poolId: "pts", projectId: "p3", points: 5 },
        ],
      },
    });
  });

  it("empty ballot accepted when allowed", () => {
    expect(validateBallot(ballot({}), CATALOGUE, { allowEmpty: true })).toEqual({ ok: true, normalised: { districtId: "orlowo", lines: [] } });
  });
});

describe("validateBallot: every reason code", () => {
  type Row = [string, BallotInput, CataloguePool[], Array<{ poolId: string | null; reason: string; projectId?: string }>, { allowEmpty?: boolean; districtIds?: string[] }?];
  const rows: Row[] = [
    ["ballot_empty (nothing anywhere)", ballot({}), CATALOGUE, [{ poolId: null, reason: "ballot_empty" }]],
    ["ballot_empty (only empty lists)", ballot({ city: [], "orlowo-L": [] }), CATALOGUE, [{ poolId: null, reason: "ballot_empty" }]],
    ["ballot_empty (only zero points)", ballot({ pts: { p1: 0 } }), [points], [{ poolId: null, reason: "ballot_empty" }]],
    ["ballot_too_many_ticks", ballot({ city: ["c1", "c2", "c3", "c4"] }), CATALOGUE, [{ poolId: "city", reason: "ballot_too_many_ticks" }]],
    ["ballot_too_few_ticks", ballot({ min2: ["c1"] }), [atLeastTwo], [{ poolId: "min2", reason: "ballot_too_few_ticks" }]],
    ["ballot_too_few_ticks (pool absent)", ballot({ city: ["c1"] }), [city, atLeastTwo], [{ poolId: "min2", reason: "ballot_too_few_ticks" }]],
    ["ballot_unknown_project", ballot({ city: ["c1", "zz"] }), CATALOGUE, [{ poolId: "city", reason: "ballot_unknown_project", projectId: "zz" }]],
    ["ballot_unknown_project (other pool's)", ballot({ city: ["oL1"] }), CATALOGUE, [{ poolId: "city", reason: "ballot_unknown_project", projectId: "oL1" }]],
    ["ballot_duplicate_project", ballot({ city: ["c1", "c1"] }), CATALOGUE, [{ poolId: "city", reason: "ballot_duplicate_project", projectId: "c1" }]],
    ["duplicates do not hide too many ticks", ballot({ city: ["c1", "c2", "c3", "c4", "c4"] }), CATALOGUE, [
      { poolId: "city", reason: "ballot_duplicate_project", projectId: "c4" },
      { poolId: "city", reason: "ballot_too_many_ticks" },
    ]],
    ["ballot_points_over_total", ballot({ pts: { p1: 5, p2: 5, p3: 1 } }), [points], [{ poolId: "pts", reason: "ballot_points_over_total" }]],
    ["ballot_points_over_per_project", ballot({ pts: { p1: 6 } }), [points], [{ poolId: "pts", reason: "ballot_points_over_per_project", projectId: "p1" }]],
    ["ballot_points_not_positive", ballot({ pts: { p1: -1, p2: 2 } }), [points], [{ poolId: "pts", reason: "ballot_points_not_positive", projectId: "p1" }]],
    ["ballot_points_not_positive (NaN)", ballot({ pts: { p1: Number.NaN } }), [points], [{ poolId: "pts", reason: "ballot_points_not_positive", projectId: "p1" }]],
    ["ballot_points_not_integer", ballot({ pts: { p1: 1.5 } }), [points], [{ poolId: "pts", reason: "ballot_points_not_integer", projectId: "p1" }]],
    ["ballot_over_budget", ballot({ knap: ["k1", "k2", "k3"] }), [knap], [{ poolId: "knap", reason: "ballot_over_budget" }]],
    ["ballot_district_required", ballot({ "orlowo-S": ["oS1"] }, null), CATALOGUE, [{ poolId: "orlowo-S", reason: "ballot_district_required" }]],
    ["ballot_project_other_district", ballot({ "redlowo-L": ["rL1"] }, "orlowo"), [...CATALOGUE, redlowo], [
      { poolId: "redlowo-L", reason: "ballot_project_other_district", projectId: "rL1" },
    ]],
    ["ballot_project_other_district (project-level district)", ballot({ "x-L": ["a"] }), [
      { ...large, poolId: "x-L", districtId: undefined, projects: [{ id: "a", costGrosze: 1, districtId: "witomino" }] },
    ], [{ poolId: "x-L", reason: "ballot_project_other_district", projectId: "a" }]],
    ["ballot_unknown_pool", ballot({ city: ["c1"], nope: ["c1"] }), CATALOGUE, [{ poolId: "nope", reason: "ballot_unknown_pool" }]],
    ["ballot_unknown_district", ballot({ city: ["c1"] }, "atlantis"), CATALOGUE, [{ poolId: null, reason: "ballot_unknown_district" }], { districtIds: ["orlowo", "redlowo"] }],
    ["ballot_malformed (object for approval)", ballot({ city: { c1: 1 } }), CATALOGUE, [{ poolId: "city", reason: "ballot_malformed" }, { poolId: null, reason: "ballot_empty" }]],
    ["ballot_malformed (array for points)", ballot({ pts: ["p1"] }), [points], [{ poolId: "pts", reason: "ballot_malformed" }, { poolId: null, reason: "ballot_empty" }]],
    ["ballot_malformed (non-string id)", ballot({ city: [1 as unknown as string] }), CATALOGUE, [{ poolId: "city", reason: "ballot_malformed" }, { poolId: null, reason: "ballot_empty" }]],
    ["ballot_malformed (string points)", ballot({ pts: { p1: "3" as unknown as number } }), [points], [{ poolId: "pts", reason: "ballot_malformed" }, { poolId: null, reason: "ballot_empty" }]],
    ["errors from several pools at once", ballot({ city: ["c1", "c2", "c3", "c4"], "orlowo-S": ["oS1", "x"] }), CATALOGUE, [
      { poolId: "city", reason: "ballot_too_many_ticks" },
      { poolId: "orlowo-S", reason: "ballot_unknown_project", projectId: "x" },
    ]],
  ];
  it.each(rows)("%s", (_name, input, catalogue, errors, options) => {
    expect(validateBallot(input, catalogue, options)).toEqual({ ok: false, errors });
  });

  it("a known district passes the district list", () => {
    expect(validateBallot(ballot({ city: ["c1"] }, "redlowo"), CATALOGUE, { districtIds: ["orlowo", "redlowo"] }).ok).toBe(true);
  });

  it("does not trip over prototype keys", () => {
    const selections = JSON.parse('{"__proto__": ["c1"], "city": ["c1"]}') as BallotInput["selections"];
    expect(validateBallot(ballot(selections), CATALOGUE)).toEqual({ ok: false, errors: [{ poolId: "__proto__", reason: "ballot_unknown_pool" }] });
    expect(validateBallot(ballot({ city: ["toString"] }), CATALOGUE)).toMatchObject({ ok: false, errors: [{ reason: "ballot_unknown_project" }] });
  });
});

describe("validateBallot: approval limit property", () => {
  it("accepted iff distinct known ticks ≤ maxTicks", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6")), fc.integer({ min: 1, max: 6 }), (ticks, maxTicks) => {
        const pool: CataloguePool = { ...city, ballotRule: { kind: "approval", minTicks: 0, maxTicks } };
        const r = validateBallot(ballot({ city: ticks }), [pool], { allowEmpty: true });
        expect(r.ok).toBe(ticks.length <= maxTicks);
        if (r.ok) expect(r.normalised.lines.map((l) => l.projectId).sort()).toEqual([...ticks].sort());
      }),
    );
  });
});

describe("validatePaperBallot", () => {
  it("an over-limit category is void, the others count", () => {
    const r = validatePaperBallot(ballot({ city: ["c1", "c2", "c3", "c4"], "orlowo-L": ["oL1"], "orlowo-S": ["oS1", "oS2"] }), CATALOGUE);
    expect(r).toEqual({
      ok: true,
      pools: {
        city: { valid: false, reason: "ballot_too_many_ticks" },
        "orlowo-L": { valid: true, ticks: 1 },
        "orlowo-S": { valid: true, ticks: 2 },
      },
      normalised: {
        districtId: "orlowo",
        lines: [
          { poolId: "orlowo-L", projectId: "oL1", points: 1 },
          { poolId: "orlowo-S", projectId: "oS1", points: 1 },
          { poolId: "orlowo-S", projectId: "oS2", points: 1 },
        ],
      },
      blank: false,
    });
  });

  it.each([
    ["ballot_too_few_ticks", ballot({ min2: ["c1"] }), atLeastTwo],
    ["ballot_over_budget", ballot({ knap: ["k1", "k2", "k3"] }), knap],
    ["ballot_points_over_total", ballot({ pts: { p1: 5, p2: 5, p3: 5 } }), points],
    ["ballot_points_over_per_project", ballot({ pts: { p1: 9 } }), points],
    ["ballot_points_not_positive", ballot({ pts: { p1: -2 } }), points],
    ["ballot_points_not_integer", ballot({ pts: { p1: 2.5 } }), points],
    ["ballot_district_required", ballot({ "orlowo-L": ["oL1"] }, null), large],
  ] as const)("%s voids only that category", (reason, input, pool) => {
    const r = validatePaperBallot({ ...input, selections: { ...input.selections, city: ["c1"] } }, [city, pool]);
    expect(r).toMatchObject({ ok: true, pools: { city: { valid: true, ticks: 1 }, [pool.poolId]: { valid: false, reason } } });
    if (r.ok) expect(r.normalised.lines).toEqual([{ poolId: "city", projectId: "c1", points: 1 }]);
  });

  it("every category void: still a cast ballot with no lines", () => {
    const r = validatePaperBallot(ballot({ city: ["c1", "c2", "c3", "c4"] }), [city]);
    expect(r).toMatchObject({ ok: true, pools: { city: { valid: false } }, normalised: { lines: [] }, blank: false });
  });

  it("a blank paper ballot is valid and marked blank", () => {
    expect(validatePaperBallot(ballot({}, null), CATALOGUE)).toEqual({
      ok: true,
      pools: { city: { valid: true, ticks: 0 }, "orlowo-L": { valid: true, ticks: 0 }, "orlowo-S": { valid: true, ticks: 0 } },
      normalised: { districtId: null, lines: [] },
      blank: true,
    });
  });

  it.each([
    ["ballot_unknown_project", ballot({ city: ["c1", "zz"] }), CATALOGUE],
    ["ballot_duplicate_project", ballot({ city: ["c1", "c1"] }), CATALOGUE],
    ["ballot_unknown_pool", ballot({ nope: ["c1"] }), CATALOGUE],
    ["ballot_malformed", ballot({ city: { c1: 1 } }), CATALOGUE],
    ["ballot_project_other_district", ballot({ "redlowo-L": ["rL1"] }), [...CATALOGUE, redlowo]],
  ] as const)("data-entry error %s refuses the whole entry", (reason, input, catalogue) => {
    const r = validatePaperBallot(input, catalogue);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.reason)).toEqual([reason]);
  });

  it("an unknown district refuses the entry", () => {
    expect(validatePaperBallot(ballot({ city: ["c1"] }, "atlantis"), CATALOGUE, { districtIds: ["orlowo"] })).toEqual({
      ok: false,
      errors: [{ poolId: null, reason: "ballot_unknown_district" }],
    });
  });
});

describe("remainingTicks and remainingBudget", () => {
  it.each([
    [GDYNIA, 0, 3],
    [GDYNIA, 2, 1],
    [GDYNIA, 3, 0],
    [GDYNIA, 5, 0],
    [GDYNIA, ["c1", "c2"], 1],
    [GDYNIA, ["c1", "c1"], 2],
    [{ kind: "points", maxTotal: 10, maxPerProject: 5 } as const, { p1: 3, p2: 4 }, 3],
    [{ kind: "points", maxTotal: 10, maxPerProject: 5 } as const, 12, 0],
    [{ kind: "knapsack" } as const, 2, null],
  ] as const)("%o with %o → %s", (rule, ticked, left) => {
    expect(remainingTicks(rule, ticked)).toBe(left);
  });

  it("remainingBudget", () => {
    expect(remainingBudget(knap, [])).toBe(1000);
    expect(remainingBudget(knap, ["k1"])).toBe(400);
    expect(remainingBudget(knap, ["k1", "k1"])).toBe(400);
    expect(remainingBudget(knap, ["k1", "k2", "k3"])).toBe(-1);
  });
});

describe("BallotInputSchema", () => {
  it("accepts both selection shapes", () => {
    expect(BallotInputSchema.safeParse({ districtId: null, selections: { city: ["c1"], pts: { p1: 3 } } }).success).toBe(true);
  });
  it.each([
    { districtId: "", selections: {} },
    { districtId: null, selections: { city: "c1" } },
    { districtId: null },
    { districtId: null, selections: { city: Array.from({ length: 501 }, (_, i) => `x${i}`) } },
  ])("refuses %j", (input) => {
    expect(BallotInputSchema.safeParse(input).success).toBe(false);
  });
});
