/**
 * Implementation tracking (#17): one implementation per winning project, created when results are
 * published (and by the demo seed); officials of the project's programme update it and add dated
 * timeline entries with photos and documents. Every write is audited with before and after; a
 * refusal changes nothing (and leaves no file behind).
 *
 * Files are stored exactly like proposal attachments (app/services/attachments.server.ts): typed
 * by their first bytes, photos written again without metadata, renamed to a random storage key
 * under UPLOAD_DIR as the last step of the transaction, served with the same safe headers.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { getEntryFile, getImplementation, insertEntry, insertEntryFile, insertImplementation, listUntrackedWinners, updateImplementation, type ImplementationChange } from "~/data/implementations.server";
import { checkAttachment, isImage, MAX_ATTACHMENT_BYTES, safeFileName, sniffContentType, StorageKeySchema, type AttachmentRefusal, type AttachmentType } from "~/domain/attachments";
import { CaptionSchema, checkImplementation, EntryInputSchema, MAX_ENTRY_FILES, normalised, type ImplementationRefusal, type UpdateInput } from "~/domain/implementation";
import { can, type Actor } from "~/domain/permissions";
import { readHead, storedFileHeaders, stripImageMetadata, uploadDir, type ServedFile } from "./attachments.server";
import { notifyImplementationUpdate } from "./follow-notifications.server";

/** The implementation of a proposal has a fixed id: re-running creation finds it. */
export const implementationIdOf = (proposalId: string) => `imp_${proposalId}`;

/**
 * Creates a "planned" implementation for every winner of the edition's published pools that has
 * none (idempotent). Runs inside the caller's transaction: publishing results calls it.
 */
export async function ensureImplementations(db: Db, editionId: string, now = new Date()): Promise<number> {
  const missing = await listUntrackedWinners(db, editionId);
  for (const proposalId of missing) await insertImplementation(db, { id: implementationIdOf(proposalId), proposalId, editionId }, now);
  if (missing.length > 0) await insertAudit(db, { actorUserId: null, actorRole: "system", action: "implementation.create", objectType: "edition", objectId: editionId, after: { proposals: missing } }, now);
  return missing.length;
}

export type UpdateRefusal = "not_found" | "not_allowed" | "confirm_required" | ImplementationRefusal;

/** An official of the project's programme saves its state. Declaring it not feasible needs a confirmation. */
export async function updateImplementationState(
  db: Db,
  by: Actor,
  id: string,
  input: UpdateInput,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: UpdateRefusal; field?: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await getImplementation(trx, id);
    if (!row) return { ok: false as const, reason: "not_found" as const };
    if (!can(by, "implementation.update", row.programmeKind)) return { ok: false as const, reason: "not_allowed" as const };
    const next: ImplementationChange = normalised({
      status: input.status,
      progressPct: input.progressPct,
      notFeasibleReason: input.notFeasibleReason ?? null,
      cityUnit: input.cityUnit,
      contact: input.contact,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
      actualStart: input.actualStart,
      actualEnd: input.actualEnd,
      actualCostGrosze: input.actualCost,
    });
    const check = checkImplementation(next);
    if (!check.ok) return check;
    if (next.status === "not_feasible" && row.status !== "not_feasible" && input.confirm !== "on") return { ok: false as const, reason: "confirm_required" as const, field: "confirm" };
    const before: ImplementationChange = {
      status: row.status,
      progressPct: row.progressPct,
      notFeasibleReason: row.notFeasibleReason,
      cityUnit: row.cityUnit,
      contact: row.contact,
      plannedStart: row.plannedStart,
      plannedEnd: row.plannedEnd,
      actualStart: row.actualStart,
      actualEnd: row.actualEnd,
      actualCostGrosze: row.actualCostGrosze,
    };
    await updateImplementation(trx, id, next, by.id, now);
    await insertAudit(trx, { actorUserId: by.id, actorRole: "official", action: "implementation.update", objectType: "implementation", objectId: id, before, after: next, reason: next.notFeasibleReason }, now);
    await notifyImplementationUpdate(trx, id, now);
    return { ok: true as const };
  });
}

/** One file of an entry as the multipart reader left it. */
export interface UploadedEntryFile {
  tempPath: string | null;
  tooBig: boolean;
  originalName: string;
  caption?: string;
}

export type EntryRefusal = "not_found" | "not_allowed" | "entry_invalid" | "caption_invalid" | AttachmentRefusal;

/**
 * Adds a dated entry with its files. All or nothing: one refused file refuses the entry, and every
 * temporary file is gone afterwards (renamed to its storage key on success, removed otherwise).
 */
