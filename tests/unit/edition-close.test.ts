import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkArchive, homeState, planCarryOver, resultsPhaseReached, type ArchiveFacts, type EditionOnHome } from "~/domain/edition-close";
import type { PhaseWindow } from "~/domain/phases";
import { PHASES } from "~/domain/rules";
import { checkPhasePlan, setupChecklist, SETUP_STEPS, type SetupFacts } from "~/domain/setup-checklist";

const DAY = 86_400_000;
/** A valid calendar: every phase ten days long, back to back, from `start`. */
function plan(start: string): PhaseWindow[] {
  const t0 = Date.parse(start);
  return PHASES.map((phase, i) => ({ phase, startsAt: new Date(t0 + i * 10 * DAY).toISOString(), endsAt: new Date(t0 + (i + 1) * 10 * DAY).toISOString() }));
}
const PLAN = plan("2026-03-01T00:00:00.000Z");
const resultsStart = Date.parse(PLAN.find((w) => w.phase === "results")!.startsAt);
const BEFORE_RESULTS = new Date(resultsStart - 1);
const AT_RESULTS = new Date(resultsStart);

describe("checkArchive: when an edition may go to the archive", () => {
  const base: ArchiveFacts = { status: "active", pools: 3, publishedPools: 3, phases: PLAN };
  it.each<[string, ArchiveFacts | null, Date, ReturnType<typeof checkArchive>]>([
    ["missing edition", null, AT_RESULTS, { ok: false, reason: "edition_missing" }],
    ["already archived", { ...base, status: "archived" }, AT_RESULTS, { ok: false, reason: "already_archived" }],
    ["a draft", { ...base, status: "draft" }, AT_RESULTS, { ok: false, reason: "not_active" }],
    ["every pool published, before the results phase", base, BEFORE_RESULTS, { ok: true }],
    ["one pool unpublished, before the results phase", { ...base, publishedPools: 2 }, BEFORE_RESULTS, { ok: false, reason: "results_not_published" }],
    ["no pools at all, before the results phase", { ...base, pools: 0, publishedPools: 0 }, BEFORE_RESULTS, { ok: false, reason: "results_not_published" }],
    ["one pool unpublished, results phase reached", { ...base, publishedPools: 2 }, AT_RESULTS, { ok: true }],
    ["no calendar and nothing published", { ...base, publishedPools: 0, phases: [] }, AT_RESULTS, { ok: false, reason: "results_not_published" }],
  ])("%s", (_name, facts, now, expected) => {
    expect(checkArchive(facts, now)).toEqual(expected);
  });

  it("the results phase is reached at its start, not a millisecond before", () => {
    expect(resultsPhaseReached(PLAN, BEFORE_RESULTS)).toBe(false);
    expect(resultsPhaseReached(PLAN, AT_RESULTS)).toBe(true);
  });
});

