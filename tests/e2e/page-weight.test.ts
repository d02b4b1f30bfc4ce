/**
 * What a public page downloads (issue #18): the language's dictionary and zod stay out of the
 * JavaScript a page needs to start; the page brings the messages it shows in its HTML; a later
 * render that needs more messages waits for the dictionary and still shows the right language.
 */
import { gzipSync } from "node:zlib";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_YEAR } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function contextFor(locale: "pl" | "uk" | "en", opts: { phone?: boolean; js?: boolean; url?: string } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, javaScriptEnabled: opts.js ?? true, locale: "pl-PL", isMobile: opts.phone ?? false });
  await ctx.addCookies([{ name: "lang", value: locale, url: opts.url ?? baseURL }]);
  return ctx;
}

/** Opens a page and records its scripts (URL and gzip size of the body) and its errors. */
async function openRecording(page: Page, path: string) {
  const scripts: { url: string; gzip: number; body: string }[] = [];
  const errors: string[] = [];
  page.on("response", async (r) => {
    if (r.request().resourceType() !== "script") return;
    const body = await r.body().catch(() => Buffer.alloc(0));
    scripts.push({ url: r.url(), gzip: gzipSync(body).length, body: body.toString("utf8") });
  });
  page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(baseURL + path, { waitUntil: "networkidle" });
  // hydrated: Remix's router is there and the page answers a client-side navigation
  await page.waitForFunction(() => "__remixRouter" in window);
  return { scripts, errors };
}

/** The dictionaries' own chunks (public/build/_shared/pl-….js, uk-….js, en-….js). */
const DICTIONARY_CHUNK = /\/(pl|uk|en)-[A-Z0-9]+\.js$/;
const dictionaryLanguages = (scripts: { url: string; body: string }[]) =>
  scripts.filter((s) => DICTIONARY_CHUNK.test(s.url) && s.body.includes("adminEditions.title")).map((s) => DICTIONARY_CHUNK.exec(s.url)![1]);

