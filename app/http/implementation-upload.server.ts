/**
 * Reads a timeline entry's multipart form: up to MAX_ENTRY_FILES file parts (file1, file2, …), each
 * streamed to UPLOAD_DIR/.tmp with the attachment size cap exactly like app/http/upload.server.ts
 * (never buffered whole; past the cap it is drained and dropped), plus short text fields. The
 * request as a whole is capped by MAX_UPLOAD_REQUEST_BYTES.
 */
import { createWriteStream } from "node:fs";
import { mkdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { MAX_ATTACHMENT_BYTES, MAX_UPLOAD_REQUEST_BYTES } from "~/domain/attachments";
import { ENTRY_FILE_FIELDS } from "~/domain/implementation";
import { tmpName, uploadDir } from "~/services/attachments.server";
import type { UploadedEntryFile } from "~/services/implementations.server";
import { MalformedUploadError, sweepTemporaryFiles, UploadTooLargeError } from "./upload.server";

export interface ParsedEntryUpload {
  /** By position (file1 → 0); a field without a chosen file is absent. */
  files: (UploadedEntryFile & { slot: number })[];
  fields: Record<string, string>;
}

export async function parseEntryUpload(request: Request, dir = uploadDir()): Promise<ParsedEntryUpload> {
  const tmpDir = join(dir, ".tmp");
  await mkdir(tmpDir, { recursive: true });
  await sweepTemporaryFiles(dir);
  const out: ParsedEntryUpload = { files: [], fields: {} };
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
    const slot = ENTRY_FILE_FIELDS.indexOf(name);
    if (filename !== undefined) {
      if (slot < 0 || filename === "" || out.files.some((f) => f.slot === slot)) {
        for await (const chunk of data) void chunk;
        return null;
      }
      const path = join(tmpDir, tmpName());
      const file = { slot, tempPath: path as string | null, tooBig: false, originalName: filename.slice(0, 255) };
      out.files.push(file);
      let size = 0;
      const cap = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > MAX_ATTACHMENT_BYTES) {
            file.tooBig = true;
            return done();
          }
          done(null, chunk);
        },
      });
      await pipeline(Readable.from(data), cap, createWriteStream(path, { flags: "wx", mode: 0o600 }));
      if (file.tooBig) {
        await unlink(path).catch(() => undefined);
        file.tempPath = null;
      }
      return null;
    }
    // a text field: at most 16 kB kept, decoded once (a character may span two chunks)
    const parts: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of data) {
      if (bytes < 16_000) parts.push(Buffer.from(chunk));
      bytes += chunk.length;
    }
    out.fields[name] = Buffer.concat(parts).toString("utf8").slice(0, 4000);
    return null;
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (e) {
    for (const f of out.files) if (f.tempPath) await unlink(f.tempPath).catch(() => undefined);
    if (e instanceof UploadTooLargeError || typeof (e as { code?: unknown }).code === "string") throw e;
    throw new MalformedUploadError(e instanceof Error ? e.message : String(e));
  }
  return out;
}
