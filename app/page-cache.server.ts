/**
 * A short-lived cache of public pages for anonymous visitors (issue 7: "caching of read-mostly pages
 * where safe"). On the last evening of voting most page views are the same few public pages (the
 * home page, district lists, the first voting step) requested by people who are not signed in; each
 * one costs a full React render. This cache keeps the rendered answer for a few seconds.
 *
 * When it is safe:
 * - only GET requests for an allow-list of public, read-only pages (no forms with per-user state,
 *   no rate-limited lookups such as the receipt check);
 * - only when the request carries no cookie but the language one: a voting-point device or anything
 *   unknown means the answer may be personal, so it bypasses the cache; the exceptions are a voter's
 *   district and ballot pages, the same for every voter of a programme (`handle.cache`), and a
 *   signed-in visitor's copy of a page marked `signedIn: "shared"`, kept per variant of roles and
 *   follows (app/auth/page-variant.server.ts; the key then ends in `signed:<variant>`);
 * - only 200 answers without Set-Cookie are kept;
 * - the key is the page's path and query plus the language the visitor would be served;
 * - every write the platform makes through this process (any POST, except the steps of a voter's
 *   own ballot, whose only public trace is the turnout figure) empties the cache, and an answer
 *   rendered before such a write is not stored after it (generation counter). Writes made elsewhere
 *   (another app node, a CLI, a phase boundary passing) show after at most `ttlMs`.
 *
 * The Content-Security-Policy nonce differs per response: a stored HTML page is kept cut at its
 * nonce, and served with the new request's nonce put back between the pieces.
 *
 * Pure bookkeeping, no I/O: server.js does the HTTP plumbing (see `pageCacheMiddleware` there).
 */
import type { RouteMetaLookup } from "./http/route-meta.server";
import { LOCALE_COOKIE, negotiateLocale } from "./i18n";
import { cookieFromHeader } from "./i18n/locale.server";
import { SESSION_COOKIE, VOTE_COOKIE } from "./auth/cookie-names";

export interface CachedPage {
  status: number;
  headers: [string, string][];
  /** The body cut where the nonce was (HTML); the request's nonce goes between the parts. */
  parts: Buffer[];
  bytes: number;
  storedAt: number;
}

/** Splits `body` at every occurrence of `needle`. */
function splitAt(body: Buffer, needle: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/**
 * Which pages may be kept is declared by each route (`handle.cache`, see app/http/route-meta.server.ts):
 * "public" — public read-only pages (and their `.data` single-fetch form); "voter" — a voter's own
 * ballot steps that show the same page to every voter of the programme (the district list, the
 * ballot of a district): kept per programme and "parent for a child", for a request whose signed
 * voting cookie the application confirms (see `voteStepVariant`); never for a voting point.
 * POSTs to routes with `handle.keepsCache` (a voter's own steps, the language) change nothing another
 * visitor can see; every other POST empties the cache.
 */
export function isCacheablePath(pathname: string, meta: RouteMetaLookup): boolean {
  return meta(pathname).cache === "public";
}

/** Cookie names in a Cookie header (values are not needed). */
function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(";")
    .map((part) => part.slice(0, part.indexOf("=") < 0 ? undefined : part.indexOf("=")).trim())
    .filter((n) => n.length > 0);
}

export interface RequestFacts {
  method: string;
  /** Path with the query string, as requested. */
  url: string;
  cookie?: string;
  acceptLanguage?: string;
}

/**
 * The cache key for a request, or null when the request must go to the application.
 * `voterVariant` checks a voting cookie (signature, expiry) and says what the voter's pages may
 * differ by, or null.
 */
export function pageCacheKey(
  req: RequestFacts,
  meta: RouteMetaLookup,
  voterVariant: (cookie: string | undefined) => string | null = () => null,
  signedInVariant: string | null = null,
): string | null {
  if (req.method !== "GET") return null;
  if (req.url.length > 512) return null;
  const q = req.url.indexOf("?");
  const pathname = q < 0 ? req.url : req.url.slice(0, q);
  const locale = () => negotiateLocale(cookieFromHeader(req.cookie, LOCALE_COOKIE), req.acceptLanguage ?? null);
  const names = cookieNames(req.cookie);
  const cache = meta(pathname).cache;
  if (cache === "voter") {
    if (!names.includes(VOTE_COOKIE) || names.some((n) => n !== LOCALE_COOKIE && n !== VOTE_COOKIE)) return null;
    const variant = voterVariant(req.cookie);
    return variant === null ? null : `${locale()} ${req.url} voter:${variant}`;
  }
  if (cache !== "public") return null;
  if (names.every((n) => n === LOCALE_COOKIE)) return `${locale()} ${req.url}`;
  // a signed-in visitor: only on pages that share their signed-in copies, with the session's variant
  if (signedInVariant === null || !wantsSignedInVariant(req, meta)) return null;
  return `${locale()} ${req.url} signed:${signedInVariant}`;
}

