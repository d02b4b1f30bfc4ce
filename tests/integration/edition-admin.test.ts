import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEditionAdmin, listPhaseChanges, listProgrammesAdmin } from "~/data/edition-admin.server";
import { listPhaseWindows } from "~/data/editions.server";
import { utcToWarsaw } from "~/domain/edition-setup";
import type { Actor } from "~/domain/permissions";
import type { PhaseWindow } from "~/domain/phases";
import { createCommissionKey } from "~/services/ballot-box.server";
import { activateEdition, closeVotingEarly, copyEdition, createEdition, extendVoting, savePhases, saveProgramme, serveRulesPdf, setRulesPdf, updateEditionDetails } from "~/services/edition-admin.server";
import { createTestDb, type TestDb } from "../support/db";

const admin: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };
const official: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
const NOW = new Date();
let t: TestDb;
let uploads: string;

beforeAll(async () => {
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
  uploads = join(t.dir, "uploads");
  mkdirSync(uploads, { recursive: true });
});
afterAll(async () => t.cleanup());

/** Everything a refusal must leave alone. */
async function state() {
  const db = t.db;
  return {
    editions: await db.selectFrom("editions").selectAll().orderBy("id").execute(),
    programmes: await db.selectFrom("programmes").selectAll().orderBy("id").execute(),
    pools: await db.selectFrom("pools").select(["id", "budget_grosze"]).orderBy("id").execute(),
    phases: await db.selectFrom("edition_phases").selectAll().orderBy("edition_id").orderBy("phase").execute(),
    changes: await db.selectFrom("edition_phase_changes").selectAll().orderBy("id").execute(),
    audit: (await db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n,
  };
}
async function expectUnchanged(act: () => Promise<unknown>) {
  const before = await state();
  const r = await act();
  expect(await state()).toEqual(before);
  return r;
}
const lastAudit = (action: string) => t.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id", "desc").executeTakeFirst();
const pdfFile = (name: string, body = "%PDF-1.4\n% regulamin\n") => {
  const p = join(t.dir, name);
  writeFileSync(p, body);
  return p;
};

describe("creating and editing an edition", () => {
  it("creates a draft, audited, and refuses a duplicate year or a non-admin without writing", async () => {
    expect(await createEdition(t.db, admin, { year: 2027, name: "Budżet Obywatelski 2027" }, NOW)).toEqual({ ok: true, id: "ed_2027" });
    expect(await getEditionAdmin(t.db, "ed_2027")).toMatchObject({ year: 2027, status: "draft", name: "Budżet Obywatelski 2027", rulesText: "" });
    expect(JSON.parse((await lastAudit("edition.create"))!.after_json!)).toMatchObject({ year: 2027, status: "draft" });
    expect(await expectUnchanged(() => createEdition(t.db, admin, { year: 2027, name: "Again" }, NOW))).toEqual({ ok: false, reason: "year_taken" });
    expect(await expectUnchanged(() => createEdition(t.db, official, { year: 2030, name: "Nope" }, NOW))).toEqual({ ok: false, reason: "not_allowed" });
  });

  it("updates the name and the rules text with before and after", async () => {
    expect(await updateEditionDetails(t.db, admin, "ed_2027", { name: "BO Gdynia 2027", rulesText: "# Regulamin\n\nKażdy mieszkaniec…" }, NOW)).toEqual({ ok: true });
    const row = await lastAudit("edition.update");
    expect(JSON.parse(row!.before_json!)).toMatchObject({ name: "Budżet Obywatelski 2027", rulesText: "" });
    expect(JSON.parse(row!.after_json!)).toMatchObject({ name: "BO Gdynia 2027", rulesText: "# Regulamin\n\nKażdy mieszkaniec…" });
    expect(await expectUnchanged(() => updateEditionDetails(t.db, admin, "ed_1999", { name: "x", rulesText: "" }, NOW))).toEqual({ ok: false, reason: "not_found" });
    expect(await expectUnchanged(() => updateEditionDetails(t.db, admin, "ed_2025", { name: "Archiwum", rulesText: "" }, NOW))).toEqual({ ok: false, reason: "edition_archived" });
  });

  it("stores a rules PDF by a random key, replaces it, refuses other files and serves it with safe headers", async () => {
    expect(await setRulesPdf(t.db, admin, "ed_2027", { tempPath: pdfFile("a.part"), originalName: "regulamin.pdf" }, { dir: uploads, now: NOW })).toEqual({ ok: true });
    const first = (await getEditionAdmin(t.db, "ed_2027"))!.rulesPdfKey!;
    expect(readdirSync(uploads)).toEqual([first]);
    expect(await setRulesPdf(t.db, admin, "ed_2027", { tempPath: pdfFile("b.part", "%PDF-1.7\nnew"), originalName: "Regulamin 2027.pdf" }, { dir: uploads, now: NOW })).toEqual({ ok: true });
    const second = (await getEditionAdmin(t.db, "ed_2027"))!.rulesPdfKey!;
    expect(readdirSync(uploads)).toEqual([second]);
    const wrong = pdfFile("c.part", "<html><script>alert(1)</script>");
    expect(await expectUnchanged(() => setRulesPdf(t.db, admin, "ed_2027", { tempPath: wrong, originalName: "x.pdf" }, { dir: uploads, now: NOW }))).toEqual({ ok: false, reason: "attachment_wrong_type" });
    expect(existsSync(wrong)).toBe(false);
    expect(await expectUnchanged(() => setRulesPdf(t.db, admin, "ed_2027", { tempPath: null, originalName: "" }, { dir: uploads, now: NOW }))).toEqual({ ok: false, reason: "attachment_missing" });
    expect(await expectUnchanged(() => setRulesPdf(t.db, official, "ed_2027", { tempPath: pdfFile("d.part"), originalName: "x.pdf" }, { dir: uploads, now: NOW }))).toEqual({ ok: false, reason: "not_allowed" });
    const served = await serveRulesPdf(t.db, 2027, uploads);
    expect(served!.body.toString()).toBe("%PDF-1.7\nnew");
    expect(served!.headers).toMatchObject({ "Content-Type": "application/pdf", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox" });
    expect(served!.headers["Content-Disposition"]).toMatch(/^attachment/);
    expect(await serveRulesPdf(t.db, 2026, uploads)).toBeNull();
  });
});

describe("programmes", () => {
  it("adds one of each kind, edits one, refuses a second of a kind", async () => {
    const youth = { kind: "youth" as const, moderation: "youth_council" as const, minAge: 13, maxAge: 18, guardianBelowAge: null, supportsRequired: 15, languages: ["pl", "uk"] as ("pl" | "uk" | "en")[] };
    expect(await saveProgramme(t.db, admin, "ed_2027", youth, undefined, NOW)).toEqual({ ok: true, id: "ed_2027_youth" });
    expect(await expectUnchanged(() => saveProgramme(t.db, admin, "ed_2027", { ...youth, moderation: "officials" }, undefined, NOW))).toEqual({ ok: false, reason: "programme_exists" });
    expect(await saveProgramme(t.db, admin, "ed_2027", { ...youth, maxAge: 19, languages: ["en", "pl"] }, "ed_2027_youth", NOW)).toEqual({ ok: true, id: "ed_2027_youth" });
    // a new programme's ballot is in random order per voter (#14), so the first project does not win by position
    expect(await listProgrammesAdmin(t.db, "ed_2027")).toEqual([expect.objectContaining({ kind: "youth", maxAge: 19, languages: "pl,en", moderation: "youth_council", ballotOrder: "random" })]);
    expect(JSON.parse((await lastAudit("edition.programme_update"))!.before_json!)).toMatchObject({ maxAge: 18, languages: "pl,uk" });
    expect(await expectUnchanged(() => saveProgramme(t.db, admin, "ed_2027", youth, "ed_2026_nope", NOW))).toEqual({ ok: false, reason: "not_found" });
    expect(await expectUnchanged(() => saveProgramme(t.db, official, "ed_2027", { ...youth, kind: "bo" }, undefined, NOW))).toEqual({ ok: false, reason: "not_allowed" });
  });
});

/** A back-to-back plan of 10-day phases from `start`. */
function plan(start: string) {
  const t0 = Date.parse(start);
  return (["submission", "verification", "appeals", "final_list", "voting", "counting", "results"] as const).map((phase, i) => ({ phase, startsAt: new Date(t0 + i * 10 * 86_400_000).toISOString(), endsAt: new Date(t0 + (i + 1) * 10 * 86_400_000).toISOString() }));
}

describe("phases of a draft edition", () => {
  it("refuses an overlap, saves a plan, and keeps drafts off the public timeline", async () => {
    const good = plan("2027-03-01T08:00:00.000Z");
    const overlapping = good.map((w) => (w.phase === "appeals" ? { ...w, startsAt: "2027-03-15T08:00:00.000Z" } : w));
    expect(await expectUnchanged(() => savePhases(t.db, admin, "ed_2027", { windows: overlapping, allowGaps: false }, NOW))).toEqual({ ok: false, reason: "phase_overlap", phase: "appeals" });
    expect(await savePhases(t.db, admin, "ed_2027", { windows: good, allowGaps: false }, NOW)).toMatchObject({ ok: true });
    expect(await listPhaseWindows(t.db, "ed_2027")).toHaveLength(7);
    expect(await listPhaseChanges(t.db, "ed_2027")).toEqual([]);
    expect(JSON.parse((await lastAudit("edition.phases"))!.after_json!).phases).toHaveLength(7);
  });
});

describe("copying an edition", () => {
  it("copies programmes, pools (nothing carried over), rules and phases a year later at the same Warsaw time", async () => {
    await t.db.updateTable("pools").set({ carried_over_grosze: 12_345 }).where("id", "=", "pool_2026_city").execute();
    // the orders differ per programme, so a copy that fell back to a default would show
    await t.db.updateTable("programmes").set({ ballot_order: "random" }).where("id", "=", "ed_2026_youth").execute();
    const r = await copyEdition(t.db, admin, "ed_2026", 2028, { dir: uploads, now: NOW });
    expect(r).toEqual({ ok: true, id: "ed_2028" });
    const from = await t.db.selectFrom("pools as po").innerJoin("programmes as pr", "pr.id", "po.programme_id").select(["pr.kind", "po.kind as pool", "po.district_id", "po.budget_grosze", "po.max_project_cost_grosze", "po.ballot_rule", "po.selection_rule"]).where("pr.edition_id", "=", "ed_2026").orderBy("pr.kind").orderBy("po.position").execute();
    const to = await t.db.selectFrom("pools as po").innerJoin("programmes as pr", "pr.id", "po.programme_id").select(["pr.kind", "po.kind as pool", "po.district_id", "po.budget_grosze", "po.max_project_cost_grosze", "po.ballot_rule", "po.selection_rule"]).where("pr.edition_id", "=", "ed_2028").orderBy("pr.kind").orderBy("po.position").execute();
    expect(to.length).toBeGreaterThan(20);
    expect(to).toEqual(from);
    const carried = await t.db.selectFrom("pools as po").innerJoin("programmes as pr", "pr.id", "po.programme_id").select("po.carried_over_grosze").where("pr.edition_id", "=", "ed_2028").execute();
    expect(carried.every((p) => Number(p.carried_over_grosze) === 0)).toBe(true);
    const orders = async (ed: string) => (await listProgrammesAdmin(t.db, ed)).map((p) => [p.kind, p.ballotOrder]);
    expect(await orders("ed_2028")).toEqual(await orders("ed_2026"));
    expect(new Set((await orders("ed_2028")).map(([, o]) => o))).toEqual(new Set(["alphabetical", "random"]));
    const before = await listPhaseWindows(t.db, "ed_2026");
    const after = await listPhaseWindows(t.db, "ed_2028");
    const wall = (ws: PhaseWindow[], shift: number) => ws.map((w) => [w.phase, `${Number(utcToWarsaw(w.startsAt).slice(0, 4)) + shift}${utcToWarsaw(w.startsAt).slice(4)}`]);
    expect(wall(after, 0)).toEqual(wall(before, 2));
    expect((await getEditionAdmin(t.db, "ed_2028"))!.status).toBe("draft");
    const points = async (ed: string) => (await t.db.selectFrom("voting_points").select(["name", "address", "opening_hours"]).where("edition_id", "=", ed).orderBy("name").execute());
    const copiedPoints = await points("ed_2028");
    expect(copiedPoints.length).toBeGreaterThan(0);
    expect(copiedPoints).toEqual(await points("ed_2026"));
    expect(JSON.parse((await lastAudit("edition.copy"))!.after_json!)).toMatchObject({ year: 2028, votingPoints: copiedPoints.length });
  });

  it("copies the rules PDF as a file of its own", async () => {
    expect(await copyEdition(t.db, admin, "ed_2027", 2029, { dir: uploads, now: NOW })).toEqual({ ok: true, id: "ed_2029" });
    const [a, b] = [(await getEditionAdmin(t.db, "ed_2027"))!, (await getEditionAdmin(t.db, "ed_2029"))!];
    expect(b).toMatchObject({ name: "BO Gdynia 2029", rulesText: a.rulesText, rulesPdfName: a.rulesPdfName });
    expect(b.rulesPdfKey).not.toBe(a.rulesPdfKey);
    expect((await serveRulesPdf(t.db, 2029, uploads))!.body.toString()).toBe("%PDF-1.7\nnew");
  });

  it.each([
    ["a taken year", "ed_2026", 2027, "year_taken"],
    ["an earlier year", "ed_2026", 2026, "year_not_later"],
    ["a missing source", "ed_1990", 2031, "not_found"],
  ])("refuses %s, writing nothing", async (_n, from, year, reason) => {
    expect(await expectUnchanged(() => copyEdition(t.db, admin, from, year, { dir: uploads, now: NOW }))).toEqual({ ok: false, reason });
  });
});

describe("phases of the active edition (in voting)", () => {
  const shifted = (ws: PhaseWindow[], phase: string, ms: number) => ws.map((w) => (w.phase === phase ? { ...w, startsAt: new Date(Date.parse(w.startsAt) + ms).toISOString() } : w));

  it("asks for a public reason when a started phase changes, and lists the change publicly", async () => {
    const current = await listPhaseWindows(t.db, "ed_2026");
    // move the start of submission (long over) one hour earlier: that phase started
    const edited = shifted(current, "submission", -3_600_000);
    expect(await expectUnchanged(() => savePhases(t.db, admin, "ed_2026", { windows: edited, allowGaps: false, reason: "  " }, NOW))).toEqual({ ok: false, reason: "reason_required" });
    expect(await savePhases(t.db, admin, "ed_2026", { windows: edited, allowGaps: false, reason: "Błąd w dacie rozpoczęcia" }, NOW)).toEqual({ ok: true, changed: ["submission"] });
    const [change] = await listPhaseChanges(t.db, "ed_2026");
    expect(change).toMatchObject({ phase: "submission", kind: "change", publicReason: "Błąd w dacie rozpoczęcia", startsAfter: edited.find((w) => w.phase === "submission")!.startsAt });
  });

  it("extends voting: counting and results move with it; refusals change nothing", async () => {
    const before = await listPhaseWindows(t.db, "ed_2026");
    const voting = before.find((w) => w.phase === "voting")!;
    const later = utcToWarsaw(Date.parse(voting.endsAt) + 2 * 86_400_000);
    expect(await expectUnchanged(() => extendVoting(t.db, admin, "ed_2026", later, "", NOW))).toEqual({ ok: false, reason: "reason_required" });
    expect(await expectUnchanged(() => extendVoting(t.db, admin, "ed_2026", utcToWarsaw(voting.startsAt), "Awaria", NOW))).toEqual({ ok: false, reason: "extend_not_later" });
    expect(await expectUnchanged(() => extendVoting(t.db, admin, "ed_2026", "nie-data", "Awaria", NOW))).toEqual({ ok: false, reason: "phase_invalid_date" });
    expect(await extendVoting(t.db, admin, "ed_2026", later, "Awaria systemu w pierwszym dniu", NOW)).toEqual({ ok: true });
    const after = await listPhaseWindows(t.db, "ed_2026");
    expect(Date.parse(after.find((w) => w.phase === "counting")!.startsAt) - Date.parse(voting.endsAt)).toBe(2 * 86_400_000);
    const kinds = (await listPhaseChanges(t.db, "ed_2026")).filter((c) => c.kind === "extend").map((c) => c.phase).sort();
    expect(kinds).toEqual(["counting", "results", "voting"]);
  });

  it("closes voting early: voting ends now, counting starts now", async () => {
    expect(await expectUnchanged(() => closeVotingEarly(t.db, official, "ed_2026", "x", NOW))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await expectUnchanged(() => closeVotingEarly(t.db, admin, "ed_2027", "Powód", NOW))).toEqual({ ok: false, reason: "voting_not_open" });
    expect(await closeVotingEarly(t.db, admin, "ed_2026", "Decyzja prezydenta miasta", NOW)).toEqual({ ok: true });
    const after = await listPhaseWindows(t.db, "ed_2026");
    expect(after.find((w) => w.phase === "voting")!.endsAt).toBe(NOW.toISOString());
    expect(after.find((w) => w.phase === "counting")!.startsAt).toBe(NOW.toISOString());
    expect(JSON.parse((await lastAudit("edition.voting_close_early"))!.before_json!).phases).toHaveLength(7);
    expect(await expectUnchanged(() => closeVotingEarly(t.db, admin, "ed_2026", "Jeszcze raz", NOW))).toEqual({ ok: false, reason: "voting_not_open" });
  });
});

describe("activating an edition", () => {
  it("refuses without pools or while another edition is active, then activates", async () => {
    expect(await expectUnchanged(() => activateEdition(t.db, admin, "ed_2027", NOW))).toEqual({ ok: false, reason: "another_active" });
    // the close page (another helper's) archives the current edition; here directly
    await t.db.updateTable("editions").set({ status: "archived" }).where("id", "=", "ed_2026").execute();
    expect(await expectUnchanged(() => activateEdition(t.db, admin, "ed_2027", NOW))).toEqual({ ok: false, reason: "no_pools" });
    await createEdition(t.db, admin, { year: 2032, name: "Pusta" }, NOW);
    expect(await expectUnchanged(() => activateEdition(t.db, admin, "ed_2032", NOW))).toEqual({ ok: false, reason: "no_programmes" });
    expect(await expectUnchanged(() => activateEdition(t.db, admin, "ed_2026", NOW))).toEqual({ ok: false, reason: "not_draft" });
    // a copied edition has no ballot-box key: the new commission makes one (issue #15)
    expect(await expectUnchanged(() => activateEdition(t.db, admin, "ed_2028", NOW))).toEqual({ ok: false, reason: "no_commission_key" });
    expect(await createCommissionKey(t.db, "ed_2028", { members: ["Anna Nowak", "Jan Kowalski", "Olena Bondar"], threshold: 2 }, admin, NOW)).toMatchObject({ ok: true, threshold: 2 });
    expect(await activateEdition(t.db, admin, "ed_2028", NOW)).toEqual({ ok: true });
    expect((await getEditionAdmin(t.db, "ed_2028"))!.status).toBe("active");
    expect(JSON.parse((await lastAudit("edition.activate"))!.after_json!)).toEqual({ status: "active" });
  });
});
