import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/domain/permissions";
import type { AllocationSettings } from "~/domain/pool-setup";
import { listAllDistricts, listEditionPools, listEditionProgrammes } from "~/data/pool-setup.server";
import { addDistrict, applyAllocation, loadAllocation, createProgrammePool, mergeDistricts, previewEditionAllocation, renameDistrict, setDistrictChoice, setPoolRules } from "~/services/pool-setup.server";
import { clearCatalogueCache, getVotingProgramme } from "~/data/ballots.server";
import { ballotDistricts } from "~/http/vote-flow.server";
import { checkBallot } from "~/services/voting.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
let admin: Actor;
const official: Actor = { id: "nobody", roles: [{ role: "official", scope: "*" }] };
const ED = "ed_2027";
const S: AllocationSettings = {
  totalGrosze: 13_549_266_00,
  cityGrosze: 2_500_000_00,
  cityCapGrosze: 1_250_000_00,
  baseGrosze: 125_000_00,
  populationWeightPermille: 700,
  smallSharePermille: 100,
  smallCapGrosze: 20_000_00,
  largeCapPermille: 900,
  roundingGrosze: 100_00,
};

/** Everything the services may write, to show a refusal changed nothing. */
async function snapshot() {
  const [districts, pools, programmes, allocations, audit] = await Promise.all([
    t.db.selectFrom("districts").selectAll().orderBy("id").execute(),
    t.db.selectFrom("pools").selectAll().orderBy("id").execute(),
    t.db.selectFrom("programmes").selectAll().orderBy("id").execute(),
    t.db.selectFrom("edition_allocations").selectAll().execute(),
    t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ districts, pools, programmes, allocations, audit: Number(audit.n) });
}
async function unchanged(fn: () => Promise<unknown>) {
  const before = await snapshot();
  const r = await fn();
  expect(await snapshot()).toBe(before);
  return r;
}
const lastAudit = () => t.db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestDb({ seed: true, phase: "submission" });
  const u = await t.db.selectFrom("users").select("id").where("email", "=", "admin@demo.bo-gdynia.pl").executeTakeFirstOrThrow();
  admin = { id: u.id, roles: [{ role: "admin", scope: "*" }] };
  await t.db.insertInto("editions").values({ id: ED, year: 2027, status: "draft", source: null, created_at: new Date().toISOString() }).execute();
  await t.db
    .insertInto("programmes")
    .values([
      { id: `${ED}_bo`, edition_id: ED, kind: "bo", moderation: "officials", min_age: null, max_age: null, guardian_below_age: null, supports_required: 15, position: 0 },
      { id: `${ED}_youth`, edition_id: ED, kind: "youth", moderation: "youth_council", min_age: 13, max_age: 18, guardian_below_age: null, supports_required: 0, position: 1 },
    ])
    .execute();
});
afterAll(async () => t.cleanup());