export async function addImplementationEntry(
  db: Db,
  by: Actor,
  input: { implementationId: string; entryDate: string; text: string; files: UploadedEntryFile[] },
  opts: { dir?: string; now?: Date } = {},
): Promise<{ ok: true; id: string } | { ok: false; reason: EntryRefusal; index?: number }> {
  const dir = opts.dir ?? uploadDir();
  const now = opts.now ?? new Date();
  const temporary = new Set<string>(input.files.flatMap((f) => (f.tempPath ? [f.tempPath] : [])));
  const stored: string[] = [];
  const discard = async () => {
    for (const p of temporary) await unlink(p).catch(() => undefined);
  };
  try {
    // type and clean each file before the transaction (decoding a photo takes a while)
    const prepared: { source: string | null; sizeBytes: number; type: AttachmentType | null; tooBig: boolean; originalName: string; caption: string }[] = [];
    for (const f of input.files.slice(0, MAX_ENTRY_FILES + 1)) {
      let source = f.tempPath;
      let sizeBytes = source ? (await stat(source)).size : 0;
      let type = source && sizeBytes > 0 ? sniffContentType(await readHead(source)) : null;
      if (source && type && type !== "application/pdf" && sizeBytes <= MAX_ATTACHMENT_BYTES) {
        const clean = await stripImageMetadata(source, type);
        if (clean) {
          temporary.add(clean);
          source = clean;
          sizeBytes = (await stat(clean)).size;
        } else type = null;
      }
      prepared.push({ source, sizeBytes, type, tooBig: f.tooBig, originalName: f.originalName, caption: f.caption ?? "" });
    }
    const result = await db.transaction().execute(async (trx) => {
      const row = await getImplementation(trx, input.implementationId);
      if (!row) return { ok: false as const, reason: "not_found" as const };
      if (!can(by, "implementation.update", row.programmeKind)) return { ok: false as const, reason: "not_allowed" as const };
      const parsed = EntryInputSchema.safeParse({ entryDate: input.entryDate, text: input.text });
      if (!parsed.success) return { ok: false as const, reason: "entry_invalid" as const };
      if (prepared.length > MAX_ENTRY_FILES) return { ok: false as const, reason: "attachment_too_many" as const, index: MAX_ENTRY_FILES };
      const files: { id: string; storageKey: string; fileName: string; contentType: AttachmentType; sizeBytes: number; caption: string; source: string }[] = [];
      for (const [index, f] of prepared.entries()) {
        if (f.tooBig) return { ok: false as const, reason: "attachment_too_big" as const, index };
        const check = checkAttachment({ sizeBytes: f.sizeBytes, type: f.type, existing: 0 });
        if (!check.ok) return { ok: false as const, reason: check.reason, index };
        const caption = CaptionSchema.safeParse(f.caption);
        if (!caption.success) return { ok: false as const, reason: "caption_invalid" as const, index };
        files.push({ id: newId("imf"), storageKey: randomBytes(16).toString("hex"), fileName: safeFileName(f.originalName, check.type), contentType: check.type, sizeBytes: f.sizeBytes, caption: caption.data, source: f.source! });
      }
      const id = newId("ime");
      await insertEntry(trx, { id, implementationId: row.id, entryDate: parsed.data.entryDate, text: parsed.data.text, createdBy: by.id }, now);
      for (const [position, f] of files.entries()) {
        await insertEntryFile(trx, { id: f.id, entryId: id, storageKey: f.storageKey, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, kind: isImage(f.contentType) ? "photo" : "document", caption: f.caption, position });
      }
      await insertAudit(
        trx,
        { actorUserId: by.id, actorRole: "official", action: "implementation.entry_add", objectType: "implementation", objectId: row.id, after: { entryId: id, entryDate: parsed.data.entryDate, files: files.map((f) => ({ id: f.id, contentType: f.contentType, sizeBytes: f.sizeBytes })) } },
        now,
      );
      await notifyImplementationUpdate(trx, row.id, now);
      // last inside the transaction: a failed rename rolls the rows back
      for (const f of files) {
        await rename(f.source, join(dir, f.storageKey));
        temporary.delete(f.source);
        stored.push(join(dir, f.storageKey));
      }
      return { ok: true as const, id };
    });
    await discard();
    return result;
  } catch (e) {
    await discard();
    for (const p of stored) await unlink(p).catch(() => undefined);
    throw e;
  }
}

/** The response for an entry's file, or null (404). Implementation pages are public, so are their files. */
export async function serveImplementationFile(db: Db, id: string, dir = uploadDir()): Promise<ServedFile | null> {
  const row = await getEntryFile(db, id);
  if (!row || !StorageKeySchema.safeParse(row.storageKey).success) return null;
  const body = await readFile(join(dir, row.storageKey)).catch(() => null);
  if (!body) return null;
  return { body, headers: storedFileHeaders(row, body.length, true) };
}
