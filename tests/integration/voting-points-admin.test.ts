/**
 * Voting points set up by administrators (#13): every act audited with before/after, refusals
 * change nothing, and a point opens only for an assigned official on a device enrolled for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import type { Actor } from "~/domain/permissions";
import { activePoint, openVotingPoint } from "~/http/vote-flow.server";
import { copyVotingPoints, createVotingPoint, enrolDevice, listAssignableOfficials, revokeDevice, setPointOfficials, updateVotingPoint } from "~/services/voting-points-admin.server";
import { createTestDb, onPostgres, type TestDb } from "../support/db";
import { DEMO_ADMIN } from "../support/voting-points";

let t: TestDb;
const NOW = new Date();
const OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
const RESIDENT: Actor = { id: "usr_demo_resident", roles: [] };

beforeAll(async () => {
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
});
afterAll(async () => t.cleanup());

/** Everything a refusal must leave as it was. */
async function snapshot() {
  const [points, officials, devices, sessions, audit] = await Promise.all([
    t.db.selectFrom("voting_points").selectAll().orderBy("id").execute(),
    t.db.selectFrom("voting_point_officials").selectAll().orderBy("voting_point_id").orderBy("user_id").execute(),
    t.db.selectFrom("voting_point_devices").selectAll().orderBy("id").execute(),
    t.db.selectFrom("voting_point_sessions").selectAll().orderBy("id").execute(),
    t.db.selectFrom("audit_log").select("id").execute(),
  ]);
  return { points, officials, devices, sessions, audit: audit.length };
}

async function addUser(id: string, scopes: ("*" | "bo" | "youth" | "children")[]): Promise<Actor> {
  const iso = NOW.toISOString();
  await t.db.insertInto("users").values({ id, email: `${id}@example.test`, email_verified_at: iso, password_hash: null, display_name: id, locale: "pl", created_at: iso, deleted_at: null }).execute();
  for (const scope of scopes) await t.db.insertInto("user_roles").values({ user_id: id, role: "official", scope, granted_by: null, granted_at: iso }).execute();
  return { id, roles: scopes.map((scope) => ({ role: "official" as const, scope })) };
}

const lastAudit = async (action: string) => {
  const row = await t.db.selectFrom("audit_log").select(["actor_user_id", "object_id", "before_json", "after_json"]).where("action", "=", action).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();
  return { ...row, before: row.before_json ? JSON.parse(row.before_json) : null, after: row.after_json ? JSON.parse(row.after_json) : null };
};

