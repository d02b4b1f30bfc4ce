/**
 * Following (#17) in a real browser, on its own seeded server: a resident (account in Ukrainian)
 * follows a 2025 winner from its page on a phone without JavaScript; an official posts an
 * implementation update; the mail appears in the development mailbox in Ukrainian with a one-click
 * unsubscribe link, which works in a browser that is not signed in; the following page lists and
 * sets notifications (Polish and English). Axe WCAG 2.1 AA on every page; screenshots for review.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
const demo = (id: string) => DEMO_USERS.find((u) => u.id === id)!;
const cookies = new Map<string, string>();
const FOLLOWER = "usr_demo_resident2";
const PROPOSAL = "/proposals/prp_2025_1";
let unsubscribeLink = "";

beforeAll(async () => {
  server = await startServer({});
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const db = new Database(server.dbPath);
  try {
    db.prepare("update users set locale = 'uk' where id = ?").run(FOLLOWER);
  } finally {
    db.close();
  }
  for (const id of [FOLLOWER, "usr_demo_official"]) cookies.set(id, await signIn(baseURL, demo(id).email, demo(id).password));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(who: string, opts: { phone?: boolean; js?: boolean; locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: opts.locale ?? "pl-PL", javaScriptEnabled: opts.js ?? true });
  if (who) await ctx.addCookies([{ name: "bo_session", value: cookies.get(who)!.split("=")[1]!, url: baseURL }]);
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  return { ctx, page };
}
async function shot(page: Page, name: string) {
  const file = await screenshot(page, `mail-${name}`);
  mkdirSync("/work/walk/shots", { recursive: true });
  copyFileSync(file, `/work/walk/shots/mail-${name}.png`);
}
/**
 * No sideways scrolling, and axe WCAG 2.1 AA. Both run script in the page, so a page opened without
 * JavaScript (`noJs`: who and which language) is checked at the same address and width in a twin
 * context that runs it.
 */
async function clean(page: Page, noJs?: { who: string; locale: string }) {
  let target = page;
  let twin: BrowserContext | null = null;
  if (noJs) {
    const opened = await as(noJs.who, { phone: page.viewportSize()?.width === PHONE.width, locale: noJs.locale });
    twin = opened.ctx;
    target = opened.page;
    await target.goto(page.url());
  }
  try {
    expect(await overflowsHorizontally(target)).toBe(false);
    expect(await axeViolations(target)).toEqual([]);
  } finally {
    await twin?.close();
  }
}

