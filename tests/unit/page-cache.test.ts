import { describe, expect, it } from "vitest";
import { PageCache, headerList, invalidatesPages as invalidatesWith, isCacheablePath as cacheableWith, pageCacheKey as keyWith, wantsSignedInVariant as wantsWith } from "~/page-cache.server";
import { variantOf } from "~/auth/page-variant.server";
import { routeMetaLookup } from "~/http/route-meta.server";
import { appRouteTable } from "../support/route-table";

// what the routes in app/routes declare (handle), matched as Remix matches them
const meta = routeMetaLookup(appRouteTable());
const isCacheablePath = (path: string) => cacheableWith(path, meta);
const invalidatesPages = (method: string, path: string) => invalidatesWith(method, path, meta);
const pageCacheKey = (req: Parameters<typeof keyWith>[0], voterVariant?: Parameters<typeof keyWith>[2]) => keyWith(req, meta, voterVariant);

const html = (nonce: string) => Buffer.from(`<html><script nonce="${nonce}">a()</script><p>treść</p><script nonce="${nonce}">b()</script></html>`);
const page = (nonce: string, extra: [string, string][] = []) => ({
  status: 200,
  headers: [["content-type", "text/html; charset=utf-8"], ...extra] as [string, string][],
  body: html(nonce),
  html: true,
  nonce,
});

