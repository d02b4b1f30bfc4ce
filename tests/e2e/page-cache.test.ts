/**
 * The page cache of the production server (app/page-cache.server.ts): anonymous visitors get a
 * stored page with a fresh CSP nonce that the browser accepts; signed-in visitors and voters in the
 * middle of their ballot never see a stored page; a write through the server shows at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { demoResident } from "../../app/cli/seed-voting";

let srv: RunningServer;
let browser: Browser;
beforeAll(async () => {
  // a long time to live, so that anything fresh below is fresh because of invalidation
  srv = await startServer({ PAGE_CACHE_TTL_MS: "600000" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? null;

async function get(path: string, headers: Record<string, string> = {}) {
  const r = await fetch(srv.baseURL + path, { headers, redirect: "manual" });
  return { status: r.status, cache: r.headers.get("x-page-cache"), nonce: nonceOf(r.headers.get("content-security-policy")), body: await r.text() };
}

describe("page cache", () => {
  it("answers the second anonymous request from the cache, with a new nonce in header and page alike", async () => {
    const first = await get("/districts/oksywie");
    const second = await get("/districts/oksywie");
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.cache).toBe("miss");
    expect(second.cache).toBe("hit");
    expect(first.nonce).not.toBeNull();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).not.toContain(first.nonce!);
    const scripts = second.body.match(/<script nonce="([^"]+)"/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toBe(`<script nonce="${second.nonce}"`);
    expect(second.body.replaceAll(second.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
  });

  it("keeps languages apart", async () => {
    const uk = await get("/privacy", { Cookie: "lang=uk" });
    const en = await get("/privacy", { "Accept-Language": "en-GB,en;q=0.8" });
    const ukAgain = await get("/privacy", { Cookie: "lang=uk" });
    expect(uk.body).toContain('lang="uk"');
    expect(en.body).toContain('lang="en"');
    expect(ukAgain.cache).toBe("hit");
    expect(ukAgain.body).toContain('lang="uk"');
  });

  it("never serves the anonymous page to a signed-in visitor, nor a stored page to a voter with a ballot in progress", async () => {
    await get("/");
    expect((await get("/")).cache).toBe("hit");
    const session = await signIn(srv.baseURL, "mieszkaniec@demo.bo-gdynia.pl", "Demo-Mieszkaniec-2026");
    // a signed-in copy of its own (tests/e2e/signed-in-cache.test.ts), never the anonymous one
    const signedIn = await get("/", { Cookie: session });
    expect(signedIn.cache).toBe("miss");
    expect(signedIn.body).toContain('href="/account"');
    expect(signedIn.body).not.toContain('href="/signin"');
    // a page that is not shared between signed-in visitors goes to the application every time
    expect((await get("/account", { Cookie: session })).cache).toBe("bypass");
    const voter = await get("/vote/bo", { Cookie: "bo_vote=whatever" });
    expect(voter.cache).toBe("bypass");
  });

  it("gives voters the shared district and ballot pages only with a valid voting cookie", async () => {
    const identify = async (n: number) => {
      const r = await formPost(srv.baseURL, "/vote/bo?index", { method: "pesel", ...demoResident(n) });
      const cookie = /bo_vote=([^;]+)/.exec(r.headers.get("set-cookie") ?? "")?.[1];
      expect(r.status).toBe(302);
      expect(cookie).toBeTruthy();
      return `bo_vote=${cookie}`;
    };
    const first = await identify(3);
    const second = await identify(4);
    const a = await get("/vote/bo/ballot?district=oksywie", { Cookie: first });
    const b = await get("/vote/bo/ballot?district=oksywie", { Cookie: second });
    expect([a.status, a.cache, b.status, b.cache]).toEqual([200, "miss", 200, "hit"]);
    expect(b.body).toContain('name="tick"');
    // a forged cookie is not served the stored page: the application sends it back to identify
    const forged = await get("/vote/bo/ballot?district=oksywie", { Cookie: `${second.slice(0, -3)}xyz` });
    expect(forged.cache).toBe("bypass");
    expect(forged.status).toBe(302);
  });

  it("shows a write made through the server at once: a new comment appears for anonymous visitors", async () => {
    const city = await get("/city");
    const id = /href="\/proposals\/([A-Za-z0-9_-]+)"/.exec(city.body)?.[1];
    expect(id).toBeTruthy();
    await get(`/proposals/${id}`);
    expect((await get(`/proposals/${id}`)).cache).toBe("hit");
    const session = await signIn(srv.baseURL, "mieszkanka@demo.bo-gdynia.pl", "Demo-Mieszkaniec-2026");
    const text = `Komentarz widoczny od razu ${Date.now()}`;
    const posted = await formPost(srv.baseURL, `/proposals/${id}`, { intent: "comment", body: text }, session);
    expect(posted.status).toBeLessThan(400);
    const after = await get(`/proposals/${id}`);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain(text);
  });

  it("serves a stored page that the browser runs without a CSP complaint and hydrates", async () => {
    await get("/districts/orlowo", { "Accept-Language": "pl-PL,pl;q=0.9" });
    const context = await browser.newContext({ locale: "pl-PL" });
    const page = await context.newPage();
    const complaints: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) complaints.push(m.text());
    });
    const res = await page.goto(`${srv.baseURL}/districts/orlowo`);
    expect(res?.headers()["x-page-cache"]).toBe("hit");
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
    // a client-side navigation works from the stored page
    await page.getByRole("link", { name: /Dzielnice/ }).first().click();
    await page.waitForURL(/\/districts$/);
    expect(complaints).toEqual([]);
    await context.close();
  });
});
