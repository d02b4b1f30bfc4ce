/**
 * Attachments: streamed to a temporary file under UPLOAD_DIR with a size cap (never buffered
 * whole), typed by their first bytes, then — in one transaction — the row is written and the file
 * renamed to its random storage key. A refusal or a failed write leaves neither row nor file.
 * Served with the stored type, nosniff and a sandboxing CSP; non-public proposals' files only to
 * their authors, co-authors and officials.
 *
 * Photos are decoded and written again without their metadata (EXIF with GPS position, camera
 * serial, time taken; XMP; IPTC), turned upright first so nothing depends on the orientation tag.
 * An image that does not decode is refused as the wrong type. PDFs are stored as they are: their
 * document info (author, software) is not removed; rewriting PDFs safely needs a PDF library.
 */
import { open, rename, stat, unlink, readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { countAttachments, deleteAttachment, getAttachment, insertAttachment } from "~/data/attachments.server";
import { getEnv } from "~/env.server";
import { AttachmentDescriptionSchema, checkAttachment, contentDisposition, isImage, MAX_ATTACHMENT_BYTES, safeFileName, sniffContentType, SNIFF_BYTES, StorageKeySchema, type AttachmentRefusal } from "~/domain/attachments";
import { can, type Actor, type ProgrammeKind } from "~/domain/permissions";
import { PUBLIC_STATUSES, type ProposalStatus } from "~/domain/proposals";
import { extrasAccess, relationTo, type CoauthorRefusal } from "./coauthors.server";

export function uploadDir(): string {
  return resolve(getEnv().UPLOAD_DIR);
}

/** A temporary file's name under UPLOAD_DIR/.tmp: random, `.part` (the sweep in app/http/upload.server.ts knows it). */
export const tmpName = () => `${randomBytes(16).toString("hex")}.part`;

/** A multipart upload as app/http/upload.server.ts read it: the file in a temporary file, the text fields. */
export interface ParsedUpload {
  /** The temporary file, or null when no file was sent. */
  tempPath: string | null;
  sizeBytes: number;
  /** More than MAX_ATTACHMENT_BYTES arrived: the file was cut off and removed. */
  tooBig: boolean;
  originalName: string;
  fields: Record<string, string>;
}

export async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** No upload may make the server decode more pixels than this (a 5 MB file can claim far more). */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Writes the image again without metadata, next to the original (a temporary name the sweep knows),
 * upright per its orientation tag. Returns the new file, or null when the bytes do not decode.
 */
export async function stripImageMetadata(path: string, type: "image/jpeg" | "image/png" | "image/webp"): Promise<string | null> {
  const out = join(dirname(path), tmpName());
  // loaded on the first photo: libvips costs ~20 MB of memory that a server mostly serving votes need not hold
  const { default: sharp } = await import("sharp");
  // sharp writes no EXIF, XMP or IPTC unless asked (withMetadata/keepExif); the colour profile is kept
  const image = sharp(path, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate().keepIccProfile();
  const encoded = type === "image/jpeg" ? image.jpeg({ quality: 90 }) : type === "image/png" ? image.png() : image.webp({ quality: 90 });
  try {
    await encoded.toFile(out);
    return out;
  } catch {
    await unlink(out).catch(() => undefined);
    return null;
  }
}

export type AddResult = { ok: true; id: string } | { ok: false; reason: AttachmentRefusal | CoauthorRefusal | "description_invalid" };

/**
 * Adds the uploaded temporary file to the proposal. Whatever happens, the temporary file is gone
 * afterwards: renamed to its storage key on success, removed otherwise (and the renamed file is
 * removed again if the transaction fails after the rename).
 */
export async function addAttachment(
  db: Db,
  user: Actor,
  input: { proposalId: string; tempPath: string | null; tooBig?: boolean; originalName: string; description: string },
  opts: { dir?: string; now?: Date } = {},
): Promise<AddResult> {
  const dir = opts.dir ?? uploadDir();
  const now = opts.now ?? new Date();
  // the file to store: the upload, or its copy without metadata
  let source = input.tempPath;
  const discard = async () => {
    for (const path of new Set([input.tempPath, source])) if (path) await unlink(path).catch(() => undefined);
  };
  let finalPath: string | null = null;
  try {
    if (input.tooBig) {
      await discard();
      return { ok: false, reason: "attachment_too_big" };
    }
    let sizeBytes = source ? (await stat(source)).size : 0;
    let type = source && sizeBytes > 0 ? sniffContentType(await readHead(source)) : null;
    if (source && type && type !== "application/pdf" && sizeBytes <= MAX_ATTACHMENT_BYTES) {
      const clean = await stripImageMetadata(source, type);
      if (clean) {
        await unlink(source);
        source = clean;
        sizeBytes = (await stat(clean)).size;
      } else type = null; // looks like an image, does not decode as one
    }
    const result = await db.transaction().execute(async (trx): Promise<AddResult> => {
      const access = await extrasAccess(trx, user, input.proposalId, now);
      if (!access.ok) return access;
      const check = checkAttachment({ sizeBytes, type, existing: await countAttachments(trx, input.proposalId) });
      if (!check.ok) return check;
      const description = AttachmentDescriptionSchema.safeParse(input.description);
      if (!description.success) return { ok: false, reason: "description_invalid" };
      const id = newId("att");
      const storageKey = randomBytes(16).toString("hex");
      const fileName = safeFileName(input.originalName, check.type);
      await insertAttachment(trx, { id, proposalId: input.proposalId, fileName, contentType: check.type, sizeBytes, storageKey, description: description.data, uploadedBy: user.id }, now);
      await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "proposal.attachment_add", objectType: "proposal", objectId: input.proposalId, after: { attachmentId: id, contentType: check.type, sizeBytes } }, now);
      // last step inside the transaction: if the rename fails the row is rolled back
      finalPath = join(dir, storageKey);
      await rename(source!, finalPath);
      return { ok: true, id };
    });
    if (!result.ok) await discard();
    return result;
  } catch (e) {
    await discard();
    if (finalPath) await unlink(finalPath).catch(() => undefined);
    throw e;
  }
}