describe("which requests the page cache may answer", () => {
  it.each([
    ["/", true],
    ["/_root.data", true],
    ["/districts", true],
    ["/districts/babie-doly", true],
    ["/districts/babie-doly.data", true],
    ["/proposals/prp_1", true],
    ["/proposals/new", false],
    ["/proposals/prp_1/edit", false],
    ["/vote", true],
    ["/vote/bo", true],
    ["/vote/bo/ballot", false],
    ["/vote/receipt", true], // the page itself; the lookup is a query and POST (see below)
    ["/results/2025", true],
    ["/results/2025/pools/city.pb", true],
    ["/account", false],
    ["/official/results", false],
    ["/dev/mailbox", false],
    ["/signin", false],
    ["/admin/users", false],
    ["/results/2025/stats", true],
    ["/results/2025/stats.data", true],
    ["/official/register", false],
    ["/admin/editions/ed_2026", false],
    ["/no-such-page", false],
  ])("%s → %s", (path, expected) => {
    expect(isCacheablePath(path)).toBe(expected);
  });

  it("keys by language and the full path with its query", () => {
    expect(pageCacheKey({ method: "GET", url: "/districts/oksywie?q=park" })).toBe("pl /districts/oksywie?q=park");
    expect(pageCacheKey({ method: "GET", url: "/", cookie: "lang=uk" })).toBe("uk /");
    expect(pageCacheKey({ method: "GET", url: "/", acceptLanguage: "en-GB,en;q=0.9" })).toBe("en /");
    // the cookie wins over the browser's preference, as in the app
    expect(pageCacheKey({ method: "GET", url: "/", cookie: "lang=pl", acceptLanguage: "en" })).toBe("pl /");
  });

  it("bypasses requests that carry any cookie but the language one, other methods and unknown pages", () => {
    expect(pageCacheKey({ method: "GET", url: "/", cookie: "bo_session=abc" })).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/vote/bo", cookie: "lang=pl; bo_vote=s.sig" })).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/vote/bo", cookie: "bo_point=x" })).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/", cookie: "tracking=1" })).toBeNull();
    expect(pageCacheKey({ method: "POST", url: "/" })).toBeNull();
    expect(pageCacheKey({ method: "HEAD", url: "/" })).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/account" })).toBeNull();
    expect(pageCacheKey({ method: "GET", url: `/districts/x?q=${"a".repeat(600)}` })).toBeNull();
  });

  it("keeps a signed-in visitor's copy of a shared page under the session's variant, and only then", () => {
    const wants = (url: string, cookie?: string, method = "GET") => wantsWith({ method, url, cookie }, meta);
    expect(wants("/districts/oksywie", "bo_session=abc")).toBe(true);
    expect(wants("/districts/oksywie?page=2", "lang=uk; bo_session=abc")).toBe(true);
    expect(wants("/", "bo_session=abc")).toBe(true);
    // not marked shared (own support, authorship), not cacheable at all, another cookie, no session, a POST
    expect(wants("/proposals/prp_1", "bo_session=abc")).toBe(false);
    expect(wants("/account", "bo_session=abc")).toBe(false);
    expect(wants("/districts/oksywie", "bo_session=abc; bo_vote=x")).toBe(false);
    expect(wants("/districts/oksywie", "lang=pl")).toBe(false);
    expect(wants("/districts/oksywie", "bo_session=abc", "POST")).toBe(false);
    expect(keyWith({ method: "GET", url: "/districts/oksywie", cookie: "lang=uk; bo_session=abc" }, meta, undefined, "V1")).toBe("uk /districts/oksywie signed:V1");
    // no variant (an invalid session): no key; a variant never opens a page that is not shared
    expect(keyWith({ method: "GET", url: "/districts/oksywie", cookie: "bo_session=abc" }, meta, undefined, null)).toBeNull();
    expect(keyWith({ method: "GET", url: "/proposals/prp_1", cookie: "bo_session=abc" }, meta, undefined, "V1")).toBeNull();
    // the anonymous key stays the anonymous key, whatever variant is passed
    expect(keyWith({ method: "GET", url: "/districts/oksywie" }, meta, undefined, "V1")).toBe("pl /districts/oksywie");
  });

  it("makes one variant of the same roles and follows in any order, and another of any difference", () => {
    const resident = [{ role: "resident", scope: "*" }];
    const v = variantOf(resident, ["district:d1", "proposal:p2"]);
    expect(variantOf(resident, ["proposal:p2", "district:d1"])).toBe(v);
    expect(variantOf(resident, ["district:d1"])).not.toBe(v);
    expect(variantOf([...resident, { role: "official", scope: "bo" }], ["district:d1", "proposal:p2"])).not.toBe(v);
    expect(variantOf([{ role: "official", scope: "youth" }], [])).not.toBe(variantOf([{ role: "official", scope: "bo" }], []));
    expect(v).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("keeps a voter's district and ballot pages per programme and parent/self, only with a cookie the app confirms", () => {
    const confirm = (cookie: string | undefined) => (cookie?.includes("bo_vote=good") ? "ed_2026_bo|self" : null);
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/ballot?district=oksywie", cookie: "bo_vote=good" }, confirm)).toBe("pl /vote/bo/ballot?district=oksywie voter:ed_2026_bo|self");
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/district", cookie: "lang=en; bo_vote=good" }, confirm)).toBe("en /vote/bo/district voter:ed_2026_bo|self");
    // forged or expired cookie, no cookie, a voting point's device, a session: to the application
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/district", cookie: "bo_vote=forged" }, confirm)).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/district" }, confirm)).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/district", cookie: "bo_vote=good; bo_point=t" }, confirm)).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/district", cookie: "bo_vote=good; bo_session=s" }, confirm)).toBeNull();
    // other voter pages are never kept
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/done", cookie: "bo_vote=good" }, confirm)).toBeNull();
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/child", cookie: "bo_vote=good" }, confirm)).toBeNull();
    // without a checker nothing of a voter's is kept
    expect(pageCacheKey({ method: "GET", url: "/vote/bo/district", cookie: "bo_vote=good" })).toBeNull();
  });

  it("lets writes empty the cache, except a voter's own steps and the language switch", () => {
    expect(invalidatesPages("POST", "/official/final-list")).toBe(true);
    expect(invalidatesPages("POST", "/proposals/prp_1")).toBe(true);
    expect(invalidatesPages("POST", "/vote/bo/ballot")).toBe(false);
    expect(invalidatesPages("POST", "/lang")).toBe(false);
    expect(invalidatesPages("GET", "/official/final-list")).toBe(false);
    expect(invalidatesPages("POST", "/vote/bo/child")).toBe(false);
    expect(invalidatesPages("POST", "/admin/editions/ed_2026/phases")).toBe(true);
    expect(invalidatesPages("POST", "/no-such-page")).toBe(true);
  });
});

