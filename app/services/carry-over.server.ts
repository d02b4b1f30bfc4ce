/**
 * Unspent money stays with the residents: what a published pool did not spend is carried into the
 * matching pool of the next edition (same programme kind, pool kind and district), once, audited.
 * The administrator's page previews exactly what the command line and the page then apply: both
 * go through `planFor`, so the preview and the change are the same plan.
 */
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import { addCarriedOver, getEditionByYearWithStatus, listCarrySource, listCarryTargets, wasCarriedOver } from "~/data/edition-close.server";
import { planCarryOver, type CarryLine } from "~/domain/edition-close";

export type CarryOverRefusal = "edition_missing" | "not_published" | "already_carried" | "not_later" | "target_archived";

type Plan = { ok: true; from: { id: string; year: number }; to: { id: string; year: number }; lines: CarryLine[] } | { ok: false; reason: CarryOverRefusal };

async function planFor(db: Db, fromYear: number, toYear: number): Promise<Plan> {
  const [from, to] = await Promise.all([getEditionByYearWithStatus(db, fromYear), getEditionByYearWithStatus(db, toYear)]);
  if (!from || !to) return { ok: false, reason: "edition_missing" };
  if (to.year <= from.year) return { ok: false, reason: "not_later" };
  if (to.status === "archived") return { ok: false, reason: "target_archived" };
  if (await wasCarriedOver(db, from.id)) return { ok: false, reason: "already_carried" };
  const source = await listCarrySource(db, from.id);
  if (source.length === 0 || source.some((s) => !s.published)) return { ok: false, reason: "not_published" };
  return { ok: true, from, to, lines: planCarryOver(source, await listCarryTargets(db, to.id)) };
}

/** What carrying `fromYear`'s leftovers into `toYear` would move, pool by pool; changes nothing. */
export async function previewCarryOver(db: Db, fromYear: number, toYear: number): Promise<{ ok: true; lines: CarryLine[] } | { ok: false; reason: CarryOverRefusal }> {
  const plan = await planFor(db, fromYear, toYear);
  return plan.ok ? { ok: true, lines: plan.lines } : plan;
}

export async function carryOver(
  db: Db,
  fromYear: number,
  toYear: number,
  by: { userId: string | null; role: string },
  now = new Date(),
): Promise<{ ok: true; moved: { poolId: string; grosze: number }[]; unmatched: string[] } | { ok: false; reason: CarryOverRefusal }> {
  return db.transaction().execute(async (trx) => {
    const plan = await planFor(trx, fromYear, toYear);
    if (!plan.ok) return plan;
    const moved: { poolId: string; grosze: number }[] = [];
    const unmatched: string[] = [];
    for (const line of plan.lines) {
      if (!line.toPoolId) {
        unmatched.push(line.fromPoolId);
        continue;
      }
      await addCarriedOver(trx, line.toPoolId, line.leftoverGrosze);
      moved.push({ poolId: line.toPoolId, grosze: line.leftoverGrosze });
    }
    await insertAudit(trx, { actorUserId: by.userId, actorRole: by.role, action: "results.carry_over", objectType: "edition", objectId: plan.from.id, after: { to: plan.to.id, moved, unmatched } }, now);
    return { ok: true as const, moved, unmatched };
  });
}
