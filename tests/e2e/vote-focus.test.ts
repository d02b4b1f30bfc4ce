/**
 * Issue #14: the voting steps are a focused task — no site navigation to wander off mid-ballot, a
 * back link on every step (phone, no JavaScript) — and the results say in plain words how each pool
 * was voted (ticks, points, ranks) and show points where points decided.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { setDemoPhase } from "../support/phase";
import { startServer, type RunningServer } from "../support/server";

let srv: RunningServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startServer({ RATE_LIMIT_IDENTIFY_PER_IP: "1000", LOG_LEVEL: "warn" });
  setDemoPhase(srv.dbPath, "voting");
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await srv?.stop();
});

describe("the voting steps", () => {
  it("show no site navigation and a back link on every step, on a phone without JavaScript, in Polish and Ukrainian", async () => {
    const voter = DEMO_VOTERS.adult;
    const ctx = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    await ctx.addCookies([{ name: "lang", value: "pl", url: srv.baseURL }]);
    const page = await ctx.newPage();
    // the site's pages keep the navigation
    await page.goto(`${srv.baseURL}/`);
    expect(await page.locator("nav.main-nav").count()).toBe(1);

    await page.goto(`${srv.baseURL}/vote/bo`);
    expect(await page.locator("nav.main-nav").count(), "navigation on the identify step").toBe(0);
    expect(await page.getByRole("link", { name: "Wróć do wyboru budżetu" }).getAttribute("href")).toBe("/vote");
    // the brand still leads home, and the language can still be changed
    expect(await page.locator("a.brand").getAttribute("href")).toBe("/");

    await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(voter.pesel);
    await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(voter.parentFirstName);
    await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
    await page.waitForURL(/\/vote\/bo\/district/);
    expect(await page.locator("nav.main-nav").count(), "navigation on the district step").toBe(0);
    expect(await page.getByRole("link", { name: "Wróć do poprzedniego kroku" }).getAttribute("href")).toBe("/vote/bo");
    await screenshot(page, "vote-focus-district-390");

    await page.getByLabel(voter.district).check();
    await page.getByRole("button", { name: /Dalej/ }).first().click();
    await page.waitForURL(/\/vote\/bo\/ballot/);
    expect(await page.locator("nav.main-nav").count(), "navigation on the ballot step").toBe(0);
    expect(await page.getByRole("link", { name: "Wróć do poprzedniego kroku" }).getAttribute("href")).toBe("/vote/bo/district");
    await screenshot(page, "vote-focus-ballot-390");

    // the back link leads where it says
    await page.getByRole("link", { name: "Wróć do poprzedniego kroku" }).click();
    await page.waitForURL(/\/vote\/bo\/district/);
    await ctx.close();

    const uk = await browser.newContext({ viewport: PHONE });
    await uk.addCookies([{ name: "lang", value: "uk", url: srv.baseURL }]);
    const p2 = await uk.newPage();
    await p2.goto(`${srv.baseURL}/vote/children`);
    expect(await p2.locator("nav.main-nav").count()).toBe(0);
    expect(await p2.getByRole("link", { name: "Назад до вибору бюджету" }).count()).toBe(1);
    expect(await axeViolations(p2)).toEqual([]);
    expect(await overflowsHorizontally(p2)).toBe(false);
    await uk.close();
  }, 120_000);
});

describe("the results page", () => {
  it("says how each pool was voted, above its table", async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP });
    await ctx.addCookies([{ name: "lang", value: "pl", url: srv.baseURL }]);
    const page = await ctx.newPage();
    await page.goto(`${srv.baseURL}/results/2025`);
    const lines = await page.locator("main p.muted", { hasText: "Jak głosowano:" }).allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    // Gdynia's archive: up to 3 ticks per category — said in words, not as a rule code
    expect(lines.join(" ")).toMatch(/Jak głosowano: Zaznacz (od 1 do )?3 proj/);
    expect(lines.join(" ")).not.toMatch(/approval|maxTicks/);
    expect(await page.locator("nav.main-nav").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  }, 60_000);
});