describe("setting up a point", () => {
  it("creates a point in the current edition, renames it and changes its hours, each audited with before/after", async () => {
    const created = await createVotingPoint(t.db, DEMO_ADMIN, { name: "Urząd Miasta – sala obsługi", address: "al. Marszałka Piłsudskiego 52/54", openingHours: "pn–pt 8:00–16:00" }, NOW);
    if (!created.ok) throw new Error(created.reason);
    const row = await t.db.selectFrom("voting_points").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ edition_id: "ed_2026", opening_hours: "pn–pt 8:00–16:00", active: 1, created_at: NOW.toISOString() });
    expect(await lastAudit("voting_point.create")).toMatchObject({ actor_user_id: DEMO_ADMIN.id, object_id: created.id, before: null, after: { name: "Urząd Miasta – sala obsługi" } });

    expect(await updateVotingPoint(t.db, DEMO_ADMIN, created.id, { name: "Urząd Miasta", address: row.address, openingHours: "pn–pt 8:00–17:00", active: true }, NOW)).toEqual({ ok: true });
    const a = await lastAudit("voting_point.update");
    expect(a.before).toMatchObject({ name: "Urząd Miasta – sala obsługi", openingHours: "pn–pt 8:00–16:00" });
    expect(a.after).toMatchObject({ name: "Urząd Miasta", openingHours: "pn–pt 8:00–17:00" });
  });

  it("refuses a resident, an unknown edition and an unknown point, writing nothing", async () => {
    const before = await snapshot();
    const fields = { name: "Punkt", address: "ul. Morska 1", openingHours: "" };
    expect(await createVotingPoint(t.db, RESIDENT, fields, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await createVotingPoint(t.db, OFFICIAL, fields, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await createVotingPoint(t.db, DEMO_ADMIN, { ...fields, editionId: "ed_1999" }, NOW)).toEqual({ ok: false, reason: "edition_unknown" });
    expect(await updateVotingPoint(t.db, DEMO_ADMIN, "vp_missing", { ...fields, active: true }, NOW)).toEqual({ ok: false, reason: "point_unknown" });
    expect(await updateVotingPoint(t.db, RESIDENT, "vp_wymiennikownia", { ...fields, active: false }, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await setPointOfficials(t.db, RESIDENT, "vp_wymiennikownia", [], NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await enrolDevice(t.db, OFFICIAL, "vp_wymiennikownia", "Laptop", NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await enrolDevice(t.db, DEMO_ADMIN, "vp_missing", "Laptop", NOW)).toEqual({ ok: false, reason: "point_unknown" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("officials of a point", () => {
  it("lists only people who may run points in every programme, and refuses to tick anyone else", async () => {
    const scoped = await addUser("usr_t_vp_bo", ["bo"]);
    const full = await addUser("usr_t_vp_full", ["*"]);
    const ids = (await listAssignableOfficials(t.db)).map((c) => c.id);
    expect(ids).toContain(full.id);
    expect(ids).toContain(OFFICIAL.id);
    expect(ids).not.toContain(scoped.id);
    expect(ids).not.toContain(RESIDENT.id);

    const before = await snapshot();
    expect(await setPointOfficials(t.db, DEMO_ADMIN, "vp_wymiennikownia", [OFFICIAL.id, scoped.id], NOW)).toEqual({ ok: false, reason: "official_not_eligible" });
    expect(await setPointOfficials(t.db, DEMO_ADMIN, "vp_wymiennikownia", [OFFICIAL.id, RESIDENT.id], NOW)).toEqual({ ok: false, reason: "official_not_eligible" });
    expect(await snapshot()).toEqual(before);

    expect(await setPointOfficials(t.db, DEMO_ADMIN, "vp_wymiennikownia", [OFFICIAL.id, full.id], NOW)).toEqual({ ok: true });
    expect(await lastAudit("voting_point.officials")).toMatchObject({ object_id: "vp_wymiennikownia", before: { officials: [OFFICIAL.id] }, after: { officials: [OFFICIAL.id, full.id].sort() } });
    expect(await setPointOfficials(t.db, DEMO_ADMIN, "vp_wymiennikownia", [OFFICIAL.id], NOW)).toEqual({ ok: true });
    const rows = await t.db.selectFrom("voting_point_officials").select("user_id").where("voting_point_id", "=", "vp_wymiennikownia").execute();
    expect(rows.map((r) => r.user_id)).toEqual([OFFICIAL.id]);
  });
});

describe("opening a point needs an assigned official on a device enrolled for it", () => {
  const device = (token: string) => new Request("http://bo.test/vote/bo", { headers: { Cookie: `bo_point=${token}` } });

  it("refuses without a device, on another point's device, for an unassigned official, on a revoked device and at an inactive point — writing nothing", async () => {
    const enrolled = await enrolDevice(t.db, DEMO_ADMIN, "vp_wymiennikownia", "Laptop przy wejściu", NOW);
    if (!enrolled.ok) throw new Error(enrolled.reason);
    const other = await enrolDevice(t.db, DEMO_ADMIN, "vp_przystan_witomino", "Tablet", NOW);
    if (!other.ok) throw new Error(other.reason);
    const stranger = await addUser("usr_t_vp_stranger", ["*"]); // may run points, but not this one
    const before = await snapshot();
    const open = (deviceToken: string | null, actor: Actor = OFFICIAL, pointId = "vp_wymiennikownia") => openVotingPoint(t.db, { pointId, deviceToken }, actor, NOW);
    expect(await open(null)).toEqual({ ok: false, reason: "device_not_enrolled" });
    expect(await open("made-up-token")).toEqual({ ok: false, reason: "device_not_enrolled" });
    expect(await open(other.token)).toEqual({ ok: false, reason: "device_not_enrolled" });
    expect(await open(enrolled.token, stranger)).toEqual({ ok: false, reason: "official_not_assigned" });
    expect(await open(enrolled.token, RESIDENT)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await open(enrolled.token, OFFICIAL, "vp_missing")).toEqual({ ok: false, reason: "point_unknown" });
    expect(await snapshot()).toEqual(before);

    // the token itself is never stored
    if (!onPostgres) {
      const stored = readFileSync(t.path).toString("latin1") + (existsSync(`${t.path}-wal`) ? readFileSync(`${t.path}-wal`).toString("latin1") : "");
      expect(stored.includes(enrolled.token)).toBe(false);
    }

    const opened = await open(enrolled.token);
    if (!opened.ok) throw new Error(opened.reason);
    expect(await activePoint(t.db, device(opened.token), NOW)).toMatchObject({ pointId: "vp_wymiennikownia", officialUserId: OFFICIAL.id });
    const dev = await t.db.selectFrom("voting_point_devices").select(["last_used_at", "token_hash"]).where("id", "=", enrolled.deviceId).executeTakeFirstOrThrow();
    expect(dev.last_used_at).toBe(NOW.toISOString());
    expect(dev.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await lastAudit("voting_point.open")).toMatchObject({ actor_user_id: OFFICIAL.id, object_id: "vp_wymiennikownia", after: { deviceId: enrolled.deviceId } });

    // revoking the device ends the session opened on it, and the device opens nothing any more
    expect(await revokeDevice(t.db, DEMO_ADMIN, "vp_przystan_witomino", enrolled.deviceId, NOW)).toEqual({ ok: false, reason: "device_unknown" });
    expect(await revokeDevice(t.db, DEMO_ADMIN, "vp_wymiennikownia", enrolled.deviceId, NOW)).toEqual({ ok: true });
    expect(await lastAudit("voting_point.device_revoke")).toMatchObject({ before: { revokedAt: null }, after: { revokedAt: NOW.toISOString() } });
    expect(await activePoint(t.db, device(opened.token), NOW)).toBeNull();
    expect(await revokeDevice(t.db, DEMO_ADMIN, "vp_wymiennikownia", enrolled.deviceId, NOW)).toEqual({ ok: false, reason: "device_already_revoked" });
    const afterRevoke = await snapshot();
    expect(await open(enrolled.token)).toEqual({ ok: false, reason: "device_revoked" });
    expect(await snapshot()).toEqual(afterRevoke);
  });

  it("an inactive point opens nowhere, and deactivating a point closes it where it is open", async () => {
    const enrolled = await enrolDevice(t.db, DEMO_ADMIN, "vp_biblioteka_srodmiescie", "Komputer w czytelni", NOW);
    if (!enrolled.ok) throw new Error(enrolled.reason);
    const opened = await openVotingPoint(t.db, { pointId: "vp_biblioteka_srodmiescie", deviceToken: enrolled.token }, OFFICIAL, NOW);
    if (!opened.ok) throw new Error(opened.reason);
    const p = await t.db.selectFrom("voting_points").selectAll().where("id", "=", "vp_biblioteka_srodmiescie").executeTakeFirstOrThrow();
    expect(await updateVotingPoint(t.db, DEMO_ADMIN, p.id, { name: p.name, address: p.address, openingHours: p.opening_hours, active: false }, NOW)).toEqual({ ok: true });
    expect(await lastAudit("voting_point.deactivate")).toMatchObject({ before: { active: true }, after: { active: false } });
    expect(await activePoint(t.db, device(opened.token), NOW)).toBeNull();
    const before = await snapshot();
    expect(await openVotingPoint(t.db, { pointId: p.id, deviceToken: enrolled.token }, OFFICIAL, NOW)).toEqual({ ok: false, reason: "point_inactive" });
    expect(await snapshot()).toEqual(before);
  });

  it("a point of another edition cannot be opened from the current one", async () => {
    await t.db.insertInto("editions").values({ id: "ed_2031", year: 2031, status: "draft", source: null, created_at: NOW.toISOString() }).execute();
    const created = await createVotingPoint(t.db, DEMO_ADMIN, { name: "Punkt przyszłej edycji", address: "ul. Morska 1", openingHours: "", editionId: "ed_2031" }, NOW);
    if (!created.ok) throw new Error(created.reason);
    const enrolled = await enrolDevice(t.db, DEMO_ADMIN, created.id, "Laptop", NOW);
    if (!enrolled.ok) throw new Error(enrolled.reason);
    expect(await openVotingPoint(t.db, { pointId: created.id, deviceToken: enrolled.token }, OFFICIAL, NOW)).toEqual({ ok: false, reason: "point_unknown" });
  });
});

describe("copying an edition's voting points", () => {
  it("copies names, addresses, hours, active flags and officials under new ids — not devices", async () => {
    await t.db.insertInto("editions").values({ id: "ed_2032", year: 2032, status: "draft", source: null, created_at: NOW.toISOString() }).execute();
    const from = await t.db.selectFrom("voting_points").select(["id", "name", "address", "opening_hours", "active"]).where("edition_id", "=", "ed_2026").orderBy("name").execute();
    const n = await t.db.transaction().execute((trx) => copyVotingPoints(trx, "ed_2026", "ed_2032", DEMO_ADMIN, NOW));
    expect(n).toBe(from.length);
    const to = await t.db.selectFrom("voting_points").select(["id", "name", "address", "opening_hours", "active"]).where("edition_id", "=", "ed_2032").orderBy("name").execute();
    expect(to.map(({ id: _, ...r }) => r)).toEqual(from.map(({ id: _, ...r }) => r));
    expect(to.some((p) => from.some((f) => f.id === p.id))).toBe(false);
    const copiedOfficials = await t.db.selectFrom("voting_point_officials").select("user_id").where("voting_point_id", "in", to.map((p) => p.id)).execute();
    expect(copiedOfficials.length).toBeGreaterThan(0);
    expect(await t.db.selectFrom("voting_point_devices").select("id").where("voting_point_id", "in", to.map((p) => p.id)).execute()).toEqual([]);
    expect((await t.db.selectFrom("audit_log").select("id").where("action", "=", "voting_point.create").where("object_id", "in", to.map((p) => p.id)).execute()).length).toBe(to.length);
  });
});
