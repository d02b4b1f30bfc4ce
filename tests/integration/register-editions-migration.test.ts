/**
 * The register-per-edition migration on a database that already holds a register, votes and
 * guardian links: down to the old schema and up again keeps every row, gives each voter the active
 * edition, and leaves foreign keys enforced (on SQLite the voters table is rebuilt).
 */
import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationProvider, migrations } from "../../db/migrations/index";
import { clearCatalogueCache, getVotingProgramme } from "~/data/ballots.server";
import { createTestDb, onPostgres, type TestDb } from "../support/db";

const MINE = "2026-12-03T01-30_register_editions";
let t: TestDb;

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb({ seed: true, phase: "voting" });
});
afterAll(async () => t.cleanup());

describe("2026-12-03T01-30_register_editions", () => {
  it("keeps the register, the votes and the guardian links through down and up", async () => {
    const bo = (await getVotingProgramme(t.db, "bo"))!;
    const voters = await t.db.selectFrom("voters").select(["id", "pesel_hash", "district_id"]).orderBy("id").execute();
    expect(voters.length).toBeGreaterThan(2);
    const names = Object.keys(migrations).sort();
    const before = names[names.indexOf(MINE) - 1]!;
    const migrator = new Migrator({ db: t.db, provider: migrationProvider });
    expect((await migrator.migrateTo(before)).error).toBeUndefined();

    // the old schema: a vote and a guardian link pointing at register rows
    await t.db.insertInto("participations").values({ voter_id: voters[0]!.id, programme_id: bo.programmeId, channel: "online", on_behalf: "self", district_id: null, age_band: null, voting_point_id: null, official_user_id: null, voted_on: "2026-05-01" }).execute();
    await t.db.insertInto("guardianships").values({ child_voter_id: voters[1]!.id, guardian_hash: "g-hash" }).onConflict((oc) => oc.doNothing()).execute();
    const participations = await t.db.selectFrom("participations").selectAll().execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const after = await t.db.selectFrom("voters").select(["id", "pesel_hash", "district_id", "edition_id", "removed_at"]).orderBy("id").execute();
    expect(after).toEqual(voters.map((v) => ({ ...v, edition_id: bo.editionId, removed_at: null })));
    expect(await t.db.selectFrom("participations").selectAll().execute()).toEqual(participations);
    expect(await t.db.selectFrom("guardianships").select("guardian_hash").where("child_voter_id", "=", voters[1]!.id).execute()).toContainEqual({ guardian_hash: "g-hash" });
    if (!onPostgres) {
      expect((await sql`pragma foreign_keys`.execute(t.db)).rows).toEqual([{ foreign_keys: 1 }]);
      expect((await sql`pragma foreign_key_check`.execute(t.db)).rows).toEqual([]);
    }
    // still enforced: a vote for no one, and one identifier twice in one edition, are refused
    await expect(
      t.db.insertInto("participations").values({ voter_id: "vtr_nobody", programme_id: bo.programmeId, channel: "online", on_behalf: "self", district_id: null, age_band: null, voting_point_id: null, official_user_id: null, voted_on: "2026-05-01" }).execute(),
    ).rejects.toThrow(/FOREIGN KEY|foreign key/);
    const dup = { id: "vtr_dup", pesel_hash: voters[0]!.pesel_hash, pesel_check_hash: null, karta_hash: null, karta_check_hash: null, declaration_id: null, district_id: null, age_band: null, source: "import" as const, created_by: null, created_at: "2026-05-01T00:00:00.000Z" };
    await expect(t.db.insertInto("voters").values({ ...dup, edition_id: bo.editionId }).execute()).rejects.toThrow(/UNIQUE|unique/);
    // …but the same person may be in another edition's register
    await t.db.insertInto("editions").values({ id: "ed_2098", year: 2098, status: "draft", source: null, created_at: "2026-05-01T00:00:00.000Z" }).execute();
    await t.db.insertInto("voters").values({ ...dup, edition_id: "ed_2098" }).execute();
  });
});
