// Production server: Express + the Remix request handler. Adds the security headers (with a
// per-request CSP nonce), serves the built assets, prepares the database (migrations, demo seed)
// before listening, answers /healthz, and shuts down gracefully on SIGTERM/SIGINT.
// Logs are JSON lines (pino) without personal data: method, path without its query string, status,
// duration and size — never query strings, bodies, cookies, IP addresses or user agents.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import express from "express";
import pino from "pino";
import compression from "compression";

// Written in 4 KiB batches (and at least every second) rather than one write per line: under load the
// per-request write to stdout was a visible share of the server's time. Flushed before exiting.
const logDestination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "bo-gdynia" } }, logDestination);
setInterval(() => log.flush(), 1000).unref();
const exit = (code) => log.flush(() => process.exit(code));
// Memory (issue #18): under a stream of requests V8 lets the heap grow to about four times what is
// live before collecting (here ~240 MB of heap for ~55 MB live, RSS ~370 MB). Growing by half of what
// is live instead keeps RSS near 220 MB at about the same CPU per request. It is not a cap: a large
// count or import still gets all the heap it needs. HEAP_GROWING_PERCENT=0 restores V8's own rule;
// set here so every way of starting the server (npm start, node server.js, a container) has it.
const heapGrowingPercent = Number(process.env.HEAP_GROWING_PERCENT || 50);
if (!Number.isInteger(heapGrowingPercent) || heapGrowingPercent < 0 || heapGrowingPercent > 1000) {
  // a wrong value stops the server with a message, as TRUST_PROXY's does, rather than being ignored
  log.fatal(`HEAP_GROWING_PERCENT must be a whole number from 0 to 1000 (given: ${process.env.HEAP_GROWING_PERCENT})`);
  exit(1);
  await new Promise(() => {}); // exit() flushes the log, then ends the process
}
if (heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
const build = await import("./build/index.js");
const { startup, shutdown, healthCheck, createPageCache, pageCacheMiddleware, bodyGuard, createAppRequestHandler, parseTrustProxy, loggablePath, routeMetaLookup, recordHttpRequest, routeIdLookup } = build.entry.module;
// what each route is (takes uploads, may be cached), as the routes declare it in `handle`
const routeMeta = routeMetaLookup(build.routes);
// which route a path reaches, a fixed set of labels for the /metrics counters
const routeId = routeIdLookup(build.routes);

const isProd = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

// read before anything starts: a wrong value stops the server with a message, not a surprise later
const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
await startup();

let closing = false;
const app = express();
app.disable("x-powered-by");
// Nothing reads req.query (Remix reads the URL itself), so no query string is parsed for it: qs, the
// default "extended" parser, was 6 % of a rendered page's CPU, and it is attacker-fed input.
app.set("query parser", false);
// which address is the client's (rate limits per IP): a hop count or the proxies' addresses, never "any"
app.set("trust proxy", trustProxy);

app.use((_req, res, next) => {
  if (closing) res.setHeader("Connection", "close");
  next();
});

// one line per request; the path only (a query string may carry what a voter typed), tokens masked
app.use((req, res, next) => {
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    const path = loggablePath(req.originalUrl);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const level = res.statusCode >= 500 ? "error" : "info";
    recordHttpRequest(req.method, res.statusCode, routeId(req.originalUrl.split("?")[0]), ms / 1000);
    log[level]({ method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10, bytes: Number(res.getHeader("content-length")) || undefined }, "request");
  });
  next();
});

// map tiles for the proposal map (MAP_TILE_URL; "{s}" subdomains become a wildcard)
const mapTiles = (() => {
  const template = process.env.MAP_TILE_URL ?? "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
  const m = /^https:\/\/([^/]+)/.exec(template);
  return m ? `https://${m[1].replace("{s}", "*")}` : "";
})();
app.use((req, res, next) => {
  // hex only: no character that HTML or JSON would escape, so a cached page's nonce can be swapped
  const nonce = randomUUID().replaceAll("-", ""); // 122 random bits, from Node's pooled entropy
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      `img-src 'self' data: ${mapTiles}`,
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  if (isProd) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  next();
});
app.use(compression());