describe("districts", () => {
  it("adds a district, audited, and refuses a duplicate or a non-admin", async () => {
    const r = await addDistrict(t.db, admin, { name: "Nowe Osiedle", slug: "nowe-osiedle", population: 9_000, areaHa: 400 });
    expect(r).toEqual({ ok: true, id: "d_nowe-osiedle" });
    expect(await lastAudit()).toMatchObject({ action: "district.add", object_id: "d_nowe-osiedle", actor_user_id: admin.id });
    expect(await unchanged(() => addDistrict(t.db, admin, { name: "Nowe Osiedle", slug: "inne", population: 1, areaHa: 1 }))).toEqual({ ok: false, reason: "district_exists" });
    expect(await unchanged(() => addDistrict(t.db, official, { name: "X Y", slug: "x-y", population: 1, areaHa: 1 }))).toEqual({ ok: false, reason: "not_allowed" });
  });
  it("renames: the slug changes only while nothing refers to the district", async () => {
    expect(await renameDistrict(t.db, admin, { districtId: "d_nowe-osiedle", name: "Osiedle Nowe", slug: "osiedle-nowe" })).toEqual({ ok: true });
    const after = (await listAllDistricts(t.db)).find((d) => d.id === "d_nowe-osiedle")!;
    expect(after).toMatchObject({ name: "Osiedle Nowe", slug: "osiedle-nowe" });
    const orlowo = (await listAllDistricts(t.db)).find((d) => d.slug === "orlowo")!;
    expect(await unchanged(() => renameDistrict(t.db, admin, { districtId: orlowo.id, name: "Orłowo Górne", slug: "orlowo-gorne" }))).toEqual({ ok: false, reason: "slug_in_use" });
    expect(await renameDistrict(t.db, admin, { districtId: orlowo.id, name: "Orłowo Górne", slug: "orlowo" })).toEqual({ ok: true });
    expect(await lastAudit()).toMatchObject({ action: "district.rename", before_json: expect.stringContaining("Orłowo"), after_json: expect.stringContaining("Orłowo Górne") });
    expect(await unchanged(() => renameDistrict(t.db, admin, { districtId: "d_missing", name: "Nic" }))).toEqual({ ok: false, reason: "district_missing" });
  });
  it("refuses to merge a district with proposals in the edition, into itself or into a merged one", async () => {
    const all = await listAllDistricts(t.db);
    const [a, b] = all.filter((d) => d.slug !== "osiedle-nowe");
    expect(await unchanged(() => mergeDistricts(t.db, admin, { editionId: "ed_2026", fromId: a!.id, intoId: b!.id }))).toEqual({ ok: false, reason: "district_has_proposals" });
    expect(await unchanged(() => mergeDistricts(t.db, admin, { editionId: ED, fromId: a!.id, intoId: a!.id }))).toEqual({ ok: false, reason: "merge_into_self" });
    expect(await unchanged(() => mergeDistricts(t.db, official, { editionId: ED, fromId: a!.id, intoId: b!.id }))).toEqual({ ok: false, reason: "not_allowed" });
  });
});

