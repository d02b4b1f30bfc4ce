/**
 * Issue #15 in the browser: the commission page (refusal keeps the names, the shares shown once,
 * axe, phone and desktop, Polish and Ukrainian) and the receipt page before counting.
 */
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let adminCookie = "";

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = DEMO_USERS.find((u) => u.id === "usr_demo_admin")!;
  adminCookie = (await signIn(server.baseURL, admin.email, admin.password)).split("=")[1]!.split(";")[0]!;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function adminPage(opts: { phone?: boolean; js?: boolean; lang?: string }) {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, javaScriptEnabled: opts.js ?? true });
  ctx.setDefaultTimeout(15_000);
  await ctx.addCookies([
    { name: "lang", value: opts.lang ?? "pl", url: server.baseURL },
    { name: "bo_session", value: adminCookie, url: server.baseURL },
  ]);
  return { ctx, page: await ctx.newPage() };
}

describe("the commission and the ballot box", () => {
  it("an administrator replaces the demo key: confirmation required, names kept on a refusal, shares shown once (phone, pl)", async () => {
    const { ctx, page } = await adminPage({ phone: true });
    try {
      await page.goto(`${server.baseURL}/admin/editions/ed_2026/commission`);
      await page.getByTestId("fingerprint").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, "phone-pl-commission");
      await page.getByLabel("Członek 1", { exact: true }).fill("Anna Nowak");
      await page.getByLabel("Członek 2", { exact: true }).fill("Jan Kowalski");
      await page.getByLabel("Członek 3", { exact: true }).fill("Olena Bondar");
      await page.getByLabel(/^Próg/).fill("3");
      await page.getByRole("button", { name: "Utwórz klucz i pokaż udziały" }).click();
      await page.getByText("Zaznacz, że rozumiesz skutki utworzenia nowego klucza.").waitFor();
      expect(await page.getByLabel("Członek 3", { exact: true }).inputValue()).toBe("Olena Bondar");
      expect(await page.getByLabel(/^Próg/).inputValue()).toBe("3");
      await page.getByLabel(/dotychczasowe udziały przestaną działać/).check();
      await page.getByRole("button", { name: "Utwórz klucz i pokaż udziały" }).click();
      await page.getByRole("heading", { name: "Udziały członków komisji" }).waitFor();
      const shares = await page.locator("code.share-code").allTextContents();
      expect(shares).toHaveLength(3);
      for (const s of shares) expect(s).toMatch(/^K1-/);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, "phone-pl-commission-shares");
      // the server kept only the public key: the shares appear nowhere in the database file
      const db = new Database(server.dbPath, { readonly: true });
      const key = db.prepare("select public_key, threshold, members from edition_keys where edition_id = 'ed_2026'").get() as { public_key: string; threshold: number; members: string };
      db.close();
      expect(key.threshold).toBe(3);
      expect(JSON.parse(key.members)).toEqual(["Anna Nowak", "Jan Kowalski", "Olena Bondar"]);
      expect(JSON.stringify(key)).not.toContain(shares[0]!.slice(3, 20));
      await page.goto(`${server.baseURL}/admin/editions/ed_2026/commission`);
      expect(await page.locator("code.share-code").count()).toBe(0);
    } finally {
      await ctx.close();
    }
  });

  it("the page in Ukrainian on a desktop", async () => {
    const { ctx, page } = await adminPage({ lang: "uk" });
    try {
      await page.goto(`${server.baseURL}/admin/editions/ed_2026/commission`);
      await page.getByRole("heading", { name: "Комісія та ключ скриньки — 2026" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "desktop-uk-commission");
    } finally {
      await ctx.close();
    }
  });

  it("the demo adult votes without JavaScript: no row written or changed holds a chosen project; the key is locked; the receipt says 'sealed'", async () => {
    /** Every row of every table, as text, read from the server's database file. */
    const snapshot = () => {
      const db = new Database(server.dbPath, { readonly: true });
      try {
        const names = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
        return new Map(names.map((n) => [n, new Set((db.prepare(`select * from "${n}"`).all() as unknown[]).map((r) => JSON.stringify(r)))]));
      } finally {
        db.close();
      }
    };
    const before = snapshot();
    const id = await formPost(server.baseURL, "/vote/bo", { method: "pesel", pesel: DEMO_VOTERS.adult.pesel, parentFirstName: DEMO_VOTERS.adult.parentFirstName });
    expect(id.status).toBe(302);
    const cookie = `bo_vote=${id.headers.get("set-cookie")!.match(/bo_vote=([^;]+)/)![1]}`;
    const html = await (await fetch(`${server.baseURL}/vote/bo/ballot?district=orlowo`, { headers: { Cookie: cookie } })).text();
    const tick = html.match(/<input[^>]*name="tick"[^>]*value="(pool_2026_orlowo_large\|[^"]+)"/)![1]!;
    const cast = await formPost(server.baseURL, "/vote/bo/ballot?district=orlowo", { intent: "cast", district: "orlowo", tick }, cookie);
    expect(cast.status).toBe(302);
    const receiptCookie = cast.headers.get("set-cookie")!.match(/bo_receipt=([^;]+)/)![1];
    const done = await (await fetch(`${server.baseURL}/vote/bo/done`, { headers: { Cookie: `bo_receipt=${receiptCookie}` } })).text();
    const receipt = done.match(/data-testid="receipt"[^>]*>([^<]+)</)![1]!.trim();
    const chosen = tick.split("|")[1]!;
    const written: string[] = [];
    for (const [table, rows] of snapshot()) for (const row of rows) if (!before.get(table)?.has(row)) written.push(`${table}: ${row}`);
    expect(written.some((w) => w.startsWith("sealed_ballots:"))).toBe(true);
    expect(written.some((w) => w.startsWith("participations:"))).toBe(true);
    for (const w of written) expect(w).not.toContain(chosen);

    const { ctx, page } = await adminPage({ phone: true, js: false });
    try {
      await page.goto(`${server.baseURL}/admin/editions/ed_2026/commission`);
      await page.getByText("Klucza nie można już zmienić: w tej edycji oddano głosy.").waitFor();
      expect(await page.getByRole("button", { name: "Utwórz klucz i pokaż udziały" }).count()).toBe(0);
      await page.goto(`${server.baseURL}/vote/receipt`);
      await page.getByLabel("Kod potwierdzenia").fill(receipt);
      await page.getByRole("button", { name: "Sprawdź" }).click();
      await page.getByText("Twój głos jest w urnie, zaszyfrowany. Zostanie policzony po zakończeniu głosowania.").waitFor();
      expect(await page.getByText(/Nikt — także Ty — nie może/).count()).toBe(1);
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, "phone-pl-receipt-sealed");
    } finally {
      await ctx.close();
    }
  });
});