describe("planCarryOver: each leftover goes to the matching pool", () => {
  const src = (id: string, programme: string, kind: string, districtId: string | null, budget: number, spent: number) => ({ id, programme, kind, districtId, budgetGrosze: budget, spentGrosze: spent });
  it("matches programme, pool kind and district; pools that spent everything are left out; unmatched say so", () => {
    const lines = planCarryOver(
      [src("a_city", "bo", "city", null, 1000, 400), src("a_obl_small", "bo", "district_small", "d_obl", 500, 500), src("a_obl_large", "bo", "district_large", "d_obl", 800, 100), src("a_youth", "youth", "programme", null, 300, 0)],
      [
        { id: "b_city", programme: "bo", kind: "city", districtId: null },
        { id: "b_obl_small", programme: "bo", kind: "district_small", districtId: "d_obl" },
        { id: "b_red_large", programme: "bo", kind: "district_large", districtId: "d_red" },
        { id: "b_children", programme: "children", kind: "programme", districtId: null },
      ],
    );
    expect(lines).toEqual([
      { fromPoolId: "a_city", programme: "bo", kind: "city", districtId: null, leftoverGrosze: 600, toPoolId: "b_city" },
      { fromPoolId: "a_obl_large", programme: "bo", kind: "district_large", districtId: "d_obl", leftoverGrosze: 700, toPoolId: null },
      { fromPoolId: "a_youth", programme: "youth", kind: "programme", districtId: null, leftoverGrosze: 300, toPoolId: null },
    ]);
  });

  it("never moves more than was left, and every line carries a positive amount", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ budget: fc.nat(1_000_000), spent: fc.nat(1_000_000) }), { maxLength: 20 }), (pools) => {
        const source = pools.map((p, i) => src(`p${i}`, "bo", "city", null, p.budget, p.spent));
        const lines = planCarryOver(source, [{ id: "t", programme: "bo", kind: "city", districtId: null }]);
        const left = source.reduce((s, p) => s + Math.max(0, p.budgetGrosze - p.spentGrosze), 0);
        expect(lines.reduce((s, l) => s + l.leftoverGrosze, 0)).toBe(left);
        expect(lines.every((l) => l.leftoverGrosze > 0 && l.toPoolId === "t")).toBe(true);
      }),
    );
  });
});

describe("homeState: what the home page shows", () => {
  const ed = (year: number, status: EditionOnHome["status"], phases: PhaseWindow[] = []): EditionOnHome => ({ id: `ed_${year}`, year, status, phases });
  it.each<[string, EditionOnHome[], ReturnType<typeof homeState>]>([
    ["an empty installation", [], { kind: "not_set_up" }],
    ["only a draft without a calendar", [ed(2027, "draft")], { kind: "not_set_up" }],
    ["the current (newest active) edition", [ed(2025, "archived"), ed(2026, "active"), ed(2027, "draft", plan("2027-03-01T00:00:00.000Z"))], { kind: "current", editionId: "ed_2026" }],
    ["a draft with a calendar after an archived edition", [ed(2026, "archived"), ed(2027, "draft", plan("2027-03-01T00:00:00.000Z"))], { kind: "upcoming", year: 2027, startsAt: "2027-03-01T00:00:00.000Z", lastArchivedYear: 2026 }],
    ["the first draft with a calendar, no archive", [ed(2028, "draft", plan("2028-03-01T00:00:00.000Z")), ed(2027, "draft", plan("2027-03-01T00:00:00.000Z"))], { kind: "upcoming", year: 2027, startsAt: "2027-03-01T00:00:00.000Z", lastArchivedYear: null }],
    ["between editions: archived, next not scheduled", [ed(2025, "archived"), ed(2026, "archived"), ed(2027, "draft")], { kind: "between", lastArchivedYear: 2026 }],
  ])("%s", (_name, editions, expected) => {
    expect(homeState(editions)).toEqual(expected);
  });
});

describe("checkPhasePlan", () => {
  const shift = (p: PhaseWindow[], phase: string, f: (w: PhaseWindow) => PhaseWindow) => p.map((w) => (w.phase === phase ? f(w) : w));
  it.each<[string, PhaseWindow[], ReturnType<typeof checkPhasePlan>]>([
    ["a complete plan", PLAN, { ok: true }],
    ["stored in any order", [...PLAN].reverse(), { ok: true }],
    ["a phase missing", PLAN.filter((w) => w.phase !== "appeals"), { ok: false, reason: "missing_phase" }],
    ["a phase twice", [...PLAN, PLAN[0]!], { ok: false, reason: "duplicate_phase" }],
    ["a phase ending when it starts", shift(PLAN, "voting", (w) => ({ ...w, endsAt: w.startsAt })), { ok: false, reason: "ends_before_start" }],
    ["a phase starting before the previous ends", shift(PLAN, "voting", (w) => ({ ...w, startsAt: new Date(Date.parse(w.startsAt) - DAY).toISOString() })), { ok: false, reason: "overlap" }],
  ])("%s", (_name, phases, expected) => {
    expect(checkPhasePlan(phases)).toEqual(expected);
  });
});