describe("following a project, the notification and the one-click unsubscribe", () => {
  it("a visitor is offered to sign in to follow", async () => {
    const { ctx, page } = await as("", { phone: true, js: false });
    try {
      await page.goto(baseURL + PROPOSAL);
      const link = page.getByRole("link", { name: "Zaloguj się, aby obserwować i dostawać powiadomienia e-mailem" });
      expect(await link.getAttribute("href")).toBe(`/signin?redirectTo=${encodeURIComponent(PROPOSAL)}`);
    } finally {
      await ctx.close();
    }
  });

  it("the resident follows the project on a phone without JavaScript", async () => {
    const { ctx, page } = await as(FOLLOWER, { phone: true, js: false, locale: "uk-UA" });
    try {
      await page.goto(baseURL + PROPOSAL);
      await page.getByRole("button", { name: "Стежити за цим проєктом" }).click();
      await page.waitForURL(/follow=followed/);
      expect(await page.getByRole("status").first().textContent()).toContain("Ви стежите");
      expect(await page.getByRole("button", { name: "Припинити стежити" }).count()).toBe(1);
      await clean(page, { who: FOLLOWER, locale: "uk-UA" });
      await shot(page, "proposal-followed-390-uk");
    } finally {
      await ctx.close();
    }
  });

  it("an official's implementation update reaches the follower's mailbox in their language", async () => {
    const res = await formPost(baseURL, "/official/implementations/imp_prp_2025_1", { intent: "update", status: "in_progress", progressPct: "55", cityUnit: "Zarząd Dróg i Zieleni", contact: "zdiz@gdynia.pl" }, cookies.get("usr_demo_official"));
    expect(res.status).toBe(302);
    const { ctx, page } = await as("", { locale: "uk-UA" });
    try {
      await page.goto(`${baseURL}/dev/mailbox`);
      const mail = page.locator("li.mail", { hasText: demo(FOLLOWER).email }).filter({ hasText: "Реалізація проєкту" }).first();
      expect(await mail.textContent()).toContain("виконано: 55%");
      unsubscribeLink = (await mail.getByRole("link", { name: /\/unsubscribe\?t=/ }).getAttribute("href"))!;
      expect(unsubscribeLink).toMatch(/^\/unsubscribe\?t=fol_/);
    } finally {
      await ctx.close();
    }
  });

  it("the unsubscribe link works with one click without signing in (phone, no JavaScript)", async () => {
    const { ctx, page } = await as("", { phone: true, js: false, locale: "uk-UA" });
    try {
      await page.goto(baseURL + unsubscribeLink);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Відписатися від сповіщень");
      expect(await page.locator("main, body").first().textContent()).toContain("Ви припините стежити за:");
      await clean(page, { who: "", locale: "uk-UA" });
      await shot(page, "unsubscribe-390-uk");
      await page.getByRole("button", { name: "Відписати мене" }).click();
      await page.waitForURL(/done=1/);
      expect(await page.getByRole("status").first().textContent()).toContain("ми вас відписали");
      await clean(page, { who: "", locale: "uk-UA" });
      await shot(page, "unsubscribed-390-uk");
      // a second use is harmless and says so
      await page.goto(baseURL + unsubscribeLink);
      expect(await page.getByRole("status").first().textContent()).toContain("вже використано");
    } finally {
      await ctx.close();
    }
    const db = new Database(server.dbPath, { readonly: true });
    try {
      expect(db.prepare("select count(*) as n from follows f join users u on u.id = f.user_id where u.id = ? and f.target_id = 'prp_2025_1'").get(FOLLOWER)).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it("a forged link is refused and changes nothing", async () => {
    const res = await fetch(`${baseURL}/unsubscribe?t=fol_x.${"A".repeat(43)}`);
    expect(res.status).toBe(400);
    const post = await formPost(baseURL, "/unsubscribe", { t: `fol_x.${"A".repeat(43)}` });
    expect(post.status).toBe(400);
  });

  it("the following page lists follows and saves notification choices (Polish phone, English desktop)", async () => {
    // the author's own proposals are followed from submission; follow a district and the edition too
    expect((await formPost(baseURL, "/follow", { intent: "follow", kind: "edition", id: "ed_2026", back: "/" }, cookies.get(FOLLOWER))).status).toBe(302);
    const { ctx, page } = await as(FOLLOWER, { phone: true, js: false });
    try {
      await page.goto(`${baseURL}/districts/orlowo`);
      await page.getByRole("button", { name: "Obserwuj tę dzielnicę" }).click();
      await page.waitForURL(/follow=followed/);
      await page.goto(`${baseURL}/account/following`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Obserwowane");
      expect(await page.getByRole("link", { name: "Orłowo", exact: true }).count()).toBe(1);
      await clean(page, { who: FOLLOWER, locale: "pl-PL" });
      await shot(page, "following-390-pl");
      await page.getByLabel("Postępy realizacji zwycięskich projektów").uncheck();
      await page.getByRole("button", { name: "Zapisz wybór" }).click();
      await page.waitForURL(/done=settings/);
      expect(await page.getByLabel("Postępy realizacji zwycięskich projektów").isChecked()).toBe(false);
      expect(await page.getByLabel("Wyniki głosowania").isChecked()).toBe(true);
      await page.getByRole("button", { name: "Przestań obserwować: Orłowo" }).click();
      await page.waitForURL(/done=unfollowed/);
      expect(await page.getByRole("link", { name: "Orłowo", exact: true }).count()).toBe(0);
    } finally {
      await ctx.close();
    }
    const en = await as(FOLLOWER, { locale: "en-GB" });
    try {
      await en.page.goto(`${baseURL}/account/following`);
      expect(await en.page.getByRole("heading", { level: 1 }).textContent()).toBe("Following");
      await clean(en.page);
      await shot(en.page, "following-1280-en");
      await en.page.goto(`${baseURL}/`);
      expect(await en.page.getByRole("button", { name: "Stop following" }).count()).toBe(1);
      await shot(en.page, "home-1280-en");
    } finally {
      await en.ctx.close();
    }
  });
});
