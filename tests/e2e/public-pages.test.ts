import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";

const baseURL = inject("baseURL");
let browser: Browser;
let proposalPath = "";

beforeAll(async () => {
  browser = await launchBrowser();
  // find a real proposal page to test from the district listing
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${baseURL}/districts/orlowo`);
  proposalPath = (await page.locator(".proposal-card a").first().getAttribute("href")) ?? "";
  await ctx.close();
});
afterAll(async () => browser?.close());

async function contextFor(locale: "pl" | "uk" | "en", opts: { phone?: boolean; js?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    viewport: opts.phone ? PHONE : DESKTOP,
    javaScriptEnabled: opts.js ?? true,
    locale: "pl-PL",
    isMobile: opts.phone ?? false,
  });
  await ctx.addCookies([{ name: "lang", value: locale, url: baseURL }]);
  return ctx;
}

const PAGES = [
  "/",
  "/districts",
  "/districts/orlowo",
  "/districts/orlowo?pool=district_small&category=",
  "PROPOSAL",
  "/city",
  "/programmes/youth",
  "/programmes/children",
  "/archive",
  "/archive/2025",
  "/accessibility",
];
const resolve = (p: string) => (p === "PROPOSAL" ? proposalPath : p);
const shotName = (p: string) => (p === "PROPOSAL" ? "proposal" : p === "/" ? "home" : p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, ""));

describe.each(["pl", "uk", "en"] as const)("public pages in %s", (locale) => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await contextFor(locale);
    page = await ctx.newPage();
  });
  afterAll(async () => ctx.close());

  it.each(PAGES)("%s renders in the language and passes axe (WCAG 2.1 AA)", async (path) => {
    expect(proposalPath).toMatch(/^\/proposals\//);
    const res = await page.goto(baseURL + resolve(path));
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe(locale);
    await expect(page.locator("h1").first().textContent()).resolves.toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    if (locale !== "en") await screenshot(page, `desktop-${locale}-${shotName(path)}`);
  });

  it("answers an unknown address with a translated 404 page that passes axe", async () => {
    const res = await page.goto(`${baseURL}/no-such-page`);
    expect(res?.status()).toBe(404);
    const h1 = await page.locator("h1").textContent();
    expect(h1).toBe({ pl: "Nie znaleziono strony", uk: "Сторінку не знайдено", en: "Page not found" }[locale]);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("on a phone", () => {
  it.each(PAGES)("%s fits the screen, passes axe, and is captured", async (path) => {
    const ctx = await contextFor("pl", { phone: true });
    try {
      const page = await ctx.newPage();
      await page.goto(baseURL + resolve(path));
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `phone-pl-${shotName(path)}`);
    } finally {
      await ctx.close();
    }
  });
});

describe("without JavaScript", () => {
  it("switches the language with the form and remembers it", async () => {
    const ctx = await contextFor("pl", { js: false });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/districts`);
      expect(await page.locator("h1").textContent()).toBe("Dzielnice Gdyni");
      await page.getByRole("button", { name: "Українська" }).click();
      await page.waitForURL(`${baseURL}/districts`);
      expect(await page.getAttribute("html", "lang")).toBe("uk");
      expect(await page.locator("h1").textContent()).toBe("Райони Гдині");
      await page.goto(`${baseURL}/archive`);
      expect(await page.locator("h1").textContent()).toBe("Архів видань");
      await page.getByRole("button", { name: "English" }).click();
      expect(await page.locator("h1").textContent()).toBe("Archive of editions");
    } finally {
      await ctx.close();
    }
  });

  it("filters a district's proposals by pool with a plain GET form", async () => {
    const ctx = await contextFor("pl", { js: false });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/districts/orlowo`);
      const all = await page.locator(".proposal-card").count();
      await page.getByLabel("Rodzaj projektu").selectOption("district_small");
      await page.getByRole("button", { name: "Pokaż projekty" }).click();
      await page.waitForURL(/pool=district_small/);
      const small = page.locator(".proposal-card");
      expect(await small.count()).toBeGreaterThan(0);
      expect(await small.count()).toBeLessThan(all);
      for (const text of await small.locator(".card-meta").allTextContents()) expect(text).toContain("Małe projekty dzielnicowe");
      await expect(page.locator("#results-count").textContent()).resolves.toMatch(/^Znaleziono \d+ projekt/);
    } finally {
      await ctx.close();
    }
  });

  it("searches and shows a clear empty state", async () => {
    const ctx = await contextFor("en", { js: false });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/districts/orlowo`);
      await page.getByLabel("Search titles and descriptions").fill("zzzz-no-such-thing");
      await page.getByRole("button", { name: "Show projects" }).click();
      await page.waitForURL(/q=zzzz/);
      expect(await page.locator(".proposal-card").count()).toBe(0);
      expect(await page.locator(".empty").textContent()).toContain("No project matches");
    } finally {
      await ctx.close();
    }
  });
});