describe("allocation", () => {
  it("starts the form from the saved formula (the demo's, applied by its seed)", async () => {
    expect((await loadAllocation(t.db, "ed_2026")).saved).toMatchObject({ totalGrosze: S.totalGrosze, cityGrosze: S.cityGrosze, cityCapGrosze: S.cityCapGrosze, smallCapGrosze: S.smallCapGrosze, roundingGrosze: 1 });
  });
  it("starts the form from the pools of an edition set up before the page", async () => {
    // the demo without its saved formula: like an edition set up before the allocation page existed
    await t.db.deleteFrom("edition_allocations").where("edition_id", "=", "ed_2026").execute();
    expect(await loadAllocation(t.db, "ed_2026")).toEqual({ saved: null, fromPools: { totalGrosze: S.totalGrosze, cityGrosze: S.cityGrosze, cityCapGrosze: S.cityCapGrosze, smallCapGrosze: S.smallCapGrosze } });
    expect(await loadAllocation(t.db, ED)).toEqual({ saved: null, fromPools: null });
  });
  it("previews without writing", async () => {
    const r = await unchanged(() => previewEditionAllocation(t.db, ED, S));
    expect(r).toMatchObject({ ok: true });
    if (!(r as { ok: boolean }).ok) return;
    const { preview, districts } = r as Extract<Awaited<ReturnType<typeof previewEditionAllocation>>, { ok: true }>;
    expect(districts).toHaveLength(22);
    expect(districts.reduce((s, d) => s + d.totalGrosze, 0) + preview.cityBudgetGrosze).toBe(S.totalGrosze);
  });
  it("applies: creates the city pool and each district's two pools, audited", async () => {
    expect(await applyAllocation(t.db, admin, ED, S)).toEqual({ ok: true });
    const pools = await listEditionPools(t.db, ED);
    expect(pools).toHaveLength(1 + 22 * 2);
    expect(pools.find((p) => p.id === "pool_2027_city")).toMatchObject({ kind: "city", maxProjectCostGrosze: S.cityCapGrosze });
    expect(pools.find((p) => p.id === "pool_2027_orlowo_small")).toMatchObject({ kind: "district_small", maxProjectCostGrosze: S.smallCapGrosze });
    expect(pools.reduce((s, p) => s + p.budgetGrosze, 0)).toBe(S.totalGrosze);
    expect(await lastAudit()).toMatchObject({ action: "edition.allocation", object_id: ED });
    expect((await loadAllocation(t.db, ED)).saved).toMatchObject({ ...S, savedAt: expect.any(String) });
  });
  it("keeps carried-over money when applied again", async () => {
    await t.db.updateTable("pools").set({ carried_over_grosze: 3_000_00 }).where("id", "=", "pool_2027_orlowo_large").execute();
    const before = (await listEditionPools(t.db, ED, "pool_2027_orlowo_large"))[0]!;
    expect(await applyAllocation(t.db, admin, ED, S)).toEqual({ ok: true });
    const after = (await listEditionPools(t.db, ED, "pool_2027_orlowo_large"))[0]!;
    expect(after.carriedOverGrosze).toBe(3_000_00);
    expect(after.budgetGrosze).toBe(before.budgetGrosze + 3_000_00);
    expect(await listEditionPools(t.db, ED)).toHaveLength(45);
  });
  it.each([
    [{ cityGrosze: -1 }, "negative_amount"],
    [{ cityCapGrosze: 3_000_000_00 }, "cap_above_pool"],
    [{ smallCapGrosze: 200_000_00 }, "small_cap_above_small_pool"],
    [{ baseGrosze: 1_000_000_00 }, "base_exceeds_total"],
  ])("refuses %o (%s) and changes nothing", async (change, reason) => {
    expect(await unchanged(() => applyAllocation(t.db, admin, ED, { ...S, ...change }))).toMatchObject({ ok: false, reason });
  });
  it("refuses once a final list is published or voting started", async () => {
    await t.db.insertInto("final_lists").values({ pool_id: "pool_2027_city", published_at: new Date().toISOString(), published_by: null }).execute();
    expect(await unchanged(() => applyAllocation(t.db, admin, ED, S))).toEqual({ ok: false, reason: "list_published" });
    await t.db.deleteFrom("final_lists").where("pool_id", "=", "pool_2027_city").execute();
    await t.db.insertInto("edition_phases").values({ edition_id: ED, phase: "voting", starts_at: "2020-01-01T00:00:00.000Z", ends_at: "2020-02-01T00:00:00.000Z" }).execute();
    expect(await unchanged(() => applyAllocation(t.db, admin, ED, S))).toEqual({ ok: false, reason: "voting_started" });
    await t.db.deleteFrom("edition_phases").where("edition_id", "=", ED).execute();
    expect(await unchanged(() => applyAllocation(t.db, official, ED, S))).toEqual({ ok: false, reason: "not_allowed" });
  });
});

describe("merging districts (Witomino 2018)", () => {
  it("marks the district merged, drops its pools in the draft edition and moves their leftovers", async () => {
    const all = await listAllDistricts(t.db);
    const orlowo = all.find((d) => d.slug === "orlowo")!;
    const into = all.find((d) => d.slug === "redlowo")!;
    const targetBefore = (await listEditionPools(t.db, ED, "pool_2027_redlowo_large"))[0]!;
    expect(await mergeDistricts(t.db, admin, { editionId: ED, fromId: orlowo.id, intoId: into.id })).toEqual({ ok: true });
    const merged = (await listAllDistricts(t.db)).find((d) => d.id === orlowo.id)!;
    expect(merged).toMatchObject({ active: false, mergedIntoId: into.id });
    const pools = await listEditionPools(t.db, ED);
    expect(pools.some((p) => p.districtId === orlowo.id)).toBe(false);
    expect(pools.find((p) => p.id === "pool_2027_redlowo_large")!.carriedOverGrosze).toBe(targetBefore.carriedOverGrosze + 3_000_00);
    // the 2026 pools and proposals keep their district
    expect((await listEditionPools(t.db, "ed_2026")).some((p) => p.districtId === orlowo.id)).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: "district.merge", object_id: orlowo.id });
    expect(await unchanged(() => mergeDistricts(t.db, admin, { editionId: ED, fromId: orlowo.id, intoId: into.id }))).toEqual({ ok: false, reason: "district_already_merged" });
    expect(await unchanged(() => mergeDistricts(t.db, admin, { editionId: ED, fromId: into.id, intoId: orlowo.id }))).toEqual({ ok: false, reason: "merge_into_merged" });
    // a new split leaves the merged district out
    expect(await applyAllocation(t.db, admin, ED, S)).toEqual({ ok: true });
    expect((await listEditionPools(t.db, ED)).filter((p) => p.districtId === orlowo.id)).toHaveLength(0);
  });
});

