/**
 * The public read API (issue #17) against the demo seed, through the real routes: every path of the
 * OpenAPI document answers 200 JSON that its own schema accepts without dropping anything (so the
 * answer has exactly the documented fields), no answer carries a personal key, lists are paginated,
 * other methods get 405, the limit per IP answers 429, and /metrics is guarded by its token and
 * counts a ballot once it is cast.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedDemo } from "../../app/cli/seed";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue } from "~/data/ballots.server";
import { closeDatabase } from "~/db.server";
import { API_MAX_LIMIT, forbiddenKeysIn } from "~/domain/api-schemas";
import { ENDPOINTS, apiExamples } from "~/services/public-api.server";
import * as apiRoute from "~/routes/api.v1.$";
import * as openApiRoute from "~/routes/api.openapi[.json]";
import * as metricsRoute from "~/routes/metrics";
import { createTestDb, type TestDb } from "../support/db";

const ORIGIN = "https://bo.gdynia.test";
const NOW = new Date();
let t: TestDb;
let ipCounter = 0;
/** Each test its own address, so the limit per IP is tested on its own. */
const freshIp = () => `192.0.2.${++ipCounter}`;

type Doc = { openapi: string; servers: { url: string }[]; paths: Record<string, { get: { operationId: string } }>; components: { schemas: Record<string, unknown> } };

async function get(path: string, ip = freshIp(), headers: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`${ORIGIN}${path}`, { headers });
  const args = { request, params: {}, context: { clientIp: ip } };
  if (path.startsWith("/api/openapi.json")) return openApiRoute.loader(args as never);
  return apiRoute.loader(args as never);
}

async function send(method: string, path: string): Promise<Response> {
  const request = new Request(`${ORIGIN}${path}`, { method, ...(method === "POST" ? { body: new URLSearchParams({ a: "1" }) } : {}) });
  return apiRoute.action({ request, params: {}, context: { clientIp: freshIp() } } as never);
}

/** The document's paths with their parameters filled from the demo (year, proposal, published pool). */
async function concretePaths(doc: Doc): Promise<string[]> {
  const ex = await apiExamples(t.db);
  expect(ex).toMatchObject({ year: expect.any(Number), proposalId: expect.any(String), poolId: expect.any(String) });
  return Object.entries(doc.paths).map(([path, item]) => {
    const id = item.get.operationId === "getPoolResults" ? ex.poolId! : ex.proposalId!;
    return `/api/v1${path.replace("{year}", String(ex.year)).replace("{id}", encodeURIComponent(id))}`;
  });
}

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb();
  // the routes open the app's own handle on the same database; the environment is read (once) by
  // the seed already, so it is set first
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("PUBLIC_ORIGIN", ORIGIN);
  vi.stubEnv("METRICS_TOKEN", undefined);
  await seedDemo(t.db, NOW, "voting");
});
afterAll(async () => {
  await closeDatabase();
  vi.unstubAllEnvs();
  await t?.cleanup();
});

describe("the OpenAPI document", () => {
  it("lists every endpoint of the registry, with its schemas, under the public origin", async () => {
    const res = await get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0]!.url).toBe(`${ORIGIN}/api/v1`);
    expect(Object.keys(doc.paths).sort()).toEqual(ENDPOINTS.map((e) => e.path).sort());
    // every $ref points at a component that exists
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(doc.components.schemas[r], r).toBeDefined();
  });
});