describe("setupChecklist", () => {
  const RULES = { ballotRule: JSON.stringify({ kind: "approval", minTicks: 0, maxTicks: 3 }), selectionRule: JSON.stringify({ method: "greedy" }) };
  const ready: SetupFacts = {
    edition: { id: "ed_2027", year: 2027, status: "draft" },
    districts: 21,
    pools: 44,
    poolsWithMoney: 44,
    programmes: 3,
    programmesWithoutPools: 0,
    poolRules: [RULES, RULES],
    phases: PLAN,
    activeVotingPoints: 2,
    voters: 1000,
    registerImports: 1,
    officials: 3,
    youthModerators: 2,
    needsYouthCouncil: true,
    commissionKey: true,
  };
  const doneOf = (f: SetupFacts) => Object.fromEntries(setupChecklist(f).map((i) => [i.step, i.done]));
  const all = (v: boolean) => Object.fromEntries(SETUP_STEPS.map((s) => [s, v]));

  it("an empty installation: nothing done, only the edition-free pages linked", () => {
    const empty: SetupFacts = { ...ready, edition: null, districts: 0, pools: 0, poolsWithMoney: 0, programmes: 0, poolRules: [], phases: [], activeVotingPoints: 0, voters: 0, registerImports: 0, officials: 0, youthModerators: 0, needsYouthCouncil: false, commissionKey: false };
    const items = setupChecklist(empty);
    expect(doneOf(empty)).toEqual(all(false));
    expect(items.map((i) => [i.step, i.links.map((l) => l.href)])).toEqual([
      ["edition", ["/admin/editions"]],
      ["districts", []],
      ["programmes", []],
      ["phases", []],
      ["commission", []],
      ["voting_points", ["/admin/voting-points"]],
      ["register", ["/official/register"]],
      ["staff", ["/admin/users"]],
    ]);
  });

  it("a ready edition: everything done, each step linked to its form", () => {
    expect(doneOf(ready)).toEqual(all(true));
    expect(setupChecklist(ready).flatMap((i) => i.links.map((l) => l.href))).toEqual([
      "/admin/editions",
      "/admin/editions/ed_2027/districts",
      "/admin/editions/ed_2027/programmes",
      "/admin/editions/ed_2027/pools",
      "/admin/editions/ed_2027/phases",
      "/admin/editions/ed_2027/commission",
      "/admin/voting-points?edition=ed_2027",
      "/official/register?edition=ed_2027",
      "/admin/users",
    ]);
  });

  it.each<[string, Partial<SetupFacts>, string]>([
    ["a pool without money", { poolsWithMoney: 43 }, "districts"],
    ["no district pools", { districts: 0 }, "districts"],
    ["a programme without pools", { programmesWithoutPools: 1 }, "programmes"],
    ["a pool with a broken ballot rule", { poolRules: [RULES, { ...RULES, ballotRule: "{" }] }, "programmes"],
    ["a pool with an unknown selection method", { poolRules: [{ ...RULES, selectionRule: JSON.stringify({ method: "dice" }) }] }, "programmes"],
    ["a calendar missing the results", { phases: PLAN.slice(0, -1) }, "phases"],
    ["no ballot-box key", { commissionKey: false }, "commission"],
    ["no open voting point", { activeVotingPoints: 0 }, "voting_points"],
    ["no register", { voters: 0, registerImports: 0 }, "register"],
    ["no officials", { officials: 0 }, "staff"],
    ["no youth council although the youth programme needs it", { youthModerators: 0 }, "staff"],
  ])("%s leaves exactly that step undone", (_name, change, step) => {
    expect(doneOf({ ...ready, ...change })).toEqual({ ...all(true), [step]: false });
  });

  it("youth moderators are not needed when no programme is moderated by the youth council", () => {
    expect(doneOf({ ...ready, youthModerators: 0, needsYouthCouncil: false }).staff).toBe(true);
  });
});
