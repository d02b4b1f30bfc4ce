/**
 * The HTTP side of the page cache (see page-cache.server.ts for what is cached and when): a
 * connect/Express-style middleware that answers hits, and on a miss records what the application
 * writes so the answer can be kept. server.js mounts it after compression (so it sees the page
 * uncompressed) and before the Remix handler. Every answer says `X-Page-Cache: hit|miss|bypass`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { SESSION_COOKIE } from "./auth/cookie-names";
import { forgetPageVariants, signedInPageVariant } from "./auth/page-variant.server";
import { voteStepVariant } from "./auth/vote-session.server";
import type { RouteMetaLookup } from "./http/route-meta.server";
import { cookieFromHeader } from "./i18n/locale.server";
import { invalidatesPages, pageCacheKey, PageCache, headerList, wantsSignedInVariant, type RequestFacts } from "./page-cache.server";

type Next = (err?: unknown) => void;
type Chunk = string | Uint8Array;

const toBuffer = (chunk: Chunk, encoding?: unknown) =>
  typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk);

export function createPageCache(ttlMs: number, maxBytes = 32 * 1024 * 1024): PageCache {
  return new PageCache({ ttlMs, maxBytes });
}

/** `nonceOf(res)` gives the CSP nonce the security-header middleware chose for this response. */
/** `meta` says which routes may be cached and which POSTs leave it alone: routeMetaLookup(build.routes). */
export function pageCacheMiddleware(cache: PageCache, nonceOf: (res: ServerResponse) => string | undefined, meta: RouteMetaLookup) {
  const voterVariant = (cookie: string | undefined) => voteStepVariant(cookie);
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: Next) => {
    if (!cache.enabled) return next();
    const url = req.originalUrl ?? req.url ?? "/";
    const method = req.method ?? "GET";
    if (invalidatesPages(method, url.split("?")[0] ?? "/", meta)) {
      // after the write is done (or the request is gone): nothing rendered before it may be kept,
      // and no signed-in variant worked out before it (a follow, a role) is trusted any longer
      res.once("close", () => {
        cache.invalidate();
        forgetPageVariants();
      });
      return next();
    }
    if (method !== "GET" && method !== "HEAD" && req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) {
      // a signed-in person's write that keeps the public pages (a follow) may still change what they
      // are shown: the variants worked out before it are not trusted, and a page rendered across it
      // is not kept (stored pages stay)
      res.once("close", () => {
        cache.fence();
        forgetPageVariants();
      });
    }
    const facts: RequestFacts = { method, url, cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] };
    if (!wantsSignedInVariant(facts, meta)) return answer(res, next, facts, null);
    // a signed-in visitor of a page that shares its signed-in copies: which copy is theirs
    signedInPageVariant(cookieFromHeader(facts.cookie, SESSION_COOKIE) ?? "", Date.now(), cache.options.ttlMs).then(
      (variant) => (variant === null ? bypass(res, next) : answer(res, next, facts, variant)),
      () => bypass(res, next),
    ).catch(next);
  };

  function bypass(res: ServerResponse, next: Next) {
    res.setHeader("X-Page-Cache", "bypass");
    next();
  }

  function answer(res: ServerResponse, next: Next, facts: RequestFacts, signedIn: string | null) {
    const { method } = facts;
    const key = pageCacheKey(facts, meta, voterVariant, signedIn);
    if (key === null) {
      if (method === "GET") res.setHeader("X-Page-Cache", "bypass");
      return next();
    }
    const nonce = nonceOf(res);
    const hit = cache.get(key, Date.now());
    if (hit && nonce) {
      cache.hits++;
      res.statusCode = hit.status;
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader("X-Page-Cache", "hit");
      res.end(cache.bodyFor(hit, nonce));
      return;
    }
    cache.misses++;
    res.setHeader("X-Page-Cache", "miss");
    const generation = cache.generation;
    const chunks: Buffer[] = [];
    let size = 0;
    let keep = true;
    const capture = (chunk: unknown, encoding?: unknown) => {
      if (!keep || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const b = toBuffer(chunk as Chunk, encoding);
      size += b.length;
      if (size > cache.options.maxBytes / 4) {
        keep = false;
        chunks.length = 0;
        return;
      }
      chunks.push(b);
    };
    const write = res.write;
    const end = res.end;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      capture(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      capture(chunk, rest[0]);
      const result = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
      if (keep && res.statusCode === 200) {
        const headers = headerList(res.getHeaders() as Record<string, unknown>);
        const html = headers.some(([n, v]) => n === "content-type" && v.startsWith("text/html"));
        cache.store(key, { status: res.statusCode, headers, body: Buffer.concat(chunks), html, nonce }, generation, Date.now(), { signedIn: signedIn !== null });
      }
      return result;
    } as ServerResponse["end"];
    next();
  }
}
