import type { Db } from "../../db/client";

/** Turnout of an edition's programmes by district, age band and channel, from participations only. */
export async function votingStatistics(db: Db, editionId: string) {
  const base = db
    .selectFrom("participations as p")
    .innerJoin("programmes as pr", "pr.id", "p.programme_id")
    .where("pr.edition_id", "=", editionId);
  const [byDistrict, byAge, byChannel, guardian] = await Promise.all([
    base
      .leftJoin("districts as d", "d.id", "p.district_id")
      .select((eb) => ["pr.kind", "d.name", eb.fn.countAll<number>().as("n")])
      .groupBy(["pr.kind", "d.name"])
      .execute(),
    base.select((eb) => ["pr.kind", "p.age_band", eb.fn.countAll<number>().as("n")]).groupBy(["pr.kind", "p.age_band"]).execute(),
    base.select((eb) => ["pr.kind", "p.channel", eb.fn.countAll<number>().as("n")]).groupBy(["pr.kind", "p.channel"]).execute(),
    base.select((eb) => ["pr.kind", eb.fn.countAll<number>().as("n")]).where("p.on_behalf", "=", "guardian").groupBy("pr.kind").execute(),
  ]);
  return {
    byDistrict: byDistrict.map((r) => ({ programme: r.kind, group: r.name ?? null, voters: Number(r.n) })),
    byAge: byAge.map((r) => ({ programme: r.kind, group: r.age_band ?? null, voters: Number(r.n) })),
    byChannel: byChannel.map((r) => ({ programme: r.kind, group: r.channel, voters: Number(r.n) })),
    guardian: guardian.map((r) => ({ programme: r.kind, voters: Number(r.n) })),
  };
}

/** Voters of the main programme in every edition (archived editions: the largest pool's count). */
export async function votersByEdition(db: Db) {
  const editions = await db.selectFrom("editions").select(["id", "year"]).orderBy("year").execute();
  const out: { year: number; voters: number }[] = [];
  for (const e of editions) {
    const live = await db
      .selectFrom("participations as p")
      .innerJoin("programmes as pr", "pr.id", "p.programme_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("pr.edition_id", "=", e.id)
      .where("pr.kind", "=", "bo")
      .executeTakeFirstOrThrow();
    const archived = await db
      .selectFrom("pool_tallies as t")
      .innerJoin("pools as po", "po.id", "t.pool_id")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .select((eb) => eb.fn.max("t.voters").as("n"))
      .where("pr.edition_id", "=", e.id)
      .where("pr.kind", "=", "bo")
      .executeTakeFirst();
    out.push({ year: e.year, voters: Math.max(Number(live.n), Number(archived?.n ?? 0)) });
  }
  return out;
}
