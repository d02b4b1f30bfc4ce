/**
 * First run and the end of an edition, in a real browser without JavaScript on a phone:
 * an empty production installation says the platform is not set up yet (a 200, not an error); the
 * first administrator, created on the command line as the README says, signs in and finds the
 * set-up checklist. On the demo in its results phase, the administrator archives 2026 on the close
 * page and carries the 2025 archive's leftovers into a 2027 draft after a preview; the home page
 * then announces 2027 and links 2026's results, which /archive lists.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { signIn } from "../support/http";
import { repoRoot, startServer, type RunningServer } from "../support/server";

const SHOTS = "/work/walk/shots";
let browser: Browser;
let empty: RunningServer;
let demo: RunningServer;

beforeAll(async () => {
  [empty, demo] = await Promise.all([startServer({ SEED_DEMO: "false" }), startServer({ SEED_PHASE: "results" })]);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await empty?.stop();
  await demo?.stop();
});

/** A browser without JavaScript (a phone unless `desktop`): forms are plain POSTs. */
async function open(base: string, opts: { locale?: string; cookie?: string; desktop?: boolean; js?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.desktop ? DESKTOP : PHONE, javaScriptEnabled: opts.js ?? false });
  await ctx.addCookies([{ name: "lang", value: opts.locale ?? "pl", url: base }]);
  if (opts.cookie) await ctx.addCookies([{ name: "bo_session", value: opts.cookie.split("=")[1]!, url: base }]);
  ctx.setDefaultTimeout(20_000);
  return { ctx, page: await ctx.newPage() };
}
/** axe (WCAG 2.1 AA) and no sideways scrolling need JavaScript in the page: a separate context with it, at 390 and 1280 px. */
async function check(base: string, path: string, shot: string, opts: { locale?: string; cookie?: string } = {}) {
  for (const desktop of [false, true]) {
    const { ctx, page } = await open(base, { ...opts, desktop, js: true });
    try {
      await page.goto(`${base}${path}`);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.screenshot({ path: join(SHOTS, `h5-${shot}-${desktop ? 1280 : 390}.png`), fullPage: true });
    } finally {
      await ctx.close();
    }
  }
}

describe("first run on an empty installation", () => {
  it("the home page says the platform is not set up yet, with a sign-in for administrators (pl, en)", async () => {
    const res = await fetch(`${empty.baseURL}/`);
    expect(res.status).toBe(200);
    const { ctx, page } = await open(empty.baseURL);
    try {
      await page.goto(`${empty.baseURL}/`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Budżet obywatelski nie został jeszcze uruchomiony");
      await check(empty.baseURL, "/", "home-empty");
      await ctx.addCookies([{ name: "lang", value: "en", url: empty.baseURL }]);
      await page.goto(`${empty.baseURL}/`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("The participatory budget has not been launched yet");
      expect(await page.getByRole("link", { name: "Sign in to set it up" }).getAttribute("href")).toBe("/signin?redirectTo=%2Fadmin");
      await check(empty.baseURL, "/", "home-empty-en", { locale: "en" });
    } finally {
      await ctx.close();
    }
  });

  it("the first administrator, created on the command line, signs in and sees the set-up checklist", async () => {
    const out = execFileSync(process.execPath, [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), join(repoRoot, "app/cli/admin-create.ts"), "--email", "jan@example.pl"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: empty.dbPath },
    });
    const password = out.match(/Password \(shown once\): (\S+)/)![1]!;
    const { ctx, page } = await open(empty.baseURL);
    try {
      await page.goto(`${empty.baseURL}/`);
      await page.getByRole("link", { name: "Zaloguj się, aby ją przygotować" }).click();
      await page.getByLabel("Adres e-mail").fill("jan@example.pl");
      await page.getByLabel("Hasło").fill(password);
      await page.getByRole("button", { name: "Zaloguj się" }).click();
      expect(new URL(page.url()).pathname).toBe("/admin");
      await expect(page.getByText("Gotowe: 0 z 8.").isVisible()).resolves.toBe(true);
      const steps = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
      const step = (name: string) => steps.filter({ has: page.getByRole("heading", { name }) });
      expect(await step("1. Utwórz edycję").getByText("Do zrobienia").count()).toBe(1);
      expect(await step("1. Utwórz edycję").getByRole("link", { name: "Edycje" }).getAttribute("href")).toBe("/admin/editions");
      expect(await step("2. Dzielnice i kwoty").getByText("Najpierw utwórz edycję.").count()).toBe(1);
      expect(await step("6. Punkty głosowania").getByRole("link", { name: "Punkty głosowania" }).getAttribute("href")).toBe("/admin/voting-points");
      // the register is an official's act: an administrator without the role is told who imports it
      expect(await step("7. Rejestr mieszkańców").getByRole("link", { name: "Import rejestru" }).count()).toBe(0);
      expect(await step("7. Rejestr mieszkańców").getByText("Rejestr importuje urzędnik").count()).toBe(1);
      expect(await step("8. Urzędnicy i Młodzieżowa Rada Miasta").getByRole("link", { name: "Użytkownicy i role" }).getAttribute("href")).toBe("/admin/users");
      await check(empty.baseURL, "/admin", "admin-checklist-empty", { cookie: await signIn(empty.baseURL, "jan@example.pl", password) });
      // the home page now leads the signed-in administrator to the checklist
      await page.goto(`${empty.baseURL}/`);
      expect(await page.getByRole("link", { name: "Przejdź do listy przygotowań" }).getAttribute("href")).toBe("/admin");
    } finally {
      await ctx.close();
    }
  });
});

