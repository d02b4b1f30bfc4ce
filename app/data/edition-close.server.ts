/**
 * Queries for the end of an edition: its pools' published state, the pools money is carried from
 * and to, the editions the home page and the archive list, and the status change itself.
 */
import type { Db } from "../../db/client";
import type { CarrySourcePool, CarryTargetPool, EditionOnHome, EditionStatus } from "~/domain/edition-close";
import { listPhaseWindows } from "./editions.server";

export interface EditionRow {
  id: string;
  year: number;
  status: EditionStatus;
  source: string | null;
}

export async function getEditionById(db: Db, id: string): Promise<EditionRow | null> {
  return (await db.selectFrom("editions").select(["id", "year", "status", "source"]).where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function getEditionByYearWithStatus(db: Db, year: number): Promise<EditionRow | null> {
  return (await db.selectFrom("editions").select(["id", "year", "status", "source"]).where("year", "=", year).executeTakeFirst()) ?? null;
}

/** Every edition, newest first, with its calendar: what the home page decides from. */
export async function listEditionsForHome(db: Db): Promise<EditionOnHome[]> {
  const rows = await db.selectFrom("editions").select(["id", "year", "status"]).orderBy("year", "desc").execute();
  return Promise.all(rows.map(async (r) => ({ ...r, phases: await listPhaseWindows(db, r.id) })));
}

/** How many pools the edition has, and how many of them have published results. */
export async function countPublishedPools(db: Db, editionId: string): Promise<{ pools: number; published: number }> {
  const row = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("pool_tallies as t", "t.pool_id", "po.id")
    .select((eb) => [eb.fn.count<number>("po.id").as("pools"), eb.fn.count<number>("t.published_at").as("published")])
    .where("pr.edition_id", "=", editionId)
    .executeTakeFirstOrThrow();
  return { pools: Number(row.pools), published: Number(row.published) };
}

/** The edition's pools with their tallies (spent, published) — where leftovers come from. */
export async function listCarrySource(db: Db, editionId: string): Promise<(CarrySourcePool & { published: boolean })[]> {
  const rows = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("pool_tallies as t", "t.pool_id", "po.id")
    .select(["po.id", "pr.kind as programme", "po.kind", "po.district_id", "po.budget_grosze", "t.spent_grosze", "t.published_at"])
    .where("pr.edition_id", "=", editionId)
    .orderBy("pr.position")
    .orderBy("po.position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    programme: r.programme,
    kind: r.kind,
    districtId: r.district_id,
    budgetGrosze: Number(r.budget_grosze),
    spentGrosze: Number(r.spent_grosze ?? 0),
    published: r.published_at !== null && r.published_at !== undefined,
  }));
}

export async function listCarryTargets(db: Db, editionId: string): Promise<CarryTargetPool[]> {
  const rows = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .select(["po.id", "pr.kind as programme", "po.kind", "po.district_id"])
    .where("pr.edition_id", "=", editionId)
    .execute();
  return rows.map((r) => ({ id: r.id, programme: r.programme, kind: r.kind, districtId: r.district_id }));
}

/** Adds carried-over money to a pool's budget. */
export async function addCarriedOver(db: Db, poolId: string, grosze: number): Promise<void> {
  await db
    .updateTable("pools")
    .set((eb) => ({ carried_over_grosze: eb("carried_over_grosze", "+", grosze), budget_grosze: eb("budget_grosze", "+", grosze) }))
    .where("id", "=", poolId)
    .execute();
}

/** Whether leftovers of the edition were already carried over (the audit log remembers it). */
export async function wasCarriedOver(db: Db, editionId: string): Promise<boolean> {
  const row = await db.selectFrom("audit_log").select("id").where("action", "=", "results.carry_over").where("object_id", "=", editionId).executeTakeFirst();
  return !!row;
}

export async function updateEditionStatus(db: Db, id: string, status: EditionStatus): Promise<void> {
  await db.updateTable("editions").set({ status }).where("id", "=", id).execute();
}

/** Later editions that can still receive leftovers (not archived), oldest first. */
export async function listLaterEditions(db: Db, year: number): Promise<EditionRow[]> {
  return db.selectFrom("editions").select(["id", "year", "status", "source"]).where("year", ">", year).where("status", "!=", "archived").orderBy("year").execute();
}

/** Names of districts by id (for the carry-over preview). */
export async function mapDistrictNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom("districts").select(["id", "name"]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Editions whose results the archive lists: archived ones, and an active one with published
 * results (so its results stay linked once the results phase is over, before it is archived).
 */
export async function listEditionsWithResults(db: Db): Promise<(EditionRow & { current: boolean })[]> {
  const rows = await db
    .selectFrom("editions as e")
    .select(["e.id", "e.year", "e.status", "e.source"])
    .where((eb) =>
      eb.or([
        eb("e.status", "=", "archived"),
        eb.and([
          eb("e.status", "=", "active"),
          eb.exists(
            eb
              .selectFrom("pool_tallies as t")
              .innerJoin("pools as po", "po.id", "t.pool_id")
              .innerJoin("programmes as pr", "pr.id", "po.programme_id")
              .select("t.pool_id")
              .whereRef("pr.edition_id", "=", "e.id")
              .where("t.published_at", "is not", null),
          ),
        ]),
      ]),
    )
    .orderBy("e.year", "desc")
    .execute();
  return rows.map((r) => ({ ...r, current: r.status === "active" }));
}