describe("the demo in the voting phase", () => {
  it("shows a proposal's public history (rejected, appealed, reinstated) and no call for supports", async () => {
    const ctx = await contextFor("pl", { phone: true, js: false });
    const page = await ctx.newPage();
    await page.goto(`${baseURL}/districts/dabrowa`);
    await page.getByRole("link", { name: "Zielony skwer przy ul. Rdestowej" }).click();
    await page.getByRole("heading", { name: "Zielony skwer przy ul. Rdestowej" }).waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toContain("Działka przy ul. Rdestowej należy do spółdzielni mieszkaniowej");
    expect(text).toContain("Odwołanie zasadne: wypis z rejestru gruntów potwierdza");
    // submission ended weeks ago: no count to reach, no button, no "sign in to support"
    expect(text).not.toContain("Poparcia:");
    expect(await page.getByText("Zaloguj się, aby poprzeć projekt.").count()).toBe(0);
    await page.goto(baseURL + proposalPath);
    expect(await page.locator("main").innerText()).not.toContain("Poparcia:");
    await ctx.close();
  });
});

describe("archive of the real Gdynia 2025 city-wide vote", () => {
  it("lists the real projects with their real vote counts", async () => {
    const ctx = await contextFor("pl");
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/archive/2025`);
      const rows = page.locator("tbody tr");
      expect(await rows.count()).toBe(7);
      const cells = (await rows.first().locator("td").allTextContents()).map((c) => c.replace(/\u00a0/g, " "));
      expect(cells[1]).toContain("Ikarus 280E");
      expect(cells[2]).toBe("8579"); // Polish leaves four-digit numbers ungrouped
      expect(cells[3]).toBe("100 000 zł");
      expect(cells[4]).toBe("Wybrany");
      const votes = (await rows.locator("td:nth-child(3)").allTextContents()).map((v) => Number(v.replace(/\s/g, "")));
      expect(votes).toEqual([8579, 6003, 5903, 5410, 4560, 1875, 1348]);
      expect((await page.locator("main").textContent())?.replace(/\u00a0/g, " ")).toContain("Głosujących: 15 962");
      await rows.first().getByRole("link", { name: /Ikarus 280E/ }).click();
      await page.waitForURL(/\/proposals\//);
      expect(await page.locator(".result-box").textContent()).toContain("8579 głosów");
    } finally {
      await ctx.close();
    }
  });
});

describe("HTTP basics", () => {
  it("sends security headers with a script nonce and no inline-script allowance", async () => {
    const res = await fetch(`${baseURL}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("refuses a cross-site language change and leaves no cookie", async () => {
    const res = await fetch(`${baseURL}/lang`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      body: "lang=uk&redirectTo=/",
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("does not redirect off-site after a language change", async () => {
    const res = await fetch(`${baseURL}/lang`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL },
      body: "lang=en&redirectTo=//evil.example/x",
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
    expect(res.headers.get("set-cookie")).toMatch(/^lang=en;/);
  });

  it("answers /healthz", async () => {
    const res = await fetch(`${baseURL}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
  });
});
