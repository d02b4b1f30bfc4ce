/**
 * What a public page downloads (issue #18): the language's dictionary and zod stay out of the
 * JavaScript a page needs to start; the page brings the messages it shows in its HTML; a later
 * render that needs more messages waits for the dictionary and still shows the right language.
 */
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE } from "../support/browser";

const baseURL = inject("baseURL");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function contextFor(locale: "pl" | "uk" | "en", opts: { phone?: boolean; js?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, javaScriptEnabled: opts.js ?? true, locale: "pl-PL", isMobile: opts.phone ?? false });
  await ctx.addCookies([{ name: "lang", value: locale, url: baseURL }]);
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
