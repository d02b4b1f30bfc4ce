/**
 * The public API, /metrics and the share tags on the built server with the demo seed (issue #17):
 * every path of the OpenAPI document answers JSON its schema accepts unchanged and with no personal
 * key; other methods 405 whatever the body; the limit per IP ends in 429; /metrics wants its token;
 * proposal and results pages carry Open Graph / Twitter tags and a canonical URL from PUBLIC_ORIGIN
 * (not the Host header); the /api page works at phone width without JavaScript, axe-clean, in pl/uk/en.
 */
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forbiddenKeysIn } from "~/domain/api-schemas";
import { ENDPOINTS } from "~/services/public-api.server";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

const TOKEN = "metrics-token-e2e-0123456789";
const LIMIT = 80;
let server: RunningServer;
let browser: Browser;

type Doc = { paths: Record<string, { get: { operationId: string } }>; servers: { url: string }[] };

beforeAll(async () => {
  server = await startServer({ METRICS_TOKEN: TOKEN, RATE_LIMIT_API_PER_IP: String(LIMIT) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const api = (path: string, init?: RequestInit) => fetch(`${server.baseURL}${path}`, init);
const endpointOf = (operationId: string) => ENDPOINTS.find((e) => e.id === operationId)!;

async function checkAnswer(path: string, operationId: string): Promise<unknown> {
  const res = await api(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type"), path).toBe("application/json; charset=utf-8");
  expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
  const body: unknown = await res.json();
  expect(endpointOf(operationId).response.parse(body), path).toEqual(body);
  expect(forbiddenKeysIn(body), path).toEqual([]);
  expect(JSON.stringify(body), path).not.toMatch(/@demo\.bo-gdynia\.pl|usr_|vtr_|blt_/);
  return body;
}

describe("the API on the demo", () => {
  it("answers every path of the OpenAPI document, parameter-free ones and one of each with parameters", async () => {
    const doc = (await (await api("/api/openapi.json")).json()) as Doc;
    expect(doc.servers[0]!.url).toBe(`${server.baseURL}/api/v1`);
    const entries = Object.entries(doc.paths);
    expect(entries.map(([p]) => p).sort()).toEqual(ENDPOINTS.map((e) => e.path).sort());
    for (const [path, item] of entries.filter(([p]) => !p.includes("{"))) await checkAnswer(`/api/v1${path}`, item.get.operationId);

    // the parameters come from the answers themselves: the current year, its first proposal, a published pool
    const current = (await checkAnswer("/api/v1/editions/current", "getCurrentEdition")) as { year: number };
    const list = (await checkAnswer(`/api/v1/editions/${current.year}/proposals?limit=3`, "listProposals")) as { proposals: { id: string }[] };
    const archive = (await checkAnswer("/api/v1/editions/2025/results", "listResults")) as { pools: { poolId: string }[] };
    const values: Record<string, string> = { year: String(current.year) };
    for (const [path, item] of entries.filter(([p]) => p.includes("{"))) {
      const id = item.get.operationId === "getPoolResults" ? archive.pools[0]!.poolId : list.proposals[0]!.id;
      await checkAnswer(`/api/v1${path.replace("{year}", values.year!).replace("{id}", encodeURIComponent(id))}`, item.get.operationId);
    }
  });

  it("refuses every other method with 405 JSON, whatever the body; OPTIONS is the CORS preflight", async () => {
    for (const [method, init] of [
      ["POST", { body: "{}", headers: { "Content-Type": "application/json" } }],
      ["POST", { body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } }],
      ["DELETE", {}],
      ["PUT", { body: "x", headers: { "Content-Type": "text/plain" } }],
    ] as const) {
      const res = await api("/api/v1/editions", { method, ...init });
      expect(res.status, method).toBe(405);
      expect(await res.json()).toEqual({ error: "method_not_allowed" });
    }
    const pre = await api("/api/v1/editions", { method: "OPTIONS", headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    const unknown = await api("/api/v1/nie-ma");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "not_found" });
  });
});

describe("/metrics", () => {
  it("wants the bearer token and then counts requests by route, latency, ballots and the outbox", async () => {
    expect((await api("/metrics")).status).toBe(401);
    expect((await api("/metrics", { headers: { Authorization: "Bearer wrong-token-0123456789abc" } })).status).toBe(401);
    const res = await api("/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^bo_http_requests_total\{method="GET",status="2xx",route="routes\/api\.v1\.\$"\} \d+$/m);
    expect(text).toMatch(/^bo_http_requests_total\{method="POST",status="4xx",route="routes\/api\.v1\.\$"\} \d+$/m);
    expect(text).toMatch(/^bo_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="routes\/api\.v1\.\$"\} \d+$/m);
    expect(text).toContain("# TYPE bo_ballots_cast_total counter");
    expect(text).toMatch(/^bo_outbox_queue_length\{state="queued"\} \d+$/m);
  });
});

describe("share tags", () => {
  it("a proposal page has Open Graph, Twitter and canonical tags from PUBLIC_ORIGIN, and og:image once it has a photo", async () => {
    const id = "prp_city-1";
    const html = await (await api(`/proposals/${id}`, { headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example" } })).text();
    const url = `${server.baseURL}/proposals/${id}`;
    expect(html).toContain(`<link rel="canonical" href="${url}"/>`);
    expect(html).toContain(`<meta property="og:url" content="${url}"/>`);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+"\/>/);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+"\/>/);
    expect(html).toContain('<meta property="og:locale" content="pl_PL"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary"/>');
    expect(html).not.toContain("og:image");
    expect(html).not.toContain("evil.example");

    const w = new Database(server.dbPath);
    w.prepare(
      "insert into attachments (id, proposal_id, file_name, content_type, size_bytes, storage_key, uploaded_by, created_at, description) values ('att_share_test', ?, 'zdjecie.jpg', 'image/jpeg', 10, 'k_share_test', null, ?, 'Skwer przed nasadzeniami')",
    ).run(id, new Date().toISOString());
    w.close();
    const uk = await (await api(`/proposals/${id}`, { headers: { "Accept-Language": "uk" } })).text();
    expect(uk).toContain(`<meta property="og:image" content="${server.baseURL}/attachments/att_share_test"/>`);
    expect(uk).toContain('<meta property="og:image:alt" content="Skwer przed nasadzeniami"/>');
    expect(uk).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(uk).toContain('<meta property="og:locale" content="uk_UA"/>');
  });

  it("a results page has them too", async () => {
    const html = await (await api("/results/2025", { headers: { "Accept-Language": "en" } })).text();
    expect(html).toContain(`<link rel="canonical" href="${server.baseURL}/results/2025"/>`);
    expect(html).toContain('<meta property="og:locale" content="en_GB"/>');
    expect(html).toMatch(/<meta property="og:title" content="[^"]*2025[^"]*"\/>/);
  });
});

describe("the /api page", () => {
  it("on a phone without JavaScript: reached from the footer, lists every endpoint, its example links give JSON", async () => {
    const ctx = await browser.newContext({ viewport: PHONE, locale: "pl-PL", javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.baseURL}/`);
    await page.getByRole("link", { name: "Otwarte dane (API)" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Otwarte dane: API");
    expect(await page.getByRole("heading", { level: 3 }).count()).toBe(ENDPOINTS.length);
    for (const e of ENDPOINTS) expect(await page.getByRole("heading", { level: 3, name: `GET ${e.path}`, exact: true }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Dokument OpenAPI (JSON)" }).getAttribute("href")).toBe("/api/openapi.json");
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole("link", { name: "/api/v1/districts", exact: true }).click();
    expect(JSON.parse((await page.locator("body").textContent()) ?? "")).toMatchObject({ districts: expect.any(Array) });
    await ctx.close();
  });

  it("is axe-clean on a phone (Polish)", async () => {
    const ctx = await browser.newContext({ viewport: PHONE, locale: "pl-PL" });
    const page = await ctx.newPage();
    await page.goto(`${server.baseURL}/api`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, "phone-pl-api");
    await ctx.close();
  });

  it("in Ukrainian and English at desktop width", async () => {
    for (const [locale, title] of [
      ["uk-UA", "Відкриті дані: API"],
      ["en-GB", "Open data: the API"],
    ] as const) {
      const ctx = await browser.newContext({ viewport: DESKTOP, locale });
      const page = await ctx.newPage();
      await page.goto(`${server.baseURL}/api`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `desktop-${locale.slice(0, 2)}-api`);
      await ctx.close();
    }
  });
});

// last: it spends this address's API allowance for a minute
describe("limit per IP", () => {
  it(`answers 429 with Retry-After once ${LIMIT} requests a minute are spent`, async () => {
    let status = 0;
    for (let i = 0; i < LIMIT + 5 && status !== 429; i++) status = (await api("/api/v1/districts")).status;
    expect(status).toBe(429);
    const res = await api("/api/openapi.json");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ error: "rate_limited" });
  });
});
