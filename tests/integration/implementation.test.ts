/**
 * Implementation tracking on a real database built by the migrations: the 2025 archive (the real
 * Gdynia vote) gives the winners; implementations are created once, updated and given timeline
 * entries with files by officials of the programme, every change audited, refusals change nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Migrator } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationProvider, migrations } from "../../db/migrations/index";
import { archiveFilePath } from "../../app/cli/seed";
import { seedImplementations } from "../../app/cli/seed-implementations";
import { importPabulibArchive } from "~/data/archive-import.server";
import { getImplementation, listEntries, listImplementations } from "~/data/implementations.server";
import { isOverdue, UpdateInputSchema, type UpdateInput } from "~/domain/implementation";
import type { Actor } from "~/domain/permissions";
import { addImplementationEntry, ensureImplementations, implementationIdOf, serveImplementationFile, updateImplementationState } from "~/services/implementations.server";
import { publishEdition } from "~/services/results.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
let uploads: string;
const NOW = new Date("2026-06-01T10:00:00Z");
const official: Actor = { id: "usr_t_official", roles: [{ role: "official", scope: "*" }] };
const boOfficial: Actor = { id: "usr_t_official_bo", roles: [{ role: "official", scope: "bo" }] };
const youthOfficial: Actor = { id: "usr_t_official_youth", roles: [{ role: "official", scope: "youth" }] };
const resident: Actor = { id: "usr_t_resident", roles: [] };
const FIRST = implementationIdOf("prp_2025_1");

const update = (x: Partial<UpdateInput> = {}): UpdateInput => ({ ...UpdateInputSchema.parse({ intent: "update", status: "in_progress", progressPct: "30" }), ...x });

async function counts() {
  const n = async (table: "implementations" | "implementation_entries" | "implementation_entry_files" | "audit_log") => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return { implementations: await n("implementations"), entries: await n("implementation_entries"), files: await n("implementation_entry_files"), audit: await n("audit_log"), stored: readdirSync(uploads).filter((f) => f !== ".tmp").length, tmp: existsSync(join(uploads, ".tmp")) ? readdirSync(join(uploads, ".tmp")).length : 0 };
}

/** A temporary upload as the multipart reader leaves it. */
function tempFile(name: string, bytes: Buffer): string {
  mkdirSync(join(uploads, ".tmp"), { recursive: true });
  const path = join(uploads, ".tmp", `${name.padEnd(32, "0").slice(0, 32)}.part`);
  writeFileSync(path, bytes);
  return path;
}

beforeAll(async () => {
  t = await createTestDb();
  uploads = join(t.dir, "uploads");
  mkdirSync(uploads, { recursive: true });
  const iso = NOW.toISOString();
  for (const u of [official, boOfficial, youthOfficial, resident]) {
    await t.db.insertInto("users").values({ id: u.id, email: `${u.id}@example.test`, email_verified_at: iso, password_hash: null, display_name: u.id, locale: "pl", created_at: iso, deleted_at: null }).execute();
  }
  await t.db.transaction().execute((trx) => importPabulibArchive(trx, readFileSync(archiveFilePath(), "utf8"), { year: 2025, source: "pabulib:Poland_Gdynia_2025.pb", now: NOW }));
});
afterAll(async () => t.cleanup());

describe("creating implementations", () => {
  it("gives every winner of a published pool one planned implementation, once", async () => {
    const winners = await t.db.selectFrom("pool_results").select("proposal_id").where("selected", ">", 0).execute();
    expect(winners.length).toBe(7);
    expect(await t.db.transaction().execute((trx) => ensureImplementations(trx, "ed_2025", NOW))).toBe(7);
    const before = await counts();
    expect(await t.db.transaction().execute((trx) => ensureImplementations(trx, "ed_2025", NOW))).toBe(0);
    expect(await counts()).toEqual(before);
    const rows = await listImplementations(t.db, { editionYear: 2025 });
    expect(rows.map((r) => r.proposalId).sort()).toEqual(winners.map((w) => w.proposal_id).sort());
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["planned"]));
    const audit = await t.db.selectFrom("audit_log").select(["action", "after_json"]).where("action", "=", "implementation.create").execute();
    expect(audit).toHaveLength(1);
  });

  it("publishing results creates them (the publish transaction calls it)", async () => {
    // a second archive, its tallies turned back into a counted but unpublished draft
    await t.db.transaction().execute((trx) => importPabulibArchive(trx, readFileSync(archiveFilePath(), "utf8"), { year: 2024, source: "test", now: NOW }));
    await t.db.updateTable("pool_tallies").set({ published_at: null, lot_seed: null, ties_json: null }).where("pool_id", "=", "pool_2024_city").execute();
    expect(await t.db.transaction().execute((trx) => ensureImplementations(trx, "ed_2024", NOW))).toBe(0); // nothing published
    expect(await publishEdition(t.db, "ed_2024", official, NOW)).toEqual({ ok: true });
    expect((await listImplementations(t.db, { editionYear: 2024 })).length).toBe(7);
  });
});