describe("PageCache", () => {
  const opts = { ttlMs: 5000, maxBytes: 10_000 };

  it("serves a stored page with the new request's nonce in place of the old one", () => {
    const cache = new PageCache(opts);
    expect(cache.store("pl /", page("OLDnonce-1"), cache.generation, 0)).toBe(true);
    const hit = cache.get("pl /", 100)!;
    const body = cache.bodyFor(hit, "NEW_nonce2").toString();
    expect(body).toBe(html("NEW_nonce2").toString());
    expect(body).not.toContain("OLDnonce-1");
  });

  it("keeps non-HTML bodies as they are", () => {
    const cache = new PageCache(opts);
    const csv = Buffer.from("id,votes\nP1,10\n");
    cache.store("pl /results/2025/pools/city.csv", { status: 200, headers: [["content-type", "text/csv"]], body: csv, html: false }, cache.generation, 0);
    expect(cache.bodyFor(cache.get("pl /results/2025/pools/city.csv", 1)!, "n").equals(csv)).toBe(true);
  });

  it("forgets a page after its time to live", () => {
    const cache = new PageCache(opts);
    cache.store("pl /", page("n1"), cache.generation, 1000);
    expect(cache.get("pl /", 5999)).toBeDefined();
    expect(cache.get("pl /", 6000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("refuses answers that are personal, failed or rendered before a write", () => {
    const cache = new PageCache(opts);
    expect(cache.store("k", page("n", [["set-cookie", "bo_session=x"]]), cache.generation, 0)).toBe(false);
    expect(cache.store("k", page("n", [["cache-control", "private, no-store"]]), cache.generation, 0)).toBe(false);
    // a signed-in copy is told "private, no-store" for the browser, and kept; any other private answer is not
    expect(cache.store("k", page("n", [["cache-control", "private, max-age=60"]]), cache.generation, 0, { signedIn: true })).toBe(false);
    expect(cache.store("k", page("n", [["set-cookie", "bo_session=x"], ["cache-control", "private, no-store"]]), cache.generation, 0, { signedIn: true })).toBe(false);
    expect(cache.store("s", page("n", [["cache-control", "private, no-store"]]), cache.generation, 0, { signedIn: true })).toBe(true);
    expect(cache.get("s", 0)?.headers).toContainEqual(["cache-control", "private, no-store"]);
    expect(cache.store("k", { ...page("n"), status: 404 }, cache.generation, 0)).toBe(false);
    expect(cache.store("k", { ...page("n"), nonce: undefined }, cache.generation, 0)).toBe(false);
    const before = cache.generation;
    cache.invalidate();
    expect(cache.store("k", page("n"), before, 0)).toBe(false);
    expect(cache.store("k", page("n"), cache.generation, 0)).toBe(true);
    // a fence keeps what is stored but refuses what was rendered across it
    const beforeFence = cache.generation;
    cache.fence();
    expect(cache.get("k", 0)).toBeDefined();
    expect(cache.store("k2", page("n"), beforeFence, 0)).toBe(false);
    expect(cache.store("k2", page("n"), cache.generation, 0)).toBe(true);
  });

  it("drops per-response headers and keeps the page's own", () => {
    const cache = new PageCache(opts);
    const headers = headerList({ "Content-Type": "text/html", "Content-Security-Policy": "x", Date: "d", "Content-Encoding": "gzip", "X-Page-Cache": "miss", "X-Frame-Options": "DENY" });
    cache.store("k", { status: 200, headers, body: html("n"), html: true, nonce: "n" }, cache.generation, 0);
    expect(cache.get("k", 1)!.headers).toEqual([
      ["content-type", "text/html"],
      ["x-frame-options", "DENY"],
    ]);
  });

  it("empties on invalidate and stays within its byte budget, oldest out first", () => {
    const cache = new PageCache({ ttlMs: 5000, maxBytes: 4 * html("n").length + 10 });
    for (let i = 0; i < 6; i++) cache.store(`k${i}`, page("n"), cache.generation, i);
    expect(cache.storedBytes).toBeLessThanOrEqual(cache.options.maxBytes);
    expect(cache.get("k0", 10)).toBeUndefined();
    expect(cache.get("k5", 10)).toBeDefined();
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(cache.storedBytes).toBe(0);
  });

  it("is off with a zero time to live", () => {
    const cache = new PageCache({ ttlMs: 0, maxBytes: 1000 });
    expect(cache.enabled).toBe(false);
    expect(cache.store("k", page("n"), cache.generation, 0)).toBe(false);
  });
});