// Cross-site request forgery: every state-changing request must come from our own pages. Browsers
// say so with Sec-Fetch-Site, or at least send an Origin; a request with neither (curl, old
// browsers) carries no ambient cookies from another site's form and is let through.
const publicOrigin = process.env.PUBLIC_ORIGIN ? new URL(process.env.PUBLIC_ORIGIN).origin : null;
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const site = req.get("sec-fetch-site");
  const origin = req.get("origin");
  // our own address: the configured one (production requires it), else what the Host header says
  const own = publicOrigin ?? `${req.protocol}://${req.get("host")}`;
  const crossSite = (site && site !== "same-origin" && site !== "none") || (origin && origin !== own);
  if (crossSite) {
    res.status(403).type("text/plain").send("Żądanie z innej witryny odrzucone / Запит з іншого сайту відхилено / Cross-site request refused");
    return;
  }
  next();
});

// Request bodies: the encodings our forms use, counted as they arrive (413 past the limit, chunked
// or not), field names checked before any parser sees them (app/http/body-guard.server.ts).
// The public API (/api/v1, /api/openapi.json) is read-only: any other method gets its JSON 405 here,
// before the body guard would refuse a JSON or empty body as an unsupported type.
app.use("/api", (req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  // the body is never read: the connection closes after the answer
  res.status(405).set({ "Access-Control-Allow-Origin": "*", Allow: "GET, HEAD, OPTIONS", "Cache-Control": "no-store", Connection: "close" });
  res.type("application/json; charset=utf-8").send('{"error":"method_not_allowed"}');
});
app.use(bodyGuard(routeMeta));

app.get("/healthz", async (_req, res) => {
  // while shutting down, tell the load balancer to stop sending traffic here
  const ok = !closing && (await healthCheck().catch(() => false));
  res.status(ok ? 200 : 503).type("text/plain").send(ok ? "ok" : "database unavailable");
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// Only paths under what public/ holds go to the file system: looking every page up there first would
// cost a stat() per request.
const publicEntries = new Set(readdirSync("public"));
const publicFiles = express.static("public", { maxAge: "1h" });
app.use((req, res, next) => (publicEntries.has(req.path.split("/")[1]) ? publicFiles(req, res, next) : next()));

// Public pages for visitors without a session, kept a few seconds (app/page-cache.server.ts says
// when that is safe). PAGE_CACHE_TTL_MS=0 turns it off.
const pageCacheTtl = Number(process.env.PAGE_CACHE_TTL_MS ?? 5000);
const pageCache = createPageCache(Number.isFinite(pageCacheTtl) && pageCacheTtl > 0 ? pageCacheTtl : 0);
app.use(pageCacheMiddleware(pageCache, (res) => res.locals.cspNonce, routeMeta));

app.all(
  "*",
  createAppRequestHandler({
    build,
    mode: build.mode,
    publicOrigin,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? "unknown" }),
  }),
);

const server = app.listen(port, host, () => {
  log.info({ host, port }, `BO Gdynia listening on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});

// Drain, then close: for a grace period new requests are still served, but every response says
// "Connection: close" and /healthz says 503 (a load balancer moves traffic away); then the server
// stops listening, waits for the requests in flight and closes the database. Closing at once would
// also drop kept-alive connections whose request has arrived but not been read yet.
const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 1000);
async function stop(signal) {
  if (closing) return;
  closing = true;
  log.info({ signal, graceMs }, "draining: finishing requests in flight, then closing the database");
  const force = setTimeout(() => {
    log.error("requests still in flight after 15 s: exiting anyway");
    exit(1);
  }, 15_000 + graceMs);
  force.unref();
  await new Promise((r) => setTimeout(r, graceMs));
  server.close(async () => {
    try {
      await shutdown();
      log.info("stopped");
      exit(0);
    } catch (e) {
      log.error({ err: e }, "shutdown failed");
      exit(1);
    }
  });
  // kept-alive connections with nothing to do would hold close() for the keep-alive timeout; give
  // sockets that were accepted but not yet read (a busy event loop) time to be read, then drop the idle
  setTimeout(() => server.closeIdleConnections?.(), 2_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
