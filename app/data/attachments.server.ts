/** Attachment rows: what is needed to list a proposal's files and to serve one safely. */
import type { Db } from "../../db/client";

export interface AttachmentRow {
  id: string;
  proposalId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  description: string;
  createdAt: string;
}

const COLUMNS = ["id", "proposal_id", "file_name", "content_type", "size_bytes", "storage_key", "description", "created_at"] as const;

function toRow(r: { id: string; proposal_id: string; file_name: string; content_type: string; size_bytes: number; storage_key: string; description: string; created_at: string }): AttachmentRow {
  return { id: r.id, proposalId: r.proposal_id, fileName: r.file_name, contentType: r.content_type, sizeBytes: Number(r.size_bytes), storageKey: r.storage_key, description: r.description, createdAt: r.created_at };
}

export async function listAttachments(db: Db, proposalId: string): Promise<AttachmentRow[]> {
  const rows = await db.selectFrom("attachments").select(COLUMNS).where("proposal_id", "=", proposalId).orderBy("created_at").orderBy("id").execute();
  return rows.map(toRow);
}

export async function countAttachments(db: Db, proposalId: string): Promise<number> {
  const r = await db.selectFrom("attachments").select((eb) => eb.fn.countAll<number>().as("n")).where("proposal_id", "=", proposalId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One attachment with its proposal's status (the caller decides who may see it). */
export async function getAttachment(db: Db, id: string): Promise<(AttachmentRow & { proposalStatus: string }) | null> {
  const r = await db
    .selectFrom("attachments as a")
    .innerJoin("proposals as p", "p.id", "a.proposal_id")
    .select(["a.id", "a.proposal_id", "a.file_name", "a.content_type", "a.size_bytes", "a.storage_key", "a.description", "a.created_at", "p.status"])
    .where("a.id", "=", id)
    .executeTakeFirst();
  return r ? { ...toRow(r), proposalStatus: r.status } : null;
}

export async function insertAttachment(
  db: Db,
  a: { id: string; proposalId: string; fileName: string; contentType: string; sizeBytes: number; storageKey: string; description: string; uploadedBy: string },
  at: Date,
): Promise<void> {
  await db
    .insertInto("attachments")
    .values({
      id: a.id,
      proposal_id: a.proposalId,
      file_name: a.fileName,
      content_type: a.contentType,
      size_bytes: a.sizeBytes,
      storage_key: a.storageKey,
      description: a.description,
      uploaded_by: a.uploadedBy,
      created_at: at.toISOString(),
    })
    .execute();
}

/** Deletes the row only if it belongs to the proposal; returns whether it did. */
export async function deleteAttachment(db: Db, proposalId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom("attachments").where("id", "=", id).where("proposal_id", "=", proposalId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
