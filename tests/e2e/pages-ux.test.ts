/**
 * Residents' pages walked as people do (issue #16, items 5, 6, 7 and the minor ones): text pasted
 * from a phone, results on a 390 px phone, the proposal form outside the submission phase and its
 * live cost total, the phone menu without JavaScript, open data for Excel and the archive's .pb.
 * Its own server, seeded in the submission phase; the last test moves the calendar on.
 */
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { signIn } from "../support/http";
import { setDemoPhase } from "../support/phase";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let base = "";
let residentCookie = "";
const SHOTS = "/work/walk/shots";

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "submission" });
  base = server.baseURL;
  browser = await launchBrowser();
  const r = DEMO_USERS.find((u) => u.id === "usr_demo_resident")!;
  residentCookie = await signIn(base, r.email, r.password);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(opts: { phone?: boolean; js?: boolean; lang?: "pl" | "uk" | "en"; signedIn?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, javaScriptEnabled: opts.js ?? true });
  const cookies: { name: string; value: string; url: string }[] = [{ name: "lang", value: opts.lang ?? "pl", url: base }];
  if (opts.signedIn) cookies.push({ name: "bo_session", value: residentCookie.split("=")[1]!, url: base });
  await ctx.addCookies(cookies);
  const page = await ctx.newPage();
  if (opts.js === false) noJs.add(page);
  return { ctx, page };
}
const noJs = new WeakSet<Page>();

