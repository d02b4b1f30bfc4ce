/**
 * Mutually exclusive projects (#14, Warszawa) in a real browser, server seeded at the final list
 * (projects on the ballot, voting not started): the administrator opens a pool's exclusive page from
 * the pools page and, on a phone without JavaScript in Polish, is refused a one-project group with
 * the tick kept, then creates a group of two; in Ukrainian with JavaScript removes it; a voter reads
 * the group on the ballot (each test makes the group it needs when run alone; the ballot test opens
 * voting, so it runs after the set-up tests). The results
 * page names a pool's groups (the archived 2025 edition's city pool, given a group in its stored rule:
 * the service rightly refuses an archived edition, so the row is written directly — display only).
 */
import { mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, openContext, overflowsHorizontally, PHONE, walkToPolishBallot } from "../support/browser";
import { signIn } from "../support/http";
import { setDemoPhase } from "../support/phase";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { openDatabase } from "../../db/client";
import { changeExclusiveGroups } from "../../app/services/ballot-setup.server";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
let cookie = "";
const SHOTS = "/work/walk/shots";
const POOLS = "/admin/editions/ed_2026/pools";
const PAGE = "/admin/editions/ed_2026/pools/pool_2026_city/exclusive";
let titles: string[] = [];

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "final_list" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const admin = DEMO_USERS.find((u) => u.id === "usr_demo_admin")!;
  cookie = await signIn(baseURL, admin.email, admin.password);
  const r = new Database(server.dbPath, { readonly: true });
  titles = (r.prepare("select title from proposals where pool_id = 'pool_2026_city' and status = 'accepted' order by title, id").all() as { title: string }[]).map((x) => x.title);
  r.close();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const asAdmin = (opts: { phone?: boolean; js?: boolean; locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> => openContext(browser, baseURL, { ...opts, session: cookie });
/** The city pool's first two projects made one group through the page's service (before voting), unless it has a group already; returns them. */
async function groupOfTwo(): Promise<{ id: string; title: string }[]> {
  const { db, close } = openDatabase(server.dbPath);
  try {
    const two = await db.selectFrom("proposals").select(["id", "title"]).where("pool_id", "=", "pool_2026_city").where("status", "=", "accepted").orderBy("title").orderBy("id").limit(2).execute();
    const rule = await db.selectFrom("pools").select("selection_rule").where("id", "=", "pool_2026_city").executeTakeFirstOrThrow();
    if (!JSON.parse(rule.selection_rule).exclusive) {
      const r = await changeExclusiveGroups(db, { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] }, { editionId: "ed_2026", poolId: "pool_2026_city", change: { set: [two.map((x) => x.id)] } });
      expect(r.ok).toBe(true);
    }
    return two;
  } finally {
    await close();
  }
}
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/excl-${name}.png`, fullPage: true });

describe("mutually exclusive projects of a pool", () => {
  it("is for administrators only; an unknown pool is 404", async () => {
    expect((await fetch(baseURL + PAGE, { redirect: "manual" })).status).toBeGreaterThanOrEqual(300);
    expect((await fetch(baseURL + "/admin/editions/ed_2026/pools/pool_nie-ma/exclusive", { headers: { cookie } })).status).toBe(404);
  });

  it("pl, phone, no JavaScript: a lone project is refused with the tick kept, two make a group", async () => {
    expect(titles.length).toBeGreaterThanOrEqual(3);
    const { ctx, page } = await asAdmin({ phone: true, js: false });
    try {
      await page.goto(baseURL + POOLS);
      await page.locator(".table-wrap").first().screenshot({ path: `${SHOTS}/excl-pools-390.png` });
      await page.getByRole("link", { name: /^Projekty wykluczające się\s*: Ogólnomiejska$/ }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Projekty wykluczające się: Ogólnomiejska");
      expect(await page.getByText("Ta pula nie ma jeszcze grup projektów wykluczających się.").isVisible()).toBe(true);
      const form = page.locator("form", { has: page.getByRole("button", { name: "Utwórz grupę" }) });
      await form.getByLabel(titles[0]!).check();
      await form.getByRole("button", { name: "Utwórz grupę" }).click();
      await expect.poll(() => page.locator("#add-error").textContent()).toBe("Zaznacz co najmniej dwa projekty.");
      expect(await page.locator("form", { has: page.getByRole("button", { name: "Utwórz grupę" }) }).getByLabel(titles[0]!).isChecked()).toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, "refused-390");
      await page.getByLabel(titles[1]!).check();
      await page.getByRole("button", { name: "Utwórz grupę" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Utworzono grupę projektów wykluczających się.");
      const group = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Grupa 1" }) });
      expect(await group.textContent()).toContain(titles[0]!);
      expect(await group.textContent()).toContain(titles[1]!);
      // the grouped projects are no longer offered for a new group
      expect(await page.locator("form", { has: page.getByRole("button", { name: "Utwórz grupę" }) }).getByLabel(titles[0]!).count()).toBe(0);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, "group-390");
    } finally {
      await ctx.close();
    }
  });

  it("the pools page counts the groups; uk with JavaScript: axe clean, the group is removed", async () => {
    await groupOfTwo();
    const { ctx, page } = await asAdmin({ locale: "uk-UA" });
    try {
      await page.goto(baseURL + POOLS);
      await page.locator(".table-wrap").first().screenshot({ path: `${SHOTS}/excl-pools-1280-uk.png` });
      await page.getByRole("link", { name: /^Взаємовиключні проєкти \(1\)/ }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Взаємовиключні проєкти");
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "group-1280-uk");
      await page.getByRole("button", { name: "Видалити цю групу" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Групу видалено.");
      expect(await page.getByText("У цьому пулі ще немає груп взаємовиключних проєктів.").isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it("the ballot tells voters the category has a group and names its projects (pl, phone)", async () => {
    const ids = await groupOfTwo();
    setDemoPhase(server.dbPath, "voting");
    const ctx = await browser.newContext({ viewport: PHONE, locale: "pl-PL" });
    try {
      const page = await ctx.newPage();
      await walkToPolishBallot(page, baseURL, DEMO_VOTERS.adult, "Orłowo");
      const rule = page.locator("fieldset.ballot-pool", { hasText: ids[0]!.title }).locator("details.selection-rule");
      await rule.locator("summary").click();
      await rule.getByText("W tej kategorii są projekty wykluczające się").waitFor();
      expect(await rule.getByRole("listitem").first().textContent()).toBe(`Grupa 1: ${ids[0]!.title} / ${ids[1]!.title}`);
      expect(await axeViolations(page)).toEqual([]);
      await rule.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/excl-ballot-390.png` });
    } finally {
      await ctx.close();
    }
  });

  it("the results page says the pool had groups and names their projects (pl, en)", async () => {
    const w = new Database(server.dbPath);
    const rows = w.prepare("select proposal_id, p.title from pool_results r join proposals p on p.id = r.proposal_id where r.pool_id = 'pool_2025_city' order by r.rank limit 2").all() as { proposal_id: string; title: string }[];
    const pool = w.prepare("select selection_rule from pools where id = 'pool_2025_city'").get() as { selection_rule: string };
    w.prepare("update pools set selection_rule = ? where id = 'pool_2025_city'").run(JSON.stringify({ ...JSON.parse(pool.selection_rule), exclusive: [rows.map((r) => r.proposal_id)] }));
    w.close();
    for (const [locale, sentence, viewport] of [["pl-PL", "W tej puli są projekty wykluczające się", PHONE], ["en-GB", "This pool has mutually exclusive projects", DESKTOP]] as const) {
      const ctx = await browser.newContext({ viewport, locale });
      try {
        const page = await ctx.newPage();
        await page.goto(baseURL + "/results/2025");
        const section = page.locator("section", { has: page.getByText(sentence) });
        expect(await section.count()).toBe(1);
        const item = section.getByRole("listitem").filter({ hasText: /^(Grupa|Group) 1:/ });
        expect(await item.textContent()).toContain(`${rows[0]!.title} / ${rows[1]!.title}`);
        expect(await axeViolations(page)).toEqual([]);
        await item.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/excl-results-${viewport.width}.png` });
      } finally {
        await ctx.close();
      }
    }
  });
});
