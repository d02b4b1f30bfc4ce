/**
 * Small groups (#15) in a real browser: twelve people vote in Orłowo and three in Redłowo; the
 * statistics and turnout pages show no group of 1–9 people in their breakdowns and say so in plain
 * words (Polish on a phone without JavaScript, English on a desktop); after counting, the results
 * page says that the small pool's .pb has no ballot lines (and it has none); an administrator lowers the
 * threshold on the edition's page (a wrong number is refused next to the field, what was typed
 * stays) and the small groups appear.
 */
import { DEMO_COMMISSION } from "../../app/cli/seed-data/commission";
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { demoResident } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { setDemoPhase } from "../support/phase";
import { startServer, type RunningServer } from "../support/server";

const SHOTS = "/work/walk/shots";
let server: RunningServer;
let browser: Browser;
let base = "";

/** Casts a ballot over HTTP like a browser without JavaScript: the first large project of the district. */
async function vote(n: number, district: string) {
  const id = await formPost(base, "/vote/bo", { method: "pesel", ...demoResident(n) });
  if (id.status !== 302) throw new Error(`identify ${n}: ${id.status}`);
  const cookie = `bo_vote=${id.headers.get("set-cookie")!.match(/bo_vote=([^;]+)/)![1]}`;
  const html = await (await fetch(`${base}/vote/bo/ballot?district=${district}`, { headers: { Cookie: cookie } })).text();
  const tick = html.match(new RegExp(`<input[^>]*name="tick"[^>]*value="(pool_2026_${district}_large\\|[^"]+)"`))![1]!;
  const cast = await formPost(base, `/vote/bo/ballot?district=${district}`, { intent: "cast", district, tick }, cookie);
  if (cast.status !== 302) throw new Error(`cast ${n}: ${cast.status}`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  base = server.baseURL;
  browser = await launchBrowser();
  for (let n = 0; n < 12; n++) await vote(200 + n, "orlowo");
  for (let n = 0; n < 3; n++) await vote(220 + n, "redlowo");
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(locale: "pl" | "en", phone: boolean, js = true): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: phone ? PHONE : DESKTOP, javaScriptEnabled: js });
  await ctx.addCookies([{ name: "lang", value: locale, url: base }]);
  return { ctx, page: await ctx.newPage() };
}

/** axe needs JavaScript in the page: the same page again, with it. */
async function axeOn(locale: "pl" | "en", phone: boolean, path: string): Promise<string[]> {
  const { ctx, page } = await open(locale, phone);
  try {
    await page.goto(`${base}${path}`);
    return await axeViolations(page);
  } finally {
    await ctx.close();
  }
}

/** Numbers in the breakdown tables (not the per-district one, whose totals are public at any size). */
async function breakdownNumbers(page: Page): Promise<number[]> {
  const cells = await page.locator("#st-age, #st-channel").locator("xpath=..").locator("td.num").allTextContents();
  return cells.filter((c) => !c.includes("%")).map((c) => Number(c.replace(/\s/g, "")));
}