describe("updating an implementation", () => {
  it("saves the state and audits before and after", async () => {
    const r = await updateImplementationState(t.db, boOfficial, FIRST, update({ cityUnit: "Zarząd Dróg i Zieleni", contact: "zdiz@example.test", plannedStart: "2026-03-01", plannedEnd: "2026-11-30", actualCost: 9_000_000 }), NOW);
    expect(r).toEqual({ ok: true });
    const row = (await getImplementation(t.db, FIRST))!;
    expect(row).toMatchObject({ status: "in_progress", progressPct: 30, cityUnit: "Zarząd Dróg i Zieleni", plannedEnd: "2026-11-30", actualCostGrosze: 9_000_000 });
    const audit = await t.db.selectFrom("audit_log").select(["actor_user_id", "before_json", "after_json"]).where("action", "=", "implementation.update").where("object_id", "=", FIRST).executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(boOfficial.id);
    expect(JSON.parse(audit.before_json!)).toMatchObject({ status: "planned", progressPct: 0 });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ status: "in_progress", progressPct: 30, actualCostGrosze: 9_000_000 });
  });

  it.each<[string, Actor, string, Partial<UpdateInput>, string]>([
    ["an official of another programme", youthOfficial, FIRST, {}, "not_allowed"],
    ["a resident", resident, FIRST, {}, "not_allowed"],
    ["an unknown implementation", official, "imp_nope", {}, "not_found"],
    ["done below 100 %", official, FIRST, { status: "done", progressPct: 90, actualEnd: "2026-05-01" }, "done_needs_progress"],
    ["done without an end date", official, FIRST, { status: "done", progressPct: 100 }, "done_needs_end"],
    ["not feasible without a reason", official, FIRST, { status: "not_feasible", confirm: "on" }, "reason_required"],
    ["not feasible without confirming", official, FIRST, { status: "not_feasible", notFeasibleReason: "Brak ofert." }, "confirm_required"],
    ["dates out of order", official, FIRST, { actualStart: "2026-05-02", actualEnd: "2026-05-01" }, "actual_dates_order"],
  ])("refuses %s and changes nothing", async (_name, who, id, change, reason) => {
    const before = { c: await counts(), row: await getImplementation(t.db, FIRST) };
    const r = await updateImplementationState(t.db, who, id, update(change), NOW);
    expect(r.ok ? null : r.reason).toBe(reason);
    expect({ c: await counts(), row: await getImplementation(t.db, FIRST) }).toEqual(before);
  });

  it("declares a project not feasible with its public reason once confirmed", async () => {
    const id = implementationIdOf("prp_2025_7");
    expect(await updateImplementationState(t.db, official, id, update({ status: "not_feasible", notFeasibleReason: "Brak ofert w kwocie projektu.", confirm: "on" }), NOW)).toEqual({ ok: true });
    expect((await getImplementation(t.db, id))!).toMatchObject({ status: "not_feasible", notFeasibleReason: "Brak ofert w kwocie projektu." });
    // moving on from it drops the reason
    expect(await updateImplementationState(t.db, official, id, update({ status: "design", notFeasibleReason: "stare" }), NOW)).toEqual({ ok: true });
    expect((await getImplementation(t.db, id))!.notFeasibleReason).toBeNull();
  });
});

