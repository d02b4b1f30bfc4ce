/**
 * The end of an edition on a real migrated database with the demo: archiving (refusals write
 * nothing), the carry-over preview being exactly what is applied, and the set-up checklist's counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEditionBeingSetUp, loadSetupFacts } from "~/data/setup-checklist.server";
import { listEditionsWithResults } from "~/data/edition-close.server";
import { setupChecklist } from "~/domain/setup-checklist";
import type { Actor } from "~/domain/permissions";
import { carryOver, previewCarryOver } from "~/services/carry-over.server";
import { archiveEdition } from "~/services/edition-close.server";
import { createTestDb, type TestDb } from "../support/db";

const ADMIN: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };
const OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");

let t: TestDb;
let empty: TestDb;
beforeAll(async () => {
  [t, empty] = await Promise.all([createTestDb({ seed: true, phase: "voting" }), createTestDb()]);
}, 120_000);
afterAll(async () => {
  await t?.cleanup();
  await empty?.cleanup();
});

/** What a refusal must leave unchanged. */
async function snapshot(db: TestDb["db"]) {
  const editions = await db.selectFrom("editions").select(["id", "status"]).orderBy("id").execute();
  const pools = await db.selectFrom("pools").select(["id", "budget_grosze", "carried_over_grosze"]).orderBy("id").execute();
  const audit = await db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { editions, pools: pools.map((p) => [p.id, Number(p.budget_grosze), Number(p.carried_over_grosze)]), audit: Number(audit.n) };
}

async function addDraft2027() {
  const at = new Date().toISOString();
  await t.db.insertInto("editions").values({ id: "ed_2027", year: 2027, status: "draft", source: null, created_at: at }).execute();
  await t.db
    .insertInto("programmes")
    .values({ id: "ed_2027_bo", edition_id: "ed_2027", kind: "bo", moderation: "officials", min_age: null, max_age: null, guardian_below_age: null, supports_required: 0, position: 0 })
    .execute();
  // 2025's archive (Pabulib) has one city pool: 2027 has it, and a district pool 2025 never had
  await t.db
    .insertInto("pools")
    .values([
      { id: "pool_2027_city", programme_id: "ed_2027_bo", district_id: null, kind: "city", budget_grosze: 100_000_00, max_project_cost_grosze: null, ballot_rule: "{}", selection_rule: "{}", position: 0 },
      { id: "pool_2027_orlowo_small", programme_id: "ed_2027_bo", district_id: "dst_orlowo", kind: "district_small", budget_grosze: 50_000_00, max_project_cost_grosze: null, ballot_rule: "{}", selection_rule: "{}", position: 1 },
    ])
    .execute();
}