describe("pool rules", () => {
  it("sets a pool's cap, supports threshold and ticks, audited; the threshold overrides the programme's", async () => {
    expect(await setPoolRules(t.db, admin, { editionId: ED, poolId: "pool_2027_city", maxProjectCostGrosze: 1_000_000_00, supportsRequired: 30, maxTicks: 5 })).toEqual({ ok: true });
    const pool = (await listEditionPools(t.db, ED, "pool_2027_city"))[0]!;
    expect(pool).toMatchObject({ maxProjectCostGrosze: 1_000_000_00, supportsRequired: 30 });
    expect(JSON.parse(pool.ballotRule)).toEqual({ kind: "approval", minTicks: 0, maxTicks: 5 });
    expect(await lastAudit()).toMatchObject({ action: "pool.rules", object_id: "pool_2027_city" });
  });
  it("refuses a cap above the pool, a pool of another edition, negative numbers, a non-admin", async () => {
    const city = (await listEditionPools(t.db, ED, "pool_2027_city"))[0]!;
    const base = { editionId: ED, poolId: city.id, supportsRequired: null, maxTicks: null };
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, maxProjectCostGrosze: city.budgetGrosze + 1 }))).toEqual({ ok: false, reason: "cap_above_pool" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, maxProjectCostGrosze: -1 }))).toEqual({ ok: false, reason: "negative_amount" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, poolId: "pool_2026_city", maxProjectCostGrosze: null }))).toEqual({ ok: false, reason: "pool_missing" });
    expect(await unchanged(() => setPoolRules(t.db, official, { ...base, maxProjectCostGrosze: null }))).toEqual({ ok: false, reason: "not_allowed" });
  });
  it("creates a programme pool for a programme without one, once", async () => {
    expect(await createProgrammePool(t.db, admin, { editionId: ED, programmeId: `${ED}_youth` })).toEqual({ ok: true, poolId: "pool_2027_youth" });
    expect(await unchanged(() => createProgrammePool(t.db, admin, { editionId: ED, programmeId: `${ED}_youth` }))).toEqual({ ok: false, reason: "pool_exists" });
    expect(await unchanged(() => createProgrammePool(t.db, admin, { editionId: ED, programmeId: `${ED}_bo` }))).toEqual({ ok: false, reason: "programme_missing" });
    expect(await setPoolRules(t.db, admin, { editionId: ED, poolId: "pool_2027_youth", maxProjectCostGrosze: 0, supportsRequired: 5, maxTicks: 2 })).toEqual({ ok: true });
  });
  it("sets a programme pool's budget and a pool's selection threshold; a BO pool's money stays the allocation's", async () => {
    const base = { editionId: ED, poolId: "pool_2027_youth", supportsRequired: 5, maxTicks: 2 };
    expect(await setPoolRules(t.db, admin, { ...base, budgetGrosze: 200_000_00, maxProjectCostGrosze: 50_000_00, minScore: 10 })).toEqual({ ok: true });
    const youth = (await listEditionPools(t.db, ED, "pool_2027_youth"))[0]!;
    expect(youth).toMatchObject({ budgetGrosze: 200_000_00, maxProjectCostGrosze: 50_000_00 });
    expect(JSON.parse(youth.selectionRule)).toEqual({ method: "greedy-no-skip", minScore: 10, tieBreak: "lower-cost" });
    expect(await lastAudit()).toMatchObject({ action: "pool.rules", object_id: "pool_2027_youth" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, budgetGrosze: 10_000_00, maxProjectCostGrosze: 50_000_00 }))).toEqual({ ok: false, reason: "cap_above_pool" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, budgetGrosze: -1, maxProjectCostGrosze: null }))).toEqual({ ok: false, reason: "negative_amount" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, minScore: -5, maxProjectCostGrosze: null }))).toEqual({ ok: false, reason: "negative_amount" });
    const city = (await listEditionPools(t.db, ED, "pool_2027_city"))[0]!;
    expect(await unchanged(() => setPoolRules(t.db, admin, { editionId: ED, poolId: city.id, budgetGrosze: city.budgetGrosze + 1, maxProjectCostGrosze: null, supportsRequired: null, maxTicks: null }))).toEqual({
      ok: false,
      reason: "budget_from_allocation",
    });
    // the same budget is no change, so the form may send it back
    expect(await setPoolRules(t.db, admin, { editionId: ED, poolId: city.id, budgetGrosze: city.budgetGrosze, maxProjectCostGrosze: city.maxProjectCostGrosze, supportsRequired: 30, maxTicks: 5 })).toEqual({ ok: true });
  });
  it("sets the amount of a programme's own pool, keeping money carried over; a district or city pool's comes from the allocation", async () => {
    await t.db.updateTable("pools").set({ carried_over_grosze: 5_000_00, budget_grosze: 5_000_00 }).where("id", "=", "pool_2027_youth").execute();
    const base = { editionId: ED, poolId: "pool_2027_youth", maxProjectCostGrosze: null, supportsRequired: 5, maxTicks: 2 };
    expect(await setPoolRules(t.db, admin, { ...base, budgetGrosze: 300_000_00 })).toEqual({ ok: true });
    expect((await listEditionPools(t.db, ED, "pool_2027_youth"))[0]).toMatchObject({ budgetGrosze: 305_000_00, carriedOverGrosze: 5_000_00 });
    expect(await lastAudit()).toMatchObject({ action: "pool.rules", object_id: "pool_2027_youth" });
    const city = (await listEditionPools(t.db, ED, "pool_2027_city"))[0]!;
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, poolId: city.id, budgetGrosze: city.budgetGrosze + 1 }))).toEqual({ ok: false, reason: "budget_from_allocation" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, budgetGrosze: -1 }))).toEqual({ ok: false, reason: "negative_amount" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, budgetGrosze: 1_00, maxProjectCostGrosze: 10_000_00 }))).toEqual({ ok: false, reason: "cap_above_pool" });
    expect(await setPoolRules(t.db, admin, { ...base, budgetGrosze: 0, maxProjectCostGrosze: 0 })).toEqual({ ok: true });
    // back to 200 000 zł in all with a 50 000 zł cap, as the next tests expect
    expect(await setPoolRules(t.db, admin, { ...base, budgetGrosze: 195_000_00, maxProjectCostGrosze: 50_000_00 })).toEqual({ ok: true });
  });
  it("keeps the cap of a pool whose final list is published", async () => {
    await t.db.insertInto("final_lists").values({ pool_id: "pool_2027_youth", published_at: new Date().toISOString(), published_by: null }).execute();
    const base = { editionId: ED, poolId: "pool_2027_youth", supportsRequired: 5, maxTicks: 2 };
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, maxProjectCostGrosze: null }))).toEqual({ ok: false, reason: "list_published" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, maxProjectCostGrosze: 50_000_00, budgetGrosze: 300_000_00 }))).toEqual({ ok: false, reason: "list_published" });
    expect(await unchanged(() => setPoolRules(t.db, admin, { ...base, maxProjectCostGrosze: 50_000_00, minScore: 20 }))).toEqual({ ok: false, reason: "list_published" });
    expect(await setPoolRules(t.db, admin, { ...base, maxProjectCostGrosze: 50_000_00, supportsRequired: 6 })).toEqual({ ok: true });
    await t.db.deleteFrom("final_lists").where("pool_id", "=", "pool_2027_youth").execute();
  });
  it("refuses a merge that would lose carried-over money", async () => {
    expect(await addDistrict(t.db, admin, { name: "Osiedle Zachodnie", slug: "osiedle-zachodnie", population: 9_000, areaHa: 400 })).toMatchObject({ ok: true });
    expect(await addDistrict(t.db, admin, { name: "Osiedle Wschodnie", slug: "osiedle-wschodnie", population: 9_000, areaHa: 400 })).toMatchObject({ ok: true });
    expect(await applyAllocation(t.db, admin, ED, S)).toEqual({ ok: true });
    await t.db.updateTable("pools").set({ carried_over_grosze: 1_00 }).where("id", "=", "pool_2027_osiedle-zachodnie_small").execute();
    await t.db.deleteFrom("pools").where("district_id", "=", "d_osiedle-wschodnie").execute();
    expect(await unchanged(() => mergeDistricts(t.db, admin, { editionId: ED, fromId: "d_osiedle-zachodnie", intoId: "d_osiedle-wschodnie" }))).toEqual({ ok: false, reason: "target_pool_missing" });
  });
  it("sets how the ballot's district is chosen", async () => {
    expect(await setDistrictChoice(t.db, admin, { editionId: ED, programmeId: `${ED}_bo`, choice: "own" })).toEqual({ ok: true });
    expect((await listEditionProgrammes(t.db, ED)).find((p) => p.kind === "bo")!.districtChoice).toBe("own");
    expect(await unchanged(() => setDistrictChoice(t.db, admin, { editionId: ED, programmeId: "ed_2026_bo", choice: "own" }))).toEqual({ ok: false, reason: "programme_missing" });
  });
});