describe("the /api page", () => {
  it("describes every endpoint in every language and gives a working example for each", async () => {
    const { pl } = await import("~/i18n/pl");
    for (const e of ENDPOINTS) expect(Object.keys(pl), e.id).toContain(`api.endpoint.${e.id}`);
    const pageRoute = await import("~/routes/api._index");
    const data = await pageRoute.loader({ request: new Request(`${ORIGIN}/api`), params: {}, context: {} } as never);
    expect(data.base).toBe(`${ORIGIN}/api/v1`);
    expect(data.endpoints.map((e) => e.id)).toEqual(ENDPOINTS.map((e) => e.id));
    for (const e of data.endpoints) {
      expect(e.example, e.id).toMatch(/^\/api\/v1\//);
      expect((await get(e.example!)).status, e.example!).toBe(200);
    }
  });
});

describe("every path of the document", () => {
  it("answers 200 JSON that its schema accepts unchanged, with no personal key, CORS and caching headers", async () => {
    const doc = (await (await get("/api/openapi.json")).json()) as Doc;
    const paths = await concretePaths(doc);
    expect(paths.length).toBe(ENDPOINTS.length);
    for (const path of paths) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("cache-control")).toBe("public, max-age=60");
      const body: unknown = await res.json();
      const endpoint = ENDPOINTS.find((e) => new RegExp(`^/api/v1${e.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(path) && (e.path !== "/editions/{year}" || !path.endsWith("/current")))!;
      // parsing drops unknown keys: equal before and after means exactly the documented fields
      expect(endpoint.response.parse(body), path).toEqual(body);
      expect(forbiddenKeysIn(body), path).toEqual([]);
      expect(JSON.stringify(body)).not.toMatch(/@demo\.bo-gdynia\.pl|usr_|vtr_|blt_/);
    }
  });

  it("says 304 to a client that has the same answer (ETag)", async () => {
    const first = await get("/api/v1/districts");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get("/api/v1/districts", freshIp(), { "If-None-Match": etag! });
    expect(again.status).toBe(304);
  });

  it("has real content: 21 districts, the current edition in voting, the archived 2025 results", async () => {
    const districts = (await (await get("/api/v1/districts")).json()) as { districts: unknown[] };
    expect(districts.districts).toHaveLength(21);
    const current = (await (await get("/api/v1/editions/current")).json()) as { year: number; status: string };
    expect(current.status).toBe("active");
    const results = (await (await get("/api/v1/editions/2025/results")).json()) as { pools: { rows: { selected: boolean }[] }[] };
    expect(results.pools.length).toBeGreaterThan(0);
    expect(results.pools.flatMap((p) => p.rows).some((r) => r.selected)).toBe(true);
    // every 2025 winner is tracked, with its stage and the city unit's public contact
    const built = (await (await get("/api/v1/editions/2025/implementations")).json()) as { implementations: { status: string; proposalId: string; cityUnit: string }[] };
    const winners = new Set(results.pools.flatMap((p) => (p.rows as { selected: boolean; proposalId?: string }[]).filter((r) => r.selected).map((r) => r.proposalId)));
    expect(built.implementations.length).toBe(winners.size);
    expect(new Set(built.implementations.map((i) => i.status)).size).toBeGreaterThan(2);
    expect(built.implementations.every((i) => i.cityUnit.length > 0)).toBe(true);
  });
});

describe("lists", () => {
  it("are paginated: limit and offset walk the whole list without overlap; over the maximum is a 400", async () => {
    const { year } = await apiExamples(t.db);
    const all = (await (await get(`/api/v1/editions/${year}/proposals?limit=${API_MAX_LIMIT}`)).json()) as { page: { total: number }; proposals: { id: string }[] };
    expect(all.page.total).toBeGreaterThan(20);
    const a = (await (await get(`/api/v1/editions/${year}/proposals?limit=7&offset=0`)).json()) as { proposals: { id: string }[] };
    const b = (await (await get(`/api/v1/editions/${year}/proposals?limit=7&offset=7`)).json()) as { proposals: { id: string }[] };
    expect(a.proposals).toHaveLength(7);
    expect(b.proposals).toHaveLength(7);
    expect([...a.proposals, ...b.proposals].map((p) => p.id)).toEqual(all.proposals.slice(0, 14).map((p) => p.id));
    const over = await get(`/api/v1/editions/${year}/proposals?limit=${API_MAX_LIMIT + 1}`);
    expect(over.status).toBe(400);
    expect(await over.json()).toEqual({ error: "bad_request" });
  });

  it("filter by district and pool", async () => {
    const { year } = await apiExamples(t.db);
    const r = (await (await get(`/api/v1/editions/${year}/proposals?district=orlowo&pool=district_small&limit=100`)).json()) as { proposals: { district: { slug: string } | null; pool: { kind: string } }[] };
    expect(r.proposals.length).toBeGreaterThan(0);
    for (const p of r.proposals) expect([p.district?.slug, p.pool.kind]).toEqual(["orlowo", "district_small"]);
  });
});

describe("what is not there", () => {
  it("unknown paths, years, proposals and unpublished pools are 404 JSON", async () => {
    for (const path of ["/api/v1/nothing", "/api/v1/editions/1999", "/api/v1/editions/abc/pools", "/api/v1/proposals/nie-ma-takiego", "/api/v1/proposals/%3Cscript%3E", "/api/v1"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await res.json()).toEqual({ error: "not_found" });
    }
    // a pool of the edition in voting has no published results yet
    const pools = (await (await get(`/api/v1/editions/${(await apiExamples(t.db)).year}/pools`)).json()) as { pools: { id: string }[] };
    expect((await get(`/api/v1/pools/${pools.pools[0]!.id}/results`)).status).toBe(404);
  });

  it("a draft proposal is not listed nor answered", async () => {
    const draft = await t.db.selectFrom("proposals").select("id").where("status", "=", "draft").executeTakeFirst();
    if (draft) expect((await get(`/api/v1/proposals/${draft.id}`)).status).toBe(404);
  });

  it("other methods are 405 JSON; OPTIONS is the CORS preflight", async () => {
    for (const m of ["POST", "PUT", "DELETE", "PATCH"]) {
      const res = await send(m, "/api/v1/editions");
      expect(res.status, m).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(await res.json()).toEqual({ error: "method_not_allowed" });
    }
    const pre = await send("OPTIONS", "/api/v1/editions");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toContain("GET");
  });
});

describe("limit per IP", () => {
  it("answers 429 with Retry-After past 300 requests a minute from one address, and others still get through", async () => {
    const ip = freshIp();
    let first429 = 0;
    for (let i = 1; i <= 305 && !first429; i++) if ((await get("/api/v1/nothing", ip)).status === 429) first429 = i;
    expect(first429).toBe(301);
    const res = await get("/api/v1/districts", ip);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ error: "rate_limited" });
    expect((await get("/api/v1/districts")).status).toBe(200);
  });
});

describe("/metrics", () => {
  const scrape = (auth?: string) => metricsRoute.loader({ request: new Request(`${ORIGIN}/metrics`, { headers: auth ? { Authorization: auth } : {} }), params: {}, context: {} } as never);

  it("does not exist without METRICS_TOKEN, refuses a wrong token, and counts a ballot once it is cast", async () => {
    expect((await scrape("Bearer whatever-token-1234567")).status).toBe(404);
    // the environment is read once per process: set the token on the parsed copy's source and re-read
    const { parseEnv } = await import("~/env.server");
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    vi.stubEnv("METRICS_TOKEN", "metrics-token-for-the-test-0123");
    await closeDatabase(); // the fresh modules open their own handle (closed at the end of this test)
    vi.resetModules();
    const fresh = (await import("~/routes/metrics")) as typeof metricsRoute;
    const scrapeFresh = (auth?: string) => fresh.loader({ request: new Request(`${ORIGIN}/metrics`, { headers: auth ? { Authorization: auth } : {} }), params: {}, context: {} } as never);
    expect((await scrapeFresh()).status).toBe(401);
    expect((await scrapeFresh("Bearer metrics-token-for-the-test-0124")).status).toBe(401);
    const before = await scrapeFresh("Bearer metrics-token-for-the-test-0123");
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await before.text();
    expect(text).toMatch(/^bo_outbox_queue_length\{state="queued"\} \d+$/m);
    expect(text).toContain("# TYPE bo_http_request_duration_seconds histogram");

    // a ballot cast through the (freshly loaded) voting service shows in the counter
    const voting = await import("~/services/voting.server");
    const bo = (await getVotingProgramme(t.db, "bo"))!;
    const who = await voting.identifyVoter(t.db, { method: "pesel", ...DEMO_VOTERS.adult2 }, bo, NOW);
    if (!who.ok) throw new Error(who.reason);
    const district = (await t.db.selectFrom("districts").select("id").where("slug", "=", "orlowo").executeTakeFirstOrThrow()).id;
    const catalogue = await loadCatalogue(t.db, bo.programmeId, district);
    const ballot = { districtId: district, selections: Object.fromEntries(catalogue.map((p) => [p.poolId, p.projects.slice(0, 1).map((x) => x.id)])) };
    const cast = await voting.castBallot(t.db, who.voter, bo, ballot, { channel: "online" }, NOW);
    expect(cast.ok).toBe(true);
    const after = await (await scrapeFresh("Bearer metrics-token-for-the-test-0123")).text();
    expect(after).toMatch(/^bo_ballots_cast_total\{channel="online"\} 1$/m);
    // refused casts are not counted
    expect((await voting.castBallot(t.db, who.voter, bo, ballot, { channel: "online" }, NOW)).ok).toBe(false);
    expect(await (await scrapeFresh("Bearer metrics-token-for-the-test-0123")).text()).toMatch(/^bo_ballots_cast_total\{channel="online"\} 1$/m);
    await (await import("~/db.server")).closeDatabase();
  });
});
