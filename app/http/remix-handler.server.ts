/**
 * Express → Remix, in our hands rather than @remix-run/express's (whose adapter is ~40 lines we
 * need to differ from in two ways):
 * - the body is the one app/http/body-guard.server.ts read and checked (or its counting stream),
 *   never the raw socket;
 * - the Request's URL is built from PUBLIC_ORIGIN when it is set, so no code down the line can
 *   take a forged Host or X-Forwarded-Host header for the site's address. Without it (development),
 *   a Host header that is not a plain host[:port] is refused.
 */
import { withRequestMemo } from "./request-memo.server";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { defaultCacheControl } from "./cache-default.server";

type Req = IncomingMessage & { originalUrl?: string; protocol?: string };
type Res = ServerResponse & { locals: Record<string, unknown> };
type Next = (err?: unknown) => void;

const PLAIN_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The origin a request's URL is given: the configured one, or the Host header when it is well formed. */
export function requestOrigin(publicOrigin: string | null, protocol: string, host: string | undefined): string | null {
  if (publicOrigin) return publicOrigin;
  if (!host || !PLAIN_HOST.test(host)) return null;
  return `${protocol === "https" ? "https" : "http"}://${host}`;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    try {
      if (Array.isArray(value)) for (const v of value) headers.append(key, v);
      else headers.set(key, value);
    } catch {
      // a header value fetch's Headers will not hold (Node's parser is more lenient): dropped
    }
  }
  return headers;
}

export function createAppRequestHandler(options: {
  build: ServerBuild;
  mode?: string;
  publicOrigin: string | null;
  getLoadContext: (req: Req, res: Res) => AppLoadContext;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req: Req, res: Res, next: Next) => {
    try {
      const origin = requestOrigin(options.publicOrigin, req.protocol ?? "http", req.headers.host);
      if (!origin) {
        res.statusCode = 400;
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
        res.end("Nieprawidłowy nagłówek Host / Неправильний заголовок Host / Invalid Host header");
        return;
      }
      let controller: AbortController | null = new AbortController();
      res.once("finish", () => (controller = null));
      res.once("close", () => controller?.abort());
      const method = req.method ?? "GET";
      // the Request's Host is the origin's: Remix compares it with a form's Origin, and no code
      // should see another address for this site (server.js has already refused cross-site posts)
      const headers = headersOf(req);
      headers.set("host", new URL(origin).host);
      headers.delete("x-forwarded-host");
      const init: RequestInit & { duplex?: "half" } = { method, headers, signal: controller.signal };
      if (method !== "GET" && method !== "HEAD") {
        const body = res.locals.body as Buffer | ReadableStream<Uint8Array> | undefined;
        init.body = (body instanceof Buffer ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : (body ?? null)) as BodyInit | null;
        if (body && !(body instanceof Buffer)) init.duplex = "half";
      }
      // "//evil.example/x" as a request target stays a path of ours, never another host
      const target = req.originalUrl ?? req.url ?? "/";
      const request = new Request(new URL(origin + (target.startsWith("/") ? target : `/${target}`)).href, init);
      const response = await withRequestMemo(method, () => handle(request, options.getLoadContext(req, res)));
      // the body guard may have answered already (413 in the middle of an upload)
      if (res.headersSent) return;
      res.statusMessage = response.statusText;
      res.statusCode = response.status;
      for (const [key, value] of response.headers.entries()) res.appendHeader(key, value);
      // answers to forms and signed-in pages are never kept, whichever route (page, data, resource) gave them
      const cacheDefault = response.headers.has("cache-control") ? null : defaultCacheControl(method, request.headers.get("cookie"));
      if (cacheDefault) res.setHeader("Cache-Control", cacheDefault);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}
