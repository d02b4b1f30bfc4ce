import type { Db } from "../../db/client";
import { SMALL_GROUP_DEFAULT } from "~/domain/small-groups";

/** The edition's small-group threshold (#15); the default when the edition is unknown. */
export async function getSmallGroupThreshold(db: Db, editionId: string): Promise<number> {
  const r = await db.selectFrom("editions").select("small_group_threshold").where("id", "=", editionId).executeTakeFirst();
  return r ? Number(r.small_group_threshold) : SMALL_GROUP_DEFAULT;
}

/** The threshold of the edition a pool belongs to. */
export async function getPoolSmallGroupThreshold(db: Db, poolId: string): Promise<number> {
  const r = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("editions as e", "e.id", "pr.edition_id")
    .select("e.small_group_threshold")
    .where("po.id", "=", poolId)
    .executeTakeFirst();
  return r ? Number(r.small_group_threshold) : SMALL_GROUP_DEFAULT;
}

export interface ParticipationCell {
  programme: "bo" | "youth" | "children";
  districtId: string | null;
  districtName: string | null;
  channel: string;
  ageBand: string | null;
  onBehalf: string;
  voters: number;
}

/** Who voted in an edition's programmes, counted by district × channel × age band × on whose behalf (no person in it). */
export async function listParticipationCells(db: Db, editionId: string): Promise<ParticipationCell[]> {
  const rows = await db
    .selectFrom("participations as p")
    .innerJoin("programmes as pr", "pr.id", "p.programme_id")
    .leftJoin("districts as d", "d.id", "p.district_id")
    .select((eb) => ["pr.kind", "p.district_id", "d.name", "p.channel", "p.age_band", "p.on_behalf", eb.fn.countAll<number>().as("n")])
    .where("pr.edition_id", "=", editionId)
    .groupBy(["pr.kind", "p.district_id", "d.name", "p.channel", "p.age_band", "p.on_behalf"])
    .execute();
  return rows.map((r) => ({
    programme: r.kind,
    districtId: r.district_id ?? null,
    districtName: r.name ?? null,
    channel: r.channel,
    ageBand: r.age_band ?? null,
    onBehalf: r.on_behalf,
    voters: Number(r.n),
  }));
}
