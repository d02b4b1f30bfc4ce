/**
 * Unspent money stays with the residents: what a published pool did not spend is carried into the
 * matching pool of the next edition (same programme kind, pool kind and district), once, audited.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { insertAudit } from "~/data/audit.server";

type Db = Kysely<Database>;

export type CarryOverRefusal = "edition_missing" | "not_published" | "already_carried";

export async function carryOver(
  db: Db,
  fromYear: number,
  toYear: number,
  by: { userId: string | null; role: string },
  now = new Date(),
): Promise<{ ok: true; moved: { poolId: string; grosze: number }[]; unmatched: string[] } | { ok: false; reason: CarryOverRefusal }> {
  return db.transaction().execute(async (trx) => {
    const [from, to] = await Promise.all([
      trx.selectFrom("editions").select("id").where("year", "=", fromYear).executeTakeFirst(),
      trx.selectFrom("editions").select("id").where("year", "=", toYear).executeTakeFirst(),
    ]);
    if (!from || !to) return { ok: false as const, reason: "edition_missing" as const };
    const done = await trx.selectFrom("audit_log").select("id").where("action", "=", "results.carry_over").where("object_id", "=", from.id).executeTakeFirst();
    if (done) return { ok: false as const, reason: "already_carried" as const };
    const source = await trx
      .selectFrom("pools as po")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .innerJoin("pool_tallies as t", "t.pool_id", "po.id")
      .select(["po.id", "pr.kind as programme", "po.kind", "po.district_id", "po.budget_grosze", "t.spent_grosze", "t.published_at"])
      .where("pr.edition_id", "=", from.id)
      .execute();
    if (source.length === 0 || source.some((s) => !s.published_at)) return { ok: false as const, reason: "not_published" as const };
    const targets = await trx
      .selectFrom("pools as po")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .select(["po.id", "pr.kind as programme", "po.kind", "po.district_id"])
      .where("pr.edition_id", "=", to.id)
      .execute();
    const moved: { poolId: string; grosze: number }[] = [];
    const unmatched: string[] = [];
    for (const s of source) {
      const left = Number(s.budget_grosze) - Number(s.spent_grosze);
      if (left <= 0) continue;
      const target = targets.find((x) => x.programme === s.programme && x.kind === s.kind && x.district_id === s.district_id);
      if (!target) {
        unmatched.push(s.id);
        continue;
      }
      await trx
        .updateTable("pools")
        .set((eb) => ({ carried_over_grosze: eb("carried_over_grosze", "+", left), budget_grosze: eb("budget_grosze", "+", left) }))
        .where("id", "=", target.id)
        .execute();
      moved.push({ poolId: target.id, grosze: left });
    }
    await insertAudit(trx, { actorUserId: by.userId, actorRole: by.role, action: "results.carry_over", objectType: "edition", objectId: from.id, after: { to: to.id, moved, unmatched } }, now);
    return { ok: true as const, moved, unmatched };
  });
}