describe("archiveEdition", () => {
  it("refuses, writing nothing: not an admin, missing, already archived, a draft, results not out yet", async () => {
    await addDraft2027();
    const before = await snapshot(t.db);
    expect(await archiveEdition(t.db, "ed_2026", OFFICIAL, FAR_FUTURE)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await archiveEdition(t.db, "ed_1999", ADMIN, FAR_FUTURE)).toEqual({ ok: false, reason: "edition_missing" });
    expect(await archiveEdition(t.db, "ed_2025", ADMIN, FAR_FUTURE)).toEqual({ ok: false, reason: "already_archived" });
    expect(await archiveEdition(t.db, "ed_2027", ADMIN, FAR_FUTURE)).toEqual({ ok: false, reason: "not_active" });
    // the demo is voting now: nothing is published and the results phase is weeks away
    expect(await archiveEdition(t.db, "ed_2026", ADMIN, new Date())).toEqual({ ok: false, reason: "results_not_published" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("archives once the results phase is reached, audited with before and after; the results stay listed", async () => {
    expect(await archiveEdition(t.db, "ed_2026", ADMIN, FAR_FUTURE)).toEqual({ ok: true, year: 2026 });
    const row = await t.db.selectFrom("editions").select("status").where("id", "=", "ed_2026").executeTakeFirstOrThrow();
    expect(row.status).toBe("archived");
    const audit = await t.db.selectFrom("audit_log").select(["actor_user_id", "before_json", "after_json"]).where("action", "=", "edition.archive").execute();
    expect(audit).toEqual([{ actor_user_id: "usr_demo_admin", before_json: JSON.stringify({ status: "active" }), after_json: JSON.stringify({ status: "archived" }) }]);
    expect((await listEditionsWithResults(t.db)).map((e) => [e.year, e.status])).toEqual([
      [2026, "archived"],
      [2025, "archived"],
    ]);
    const before = await snapshot(t.db);
    expect(await archiveEdition(t.db, "ed_2026", ADMIN, FAR_FUTURE)).toEqual({ ok: false, reason: "already_archived" });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("carry-over: the preview is what is applied", () => {
  it("refuses without writing: later edition only, not into the archive, not before results are published", async () => {
    const before = await snapshot(t.db);
    for (const [from, to, reason] of [
      [2027, 2025, "not_later"],
      [2025, 2026, "target_archived"],
      [2026, 2027, "not_published"],
      [2019, 2027, "edition_missing"],
    ] as const) {
      expect(await previewCarryOver(t.db, from, to)).toEqual({ ok: false, reason });
      expect(await carryOver(t.db, from, to, { userId: "usr_demo_admin", role: "admin" })).toEqual({ ok: false, reason });
    }
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("applies exactly the previewed lines, once", async () => {
    const preview = await previewCarryOver(t.db, 2025, 2027);
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.lines.length).toBeGreaterThan(0);
    const matched = preview.lines.filter((l) => l.toPoolId);
    expect(matched.map((l) => l.toPoolId)).toEqual(["pool_2027_city"]);
    const budgets = async () => new Map((await t.db.selectFrom("pools").select(["id", "budget_grosze"]).where("id", "like", "pool_2027_%").execute()).map((p) => [p.id, Number(p.budget_grosze)]));
    const before = await budgets();
    const applied = await carryOver(t.db, 2025, 2027, { userId: "usr_demo_admin", role: "admin" });
    expect(applied).toEqual({ ok: true, moved: matched.map((l) => ({ poolId: l.toPoolId, grosze: l.leftoverGrosze })), unmatched: preview.lines.filter((l) => !l.toPoolId).map((l) => l.fromPoolId) });
    const after = await budgets();
    expect(after.get("pool_2027_city")! - before.get("pool_2027_city")!).toBe(matched[0]!.leftoverGrosze);
    expect(after.get("pool_2027_orlowo_small")).toBe(before.get("pool_2027_orlowo_small"));
    const audit = await t.db.selectFrom("audit_log").select(["actor_user_id", "object_id"]).where("action", "=", "results.carry_over").execute();
    expect(audit).toEqual([{ actor_user_id: "usr_demo_admin", object_id: "ed_2025" }]);
    expect(await previewCarryOver(t.db, 2025, 2027)).toEqual({ ok: false, reason: "already_carried" });
  });
});

describe("set-up checklist facts", () => {
  it("an empty installation: no edition, nothing done", async () => {
    const edition = await getEditionBeingSetUp(empty.db);
    expect(edition).toBeNull();
    expect(setupChecklist(await loadSetupFacts(empty.db, edition)).every((i) => !i.done)).toBe(true);
  });

  it("the demo edition, fully set up, counts as done; a bare draft has neither voting points nor a register of its own", async () => {
    const demo = await loadSetupFacts(t.db, { id: "ed_2026", year: 2026, status: "archived" });
    expect(demo).toMatchObject({ districts: 21, programmes: 3, programmesWithoutPools: 0, needsYouthCouncil: true });
    expect(demo.activeVotingPoints).toBeGreaterThan(0);
    expect(demo.voters).toBeGreaterThan(0);
    expect(setupChecklist(demo).filter((i) => !i.done)).toEqual([]);
    // the newest draft is the one being set up: 2027 has pools without valid rules and no calendar
    const draft = await getEditionBeingSetUp(t.db);
    expect(draft).toEqual({ id: "ed_2027", year: 2027, status: "draft" });
    const done = Object.fromEntries(setupChecklist(await loadSetupFacts(t.db, draft)).map((i) => [i.step, i.done]));
    // voting points and the register belong to an edition: the 2026 ones do not count for 2027
    expect(done).toEqual({ edition: true, districts: true, programmes: false, phases: false, commission: false, voting_points: false, register: false, staff: true });
  });
});
