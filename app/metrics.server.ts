/**
 * Operator metrics in the Prometheus format (prom-client), served at /metrics behind METRICS_TOKEN.
 * HTTP requests and their latency are recorded by server.js's access-log hook (recordHttpRequest),
 * ballots by the voting service once a ballot is stored (countBallotCast); the outbox queue is read
 * from the database at each scrape (metricsText). Labels stay few: method, status class, and the Remix route id
 * (a fixed set), never a raw path.
 */
import client from "prom-client";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import type { Db } from "../db/client";
import { countOutboxQueue } from "~/data/metrics.server";
import { pagePath, type BuildRoute } from "~/http/route-meta.server";

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: "bo_" });

const httpRequests = new client.Counter({
  name: "bo_http_requests_total",
  help: "HTTP requests answered, by method, status class (2xx…5xx) and route",
  labelNames: ["method", "status", "route"] as const,
  registers: [registry],
});
const httpDuration = new client.Histogram({
  name: "bo_http_request_duration_seconds",
  help: "Time from a request's arrival to its answer's last byte, by method and route",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const httpErrors = new client.Counter({
  name: "bo_http_errors_total",
  help: "Answers with a 5xx status, by route",
  labelNames: ["route"] as const,
  registers: [registry],
});
const ballotsCast = new client.Counter({
  name: "bo_ballots_cast_total",
  help: "Ballots stored (acknowledged to the voter) by this process, by channel",
  labelNames: ["channel"] as const,
  registers: [registry],
});
const outbox = new client.Gauge({
  name: "bo_outbox_queue_length",
  help: "E-mails waiting to be sent (state: queued) or given up after 10 tries (state: failed), read at each scrape",
  labelNames: ["state"] as const,
  registers: [registry],
});

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** One answered request (server.js calls it when the response has finished). */
export function recordHttpRequest(method: string, status: number, route: string, seconds: number): void {
  const m = METHODS.has(method) ? method : "OTHER";
  httpRequests.inc({ method: m, status: `${Math.floor(status / 100)}xx`, route });
  httpDuration.observe({ method: m, route }, seconds);
  if (status >= 500) httpErrors.inc({ route });
}

/** Returns `result` unchanged, counting the ballot when it was stored: `writeBallot(…).then((r) => countBallotCast(r, channel))`. */
export function countBallotCast<R extends { ok: boolean }>(result: R, channel: string): R {
  if (result.ok) ballotsCast.inc({ channel });
  return result;
}

/** The Remix route id a path reaches ("assets" for built files, "healthz", "none" when no route matches), memoised. */
export function routeIdLookup(routes: Record<string, BuildRoute | undefined>): (pathname: string) => string {
  const all = Object.values(routes).filter((r): r is BuildRoute => r !== undefined);
  const tree = (parentId: string | undefined): AgnosticRouteObject[] =>
    all
      .filter((r) => r.parentId === parentId)
      .map((r) => (r.index ? { id: r.id, index: true as const, path: r.path } : { id: r.id, path: r.path, children: tree(r.id) }));
  const root = tree(undefined);
  const memo = new Map<string, string>();
  return (pathname) => {
    if (pathname === "/healthz") return "healthz"; // answered by server.js itself
    if (pathname.startsWith("/build/")) return "assets";
    const known = memo.get(pathname);
    if (known) return known;
    const matches = matchRoutes(root, pagePath(pathname));
    const id = matches?.[matches.length - 1]?.route.id ?? "none";
    if (memo.size >= 10_000) memo.clear();
    memo.set(pathname, id);
    return id;
  };
}

/** The exposition text for a scrape (the database is read for the outbox queue). */
export async function metricsText(db: Db): Promise<{ contentType: string; body: string }> {
  const { queued, failed } = await countOutboxQueue(db);
  outbox.set({ state: "queued" }, queued);
  outbox.set({ state: "failed" }, failed);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
