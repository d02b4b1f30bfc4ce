import type { Db } from "../../db/client";
import { PUBLIC_STATUSES } from "~/domain/proposals";

export interface District {
  id: string;
  slug: string;
  name: string;
  population: number;
}

export interface DistrictOverview extends District {
  largeGrosze: number;
  smallGrosze: number;
  proposals: number;
}

export async function getDistrictBySlug(db: Db, slug: string): Promise<District | null> {
  const row = await db
    .selectFrom("districts")
    .select(["id", "slug", "name", "population"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ?? null;
}

const collator = new Intl.Collator("pl");

/** All districts still offered (a merged one is not), ordered by name the Polish way (ą after a, ł after l …). */
export async function listDistricts(db: Db): Promise<District[]> {
  const rows = await db.selectFrom("districts").select(["id", "slug", "name", "population"]).where("active", "=", 1).execute();
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

/** Every district with its two pools in the edition's main programme and its number of public proposals. */
export async function listDistrictOverview(db: Db, editionId: string): Promise<DistrictOverview[]> {
  const [districts, pools, counts] = await Promise.all([
    db.selectFrom("districts").select(["id", "slug", "name", "population"]).orderBy("position").execute(),
    db
      .selectFrom("pools as po")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .select(["po.district_id", "po.kind", "po.budget_grosze"])
      .where("pr.edition_id", "=", editionId)
      .where("pr.kind", "=", "bo")
      .where("po.district_id", "is not", null)
      .execute(),
    db
      .selectFrom("proposals as p")
      .innerJoin("pools as po", "po.id", "p.pool_id")
      .select((eb) => ["po.district_id", eb.fn.countAll<number>().as("n")])
      .where("p.edition_id", "=", editionId)
      .where("po.district_id", "is not", null)
      .where("p.status", "in", PUBLIC_STATUSES)
      .groupBy("po.district_id")
      .execute(),
  ]);
  return districts.map((d) => {
    const mine = pools.filter((p) => p.district_id === d.id);
    const amount = (kind: string) => Number(mine.find((p) => p.kind === kind)?.budget_grosze ?? 0);
    return {
      ...d,
      largeGrosze: amount("district_large"),
      smallGrosze: amount("district_small"),
      proposals: Number(counts.find((c) => c.district_id === d.id)?.n ?? 0),
    };
  });
}