/** axe runs inside the page, so a page opened without JavaScript is checked in a JS-enabled twin. */
async function axeOf(page: Page): Promise<string[]> {
  if (!noJs.has(page)) return axeViolations(page);
  const ctx = await browser.newContext({ viewport: page.viewportSize() ?? DESKTOP });
  try {
    await ctx.addCookies(await page.context().cookies());
    const twin = await ctx.newPage();
    await twin.goto(page.url());
    return await axeViolations(twin);
  } finally {
    await ctx.close();
  }
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/hu2-${name}.png`, fullPage: true });

describe("text pasted from a phone or Word (item 5)", () => {
  it("a comment with ZWJ emoji and a soft hyphen is posted without JavaScript; a bell character is named", async () => {
    const list = await (await fetch(`${base}/districts/orlowo`)).text();
    const id = /\/proposals\/(prp_[A-Za-z0-9_-]+)/.exec(list)![1];
    const { ctx, page } = await open({ phone: true, js: false, signedIn: true });
    try {
      await page.goto(`${base}/proposals/${id}`);
      await page.getByLabel("Twój komentarz").fill("Ścianka 🧗‍♀️ dla ro\u00addzin 👨‍👩‍👧 i ❤️ przy\u200bszkole");
      await page.getByRole("button", { name: "Dodaj komentarz" }).click();
      await page.getByText("Komentarz dodany.").waitFor();
      expect(await page.content()).toContain("Ścianka 🧗‍♀️ dla rodzin 👨‍👩‍👧 i ❤️ przyszkole");
      expect(await axeOf(page)).toEqual([]);
      await shot(page, "after-comment-emoji-phone");

      await page.getByLabel("Twój komentarz").fill("Plac\u0007 zabaw");
      await page.getByRole("button", { name: "Dodaj komentarz" }).click();
      await page.getByText("niewidoczny znak sterujący (U+0007) zaraz po „Plac”").waitFor();
      // what was typed stays in the box
      expect(await page.getByLabel("Twój komentarz").inputValue()).toBe("Plac\u0007 zabaw");
      expect(await axeOf(page)).toEqual([]);
      await shot(page, "after-comment-control-phone");
    } finally {
      await ctx.close();
    }
  });

  it("in English the refusal names the character too", async () => {
    const list = await (await fetch(`${base}/districts/orlowo`)).text();
    const id = /\/proposals\/(prp_[A-Za-z0-9_-]+)/.exec(list)![1];
    const { ctx, page } = await open({ js: false, lang: "en", signedIn: true });
    try {
      await page.goto(`${base}/proposals/${id}`);
      await page.getByLabel("Your comment").fill("\u202eevil");
      await page.getByRole("button", { name: "Add comment" }).click();
      await page.getByText("The text starts with an invisible control character that is not allowed (U+202E).").waitFor();
    } finally {
      await ctx.close();
    }
  });

  it("a pasted 300-character name is not cut silently: the form says it is too long", async () => {
    const { ctx, page } = await open({ phone: true, js: false });
    try {
      await page.goto(`${base}/signup`);
      const name = "Zofia ".repeat(50);
      await page.getByLabel("Imię i nazwisko lub pseudonim").fill(name);
      expect((await page.getByLabel("Imię i nazwisko lub pseudonim").inputValue()).length).toBe(300);
      await page.getByLabel("Adres e-mail").fill("zofia.dluga@example.org");
      await page.getByLabel("Hasło", { exact: true }).fill("dlugie-haslo-123");
      await page.getByRole("button", { name: "Załóż konto" }).click();
      await page.getByText("Wpisz najwyżej 60 znaków.").waitFor();
    } finally {
      await ctx.close();
    }
  });
});

describe("results on a phone (item 7)", () => {
  for (const lang of ["pl", "uk", "en"] as const) {
    it(`/results/2025 fits 390 px with readable, named bars (${lang})`, async () => {
      const { ctx, page } = await open({ phone: true, lang });
      try {
        await page.goto(`${base}/results/2025`);
        expect(await overflowsHorizontally(page)).toBe(false);
        const names = page.locator(".bar-name");
        expect(await names.count()).toBe(7);
        expect(await names.first().textContent()).toContain("trolejbus");
        const size = await names.first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        expect(size).toBeGreaterThanOrEqual(14);
        // the table's rows stack: each figure keeps its label
        expect(await page.locator("table.stack-table td[data-label]").first().isVisible()).toBe(true);
        expect(await axeOf(page)).toEqual([]);
        await shot(page, `after-results-phone-${lang}`);
      } finally {
        await ctx.close();
      }
    });
  }

  it("on a desktop the table keeps its columns", async () => {
    const { ctx, page } = await open();
    try {
      await page.goto(`${base}/results/2025`);
      expect(await page.getByRole("columnheader", { name: "Głosy" }).isVisible()).toBe(true);
      expect(await axeOf(page)).toEqual([]);
      await shot(page, "after-results-desktop-pl");
    } finally {
      await ctx.close();
    }
  });

  it("/results/2025/stats hides headings without data", async () => {
    const { ctx, page } = await open({ phone: true });
    try {
      await page.goto(`${base}/results/2025/stats`);
      expect(await page.getByRole("heading", { name: "Według dzielnicy" }).count()).toBe(0);
      expect(await page.getByRole("heading", { name: "Według wieku" }).count()).toBe(0);
      await page.getByText("Dla tej edycji nie ma podziału głosujących").waitFor();
      expect(await page.getByRole("heading", { name: "W kolejnych edycjach" }).count()).toBe(1);
      expect(await axeOf(page)).toEqual([]);
      await shot(page, "after-stats-phone");
    } finally {
      await ctx.close();
    }
  });

  it("open data: an Excel-friendly CSV and the archive's Pabulib file with its citation", async () => {
    const html = await (await fetch(`${base}/results/2025`)).text();
    expect(html).toContain("pool_2025_city-excel.csv");
    expect(html).toContain("pool_2025_city.pb");
    expect(html).toContain("arXiv:2012.06539");
    const pb = await fetch(`${base}/results/2025/pools/pool_2025_city.pb`);
    expect(pb.status).toBe(200);
    expect(pb.headers.get("content-disposition")).toContain("Poland_Gdynia_2025.pb");
    expect(await pb.text()).toMatch(/^META\r?\nkey;value\r?\ndescription;Municipal PB in Gdynia/);
    const excel = await fetch(`${base}/results/2025/pools/pool_2025_city-excel.csv`);
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[1]).toMatch(/;\d+,\d{2};/);
    // the plain CSV stays as it was: no BOM, decimal points
    const plain = await (await fetch(`${base}/results/2025/pools/pool_2025_city.csv`)).text();
    expect(plain.startsWith("rank;")).toBe(true);
    expect((await fetch(`${base}/results/2025/pools/nothing.pb`)).status).toBe(404);
  });

  it("an archived winner is labelled as chosen, not as on the ballot", async () => {
    const { ctx, page } = await open();
    try {
      await page.goto(`${base}/results/2025`);
      await page.locator("table a").first().click();
      await page.getByText("Wybrany do realizacji").first().waitFor();
      expect(await page.getByText("Na liście do głosowania").count()).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});

describe("the phone menu (minor)", () => {
  it("folds behind a menu button that works without JavaScript; the desktop nav is unchanged", async () => {
    const phone = await open({ phone: true, js: false });
    try {
      await phone.page.goto(`${base}/`);
      const nav = phone.page.getByRole("navigation", { name: "Menu główne" });
      expect(await nav.getByRole("link", { name: "Dzielnice" }).isVisible()).toBe(false);
      await shot(phone.page, "after-menu-closed-phone");
      await nav.getByText("Menu", { exact: true }).click();
      expect(await nav.getByRole("link", { name: "Dzielnice" }).isVisible()).toBe(true);
      expect(await axeOf(phone.page)).toEqual([]);
      await phone.page.screenshot({ path: `${SHOTS}/hu2-after-menu-open-phone.png` });
      await nav.getByRole("link", { name: "Dzielnice" }).click();
      await phone.page.waitForURL(/\/districts$/);
    } finally {
      await phone.ctx.close();
    }
    const desk = await open({ lang: "uk" });
    try {
      await desk.page.goto(`${base}/`);
      const nav = desk.page.getByRole("navigation", { name: "Головне меню" });
      expect(await nav.getByText("Меню", { exact: true }).isVisible()).toBe(false);
      expect(await nav.getByRole("link", { name: "Архів" }).isVisible()).toBe(true);
      expect(await axeOf(desk.page)).toEqual([]);
      await desk.page.screenshot({ path: `${SHOTS}/hu2-after-menu-desktop-uk.png` });
    } finally {
      await desk.ctx.close();
    }
  });
});

describe("the proposal form (item 6)", () => {
  it("shows a live total of the cost rows against the pool's cap", async () => {
    const { ctx, page } = await open({ phone: true, signedIn: true });
    try {
      await page.goto(`${base}/proposals/new`);
      await page.getByLabel("Pula", { exact: true }).selectOption("pool_2026_orlowo_small");
      await page.getByLabel("Pozycja 1: kwota w zł", { exact: true }).fill("1000");
      await page.getByLabel("Pozycja 2: kwota w zł", { exact: true }).fill("500,50");
      const total = page.getByTestId("cost-total");
      await expect.poll(() => total.textContent()).toMatch(/^Razem: 1\s500,50\s?zł z .* dozwolonych w tej puli/);
      await page.getByLabel("Pozycja 2: kwota w zł", { exact: true }).fill("5 000 000");
      await expect.poll(() => total.textContent()).toMatch(/więcej niż/);
      expect(await axeOf(page)).toEqual([]);
      await total.screenshot({ path: `${SHOTS}/hu2-after-cost-total-phone.png` });
    } finally {
      await ctx.close();
    }
    const noJs = await open({ phone: true, js: false, signedIn: true });
    try {
      await noJs.page.goto(`${base}/proposals/new`);
      // without JavaScript there is no running total (the server checks the sum on submit)
      expect(await noJs.page.getByTestId("cost-total").isVisible()).toBe(false);
    } finally {
      await noJs.ctx.close();
    }
  });

  it("outside the submission phase says when submission was open instead of showing the form", async () => {
    setDemoPhase(server.dbPath, "voting");
    for (const [lang, text, browse] of [
      ["pl", "Nabór projektów w tej edycji zakończył się", "Zobacz zgłoszone projekty"],
      ["uk", "Прийом проєктів у цьому виданні завершився", "Переглянути подані проєкти"],
      ["en", "Submissions for this edition closed on", "See the submitted projects"],
    ] as const) {
      const { ctx, page } = await open({ phone: true, js: false, lang, signedIn: true });
      try {
        await page.goto(`${base}/proposals/new`);
        await page.getByText(text).waitFor();
        expect(await page.locator("form.proposal-form").count()).toBe(0);
        expect(await page.getByRole("link", { name: browse }).count()).toBe(1);
        expect(await axeOf(page)).toEqual([]);
        await shot(page, `after-new-closed-phone-${lang}`);
      } finally {
        await ctx.close();
      }
    }
  });
});

describe("the home page after publication (minor)", () => {
  it("says the results are published, not that votes are being counted", async () => {
    setDemoPhase(server.dbPath, "counting");
    const before = await (await fetch(`${base}/`, { headers: { Cookie: "lang=pl" } })).text();
    expect(before).toContain("Trwa liczenie głosów");
    // an official published one pool's results (the counting itself is tested in results.test.ts)
    const db = new Database(server.dbPath);
    try {
      db.prepare("insert into pool_tallies (pool_id, voters, spent_grosze, published_at) values (?, 0, 0, ?)").run("pool_2026_orlowo_small", new Date().toISOString());
    } finally {
      db.close();
    }
    const { ctx, page } = await open({ phone: true });
    try {
      await page.goto(`${base}/`);
      await page.getByText("Wyniki są opublikowane.").waitFor();
      expect(await page.getByText("Trwa liczenie głosów").count()).toBe(0);
      expect(await axeOf(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/hu2-after-home-published-phone.png` });
    } finally {
      await ctx.close();
    }
  });
});