describe("timeline entries", () => {
  it("adds an entry with a photo (metadata stripped) and a PDF, served with safe headers", async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#2a8aa6" } }).png().withMetadata({ exif: { IFD0: { Artist: "Jan Kowalski" } } }).toBuffer();
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
    const r = await addImplementationEntry(
      t.db,
      boOfficial,
      { implementationId: FIRST, entryDate: "2026-05-20", text: "Trolejbus w zajezdni, zaczyna się remont.", files: [{ tempPath: tempFile("a", png), tooBig: false, originalName: "IMG_0001.png", caption: "Trolejbus w zajezdni" }, { tempPath: tempFile("b", pdf), tooBig: false, originalName: "umowa.pdf" }] },
      { dir: uploads, now: NOW },
    );
    expect(r.ok).toBe(true);
    const [entry] = await listEntries(t.db, FIRST);
    expect(entry).toMatchObject({ entryDate: "2026-05-20", text: "Trolejbus w zajezdni, zaczyna się remont." });
    expect(entry!.files.map((f) => [f.kind, f.contentType, f.fileName, f.caption])).toEqual([
      ["photo", "image/png", "IMG_0001.png", "Trolejbus w zajezdni"],
      ["document", "application/pdf", "umowa.pdf", ""],
    ]);
    const served = (await serveImplementationFile(t.db, entry!.files[0]!.id, uploads))!;
    expect(served.headers).toMatchObject({ "Content-Type": "image/png", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox" });
    expect(served.body.includes(Buffer.from("Jan Kowalski"))).toBe(false);
    expect((await serveImplementationFile(t.db, entry!.files[1]!.id, uploads))!.headers["Content-Disposition"]).toMatch(/^attachment;/);
    expect(await serveImplementationFile(t.db, "imf_nope", uploads)).toBeNull();
    expect((await counts()).tmp).toBe(0);
    const audit = await t.db.selectFrom("audit_log").select("after_json").where("action", "=", "implementation.entry_add").executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!).files).toHaveLength(2);
  });

  it.each<[string, Actor, () => Buffer, string]>([
    ["a file that is not an image or PDF", official, () => Buffer.from("<html><script>alert(1)</script></html>"), "attachment_wrong_type"],
    ["an official of another programme", youthOfficial, () => Buffer.from("%PDF-1.4\n"), "not_allowed"],
  ])("refuses %s: no entry, no file left", async (_name, who, bytes, reason) => {
    const before = await counts();
    const r = await addImplementationEntry(t.db, who, { implementationId: FIRST, entryDate: "2026-05-21", text: "Wpis, który nie powinien powstać.", files: [{ tempPath: tempFile("c", bytes()), tooBig: false, originalName: "x.png" }] }, { dir: uploads, now: NOW });
    expect(r.ok ? null : r.reason).toBe(reason);
    expect(await counts()).toEqual(before);
  });

  it("refuses too many files and an invalid entry", async () => {
    const before = await counts();
    const pdf = () => Buffer.from("%PDF-1.4\n");
    const four = ["d", "e", "f", "g"].map((n) => ({ tempPath: tempFile(n, pdf()), tooBig: false, originalName: `${n}.pdf` }));
    const r = await addImplementationEntry(t.db, official, { implementationId: FIRST, entryDate: "2026-05-21", text: "Za dużo plików.", files: four }, { dir: uploads, now: NOW });
    expect(r.ok ? null : r.reason).toBe("attachment_too_many");
    const bad = await addImplementationEntry(t.db, official, { implementationId: FIRST, entryDate: "21.05.2026", text: "Zła data.", files: [] }, { dir: uploads, now: NOW });
    expect(bad.ok ? null : bad.reason).toBe("entry_invalid");
    expect(await counts()).toEqual(before);
  });
});

describe("overdue and the demo seed", () => {
  it("marks a 2025 project not built by the end of 2026 overdue", async () => {
    const rows = await listImplementations(t.db, { editionYear: 2025 });
    const first = rows.find((r) => r.id === FIRST)!; // planned end 2026-11-30, in progress
    expect(isOverdue(first, "2026-12-31")).toBe(false);
    expect(isOverdue(first, "2027-01-01")).toBe(true);
  });

  it("seeds plausible stages for the real 2025 winners, and only once", async () => {
    const db = await createTestDb();
    try {
      const iso = NOW.toISOString();
      await db.db.insertInto("users").values({ id: "usr_demo_official", email: "o@example.test", email_verified_at: iso, password_hash: null, display_name: "o", locale: "pl", created_at: iso, deleted_at: null }).execute();
      await db.db.transaction().execute((trx) => importPabulibArchive(trx, readFileSync(archiveFilePath(), "utf8"), { year: 2025, source: "x", now: NOW }));
      await seedImplementations(db.db, "ed_2025", NOW);
      const rows = await listImplementations(db.db, { editionYear: 2025 });
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["done", "in_progress", "procurement", "design", "planned", "not_feasible"]));
      expect(rows.find((r) => r.status === "not_feasible")!.notFeasibleReason).toBeTruthy();
      const entries = Number((await db.db.selectFrom("implementation_entries").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      expect(entries).toBeGreaterThan(5);
      await seedImplementations(db.db, "ed_2025", NOW);
      expect(Number((await db.db.selectFrom("implementation_entries").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)).toBe(entries);
    } finally {
      await db.cleanup();
    }
  });
});

describe("2026-12-03T05-10_implementation_tracking", () => {
  it("gives winners of results published before it a planned implementation, with the app's id", async () => {
    const db = await createTestDb();
    try {
      const mine = "2026-12-03T05-10_implementation_tracking";
      const names = Object.keys(migrations).sort();
      const migrator = new Migrator({ db: db.db, provider: migrationProvider });
      expect((await migrator.migrateTo(names[names.indexOf(mine) - 1]!)).error).toBeUndefined();
      await db.db.transaction().execute((trx) => importPabulibArchive(trx, readFileSync(archiveFilePath(), "utf8"), { year: 2025, source: "x", now: NOW }));
      expect((await migrator.migrateTo(mine)).error).toBeUndefined();
      const rows = await db.db.selectFrom("implementations").select(["id", "proposal_id", "edition_id", "status", "progress_pct"]).orderBy("id").execute();
      expect(rows).toHaveLength(7);
      for (const r of rows) expect(r).toMatchObject({ id: implementationIdOf(r.proposal_id), edition_id: "ed_2025", status: "planned", progress_pct: 0 });
      // nothing left for the app to create
      expect(await db.db.transaction().execute((trx) => ensureImplementations(trx, "ed_2025", NOW))).toBe(0);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
    } finally {
      await db.cleanup();
    }
  });
});
