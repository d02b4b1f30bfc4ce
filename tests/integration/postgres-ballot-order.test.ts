/**
 * Who voted and how must not be pairable. On PostgreSQL a participation and its sealed ballot are
 * written in one transaction, so they share a transaction id (xmin) — shown here first, so the test
 * fails if that premise ever changes. What they share is only ciphertext; the clear ballots are
 * written when the box is opened, in one transaction, shuffled, and the sealed table is rewritten.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detachBallots } from "../../db/detach-ballots";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue, type VotingProgramme } from "~/data/ballots.server";
import { castBallot } from "~/services/voting.server";
import { openBallotBox } from "~/services/ballot-box.server";
import { demoPhases } from "../../app/cli/seed";
import { DEMO_COMMISSION } from "../../app/cli/seed-data/commission";
import type { Actor } from "~/domain/permissions";
import { createTestDb, onPostgres, type TestDb } from "../support/db";

const NOW = new Date("2026-11-22T10:00:00Z");
const VOTERS = 12;
const OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };

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

  const pairedByXmin = async (table: "sealed_ballots" | "ballots") =>
    Number(
      (
        await sql<{ n: number }>`select count(*) as n from participations p join ${sql.table(table)} b on p.xmin::text = b.xmin::text
          where p.programme_id = ${bo.programmeId}`.execute(t.db)
      ).rows[0]!.n,
    );

  it("while voting: the shared transaction id pairs a participation only with a ciphertext", async () => {
    // the premise the design answers: one transaction writes both rows, so they share xmin …
    expect(await pairedByXmin("sealed_ballots")).toBe(VOTERS);
    // … but what it pairs the voter with is a sealed box that only the commission can open
    const sealed = await t.db.selectFrom("sealed_ballots").select("sealed").execute();
    for (const s of sealed) expect(s.sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Number((await t.db.selectFrom("ballots").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)).toBe(0);
  });

  it("after opening: clear ballots share one transaction id with none of the participations, in shuffled heap order, and no sealed tuple is left", async () => {
    for (const w of demoPhases(NOW, "counting")) {
      await t.db.updateTable("edition_phases").set({ starts_at: w.startsAt, ends_at: w.endsAt }).where("edition_id", "=", "ed_2026").where("phase", "=", w.phase).execute();
    }
    const r = await openBallotBox(t.db, "ed_2026", [DEMO_COMMISSION.shares[0], DEMO_COMMISSION.shares[2]], OFFICIAL, NOW);
    expect(r).toMatchObject({ ok: true, opened: VOTERS });
    expect(await pairedByXmin("ballots")).toBe(0);
    const xmins = await sql<{ x: string }>`select distinct xmin::text as x from ballots`.execute(t.db);
    expect(xmins.rows).toHaveLength(1);
    const lineXmins = await sql<{ x: string }>`select distinct xmin::text as x from ballot_lines`.execute(t.db);
    expect(lineXmins.rows).toEqual(xmins.rows);
    // VACUUM FULL rewrote the emptied table: no dead ciphertext tuples remain in its heap
    const pages = await sql<{ n: number }>`select pg_relation_size('sealed_ballots') as n`.execute(t.db);
    expect(Number(pages.rows[0]!.n)).toBe(0);
  });

  it("the old detach command still rewrites clear ballots under one transaction id", async () => {
    const before = await t.db.selectFrom("ballots").select(["id", "district_id"]).orderBy("id").execute();
    const r = await detachBallots(t.db, t.kind);
    expect(r.skipped).toBe(false);
    expect(r.rows).toBeGreaterThanOrEqual(VOTERS * 2);
    const physical = await sql<{ id: string }>`select id from ballots order by ctid`.execute(t.db);
    expect(physical.rows.map((x) => x.id)).toEqual(before.map((b) => b.id));
    expect(await t.db.selectFrom("ballots").select(["id", "district_id"]).orderBy("id").execute()).toEqual(before);
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
