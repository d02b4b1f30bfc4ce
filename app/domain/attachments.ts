/**
 * Attachments to a proposal: the limits in one place, the type decided by the file's first bytes
 * (never by the name or the browser's content type), and a file name that is safe to show and to
 * put in a Content-Disposition header. Pure: the services read the bytes and pass them in.
 */
import { z } from "zod";
import { pasted } from "./workflow/text";
import { isImage, sizeParts } from "./attachment-display";

export { isImage, sizeParts };

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** Bytes of one upload request read at most (the rest of an over-limit file is read and dropped up to here; server.js refuses longer bodies unread). */
export const MAX_UPLOAD_REQUEST_BYTES = 4 * MAX_ATTACHMENT_BYTES + 64 * 1024;
/** Bytes enough to recognise every allowed type. */
export const SNIFF_BYTES = 16;
export const DESCRIPTION_MAX = 200;

export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const EXTENSION: Record<AttachmentType, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf" };

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** The allowed type the bytes begin with, or null (anything else: text, HTML, SVG, executables…). */
export function sniffContentType(head: Uint8Array): AttachmentType | null {
  if (starts(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  // RIFF....WEBP
  if (starts(head, [0x52, 0x49, 0x46, 0x46]) && starts(head, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  return null;
}

export type AttachmentRefusal = "attachment_missing" | "attachment_too_big" | "attachment_wrong_type" | "attachment_too_many";

/** Whether one more file may be added, given its size, its sniffed type and how many are there. */
export function checkAttachment(x: { sizeBytes: number; type: AttachmentType | null; existing: number }): { ok: true; type: AttachmentType } | { ok: false; reason: AttachmentRefusal } {
  if (x.sizeBytes <= 0) return { ok: false, reason: "attachment_missing" };
  if (x.sizeBytes > MAX_ATTACHMENT_BYTES) return { ok: false, reason: "attachment_too_big" };
  if (x.type === null) return { ok: false, reason: "attachment_wrong_type" };
  if (x.existing >= MAX_ATTACHMENTS) return { ok: false, reason: "attachment_too_many" };
  return { ok: true, type: x.type };
}

/**
 * The name shown for a file: no folders, no control or bidi characters, no characters that
 * Windows refuses, at most 100 characters, and the extension of the type it really is.
 */
export function safeFileName(original: string, type: AttachmentType): string {
  const base = (original.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    // control characters, bidi overrides, zero-width characters and what file systems refuse
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const stem = base.replace(/\.[^.]{1,10}$/, "").replace(/^\.+/, "").trim().slice(0, 90).trim();
  return `${stem || "plik"}.${EXTENSION[type]}`;
}

/** A Content-Disposition value: an ASCII fallback name plus the exact name per RFC 5987/6266. */
/**
 * The name an attachment is shown under once its author's account is deleted: the file stays with
 * the public proposal, but a name like "Jan_Kowalski_zgoda.pdf" must not. `position` counts from 1.
 */
export function neutralFileName(position: number, contentType: string, fileName: string): string {
  const ext = (ATTACHMENT_TYPES as readonly string[]).includes(contentType) ? EXTENSION[contentType as AttachmentType] : (/\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase() ?? "bin");
  return `załącznik-${position}.${ext}`;
}

export function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The random storage key: the only thing that names the file on disk. */
export const StorageKeySchema = z.string().regex(/^[a-f0-9]{32}$/);

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|<\s*script|javascript:/i;

/** The author's description of a file (an image's alternative text). */
export const AttachmentDescriptionSchema = pasted(true, "submission.error.description_required")
  .min(3, { error: "submission.error.description_required" })
  .max(DESCRIPTION_MAX, { error: `proposal.error.too_long?max=${DESCRIPTION_MAX}` })
  .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });
