/**
 * Who voted and how must not be pairable. On PostgreSQL a participation and its ballot are written
 * in one transaction, so they share a transaction id (xmin) — shown here first, so the test fails
 * if that premise ever changes — and db/detach-ballots.ts must remove that link and the heap order.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detachBallots } from "../../db/detach-ballots";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue, type VotingProgramme } from "~/data/ballots.server";
import { castBallot } from "~/services/voting.server";
import { createTestDb, onPostgres, type TestDb } from "../support/db";

const NOW = new Date("2026-11-22T10:00:00Z");
const VOTERS = 12;

describe.runIf(onPostgres)("ballots detached from participations on PostgreSQL", () => {
  let t: TestDb;
  let bo: VotingProgramme;

  beforeAll(async () => {
    clearCatalogueCache();
    t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
    bo = (await getVotingProgramme(t.db, "bo"))!;
    const district = await t.db.selectFrom("districts").select("id").where("slug", "=", "oksywie").executeTakeFirstOrThrow();
    const catalogue = await loadCatalogue(t.db, bo.programmeId, district.id);
    const selections = Object.fromEntries(catalogue.map((p) => [p.poolId, p.projects.slice(0, 1).map((x) => x.id)]));
    for (let i = 0; i < VOTERS; i++) {
      const voterId = `vtr_order_${i}`;
      await t.db
        .insertInto("voters")
        .values({ id: voterId, pesel_hash: `h${i}`, pesel_check_hash: `c${i}`, karta_hash: null, karta_check_hash: null, declaration_id: null, edition_id: bo.editionId, district_id: district.id, age_band: "35-44", source: "import", created_by: null, created_at: NOW.toISOString() })
        .execute();
      const cast = await castBallot(t.db, { voterId, programmeId: bo.programmeId, ageBand: "35-44", birthDate: null, onBehalf: "self" }, bo, { districtId: district.id, selections }, { channel: "online" }, NOW);
      expect(cast.ok).toBe(true);
    }
  });
  afterAll(async () => t.cleanup());

  const pairedByXmin = async () =>
    Number(
      (
        await sql<{ n: number }>`select count(*) as n from participations p join ballots b on p.xmin::text = b.xmin::text
          where p.programme_id = ${bo.programmeId}`.execute(t.db)
      ).rows[0]!.n,
    );

  it("before: the shared transaction id pairs every ballot with its voter", async () => {
    expect(await pairedByXmin()).toBe(VOTERS);
  });

  it("after detaching: no ballot shares a transaction id with a participation, and rows lie in random-key order", async () => {
    const before = await t.db.selectFrom("ballots").select(["id", "receipt_hash"]).orderBy("id").execute();
    const r = await detachBallots(t.db, t.kind);
    expect(r.skipped).toBe(false);
    expect(r.rows).toBeGreaterThanOrEqual(VOTERS * 2); // ballots and their lines
    expect(await pairedByXmin()).toBe(0);
    const xmins = await sql<{ x: string }>`select distinct xmin::text as x from ballots`.execute(t.db);
    expect(xmins.rows).toHaveLength(1);
    const lineXmins = await sql<{ x: string }>`select distinct xmin::text as x from ballot_lines`.execute(t.db);
    expect(lineXmins.rows).toEqual(xmins.rows);
    // physical order (a scan without ORDER BY, by ctid) is now the random id order
    const physical = await sql<{ id: string }>`select id from ballots order by ctid`.execute(t.db);
    expect(physical.rows.map((x) => x.id)).toEqual(before.map((b) => b.id));
    // and nothing was lost or changed
    expect(await t.db.selectFrom("ballots").select(["id", "receipt_hash"]).orderBy("id").execute()).toEqual(before);
  });
});

describe.skipIf(onPostgres)("ballots on SQLite", () => {
  it("need no detaching (WITHOUT ROWID tables, no per-row transaction ids)", async () => {
    const t = await createTestDb();
    try {
      expect(await detachBallots(t.db, t.kind)).toEqual({ rows: 0, skipped: true });
    } finally {
      await t.cleanup();
    }
  });
});
