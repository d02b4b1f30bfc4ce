import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { DEMO_COMMISSION } from "../../app/cli/seed-data/commission";
import { demoResident } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { setDemoPhase } from "../support/phase";
import { repoRoot, startServer, type RunningServer } from "../support/server";

// Its own server and database: counting and publishing are irreversible.
let server: RunningServer;
let browser: Browser;

const resident = demoResident;

/** Casts a ballot over HTTP like a browser without JavaScript: one tick in Orłowo's large pool (by position). */
async function vote(base: string, n: number, position: number) {
  const id = await formPost(base, "/vote/bo", { method: "pesel", ...resident(n) });
  if (id.status !== 302) throw new Error(`identify ${n}: ${id.status}`);
  const cookie = `bo_vote=${id.headers.get("set-cookie")!.match(/bo_vote=([^;]+)/)![1]}`;
  const html = await (await fetch(`${base}/vote/bo/ballot?district=orlowo`, { headers: { Cookie: cookie } })).text();
  const ticks = [...html.matchAll(/<input[^>]*name="tick"[^>]*value="(pool_2026_orlowo_large\|[^"]+)"/g)].map((m) => m[1]!);
  const cast = await formPost(base, "/vote/bo/ballot?district=orlowo", { intent: "cast", district: "orlowo", tick: ticks[position]! }, cookie);
  if (cast.status !== 302) throw new Error(`cast ${n}: ${cast.status}`);
  const receiptCookie = cast.headers.get("set-cookie")!.match(/bo_receipt=([^;]+)/)![1];
  const done = await (await fetch(`${base}/vote/bo/done`, { headers: { Cookie: `bo_receipt=${receiptCookie}` } })).text();
  receipts.push(done.match(/data-testid="receipt"[^>]*>([^<]+)</)![1]!.trim());
}
const receipts: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // 3 : 3 between the first two large projects of Orłowo (together they exceed the pool), 1 for the third
  for (let n = 0; n < 7; n++) await vote(server.baseURL, 100 + n, n < 3 ? 0 : n < 6 ? 1 : 2);
  setDemoPhase(server.dbPath, "counting");
  // seven voters: the .pb keeps its ballot lines only below the default small-group threshold of 10 (#15)
  const db = new Database(server.dbPath);
  db.prepare("update editions set small_group_threshold = 2 where id = 'ed_2026'").run();
  db.close();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("counting and publishing", () => {
  it("an official counts, breaks the tie by a recorded lot, previews and publishes; residents see charts and download the .pb that the CLI recounts", async () => {
    const official = DEMO_USERS.find((u) => u.id === "usr_demo_official")!;
    const base = server.baseURL;
    const ctx = await browser.newContext({ viewport: DESKTOP });
    try {
      await ctx.addCookies([
        { name: "lang", value: "pl", url: base },
        { name: "bo_session", value: (await signIn(base, official.email, official.password)).split("=")[1]!, url: base },
      ]);
      const page = await ctx.newPage();
      await page.goto(`${base}/official/results`);
      expect(await axeViolations(page)).toEqual([]);
      // the ballots are sealed: no count before the commission opens the box (issue #15)
      expect(await page.getByRole("button", { name: "Policz głosy" }).count()).toBe(0);
      await screenshot(page, "desktop-pl-official-open-box");
      // one share is not enough: refused, what was typed is kept
      await page.getByLabel(`Udział: ${DEMO_COMMISSION.members[0]}`).fill(DEMO_COMMISSION.shares[0]);
      await page.getByLabel(/udziały wpisują osobiście członkowie komisji/).check();
      await page.getByRole("button", { name: "Otwórz urnę i odszyfruj głosy" }).click();
      await page.getByText("Za mało udziałów: potrzeba co najmniej 2.").waitFor();
      expect(await page.getByLabel(`Udział: ${DEMO_COMMISSION.members[0]}`).inputValue()).toBe(DEMO_COMMISSION.shares[0]);
      await page.getByLabel(`Udział: ${DEMO_COMMISSION.members[2]}`).fill(DEMO_COMMISSION.shares[2].toLowerCase().replace(/-/g, " "));
      await page.getByLabel(/udziały wpisują osobiście członkowie komisji/).check();
      await page.getByRole("button", { name: "Otwórz urnę i odszyfruj głosy" }).click();
      await page.getByText("Urnę otwarto: odszyfrowano 7 głosów.").waitFor();
      await page.getByRole("button", { name: "Policz głosy" }).click();
      await page.getByText(/Policzono 45 pul\. Remisy do rozstrzygnięcia: [1-9]/).waitFor();
      expect(await page.locator("tbody").textContent()).toContain("remis do rozstrzygnięcia");
      await screenshot(page, "desktop-pl-official-results");
      // publishing is refused while the tie is open
      await page.getByLabel(/publikacji nie można cofnąć/).check();
      await page.getByRole("button", { name: "Opublikuj wyniki" }).click();
      await page.getByText("Najpierw rozstrzygnij remisy losowaniem.").waitFor();
      await page.getByRole("button", { name: "Rozstrzygnij remisy losowaniem i policz ponownie" }).click();
      await page.getByText("Remisy do rozstrzygnięcia: 0.").waitFor();
      await page.getByRole("link", { name: "Podgląd wyników (wersja robocza)" }).click();
      await page.getByText("Wersja robocza – widoczna tylko dla urzędników").waitFor();
      await page.goto(`${base}/official/results`);
      await page.getByLabel(/publikacji nie można cofnąć/).check();
      await page.getByRole("button", { name: "Opublikuj wyniki" }).click();
      await page.getByText("Wyniki opublikowane.").waitFor();
    } finally {
      await ctx.close();
    }

    for (const locale of ["pl", "uk", "en"] as const) {
      const resCtx = await browser.newContext({ viewport: locale === "pl" ? PHONE : DESKTOP, isMobile: locale === "pl" });
      try {
        await resCtx.addCookies([{ name: "lang", value: locale, url: base }]);
        const page = await resCtx.newPage();
        await page.goto(`${base}/results/2026`);
        // the chart is a list of named bars (HTML text, a small SVG per bar)
        expect(await page.locator("figure.results-chart").count()).toBeGreaterThan(40);
        expect(await axeViolations(page), locale).toEqual([]);
        expect(await overflowsHorizontally(page)).toBe(false);
        await page.goto(`${base}/results/2026/stats`);
        expect(await axeViolations(page), `${locale} stats`).toEqual([]);
        await screenshot(page, `${locale === "pl" ? "phone" : "desktop"}-${locale}-results-stats`);
      } finally {
        await resCtx.close();
      }
    }

    const plCtx = await browser.newContext({ viewport: DESKTOP });
    await plCtx.addCookies([{ name: "lang", value: "pl", url: base }]);
    const page = await plCtx.newPage();
    await page.goto(`${base}/results/2026`);
    const orlowo = page.locator("section", { has: page.locator("h2", { hasText: "Duże projekty dzielnicowe · Orłowo" }) });
    expect(await orlowo.locator("text=Remis rozstrzygnięto losowaniem").count()).toBe(1);
    await orlowo.screenshot({ path: join(repoRoot, "tests/.artifacts/screenshots/desktop-pl-results-orlowo.png") });
    const winners = await orlowo.locator("tbody tr.is-funded a[href^=\"/proposals/\"]").allTextContents();
    expect(winners).toHaveLength(1);
    const [download] = await Promise.all([page.waitForEvent("download"), orlowo.getByRole("link", { name: /Pabulib/ }).click()]);
    const dir = mkdtempSync(join(tmpdir(), "bo-pb-"));
    const file = join(dir, "orlowo.pb");
    await download.saveAs(file);
    const seed = (await orlowo.locator("text=Remis rozstrzygnięto losowaniem").textContent())!.split(": ").pop()!.trim();
    const out = execFileSync(process.execPath, [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), join(repoRoot, "app/cli/tally.ts"), file, "--json", "--tie", "lot", "--seed", seed], { encoding: "utf8" });
    const recount = JSON.parse(out) as { selected: string[] };
    const winnerIds = await orlowo.locator("tbody tr.is-funded a[href^=\"/proposals/\"]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.replace("/proposals/", "")));
    expect(recount.selected).toEqual(winnerIds);
    const csv = await fetch(`${base}/results/2026/pools/pool_2026_orlowo_large.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    writeFileSync(join(dir, "orlowo.csv"), await csv.text());
    // a voter's receipt proves inclusion among the counted — and leads to no line of the open data
    const check = await (await formPost(base, "/vote/receipt", { code: receipts[0]! })).text();
    expect(check).toContain("Twój głos został policzony: jest wśród 7 policzonych głosów.");
    expect(check).not.toContain("public-id");
    const list = await (await fetch(`${base}/results/2026/receipts.txt`)).text();
    expect(list.trim().split("\n")).toHaveLength(7);
    expect(list).toContain(`bo ${createHash("sha256").update(receipts[0]!).digest("hex")}`);
    const pb = readFileSync(file, "utf8");
    for (const r of receipts) expect(pb).not.toContain(createHash("sha256").update(r).digest("hex"));
    await plCtx.close();
  });
});