/**
 * Whether a request may be answered from a signed-in copy, once its session's variant is known: a GET
 * of a page marked `signedIn: "shared"`, carrying the session cookie and nothing else but the language.
 */
export function wantsSignedInVariant(req: RequestFacts, meta: RouteMetaLookup): boolean {
  if (req.method !== "GET" || req.url.length > 512) return false;
  const q = req.url.indexOf("?");
  const m = meta(q < 0 ? req.url : req.url.slice(0, q));
  if (m.cache !== "public" || m.signedIn !== "shared") return false;
  const names = cookieNames(req.cookie);
  return names.includes(SESSION_COOKIE) && names.every((n) => n === LOCALE_COOKIE || n === SESSION_COOKIE);
}

/** Whether a finished request of this method and path may have changed what public pages show. */
export function invalidatesPages(method: string, pathname: string, meta: RouteMetaLookup): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return false;
  return meta(pathname).keepsCache !== true;
}

/** Headers that belong to one response only and are never stored. */
const PER_RESPONSE = new Set([
  "content-security-policy",
  "set-cookie",
  "content-length",
  "transfer-encoding",
  "connection",
  "date",
  "keep-alive",
  "x-page-cache",
  // set again by the compression middleware for the request being answered
  "content-encoding",
  "vary",
]);

/** A response's headers as lower-case name/value pairs (what `store` is given). */
export function headerList(headers: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out.push([name.toLowerCase(), Array.isArray(value) ? value.join(", ") : String(value)]);
  }
  return out;
}

export interface PageCacheOptions {
  ttlMs: number;
  /** Upper bound of the bodies kept, in bytes; the oldest entries go first. */
  maxBytes: number;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  /** Bumped by every invalidation; an answer is stored only if no write finished while it was rendered. */
  generation = 0;
  hits = 0;
  misses = 0;

  constructor(readonly options: PageCacheOptions) {}

  get enabled(): boolean {
    return this.options.ttlMs > 0 && this.options.maxBytes > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get storedBytes(): number {
    return this.bytes;
  }

  get(key: string, now: number): CachedPage | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (now - hit.storedAt >= this.options.ttlMs) {
      this.delete(key);
      return undefined;
    }
    return hit;
  }

  /**
   * Keeps an answer rendered since `generationAtStart`, given with all its headers (per-response ones
   * are dropped here). The body's `nonce` (HTML only) is replaced by a marker. Returns false when the
   * answer must not be kept.
   */
  store(
    key: string,
    page: { status: number; headers: [string, string][]; body: Buffer; html: boolean; nonce?: string },
    generationAtStart: number,
    now: number,
    opts: { signedIn?: boolean } = {},
  ): boolean {
    if (!this.enabled || generationAtStart !== this.generation) return false;
    if (page.status !== 200) return false;
    if (page.headers.some(([n]) => n === "set-cookie")) return false;
    // a signed-in copy says "private, no-store" to the browser (as every signed-in page does) and is
    // kept here all the same, under its variant; any other page saying so is not kept
    if (page.headers.some(([n, v]) => n === "cache-control" && (opts.signedIn ? !/^private, no-store$/i.test(v) : /no-store|private/i.test(v)))) return false;
    const headers = page.headers.filter(([n]) => !PER_RESPONSE.has(n));
    if (page.html && !page.nonce) return false;
    if (page.body.length > this.options.maxBytes / 4) return false;
    // a copy: the parts must not share memory with buffers the response may reuse
    const body = Buffer.from(page.body);
    const parts = page.html && page.nonce ? splitAt(body, Buffer.from(page.nonce, "utf8")) : [body];
    this.delete(key);
    this.entries.set(key, { status: page.status, headers, parts, bytes: body.length, storedAt: now });
    this.bytes += body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    return true;
  }

  /** The stored body for a response with this nonce. */
  bodyFor(page: CachedPage, nonce: string): Buffer {
    if (page.parts.length === 1) return page.parts[0]!;
    const n = Buffer.from(nonce, "utf8");
    const pieces: Buffer[] = [];
    page.parts.forEach((part, i) => {
      if (i > 0) pieces.push(n);
      pieces.push(part);
    });
    return Buffer.concat(pieces);
  }

  /**
   * Keeps what is stored, but refuses answers rendered before now: a signed-in person's write that
   * leaves the public pages alone (a follow) may still change what a page rendered for them shows,
   * and that page must not be stored under the variant they had before it.
   */
  fence(): void {
    this.generation++;
  }

  invalidate(): void {
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.bytes;
  }
}