describe("closing the demo edition", () => {
  const admin = DEMO_USERS.find((u) => u.id === "usr_demo_admin")!;
  let cookie = "";
  beforeAll(async () => {
    cookie = await signIn(demo.baseURL, admin.email, admin.password);
    // a 2027 draft with a calendar and a city pool (what the editions pages create)
    const db = new Database(demo.dbPath);
    try {
      const at = new Date().toISOString();
      db.prepare("insert into editions (id, year, status, source, created_at) values ('ed_2027', 2027, 'draft', null, ?)").run(at);
      db.prepare("insert into edition_phases (edition_id, phase, starts_at, ends_at) values ('ed_2027', 'submission', '2027-03-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z')").run();
      db.prepare("insert into programmes (id, edition_id, kind, moderation, min_age, max_age, guardian_below_age, supports_required, position) values ('ed_2027_bo', 'ed_2027', 'bo', 'officials', null, null, null, 15, 0)").run();
      db.prepare("insert into pools (id, programme_id, district_id, kind, budget_grosze, max_project_cost_grosze, carried_over_grosze, ballot_rule, selection_rule, position) values ('pool_2027_city', 'ed_2027_bo', null, 'city', 100000000, null, 0, '{}', '{}', 0)").run();
    } finally {
      db.close();
    }
  });

  it("the checklist shows the 2027 draft being set up and links the close page of 2026", async () => {
    const { ctx, page } = await open(demo.baseURL, { cookie, desktop: true });
    try {
      await page.goto(`${demo.baseURL}/admin`);
      await expect(page.getByText("Lista kroków potrzebnych do uruchomienia edycji 2027", { exact: false }).isVisible()).resolves.toBe(true);
      expect(await page.getByRole("link", { name: "Harmonogram" }).getAttribute("href")).toBe("/admin/editions/ed_2027/phases");
      await check(demo.baseURL, "/admin", "admin-checklist-2027", { cookie });
      await page.getByRole("link", { name: "Zakończenie edycji 2026" }).click();
      expect(new URL(page.url()).pathname).toBe("/admin/editions/ed_2026/close");
      // 2026's results are not published yet: its leftovers cannot be carried, and the page says why
      await expect(page.getByText("Przeniesienie będzie możliwe po opublikowaniu wyników wszystkich pul.").isVisible()).resolves.toBe(true);
      await check(demo.baseURL, "/admin/editions/ed_2026/close", "close-2026", { cookie });
    } finally {
      await ctx.close();
    }
  });

  it("archives 2026 without JavaScript on a phone: the tick is required, then it is done", async () => {
    const { ctx, page } = await open(demo.baseURL, { cookie });
    try {
      await page.goto(`${demo.baseURL}/admin/editions/ed_2026/close`);
      await expect(page.getByText("Nie wszystkie pule mają opublikowane wyniki.", { exact: false }).isVisible()).resolves.toBe(true);
      await page.getByRole("button", { name: "Przenieś edycję 2026 do archiwum" }).click();
      await expect(page.getByText("Zaznacz potwierdzenie, aby kontynuować.").isVisible()).resolves.toBe(true);
      expect(await demoStatus("ed_2026")).toBe("active");
      await page.getByLabel("Rozumiem, że edycja 2026 zostanie zamknięta i przeniesiona do archiwum.").check();
      await page.getByRole("button", { name: "Przenieś edycję 2026 do archiwum" }).click();
      await expect(page.getByRole("status").textContent()).resolves.toContain("Edycja jest w archiwum.");
      expect(await demoStatus("ed_2026")).toBe("archived");
      await check(demo.baseURL, "/admin/editions/ed_2026/close?done=archived", "close-2026-archived", { cookie });
    } finally {
      await ctx.close();
    }
  });

  it("carries the 2025 archive's leftovers into 2027 after a preview", async () => {
    const { ctx, page } = await open(demo.baseURL, { cookie });
    try {
      await page.goto(`${demo.baseURL}/admin/editions/ed_2025/close`);
      await page.getByLabel("Edycja docelowa").selectOption("2027");
      await page.getByRole("button", { name: "Pokaż podgląd" }).click();
      const table = page.getByRole("table");
      await expect(table.getByText("do tej samej puli", { exact: true }).count()).resolves.toBe(1);
      await check(demo.baseURL, "/admin/editions/ed_2025/close?to=2027", "carry-preview", { cookie });
      await page.getByLabel(/Potwierdzam przeniesienie/).check();
      await page.getByRole("button", { name: "Przenieś środki do edycji 2027" }).click();
      await expect(page.getByRole("status").textContent()).resolves.toContain("Niewydane środki zostały przeniesione.");
      await expect(page.getByText("Niewydane środki tej edycji zostały już przeniesione.").isVisible()).resolves.toBe(true);
      const db = new Database(demo.dbPath, { readonly: true });
      try {
        const pool = db.prepare("select budget_grosze, carried_over_grosze from pools where id = 'pool_2027_city'").get() as { budget_grosze: number; carried_over_grosze: number };
        expect(pool.carried_over_grosze).toBeGreaterThan(0);
        expect(pool.budget_grosze).toBe(100000000 + pool.carried_over_grosze);
      } finally {
        db.close();
      }
    } finally {
      await ctx.close();
    }
  });

  it("the home page moves on to 2027 and links 2026's results; /archive lists 2026 (pl, uk)", async () => {
    const { ctx, page } = await open(demo.baseURL);
    try {
      await page.goto(`${demo.baseURL}/`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Budżet Obywatelski 2027 wkrótce");
      await check(demo.baseURL, "/", "home-after-archive");
      await page.getByRole("link", { name: "Wyniki edycji 2026" }).click();
      expect(new URL(page.url()).pathname).toBe("/results/2026");
      await page.goto(`${demo.baseURL}/archive`);
      await expect(page.getByRole("link", { name: "Budżet Obywatelski 2026" }).getAttribute("href")).resolves.toBe("/results/2026");
      await expect(page.getByRole("link", { name: "Budżet Obywatelski 2025" }).count()).resolves.toBe(1);
      await check(demo.baseURL, "/archive", "archive");
      expect((await fetch(`${demo.baseURL}/archive/2026`, { redirect: "manual" })).headers.get("location")).toBe("/results/2026");
      // an archived edition's statistics and proposals keep their addresses
      expect((await fetch(`${demo.baseURL}/results/2026/stats`)).status).toBe(200);
      const proposal = new Database(demo.dbPath, { readonly: true });
      const { id } = proposal.prepare("select id from proposals where edition_id = 'ed_2026' and status != 'draft' limit 1").get() as { id: string };
      proposal.close();
      const page2026 = await fetch(`${demo.baseURL}/proposals/${id}`);
      expect(page2026.status).toBe(200);
      expect(await page2026.text()).toContain('href="/archive/2026"');
      await ctx.addCookies([{ name: "lang", value: "uk", url: demo.baseURL }]);
      await page.goto(`${demo.baseURL}/`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Громадський бюджет 2027 незабаром");
      await expect(page.getByRole("link", { name: "Результати видання 2026" }).count()).resolves.toBe(1);
      await check(demo.baseURL, "/", "home-after-archive-uk", { locale: "uk" });
    } finally {
      await ctx.close();
    }
  });
});

async function demoStatus(id: string): Promise<string> {
  const db = new Database(demo.dbPath, { readonly: true });
  try {
    return (db.prepare("select status from editions where id = ?").get(id) as { status: string }).status;
  } finally {
    db.close();
  }
}
