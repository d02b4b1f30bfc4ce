/**
 * Identification hardening (#11): every identification path shares one per-identity counter and
 * gives one answer; who may vote for a child; one person = one ballot across identifiers and channels.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue, type VotingProgramme } from "~/data/ballots.server";
import { listAudit } from "~/data/audit.server";
import { createBackoff, type Backoff } from "~/auth/rate-limit.server";
import { makePesel } from "~/domain/voting";
import type { Actor } from "~/domain/permissions";
import { addDeclaration, importRegister } from "~/services/register.server";
import { castBallot, castPaperBallot, identifyChild, identifyDeclaration, identifyVoter } from "~/services/voting.server";
import { createTestDb, type TestDb } from "../support/db";
import { enrolTestDevice } from "../support/voting-points";

let t: TestDb;
/** The demo official (scope '*'): may change the register and run voting points. */
const OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
let bo: VotingProgramme;
let guard: Backoff;
const NOW = new Date();
const pesel = (v: { pesel: string; parentFirstName: string }, parentFirstName = v.parentFirstName) => ({ method: "pesel", pesel: v.pesel, parentFirstName });

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
  bo = (await getVotingProgramme(t.db, "bo"))!;
});
afterAll(async () => t.cleanup());
beforeEach(() => {
  guard = createBackoff(`test_${Math.random()}`, undefined, () => ({ kind: "memory" }));
});

async function ballot(slug = "orlowo") {
  const id = (await t.db.selectFrom("districts").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const catalogue = await loadCatalogue(t.db, bo.programmeId, id);
  return { districtId: id, selections: Object.fromEntries(catalogue.map((p) => [p.poolId, p.projects.slice(0, 1).map((x) => x.id)])) };
}

describe("one counter and one answer on every identification path", () => {
  it("self, child (as guardian), paper and voting point count against the same person and answer alike", async () => {
    const adult = DEMO_VOTERS.adult;
    const opts = { guard };
    const answers = [
      await identifyVoter(t.db, pesel(adult, "Bożena"), bo, NOW, opts), // self, online
      await identifyChild(t.db, pesel(adult, "Bożena"), pesel(DEMO_VOTERS.child), bo, NOW, opts), // child flow, guardian's name wrong
      await castPaperBallot(t.db, pesel(adult, "Bożena"), bo, await ballot(), "usr_demo_official", NOW, opts), // paper
      await identifyVoter(t.db, pesel(adult, "Bożena"), bo, NOW, opts), // at a voting point (same service, no IP limit)
    ];
    for (const a of answers) expect(a).toEqual({ ok: false, reason: "identity_not_confirmed" });
    // the fifth attempt, on any path, waits — even with the right name
    expect(await identifyChild(t.db, pesel(adult), pesel(DEMO_VOTERS.child), bo, NOW, opts)).toMatchObject({ ok: false, reason: "identify_wait", retryAfterS: 2 });
    expect(await identifyVoter(t.db, pesel(adult), bo, NOW, opts)).toMatchObject({ ok: false, reason: "identify_wait", retryAfterS: 2 });
  });

  it("an unknown PESEL, a wrong name, a wrong child's parent and an unlinked guardian all get the same answer", async () => {
    const opts = { guard, guardianRule: "register_link" as const };
    const unknown = { pesel: makePesel({ year: 1970, month: 7, day: 7 }, 999, "male"), parentFirstName: "Krystyna" };
    const same = { ok: false, reason: "identity_not_confirmed" };
    expect(await identifyVoter(t.db, pesel(unknown), bo, NOW, opts)).toMatchObject(same);
    expect(await identifyVoter(t.db, pesel(DEMO_VOTERS.adult2, "Bożena"), bo, NOW, opts)).toMatchObject(same);
    // the child's parent's name: wrong, or right but asked by an adult the register does not link to the child
    expect(await identifyChild(t.db, pesel(DEMO_VOTERS.adult), pesel(DEMO_VOTERS.child, "Łucja"), bo, NOW, opts)).toMatchObject(same);
    expect(await identifyChild(t.db, pesel(DEMO_VOTERS.adult2), pesel(DEMO_VOTERS.child), bo, NOW, opts)).toMatchObject(same);
    expect(await identifyDeclaration(t.db, "DEKL-NONE-1", bo, NOW, opts)).toMatchObject(same);
  });

  it("hints at Polish letters for any failure typed in plain ASCII, known PESEL or not", async () => {
    const unknown = { pesel: makePesel({ year: 1971, month: 7, day: 7 }, 998, "male"), parentFirstName: "Lukasz" };
    expect(await identifyVoter(t.db, pesel(unknown), bo, NOW, { guard })).toEqual({ ok: false, reason: "identity_not_confirmed", hint: "polish_letters" });
    expect(await identifyVoter(t.db, pesel(DEMO_VOTERS.adult2, "Lukasz"), bo, NOW, { guard })).toEqual({ ok: false, reason: "identity_not_confirmed", hint: "polish_letters" });
    expect(await identifyVoter(t.db, pesel(DEMO_VOTERS.adult2, "Łukasz"), bo, NOW, { guard })).toEqual({ ok: false, reason: "identity_not_confirmed" });
  });
});

describe("one counter per person, whichever identifier", () => {
  it("failures via a PESEL, via the same person's Karta and via their declaration add up to one counter", async () => {
    const p = { pesel: makePesel({ year: 1977, month: 3, day: 3 }, 77, "female"), parentFirstName: "Halina" };
    const card = { method: "karta", cardNumber: "55507777", firstName: "Olga", lastName: "Nowakówna" };
    const csv = ["pesel;karta_number;first_name;last_name;parent_first_name;district", `${p.pesel};55507777;Olga;Nowakówna;Halina;Oksywie`].join("\n");
    expect(await importRegister(t.db, csv, OFFICIAL)).toMatchObject({ ok: true, imported: 1 });
    expect(await addDeclaration(t.db, { declarationId: "DEKL-ONE-1", districtId: null, ageBand: "45-54", pesel: p.pesel }, OFFICIAL)).toEqual({ ok: true, linked: true });
    const opts = { guard };
    const same = { ok: false, reason: "identity_not_confirmed" };
    expect(await identifyVoter(t.db, pesel(p, "Bożena"), bo, NOW, opts)).toEqual(same);
    expect(await identifyVoter(t.db, pesel(p, "Bożena"), bo, NOW, opts)).toEqual(same);
    expect(await identifyVoter(t.db, { ...card, firstName: "Oleńka" }, bo, NOW, opts)).toEqual(same);
    expect(await identifyVoter(t.db, { ...card, firstName: "Oleńka" }, bo, NOW, opts)).toEqual(same);
    // four failures on one person: the next attempt waits, on either identifier and by declaration, even if right
    expect(await identifyVoter(t.db, card, bo, NOW, opts)).toMatchObject({ ok: false, reason: "identify_wait", retryAfterS: 2 });
    expect(await identifyVoter(t.db, pesel(p), bo, NOW, opts)).toMatchObject({ ok: false, reason: "identify_wait", retryAfterS: 2 });
    expect(await identifyDeclaration(t.db, "DEKL-ONE-1", bo, NOW, opts)).toMatchObject({ ok: false, reason: "identify_wait", retryAfterS: 2 });
  });

  it("an unknown identifier keeps its own counter, exactly as before", async () => {
    const opts = { guard };
    const unknownPesel = { pesel: makePesel({ year: 1972, month: 2, day: 2 }, 997, "male"), parentFirstName: "Jarosław" };
    const unknownCard = { method: "karta", cardNumber: "55509999", firstName: "Jarosław", lastName: "Kos" };
    for (let i = 0; i < 4; i++) expect(await identifyVoter(t.db, pesel(unknownPesel), bo, NOW, opts)).toEqual({ ok: false, reason: "identity_not_confirmed" });
    expect(await identifyVoter(t.db, pesel(unknownPesel), bo, NOW, opts)).toMatchObject({ ok: false, reason: "identify_wait", retryAfterS: 2 });
    // another unknown identifier is not charged for it, and a known person's wrong name answers alike
    expect(await identifyVoter(t.db, unknownCard, bo, NOW, opts)).toEqual({ ok: false, reason: "identity_not_confirmed" });
    for (let i = 0; i < 4; i++) expect(await identifyVoter(t.db, pesel(DEMO_VOTERS.adult2, "Bożena"), bo, NOW, opts)).toEqual({ ok: false, reason: "identity_not_confirmed" });
    expect(await identifyVoter(t.db, pesel(DEMO_VOTERS.adult2, "Bożena"), bo, NOW, opts)).toMatchObject({ ok: false, reason: "identify_wait", retryAfterS: 2 });
  });
});

describe("who may vote for a child", () => {
  it("the district rule lets a neighbour vote for a child and audits the basis; the strict rule does not", async () => {
    const g = { pesel: makePesel({ year: 1980, month: 4, day: 4 }, 41, "female"), parentFirstName: "Małgorzata" };
    const c = { pesel: makePesel({ year: 2020, month: 5, day: 5 }, 42, "male"), parentFirstName: "Małgorzata" };
    const csv = ["pesel;parent_first_name;district", `${g.pesel};Małgorzata;Orłowo`, `${c.pesel};Małgorzata;Orłowo`].join("\n");
    expect(await importRegister(t.db, csv, OFFICIAL)).toMatchObject({ ok: true, imported: 2 });
    expect(await identifyChild(t.db, pesel(g), pesel(c), bo, NOW, { guard, guardianRule: "register_link" })).toEqual({ ok: false, reason: "identity_not_confirmed" });
    const r = await identifyChild(t.db, pesel(g), pesel(c), bo, NOW, { guard, guardianRule: "same_district" });
    if (!r.ok) throw new Error(r.reason);
    expect(r.voter.guardian?.basis).toBe("same_district");
    expect((await castBallot(t.db, r.voter, bo, await ballot(), { channel: "online" }, NOW)).ok).toBe(true);
    const audit = (await listAudit(t.db, { action: "ballot.for_child" }, 5))[0]!;
    expect(JSON.parse(audit.after!)).toMatchObject({ basis: "same_district" });
    // the participation is named, the moment its ballot was stored is not: the hour only (issue #15)
    expect(audit.at).toBe(new Date(Math.floor(NOW.getTime() / 3_600_000) * 3_600_000).toISOString());
  });

  it("a guardian named in the register file may vote for the child", async () => {
    const r = await identifyChild(t.db, pesel(DEMO_VOTERS.adult), pesel(DEMO_VOTERS.child), bo, NOW, { guard, guardianRule: "register_link" });
    expect(r).toMatchObject({ ok: true, voter: { onBehalf: "guardian", guardian: { basis: "register_link" } } });
  });
});

describe("one person, one ballot across identifiers and channels", () => {
  it("links a Karta to its PESEL on import, so voting with one refuses the other", async () => {
    const p = { pesel: makePesel({ year: 1966, month: 6, day: 6 }, 61, "female"), parentFirstName: "Irena" };
    const first = ["pesel;karta_number;first_name;last_name;parent_first_name;district", `${p.pesel};;;;Irena;Oksywie`, `;55501234;Ewa;Wąs;;Oksywie`].join("\n");
    expect(await importRegister(t.db, first, OFFICIAL)).toMatchObject({ ok: true, imported: 2 });
    const before = (await t.db.selectFrom("voters").select("id").execute()).length;
    const both = ["pesel;karta_number;first_name;last_name;parent_first_name;district", `${p.pesel};55501234;Ewa;Wąs;Irena;Oksywie`].join("\n");
    expect(await importRegister(t.db, both, OFFICIAL)).toEqual({ ok: true, imported: 0, linked: 1, skipped: [] });
    expect((await t.db.selectFrom("voters").select("id").execute()).length).toBe(before - 1);
    const who = await identifyVoter(t.db, pesel(p), bo, NOW, { guard });
    if (!who.ok) throw new Error(who.reason);
    expect((await castBallot(t.db, who.voter, bo, await ballot("oksywie"), { channel: "online" }, NOW)).ok).toBe(true);
    expect(await identifyVoter(t.db, { method: "karta", cardNumber: "55501234", firstName: "Ewa", lastName: "Wąs" }, bo, NOW, { guard })).toEqual({ ok: false, reason: "already_voted" });
  });

  it("a declaration with the person's PESEL blocks a later online vote", async () => {
    const p = DEMO_VOTERS.adult2;
    expect(await addDeclaration(t.db, { declarationId: "DEKL-ID-1", districtId: null, ageBand: "25-34", pesel: p.pesel }, OFFICIAL)).toEqual({ ok: true, linked: true });
    const who = await identifyDeclaration(t.db, "DEKL-ID-1", bo, NOW, { guard });
    if (!who.ok) throw new Error(who.reason);
    expect((await castBallot(t.db, who.voter, bo, await ballot(), { channel: "assisted" }, NOW)).ok).toBe(true);
    expect(await identifyVoter(t.db, pesel(p), bo, NOW, { guard })).toEqual({ ok: false, reason: "already_voted" });
  });

  it("an online vote blocks a later declaration vote by the same person", async () => {
    const p = { pesel: makePesel({ year: 1955, month: 5, day: 5 }, 55, "male"), parentFirstName: "Jerzy" };
    await importRegister(t.db, ["pesel;parent_first_name;district", `${p.pesel};Jerzy;Orłowo`].join("\n"), OFFICIAL);
    const who = await identifyVoter(t.db, pesel(p), bo, NOW, { guard });
    if (!who.ok) throw new Error(who.reason);
    expect((await castBallot(t.db, who.voter, bo, await ballot(), { channel: "online" }, NOW)).ok).toBe(true);
    expect(await addDeclaration(t.db, { declarationId: "DEKL-ID-2", districtId: null, ageBand: null, pesel: p.pesel }, OFFICIAL)).toEqual({ ok: true, linked: true });
    expect(await identifyDeclaration(t.db, "DEKL-ID-2", bo, NOW, { guard })).toEqual({ ok: false, reason: "already_voted" });
  });

  it("stores no sex column any more", async () => {
    const row = await t.db.selectFrom("voters").selectAll().limit(1).executeTakeFirstOrThrow();
    expect(row).not.toHaveProperty("sex");
  });
});

describe("a voting point's device session", () => {
  it("ends when the official signs out, and after the session limit at the latest", async () => {
    const { activePoint, closeVotingPointsOf, openVotingPoint } = await import("~/http/vote-flow.server");
    const pointId = (await t.db.selectFrom("voting_points").select("id").executeTakeFirstOrThrow()).id;
    const device = (token: string) => new Request("http://bo.test/vote/bo", { headers: { Cookie: `bo_point=${token}` } });
    const opened = await openVotingPoint(t.db, { pointId, deviceToken: await enrolTestDevice(t.db, pointId) }, OFFICIAL, NOW);
    if (!opened.ok) throw new Error(opened.reason);
    expect(await activePoint(t.db, device(opened.token), NOW)).not.toBeNull();
    expect(await activePoint(t.db, device(opened.token), new Date(NOW.getTime() + 12 * 3600_000 + 1000))).toBeNull();
    expect(await closeVotingPointsOf(t.db, "usr_demo_official", NOW)).toBe(1);
    expect(await activePoint(t.db, device(opened.token), NOW)).toBeNull();
  });
});

/** An official with the given grants, in the database (roles are read from there). */
async function addOfficial(id: string, scopes: ("*" | "bo" | "youth" | "children")[]): Promise<Actor> {
  const iso = NOW.toISOString();
  await t.db.insertInto("users").values({ id, email: `${id}@example.test`, email_verified_at: iso, password_hash: null, display_name: id, locale: "pl", created_at: iso, deleted_at: null }).execute();
  for (const scope of scopes) await t.db.insertInto("user_roles").values({ user_id: id, role: "official", scope, granted_by: null, granted_at: iso }).execute();
  return { id, roles: scopes.map((scope) => ({ role: "official" as const, scope })) };
}
const auditOf = (action: string, actor: string | null = null) =>
  t.db.selectFrom("audit_log").select(["actor_user_id", "actor_role", "object_id", "after_json"]).where("action", "=", action).where("actor_user_id", actor === null ? "is" : "=", actor).execute();

describe("a voting point whose official lost the role", () => {
  it("closes at its next use, with an audit row, and the device votes online again", async () => {
    const { activePoint, openVotingPoint } = await import("~/http/vote-flow.server");
    const official = await addOfficial("usr_t_point_revoked", ["*"]);
    const pointId = (await t.db.selectFrom("voting_points").select("id").executeTakeFirstOrThrow()).id;
    const device = (token: string) => new Request("http://bo.test/vote/bo", { headers: { Cookie: `bo_point=${token}` } });
    const opened = await openVotingPoint(t.db, { pointId, deviceToken: await enrolTestDevice(t.db, pointId, [official.id]) }, official, NOW);
    if (!opened.ok) throw new Error(opened.reason);
    expect(await activePoint(t.db, device(opened.token), NOW)).toMatchObject({ pointId, officialUserId: official.id });
    const closesBefore = (await auditOf("voting_point.close")).length;
    // the role narrowed to one programme: a point takes ballots of every programme, so it ends
    await t.db.updateTable("user_roles").set({ scope: "bo" }).where("user_id", "=", official.id).execute();
    expect(await activePoint(t.db, device(opened.token), NOW)).toBeNull();
    expect(await activePoint(t.db, device(opened.token), NOW)).toBeNull();
    const session = await t.db.selectFrom("voting_point_sessions").select("closed_at").where("official_user_id", "=", official.id).executeTakeFirstOrThrow();
    expect(session.closed_at).toBe(NOW.toISOString());
    const closes = await auditOf("voting_point.close");
    expect(closes).toHaveLength(closesBefore + 1); // once, not at every use
    expect(closes.at(-1)).toMatchObject({ actor_role: "system", object_id: pointId });
    expect(JSON.parse(closes.at(-1)!.after_json!)).toEqual({ reason: "role_revoked", officialUserId: official.id });
  });

  it("closes when the role is revoked outright", async () => {
    const { activePoint, openVotingPoint } = await import("~/http/vote-flow.server");
    const official = await addOfficial("usr_t_point_gone", ["*"]);
    const pointId = (await t.db.selectFrom("voting_points").select("id").executeTakeFirstOrThrow()).id;
    const opened = await openVotingPoint(t.db, { pointId, deviceToken: await enrolTestDevice(t.db, pointId, [official.id]) }, official, NOW);
    if (!opened.ok) throw new Error(opened.reason);
    await t.db.deleteFrom("user_roles").where("user_id", "=", official.id).execute();
    expect(await activePoint(t.db, new Request("http://bo.test/vote/bo", { headers: { Cookie: `bo_point=${opened.token}` } }), NOW)).toBeNull();
    expect(await t.db.selectFrom("voting_point_sessions").select("id").where("official_user_id", "=", official.id).where("closed_at", "is", null).execute()).toEqual([]);
  });
});

describe("the services check scope themselves", () => {
  it("an official scoped to one programme cannot import the register or add a declaration; nothing is written", async () => {
    const scoped = await addOfficial("usr_t_register_bo", ["bo"]);
    const voters = async () => (await t.db.selectFrom("voters").select("id").execute()).length;
    const before = await voters();
    const p = makePesel({ year: 1981, month: 1, day: 1 }, 81, "male");
    expect(await importRegister(t.db, ["pesel;parent_first_name;district", `${p};Jerzy;Orłowo`].join("\n"), scoped)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await addDeclaration(t.db, { declarationId: "DEKL-SCOPED-1", districtId: null, ageBand: null }, scoped)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await voters()).toBe(before);
    expect(await auditOf("register.import", scoped.id)).toEqual([]);
    expect(await auditOf("register.declaration", scoped.id)).toEqual([]);
  });

  it("an official scoped to one programme cannot open or close a voting point; nothing is written", async () => {
    const { activePoint, closeVotingPoint, openVotingPoint } = await import("~/http/vote-flow.server");
    const scoped = await addOfficial("usr_t_point_bo", ["bo", "youth"]);
    const pointId = (await t.db.selectFrom("voting_points").select("id").executeTakeFirstOrThrow()).id;
    const deviceToken = await enrolTestDevice(t.db, pointId);
    expect(await openVotingPoint(t.db, { pointId, deviceToken }, scoped, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await t.db.selectFrom("voting_point_sessions").select("id").where("official_user_id", "=", scoped.id).execute()).toEqual([]);
    expect(await auditOf("voting_point.open", scoped.id)).toEqual([]);
    // a point another official opened stays open when the scoped one tries to close it
    const opened = await openVotingPoint(t.db, { pointId, deviceToken }, OFFICIAL, NOW);
    if (!opened.ok) throw new Error(opened.reason);
    const device = new Request("http://bo.test/official/voting-point", { headers: { Cookie: `bo_point=${opened.token}` } });
    const point = (await activePoint(t.db, device, NOW))!;
    expect(await closeVotingPoint(t.db, point, scoped, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await activePoint(t.db, device, NOW)).not.toBeNull();
    expect(await closeVotingPoint(t.db, point, OFFICIAL, NOW)).toEqual({ ok: true });
    expect(await activePoint(t.db, device, NOW)).toBeNull();
  });
});