const navigate = (page: Page, to: string) => page.evaluate((to) => (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate(to), to);

describe("JavaScript per page", () => {
  it.each([
    ["pl", "/", "Budżet Obywatelski Gdynia"],
    ["uk", "/", "Громадський бюджет Гдині"],
  ] as const)("the home page in %s starts with ≤ 120 KB of gzipped JavaScript, no dictionary and no zod", async (locale, path, siteName) => {
    const ctx = await contextFor(locale);
    try {
      const page = await ctx.newPage();
      const { scripts, errors } = await openRecording(page, path);
      const total = scripts.reduce((n, s) => n + s.gzip, 0);
      expect(total / 1024).toBeLessThanOrEqual(120);
      // no dictionary (a message of the admin pages is in no script the page loaded), no zod
      expect(scripts.length).toBeGreaterThan(3);
      for (const s of scripts) {
        expect(s.url).not.toMatch(DICTIONARY_CHUNK);
        expect(s.body).not.toContain("adminEditions.title");
        expect(s.body).not.toContain("ZodError");
      }
      // the messages the page shows came with the HTML, in its language only
      const block = JSON.parse((await page.locator("#bo-i18n").textContent()) ?? "{}") as Record<string, Record<string, string>>;
      expect(Object.keys(block)).toEqual([locale]);
      expect(block[locale]!["site.name"]).toBe(siteName);
      expect(await page.title()).toContain(siteName);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it.each(["/districts", "/districts/orlowo", "PROPOSAL", "/city", "/results/2025/stats", "/no-such-page"])("%s starts with ≤ 120 KB of gzipped JavaScript and hydrates without an error (pl, phone)", async (path) => {
    const ctx = await contextFor("pl", { phone: true });
    try {
      const page = await ctx.newPage();
      if (path === "PROPOSAL") {
        // a real proposal page (comments, attachments, the map): the first one listed in Orłowo
        const list = await (await fetch(`${baseURL}/districts/orlowo`)).text();
        path = /href="(\/proposals\/[^"/]+)"/.exec(list)![1]!;
      }
      const { scripts, errors } = await openRecording(page, path);
      expect(scripts.reduce((n, s) => n + s.gzip, 0) / 1024).toBeLessThanOrEqual(120);
      expect(scripts.some((s) => s.body.includes("ZodError"))).toBe(false);
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
      // and it works as an app: a client-side navigation to the home page
      await navigate(page, "/");
      await page.locator("h1").first().waitFor();
      expect(new URL(page.url()).pathname).toBe("/");
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it.each([
    ["pl", "Archiwum edycji", "Dzielnice Gdyni"],
    ["uk", "Архів видань", "Райони Гдині"],
    ["en", "Archive of editions", "Districts of Gdynia"],
  ] as const)("a client-side navigation in %s waits for the dictionary and shows the next page in the language", async (locale, archive, districts) => {
    const ctx = await contextFor(locale);
    try {
      const page = await ctx.newPage();
      const { scripts, errors } = await openRecording(page, "/");
      expect(dictionaryLanguages(scripts)).toEqual([]);
      // no click, no key: nothing has fetched the dictionary yet, so the render must wait for it
      await navigate(page, "/archive");
      await page.locator("h1", { hasText: archive }).waitFor();
      expect(await page.title()).toContain(archive);
      // one dictionary, of the visitor's language
      await expect.poll(() => dictionaryLanguages(scripts)).toEqual([locale]);
      // a link click: the header's own navigation
      await page.getByRole("navigation").getByRole("link", { name: districts.split(" ")[0]! }).first().click();
      await page.locator("h1", { hasText: districts }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});

describe("a district's proposals, 24 a page", () => {
  // a server of its own: the 30 proposals added here must not reach the other tests' ballots
  let srv: RunningServer;
  const SLUG = "witomino";
  const ADDED = 30;
  let demo = 0;

  beforeAll(async () => {
    srv = await startServer();
    const db = new Database(srv.dbPath);
    try {
      demo = (db.prepare("select count(*) as n from proposals p join pools po on po.id = p.pool_id where po.district_id = ? and p.edition_id = ? and p.status <> 'draft'").get(`dst_${SLUG}`, `ed_${DEMO_YEAR}`) as { n: number }).n;
      const add = db.prepare(
        "insert into proposals (id, edition_id, pool_id, number, title, summary, description, category, location, beneficiaries, cost_grosze, status, search_text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'green', 'Gdynia', 'mieszkańcy', ?, 'accepted', ?, ?, ?)",
      );
      const at = new Date().toISOString();
      db.transaction(() => {
        for (let i = 1; i <= ADDED; i++) {
          const title = `Ławki testowe nr ${String(i).padStart(2, "0")}`;
          add.run(`prp_paging_${i}`, `ed_${DEMO_YEAR}`, `pool_${DEMO_YEAR}_${SLUG}_large`, `${DEMO_YEAR}/PAGING/${String(i).padStart(2, "0")}`, title, "Nowe ławki przy ścieżce.", "Nowe ławki przy ścieżce, z koszami.", 100_000_00, title.toLocaleLowerCase("pl"), at, at);
        }
      })();
    } finally {
      db.close();
    }
  });
  afterAll(async () => srv?.stop());

  it("without JavaScript on a phone: 24 cards, then the next page and back by plain links, filters kept (pl)", async () => {
    const total = demo + ADDED;
    const ctx = await contextFor("pl", { phone: true, js: false, url: srv.baseURL });
    try {
      const page = await ctx.newPage();
      await page.goto(`${srv.baseURL}/districts/${SLUG}`);
      expect(await page.locator(".proposal-card").count()).toBe(24);
      expect(await page.locator("#results-count").textContent()).toBe(`Znaleziono ${total} projektów`);
      const paging = page.getByRole("navigation", { name: "Strony wyników" });
      expect(await paging.getByText(`Strona 1 z 2: projekty 1–24 z ${total}`).count()).toBe(1);
      expect(await paging.getByRole("link", { name: "Poprzednia strona" }).count()).toBe(0);

      await paging.getByRole("link", { name: "Następna strona" }).click();
      await page.waitForURL(/\?page=2$/);
      expect(await page.locator(".proposal-card").count()).toBe(total - 24);
      expect(await page.title()).toContain("strona 2");
      expect(await paging.getByText(`Strona 2 z 2: projekty 25–${total} z ${total}`).count()).toBe(1);
      expect(await paging.getByRole("link", { name: "Następna strona" }).count()).toBe(0);
      await paging.getByRole("link", { name: "Poprzednia strona" }).click();
      await page.waitForURL(new RegExp(`/districts/${SLUG}$`));
      expect(await page.locator(".proposal-card").count()).toBe(24);

      // a search that finds the 30 added: the next page keeps it; a new search starts at page 1
      await page.getByLabel("Szukaj w tytułach i opisach").fill("ławki testowe");
      await page.getByRole("button", { name: "Pokaż projekty" }).click();
      await page.waitForURL(/q=/);
      expect(await page.locator("#results-count").textContent()).toBe("Znaleziono 30 projektów");
      await paging.getByRole("link", { name: "Następna strona" }).click();
      await page.waitForURL(/page=2/);
      expect(new URL(page.url()).searchParams.get("q")).toBe("ławki testowe");
      expect(await page.locator(".proposal-card .card-title").allTextContents()).toEqual(["25", "26", "27", "28", "29", "30"].map((n) => `Ławki testowe nr ${n}`));
      await page.getByRole("button", { name: "Pokaż projekty" }).click();
      await page.waitForURL((u) => !u.searchParams.has("page"));
      expect(await page.locator(".proposal-card").count()).toBe(24);
    } finally {
      await ctx.close();
    }
  });

  // axe and the overflow check run scripts in the page: with JavaScript on, the same pages
  it.each(["", "?page=2"])("passes axe (WCAG 2.1 AA) and fits a phone: /districts/witomino%s (pl, 390 px)", async (query) => {
    const ctx = await contextFor("pl", { phone: true, url: srv.baseURL });
    try {
      const page = await ctx.newPage();
      await page.goto(`${srv.baseURL}/districts/${SLUG}${query}`);
      await page.getByRole("navigation", { name: "Strony wyników" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.screenshot({ path: `/work/walk/shots/perf-district-page${query ? 2 : 1}-390.png`, fullPage: true });
    } finally {
      await ctx.close();
    }
  });

  it("with JavaScript on a desktop, in Ukrainian: the next page comes without a reload and sends only its 24 cards", async () => {
    const ctx = await contextFor("uk", { url: srv.baseURL });
    try {
      const page = await ctx.newPage();
      const html = await (await fetch(`${srv.baseURL}/districts/${SLUG}`, { headers: { Cookie: "lang=uk" } })).text();
      expect(Buffer.byteLength(html) / 1024).toBeLessThan(40);
      await page.goto(`${srv.baseURL}/districts/${SLUG}`);
      await page.waitForFunction(() => "__remixRouter" in window);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: "/work/walk/shots/perf-district-page1-1280-uk.png", fullPage: true });
      const data = page.waitForResponse((r) => r.url().includes(".data"));
      await page.getByRole("link", { name: "Наступна сторінка" }).click();
      await page.waitForURL(/\?page=2$/);
      expect((await (await data).body()).length / 1024).toBeLessThan(10);
      await page.getByText(`Сторінка 2 з 2: проєкти 25–${demo + ADDED} з ${demo + ADDED}`).waitFor();
      expect(await page.locator(".proposal-card").count()).toBe(demo + ADDED - 24);
    } finally {
      await ctx.close();
    }
  });
});
