/**
 * Reads an attachment upload from the request: the "file" part streamed to UPLOAD_DIR/.tmp with a
 * size cap (never buffered whole), the other parts as short text fields. The route hands the
 * result to addAttachment (app/services/attachments.server.ts), which types, checks and stores it.
 */
import { createWriteStream } from "node:fs";
import { mkdir, readdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_ATTACHMENT_BYTES, MAX_UPLOAD_REQUEST_BYTES } from "~/domain/attachments";
import { tmpName, uploadDir, type ParsedUpload } from "~/services/attachments.server";

/** The request body went past MAX_UPLOAD_REQUEST_BYTES: reading stopped, nothing kept. */
export class UploadTooLargeError extends Error {}

/** The body is not a well-formed multipart form (cut off, no boundary…): a bad request. */
export class MalformedUploadError extends Error {}

/** The request posts a multipart form (a form with a file), not a plain one. */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase() === "multipart/form-data";
}

/**
 * Waits for a multipart reader (parseUpload, parseEntryUpload) and hands back the two refusals a
 * route expects (too large: 413, malformed: 400) instead of throwing them; anything else throws.
 */
export function settleUpload<T>(reading: Promise<T>): Promise<T | UploadTooLargeError | MalformedUploadError> {
  return reading.catch((e: unknown) => {
    if (e instanceof UploadTooLargeError || e instanceof MalformedUploadError) return e;
    throw e;
  });
}


let lastSweep = 0;
/**
 * Removes temporary files older than an hour (left by a crash or a dropped connection mid-upload).
 * Runs at most every ten minutes; a file being written now is never that old.
 */
export async function sweepTemporaryFiles(dir = uploadDir(), now = Date.now(), force = false): Promise<number> {
  if (!force && now - lastSweep < 10 * 60_000) return 0;
  lastSweep = now;
  const tmpDir = join(dir, ".tmp");
  let removed = 0;
  for (const name of await readdir(tmpDir).catch(() => [] as string[])) {
    if (!/^[a-f0-9]{32}\.part$/.test(name)) continue;
    const path = join(tmpDir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > 60 * 60_000 && (await unlink(path).then(() => true, () => false))) removed++;
  }
  return removed;
}

/**
 * Reads a multipart form: the "file" part is streamed to UPLOAD_DIR/.tmp and stops being written
 * one byte past the limit (the rest is drained, not kept); other parts are short text fields.
 */
export async function parseUpload(request: Request, dir = uploadDir()): Promise<ParsedUpload> {
  const tmpDir = join(dir, ".tmp");
  await mkdir(tmpDir, { recursive: true });
  await sweepTemporaryFiles(dir);
  const out: ParsedUpload = { tempPath: null, sizeBytes: 0, tooBig: false, originalName: "", fields: {} };
  let total = 0;
  async function* counted(data: AsyncIterable<Uint8Array>) {
    for await (const chunk of data) {
      total += chunk.length;
      if (total > MAX_UPLOAD_REQUEST_BYTES) throw new UploadTooLargeError("upload request too large");
      yield chunk;
    }
  }
  const handler: UploadHandler = async ({ name, filename, data: raw }) => {
    const data = counted(raw);
    if (name === "file" && filename !== undefined) {
      if (out.tempPath || filename === "") {
        for await (const chunk of data) void chunk; // only one file per upload; an empty input sends no file
        return null;
      }
      const path = join(tmpDir, tmpName());
      out.tempPath = path;
      out.originalName = filename.slice(0, 255);
      let size = 0;
      const cap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > MAX_ATTACHMENT_BYTES) {
            out.tooBig = true;
            return done(); // keep reading, stop writing
          }
          done(null, chunk);
        },
      });
      await pipeline(Readable.from(data), cap, createWriteStream(path, { flags: "wx", mode: 0o600 }));
      out.sizeBytes = size;
      if (out.tooBig) {
        await unlink(path).catch(() => undefined);
        out.tempPath = null;
      }
      return null;
    }
    // a text field: at most 2 000 bytes kept
    let text = "";
    for await (const chunk of data) if (text.length < 2000) text += Buffer.from(chunk).toString("utf8");
    out.fields[name] = text.slice(0, 2000);
    return null;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (e) {
    if (out.tempPath) await unlink(out.tempPath).catch(() => undefined);
    // our own limit, or the disk failing (a Node error code): passed on as they are
    if (e instanceof UploadTooLargeError || typeof (e as { code?: unknown }).code === "string") throw e;
    throw new MalformedUploadError(e instanceof Error ? e.message : String(e));
  }
  return out;
}