/** The author or a co-author removes a file (until verification starts, see extrasAccess). */
export async function removeAttachment(db: Db, user: Actor, proposalId: string, attachmentId: string, opts: { dir?: string; now?: Date } = {}): Promise<{ ok: true } | { ok: false; reason: CoauthorRefusal }> {
  const dir = opts.dir ?? uploadDir();
  const now = opts.now ?? new Date();
  let key: string | null = null;
  const r = await db.transaction().execute(async (trx) => {
    const access = await extrasAccess(trx, user, proposalId, now);
    if (!access.ok) return access;
    const row = await getAttachment(trx, attachmentId);
    if (!row || row.proposalId !== proposalId || !(await deleteAttachment(trx, proposalId, attachmentId))) return { ok: false as const, reason: "not_found" as const };
    key = row.storageKey;
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "proposal.attachment_remove", objectType: "proposal", objectId: proposalId, before: { attachmentId, fileName: row.fileName } }, now);
    return { ok: true as const };
  });
  // the row is gone for good: now the file (a leftover file is harmless, a dangling row is not)
  if (r.ok && key && StorageKeySchema.safeParse(key).success) await unlink(join(dir, key)).catch(() => undefined);
  return r;
}

/** Removes stored files by key (after their rows are gone; a missing file is fine). Returns how many went. */
export async function removeStoredFiles(keys: string[], dir = uploadDir()): Promise<number> {
  let removed = 0;
  for (const key of keys) {
    if (StorageKeySchema.safeParse(key).success && (await unlink(join(dir, key)).then(() => true, () => false))) removed++;
  }
  return removed;
}

/** Whether the user may see the files of a proposal in this status. */
export async function maySeeAttachments(db: Db, user: Actor | null, p: { id: string; status: string; authorUserId: string | null; channel: string; programmeKind: ProgrammeKind }): Promise<boolean> {
  if ((PUBLIC_STATUSES as readonly string[]).includes(p.status as ProposalStatus)) return true;
  if (can(user, "proposals.verify", p.programmeKind) || can(user, "youth.moderate", p.programmeKind)) return true;
  return (await relationTo(db, user, p)) !== null;
}

export interface ServedFile {
  body: Buffer;
  headers: Record<string, string>;
}

/** The response for /attachments/:id, or null (404) when it does not exist or may not be seen. */
export async function serveAttachment(db: Db, user: Actor | null, id: string, dir = uploadDir()): Promise<ServedFile | null> {
  const row = await getAttachment(db, id);
  if (!row || !StorageKeySchema.safeParse(row.storageKey).success) return null;
  const p = await db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .select(["p.id", "p.status", "p.author_user_id", "p.channel", "pr.kind"])
    .where("p.id", "=", row.proposalId)
    .executeTakeFirst();
  if (!p) return null;
  const isPublic = (PUBLIC_STATUSES as readonly string[]).includes(p.status);
  if (!isPublic && !(await maySeeAttachments(db, user, { id: p.id, status: p.status, authorUserId: p.author_user_id, channel: p.channel, programmeKind: p.kind }))) return null;
  const body = await readFile(join(dir, row.storageKey)).catch(() => null);
  if (!body) return null;
  return { body, headers: storedFileHeaders(row, body.length, isPublic) };
}

/** The safe headers of a stored file (also used for implementation photos and documents). */
export function storedFileHeaders(file: { contentType: string; fileName: string }, length: number, isPublic: boolean): Record<string, string> {
  return {
    "Content-Type": file.contentType,
    "Content-Length": String(length),
    "Content-Disposition": contentDisposition(file.fileName, isImage(file.contentType)),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    // files never change (a new upload gets a new id); private ones are not kept by shared caches
    "Cache-Control": isPublic ? "public, max-age=86400" : "private, max-age=300",
  };
}

