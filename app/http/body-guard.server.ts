/**
 * Every request body passes here before Remix sees it (server.js mounts it for every route):
 * - only the encodings our forms use: urlencoded everywhere, multipart only where a route takes
 *   uploads (the voter register, proposal attachments); anything else is 415;
 * - bytes are counted as they arrive, whatever the headers say: a body over its limit is answered
 *   413 the moment the limit is passed, chunked or not (a Content-Length over the limit is refused
 *   before reading anything);
 * - a urlencoded form (at most 1 MB) is read whole and its field names checked
 *   (app/http/form-fields.ts) before any parsing library builds objects from them: 400 otherwise.
 * What passes is handed to the Remix handler (app/http/remix-handler.server.ts) through
 * `res.locals.body`: the bytes read, or for uploads a stream that keeps counting.
 */
import type { RouteHandle, RouteMetaLookup } from "./route-meta.server";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkFieldNames, MAX_FIELDS } from "./form-fields";

type Next = (err?: unknown) => void;
type Req = IncomingMessage & { path?: string; originalUrl?: string };
type Res = ServerResponse & { locals: Record<string, unknown> };

/** Urlencoded forms. */
export const FORM_LIMIT = 1_000_000;
/** The voter register (CSV), officials only. */
export const UPLOAD_LIMIT = 50_000_000;
/**
 * One proposal attachment per request. The route keeps at most MAX_ATTACHMENT_BYTES (5 MB, in
 * app/domain/attachments.ts) and drops the rest, so a file somewhat over the limit gets a translated
 * "too big" on the page; bodies beyond 4 × 5 MB are refused here.
 */
export const ATTACHMENT_LIMIT = 4 * 5 * 1024 * 1024 + 64 * 1024;

/** How large an upload each kind of upload route takes (routes declare `handle.upload`, see route-meta). */
const UPLOAD_LIMITS: Record<NonNullable<RouteHandle["upload"]>, number> = {
  attachment: ATTACHMENT_LIMIT,
  register: UPLOAD_LIMIT,
};

const TEXT = {
  unsupported: "Nieobsługiwany format formularza / Непідтримуваний формат форми / Unsupported form encoding",
  tooLarge: "Formularz jest za duży / Форма завелика / Form too large",
  badFields: "Formularz zawiera nieprawidłowe pola / Форма містить неприпустимі поля / The form has invalid fields",
};

function refuse(res: Res, status: number, text: string, close = false) {
  if (res.headersSent) return;
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  if (close) res.setHeader("Connection", "close");
  res.end(text);
}

/**
 * After a 413 the rest of the body is not wanted: it is discarded as it comes (no memory held) and
 * the connection is closed once the answer is out, at the latest a second later.
 */
function dropRest(req: Req, res: Res) {
  req.removeAllListeners("data");
  req.on("data", () => {});
  req.resume();
  const close = () => req.socket?.destroy();
  const timer = setTimeout(close, 1000);
  timer.unref();
  res.once("finish", () => (req.readableEnded ? close() : undefined));
}

/**
 * Hands each chunk to `onChunk` while the body stays within `limit`; the moment it passes, answers
 * 413, drops the rest and calls `onOver`. Returns whether the body is (still) within the limit.
 */
function countChunks(req: Req, res: Res, limit: number, onChunk: (chunk: Buffer) => void, onOver: () => void): () => boolean {
  let size = 0;
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) return onChunk(chunk);
    req.off("data", onData);
    refuse(res, 413, TEXT.tooLarge, true);
    dropRest(req, res);
    onOver();
  };
  req.on("data", onData);
  return () => size <= limit;
}

/** Reads the whole body, counting; `null` when it passed `limit` (the 413 is then already sent). */
function readLimited(req: Req, res: Res, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // over the limit, what was read goes at once (the connection lingers up to a second, holding this closure)
    const over = () => {
      chunks.length = 0;
      resolve(null);
    };
    const within = countChunks(req, res, limit, (c) => void chunks.push(c), over);
    req.once("end", () => (within() ? resolve(Buffer.concat(chunks)) : undefined));
    req.once("error", reject);
  });
}

/** The body as a web stream that keeps counting: over `limit`, 413 at once and the stream fails. */
function limitedStream(req: Req, res: Res, limit: number): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const within = countChunks(
        req,
        res,
        limit,
        (chunk) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) req.pause();
        },
        () => controller.error(new Error("request body over its limit")),
      );
      req.once("end", () => (within() ? controller.close() : undefined));
      req.once("error", (e) => controller.error(e));
    },
    pull() {
      req.resume();
    },
    cancel() {
      req.destroy();
    },
  });
}

/** `meta` says what the route at a path is (which routes take uploads): routeMetaLookup(build.routes). */
export function bodyGuard(meta: RouteMetaLookup) {
  return async (req: Req, res: Res, next: Next) => {
    const method = req.method ?? "GET";
    if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next();
    try {
      const path = req.path ?? (req.url ?? "/").split("?")[0] ?? "/";
      const type = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      const uploadKind = type === "multipart/form-data" ? meta(path).upload : undefined;
      const upload = uploadKind ? { limit: UPLOAD_LIMITS[uploadKind] } : undefined;
      if (type !== "application/x-www-form-urlencoded" && !upload) return refuse(res, 415, TEXT.unsupported);
      const limit = upload ? upload.limit : FORM_LIMIT;
      const declared = Number(req.headers["content-length"] ?? 0);
      if (declared > limit) {
        refuse(res, 413, TEXT.tooLarge, true);
        dropRest(req, res);
        return;
      }
      if (upload) {
        // uploads are parsed by the route itself, streaming; their field names never become object keys
        res.locals.body = limitedStream(req, res, limit);
        return next();
      }
      const body = await readLimited(req, res, limit);
      if (!body) return;
      // more pairs than any form has: refused without building the list at all
      let pairs = 1;
      for (let i = body.indexOf(0x26); i !== -1; i = body.indexOf(0x26, i + 1)) if (++pairs > MAX_FIELDS) return refuse(res, 400, TEXT.badFields);
      // names as the form parser will see them (percent-decoded, "+" as space)
      const names = (function* () {
        for (const [name] of new URLSearchParams(body.toString("utf8"))) yield name;
      })();
      if (!checkFieldNames(names).ok) return refuse(res, 400, TEXT.badFields);
      res.locals.body = body;
      next();
    } catch (e) {
      // a connection that broke while we read it: nobody to answer
      if (!res.headersSent) next(e);
    }
  };
}
