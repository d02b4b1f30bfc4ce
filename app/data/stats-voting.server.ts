import type { Db } from "../../db/client";

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
