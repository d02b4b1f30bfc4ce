/**
 * The optional map point of a proposal, in a real browser: the picker fills the coordinate fields
 * (mouse and keyboard), stays out of the way without JavaScript, and the proposal page shows the
 * point with a plain link. Map tiles come from the internet, which the tests do not have: the map
 * works without them (a blank background), and nothing here depends on them.
 */
import type { Browser, Page } from "playwright-core";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let session = "";

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "submission" });
  browser = await launchBrowser();
  const resident = DEMO_USERS.find((u) => u.id === "usr_demo_resident")!;
  session = (await signIn(server.baseURL, resident.email, resident.password)).split("=")[1]!;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function residentPage(opts: { phone?: boolean; js?: boolean; locale?: string } = {}): Promise<Page> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: opts.locale ?? "pl-PL", javaScriptEnabled: opts.js ?? true });
  await ctx.addCookies([{ name: "bo_session", value: session, url: server.baseURL }]);
  return ctx.newPage();
}

const inGdynia = (lat: number, lng: number) => lat >= 54.4 && lat <= 54.6 && lng >= 18.35 && lng <= 18.6;

it("a click on the map fills in the coordinates, and typing moves the point", async () => {
  const page = await residentPage();
  await page.goto(`${server.baseURL}/proposals/new`);
  const map = page.getByRole("application", { name: "Mapa Gdyni do zaznaczenia miejsca projektu" });
  await page.locator(".location-map.leaflet-container").waitFor();
  await expect(map.isVisible()).resolves.toBe(true);
  await map.scrollIntoViewIfNeeded();
  const box = (await map.boundingBox())!;
  await map.click({ position: { x: box.width * 0.6, y: box.height * 0.4 } });
  await page.locator(".map-pin").waitFor();
  const lat = Number(await page.getByLabel("Szerokość geograficzna (opcjonalnie)", { exact: true }).inputValue());
  const lng = Number(await page.getByLabel("Długość geograficzna (opcjonalnie)", { exact: true }).inputValue());
  expect(inGdynia(lat, lng)).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "Zaznaczono punkt" }).textContent()).resolves.toContain(String(lat));
  expect(await page.locator(".map-pin").count()).toBe(1);
  // typing coordinates moves the point (on change)
  await page.locator("#f-lat").fill("54.5");
  await page.locator("#f-lng").fill("18.54");
  await page.locator("#f-lng").press("Tab");
  await expect(page.getByRole("status").filter({ hasText: "Zaznaczono punkt" }).textContent()).resolves.toContain("54.5, długość 18.54");
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "desktop-pl-proposal-map-picker");
});

it("works from the keyboard: pan with the arrows, then mark the middle of the map", async () => {
  const page = await residentPage({ phone: true, locale: "uk-UA" });
  await page.goto(`${server.baseURL}/proposals/new`);
  await page.locator(".location-map.leaflet-container").waitFor();
  await page.getByRole("application").focus();
  await page.keyboard.press("ArrowUp");
  await page.getByRole("button", { name: "Позначити точку в центрі карти" }).click();
  const lat = Number(await page.locator("#f-lat").inputValue());
  const lng = Number(await page.locator("#f-lng").inputValue());
  expect(inGdynia(lat, lng)).toBe(true);
  expect(await overflowsHorizontally(page)).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
  await screenshot(page, "phone-uk-proposal-map-picker");
});

it("without JavaScript there is no map, only the coordinate fields", async () => {
  const page = await residentPage({ js: false });
  await page.goto(`${server.baseURL}/proposals/new`);
  expect(await page.locator(".location-map").count()).toBe(0);
  expect(await page.locator("#f-lat").isVisible()).toBe(true);
  expect(await page.locator("#f-lng").isVisible()).toBe(true);
});

it("the proposal page shows the point on a map and links to it", async () => {
  // a public demo proposal gets a point (as if its author had marked one)
  const db = new Database(server.dbPath);
  const target = db.prepare("select id from proposals where status <> 'draft' order by id limit 1").get() as { id: string };
  db.prepare("update proposals set lat = 54.4795, lng = 18.5636 where id = ?").run(target.id);
  db.close();

  for (const [lang, link] of [
    ["pl-PL", "Pokaż to miejsce na mapie OpenStreetMap"],
    ["en-GB", "Show this place on OpenStreetMap"],
  ] as const) {
    const ctx = await browser.newContext({ viewport: PHONE, locale: lang });
    const page = await ctx.newPage();
    await page.goto(`${server.baseURL}/proposals/${target.id}`);
    const a = page.getByRole("link", { name: link });
    expect(await a.getAttribute("href")).toContain("mlat=54.4795&mlon=18.5636");
    await page.locator(".location-map-small.leaflet-container").waitFor();
    expect(await page.locator(".map-pin").count()).toBe(1);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `phone-${lang.slice(0, 2)}-proposal-map-view`);
    await ctx.close();
  }

  // and without JavaScript, the link alone
  const ctx = await browser.newContext({ javaScriptEnabled: false, locale: "pl-PL" });
  const page = await ctx.newPage();
  await page.goto(`${server.baseURL}/proposals/${target.id}`);
  expect(await page.getByRole("link", { name: "Pokaż to miejsce na mapie OpenStreetMap" }).count()).toBe(1);
  expect(await page.locator(".location-map").count()).toBe(0);
  await ctx.close();
});