describe("statistics and turnout hide small groups and say so", () => {
  it("statistics in Polish on a phone without JavaScript: district totals in full, small groups merged into one row", async () => {
    const { ctx, page } = await open("pl", true, false);
    try {
      await page.goto(`${base}/results/2026/stats`);
      await page.getByText("Grupy mniejsze niż 10 osób połączono w wierszu „Pozostałe”").waitFor();
      const districts = page.locator("section", { has: page.getByRole("heading", { name: "Według dzielnicy" }) });
      expect(await districts.getByRole("row", { name: /Redłowo/ }).textContent()).toContain("3");
      expect(await page.getByRole("rowheader", { name: "Pozostałe (połączone małe grupy)" }).count()).toBeGreaterThan(0);
      expect((await breakdownNumbers(page)).filter((n) => n > 0 && n < 10)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.screenshot({ path: `${SHOTS}/small-stats-pl-390.png`, fullPage: true });
    } finally {
      await ctx.close();
    }
    expect(await axeOn("pl", true, "/results/2026/stats")).toEqual([]);
  });

  it("statistics in English on a desktop", async () => {
    const { ctx, page } = await open("en", false);
    try {
      await page.goto(`${base}/results/2026/stats`);
      await page.getByText("Groups of fewer than 10 people are merged into the “Other” row").waitFor();
      expect((await breakdownNumbers(page)).filter((n) => n > 0 && n < 10)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/small-stats-en-1280.png`, fullPage: true });
    } finally {
      await ctx.close();
    }
  });

  it("turnout: Redłowo's three voters are a total, not a split by channel (pl phone, en desktop)", async () => {
    for (const [locale, phone, note, hidden] of [
      ["pl", true, "Kreska (–) oznacza grupę mniejszą niż 10 osób", "ukryte"],
      ["en", false, "A dash (–) stands for a group of fewer than 10 people", "hidden"],
    ] as const) {
      const { ctx, page } = await open(locale, phone, !phone);
      try {
        await page.goto(`${base}/turnout`);
        await page.getByText(note).waitFor();
        const row = page.getByRole("row", { name: /Redłowo/ });
        const cells = await row.locator("td").allTextContents();
        expect(cells.slice(0, 3).every((c) => c.includes(hidden))).toBe(true);
        expect(cells[3]).toContain("3");
        await page.screenshot({ path: `${SHOTS}/small-turnout-${locale}-${phone ? 390 : 1280}.png`, fullPage: true });
        expect(await overflowsHorizontally(page)).toBe(false);
      } finally {
        await ctx.close();
      }
      expect(await axeOn(locale, phone, "/turnout"), locale).toEqual([]);
    }
  });
});

describe("the results page and the .pb of a small pool", () => {
  it("Redłowo's pool of three says its .pb has no ballot lines, and the file has none; Orłowo's twelve have theirs", async () => {
    setDemoPhase(server.dbPath, "counting");
    const official = DEMO_USERS.find((u) => u.id === "usr_demo_official")!;
    const cookie = await signIn(base, official.email, official.password);
    // the ballots are sealed: two commission members open the box first (issue #15)
    expect((await formPost(base, "/official/results", { intent: "open", share1: DEMO_COMMISSION.shares[0], share2: DEMO_COMMISSION.shares[1], confirm: "on" }, cookie)).status).toBe(302);
    const counted = await formPost(base, "/official/results", { intent: "count" }, cookie);
    expect(counted.headers.get("location")).toMatch(/ties=0$/);
    expect((await formPost(base, "/official/results", { intent: "publish", confirm: "on" }, cookie)).status).toBe(302);

    const { ctx, page } = await open("pl", true, false);
    try {
      await page.goto(`${base}/results/2026`);
      const section = (district: string) => page.locator("section", { has: page.locator("h2", { hasText: `Duże projekty dzielnicowe · ${district}` }) });
      const note = "Plik .pb tej puli nie zawiera linii głosów, bo głosowało w niej mniej niż 10 osób";
      expect(await section("Redłowo").getByText(note).count()).toBe(1);
      expect(await section("Orłowo").getByText(note).count()).toBe(0);
      // Redłowo's small-projects pool had the same three voters; nobody voted in the other districts:
      // nothing is withheld there, and the page does not say so forty times
      expect(await page.getByText(note).count()).toBe(2);
      await section("Redłowo").screenshot({ path: `${SHOTS}/small-results-pb-note-pl-390.png` });
    } finally {
      await ctx.close();
    }
    const small = await (await fetch(`${base}/results/2026/pools/pool_2026_redlowo_large.pb`)).text();
    expect(small).toContain("fewer than 10 people voted in this pool");
    expect(small.split("\nVOTES\n")[1]).toBe("voter_id;vote\n");
    const big = await (await fetch(`${base}/results/2026/pools/pool_2026_orlowo_large.pb`)).text();
    expect(big.split("\nVOTES\n")[1]!.trim().split("\n")).toHaveLength(13);
  });
});

describe("the administrator sets the threshold", () => {
  it("refuses 1 next to the field and keeps it, saves 3; then Redłowo's 3 online votes are shown", async () => {
    const admin = DEMO_USERS.find((u) => u.id === "usr_demo_admin")!;
    const { ctx, page } = await open("pl", true, false);
    try {
      await ctx.addCookies([{ name: "bo_session", value: (await signIn(base, admin.email, admin.password)).split("=")[1]!, url: base }]);
      await page.goto(`${base}/admin/editions/ed_2026`);
      const field = page.getByLabel("Najmniejsza grupa pokazywana w statystykach (liczba osób)");
      expect(await field.inputValue()).toBe("10");
      await field.fill("1");
      await page.getByRole("button", { name: "Zapisz nazwę i regulamin" }).click();
      await page.getByText("Wpisz liczbę całkowitą od 2 do 100.").waitFor();
      expect(await page.getByLabel("Najmniejsza grupa pokazywana w statystykach (liczba osób)").inputValue()).toBe("1");
      expect(await page.getByLabel("Najmniejsza grupa pokazywana w statystykach (liczba osób)").getAttribute("aria-invalid")).toBe("true");
      // the error is tied to the field for screen readers
      const describedBy = (await page.getByLabel("Najmniejsza grupa pokazywana w statystykach (liczba osób)").getAttribute("aria-describedby")) ?? "";
      expect(await page.locator(describedBy.split(" ").map((id) => `#${id}`).join(", ")).allTextContents()).toContain("Wpisz liczbę całkowitą od 2 do 100.");
      await page.screenshot({ path: `${SHOTS}/small-admin-error-pl-390.png`, fullPage: true });
      await page.getByLabel("Najmniejsza grupa pokazywana w statystykach (liczba osób)").fill("3");
      await page.getByRole("button", { name: "Zapisz nazwę i regulamin" }).click();
      await page.waitForURL(/done=saved/);
      expect(await page.getByLabel("Najmniejsza grupa pokazywana w statystykach (liczba osób)").inputValue()).toBe("3");
      await page.setViewportSize(DESKTOP);
      await page.screenshot({ path: `${SHOTS}/small-admin-saved-pl-1280.png`, fullPage: true });
      // axe on the form, with JavaScript, as the administrator
      const js = await browser.newContext({ viewport: PHONE });
      try {
        await js.addCookies([...(await ctx.cookies())]);
        const p = await js.newPage();
        await p.goto(`${base}/admin/editions/ed_2026`);
        expect(await axeViolations(p)).toEqual([]);
      } finally {
        await js.close();
      }
    } finally {
      await ctx.close();
    }
    const turnout = await (await fetch(`${base}/turnout`)).text();
    expect(turnout).not.toContain("Kreska (–)");
    const { ctx: c2, page: p2 } = await open("pl", true, false);
    try {
      await p2.goto(`${base}/turnout`);
      const cells = await p2.getByRole("row", { name: /Redłowo/ }).locator("td").allTextContents();
      expect(cells.map((c) => c.trim())).toEqual(["3", "0", "0", "3"]);
    } finally {
      await c2.close();
    }
  });
});
