import type { Db } from "../../db/client";

/** Number of proposals per programme and status in an edition (officials' overview). */
export async function countProposalsByStatus(db: Db, editionId: string) {
  const rows = await db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .select((eb) => ["pr.kind", "p.status", eb.fn.countAll<number>().as("n")])
    .where("p.edition_id", "=", editionId)
    .groupBy(["pr.kind", "p.status", "pr.position"])
    .orderBy("pr.position")
    .orderBy("p.status")
    .execute();
  return rows.map((r) => ({ programme: r.kind, status: r.status, count: Number(r.n) }));
}
