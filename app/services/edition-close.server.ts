/**
 * Archiving an edition once its results are out: the status becomes `archived` (its results,
 * proposals and statistics stay at their addresses and in /archive), audited with before/after. A
 * refusal writes nothing.
 */
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import { countPublishedPools, getEditionById, updateEditionStatus } from "~/data/edition-close.server";
import { listPhaseWindows } from "~/data/editions.server";
import { checkArchive, type ArchiveFacts, type ArchiveRefusal } from "~/domain/edition-close";
import { can, type Actor } from "~/domain/permissions";

/** What the close page shows and the archive decision is made from. */
export async function loadArchiveFacts(db: Db, editionId: string): Promise<ArchiveFacts | null> {
  const edition = await getEditionById(db, editionId);
  if (!edition) return null;
  const { pools, published } = await countPublishedPools(db, edition.id);
  return { status: edition.status, pools, publishedPools: published, phases: await listPhaseWindows(db, edition.id) };
}

export async function archiveEdition(db: Db, editionId: string, by: Actor, now = new Date()): Promise<{ ok: true; year: number } | { ok: false; reason: ArchiveRefusal | "not_allowed" }> {
  if (!can(by, "edition.manage")) return { ok: false, reason: "not_allowed" };
  return db.transaction().execute(async (trx) => {
    const edition = await getEditionById(trx, editionId);
    const decision = checkArchive(edition ? await loadArchiveFacts(trx, editionId) : null, now);
    if (!decision.ok || !edition) return { ok: false as const, reason: decision.ok ? ("edition_missing" as const) : decision.reason };
    await updateEditionStatus(trx, edition.id, "archived");
    await insertAudit(trx, { actorUserId: by.id, actorRole: "admin", action: "edition.archive", objectType: "edition", objectId: edition.id, before: { status: edition.status }, after: { status: "archived" } }, now);
    return { ok: true as const, year: edition.year };
  });
}