describe("the ballot's district follows the programme's rule", () => {
  it("offers any district by default, only the voter's own once set to 'own', and never a merged one", async () => {
    const voter = await t.db
      .selectFrom("voters as v")
      .innerJoin("districts as d", "d.id", "v.district_id")
      .select(["v.id", "v.district_id"])
      .where("d.active", "=", 1)
      .limit(1)
      .executeTakeFirstOrThrow();
    const other = (await listAllDistricts(t.db)).find((d) => d.active && d.id !== voter.district_id)!;
    clearCatalogueCache();
    let programme = (await getVotingProgramme(t.db, "bo"))!;
    expect(programme.districtChoice).toBe("chosen");
    const offered = await ballotDistricts(t.db, programme, voter.id);
    expect(offered.length).toBeGreaterThan(2);
    expect(offered.some((d) => d.slug === "orlowo")).toBe(false); // merged above
    const reasons = async (districtId: string) => {
      const r = await checkBallot(t.db, programme, { districtId, selections: {} }, voter.id);
      return r.ok ? [] : r.errors.map((e) => e.reason);
    };
    expect(await reasons(other.id)).not.toContain("ballot_unknown_district");

    expect(await setDistrictChoice(t.db, admin, { editionId: "ed_2026", programmeId: "ed_2026_bo", choice: "own" })).toEqual({ ok: true });
    clearCatalogueCache();
    programme = (await getVotingProgramme(t.db, "bo"))!;
    expect((await ballotDistricts(t.db, programme, voter.id)).map((d) => d.id)).toEqual([voter.district_id]);
    expect(await reasons(other.id)).toContain("ballot_unknown_district");
    expect(await reasons(voter.district_id!)).not.toContain("ballot_unknown_district");
  });
});
