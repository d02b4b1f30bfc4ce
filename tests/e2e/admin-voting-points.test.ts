/**
 * Voting points set up by an administrator (#13), in a real browser on its own server: the admin
 * adds a point (without JavaScript, on a phone: a mistake keeps what was typed), assigns the demo
 * official and enrols the browser he is at; the official signs in on that browser, opens the point
 * and helps a resident vote; the same password in another browser opens nothing; a revoked
 * device opens nothing either. Polish and English, axe on every page.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
const demo = (id: string) => DEMO_USERS.find((u) => u.id === id)!;
const ADMIN = demo("usr_demo_admin");
const OFFICIAL = demo("usr_demo_official");
/** Where the walk-through's screenshots are collected (outside the repository). */
const SHOTS = process.env.H3_SHOTS_DIR ?? "/work/walk/shots";
const POINT = "Centrum Aktywności Seniora – Chylonia";

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "voting" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function context(locale: "pl" | "en", opts: { phone?: boolean; js?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, isMobile: opts.phone ?? false, javaScriptEnabled: opts.js ?? true });
  await ctx.addCookies([{ name: "lang", value: locale, url: baseURL }]);
  ctx.setDefaultTimeout(15_000);
  return ctx;
}

/** axe needs JavaScript in the page: pages walked without it are checked for overflow only (and with axe elsewhere). */
async function checkPage(page: Page, name: string, opts: { axe?: boolean } = {}) {
  if (opts.axe ?? true) expect(await axeViolations(page), name).toEqual([]);
  if (opts.axe ?? true) expect(await overflowsHorizontally(page), `${name} overflows`).toBe(false);
  const file = await screenshot(page, `h3-${name}`);
  mkdirSync(SHOTS, { recursive: true });
  copyFileSync(file, join(SHOTS, `h3-${name}.png`));
}

async function signInOnPage(page: Page, who: { email: string; password: string }) {
  await page.goto(`${baseURL}/signin`);
  await page.getByLabel("Adres e-mail").fill(who.email);
  await page.getByLabel("Hasło", { exact: true }).fill(who.password);
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await page.waitForURL(/\/account/);
}

function sessionsOpened(): number {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from voting_point_sessions").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("an administrator sets up a voting point and enrols the device at it", () => {
  let pointUrl = "";
  let device: BrowserContext; // the laptop at the point: enrolled by the admin, used by the official

  afterAll(async () => device?.close());

  it("adds a point without JavaScript on a phone; a mistake keeps what was typed", async () => {
    const ctx = await context("pl", { phone: true, js: false });
    try {
      const page = await ctx.newPage();
      await signInOnPage(page, ADMIN);
      await page.goto(`${baseURL}/admin/voting-points`);
      await page.getByRole("heading", { name: "Punkty głosowania", level: 1 }).waitFor();
      expect(await page.getByRole("link", { name: "Wymiennikownia" }).count()).toBe(1);
      await checkPage(page, "phone-pl-list", { axe: false });
      await page.getByLabel("Nazwa punktu").fill("CA");
      await page.getByLabel("Adres", { exact: true }).fill("ul. Kartuska 33, Gdynia");
      await page.getByLabel(/Godziny otwarcia/).fill("pn–pt 10:00–18:00");
      await page.getByRole("button", { name: "Dodaj punkt" }).click();
      await page.getByText("Wpisz nazwę punktu (co najmniej 3 znaki).").waitFor();
      expect(await page.getByLabel("Adres", { exact: true }).inputValue()).toBe("ul. Kartuska 33, Gdynia");
      expect(await page.getByLabel(/Godziny otwarcia/).inputValue()).toBe("pn–pt 10:00–18:00");
      expect(await page.getByLabel("Nazwa punktu").getAttribute("aria-invalid")).toBe("true");
      await checkPage(page, "phone-pl-create-error", { axe: false });
      await page.getByLabel("Nazwa punktu").fill(POINT);
      await page.getByRole("button", { name: "Dodaj punkt" }).click();
      await page.waitForURL(/\/admin\/voting-points\/vp_[^?]+\?done=created/);
      await page.getByRole("heading", { name: POINT, level: 1 }).waitFor();
      expect(await page.getByRole("status").textContent()).toContain("Punkt dodany");
      pointUrl = page.url().split("?")[0]!;
      await checkPage(page, "phone-pl-point", { axe: false });
    } finally {
      await ctx.close();
    }
  });

  it("assigns the official and enrols the browser he is at", async () => {
    device = await context("pl");
    const page = await device.newPage();
    await signInOnPage(page, ADMIN);
    // the pages walked without JavaScript, checked with axe here: the list with a refused form
    await page.setViewportSize(PHONE);
    await page.goto(`${baseURL}/admin/voting-points`);
    await page.getByLabel("Nazwa punktu").fill("CA");
    await page.getByLabel("Adres", { exact: true }).fill("ul. Kartuska 33, Gdynia");
    await page.getByRole("button", { name: "Dodaj punkt" }).click();
    await page.getByText("Wpisz nazwę punktu (co najmniej 3 znaki).").waitFor();
    expect(await page.getByLabel("Adres", { exact: true }).inputValue()).toBe("ul. Kartuska 33, Gdynia");
    await checkPage(page, "phone-pl-create-error-js");
    await page.goto(pointUrl);
    await checkPage(page, "phone-pl-point-js");
    await page.setViewportSize(DESKTOP);
    await page.getByLabel(new RegExp(OFFICIAL.email.replace(/\./g, "\\."))).check();
    await page.getByRole("button", { name: "Zapisz listę urzędników" }).click();
    await page.getByRole("status").filter({ hasText: "Lista urzędników zapisana." }).waitFor();
    expect(await page.getByLabel(new RegExp(OFFICIAL.email.replace(/\./g, "\\."))).isChecked()).toBe(true);
    await page.getByLabel("Nazwa urządzenia").fill("Laptop przy wejściu");
    await page.getByRole("button", { name: "Zapisz to urządzenie dla punktu" }).click();
    await page.getByRole("status").filter({ hasText: "To urządzenie jest zapisane dla punktu" }).waitFor();
    await page.getByRole("heading", { name: "Laptop przy wejściu" }).waitFor();
    const cookie = (await device.cookies(`${baseURL}/official/voting-point`)).find((c) => c.name === "bo_device");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/official" });
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);
    await checkPage(page, "desktop-pl-point-enrolled");
    // the list shows the official and the device
    await page.goto(`${baseURL}/admin/voting-points`);
    const row = page.getByRole("row", { name: new RegExp(POINT) });
    expect(await row.textContent()).toContain(OFFICIAL.name);
    expect(await row.textContent()).toContain("pn–pt 10:00–18:00");
    await checkPage(page, "desktop-pl-list");
    await page.goto(`${baseURL}/account`);
    await page.getByRole("button", { name: "Wyloguj się" }).click();
    await page.waitForURL(/\/signin\?done=signed_out/);
  });

  it("the official opens the point on the enrolled browser and helps a resident vote", async () => {
    const page = await device.newPage();
    await signInOnPage(page, OFFICIAL);
    await page.goto(`${baseURL}/official/voting-point`);
    expect(await page.locator("main").textContent()).toContain(`To urządzenie jest zapisane dla punktu: ${POINT}`);
    await checkPage(page, "desktop-pl-official-enrolled");
    await page.getByLabel("Punkt głosowania").selectOption({ label: `${POINT} – ul. Kartuska 33, Gdynia (pn–pt 10:00–18:00)` });
    await page.getByRole("button", { name: "Otwórz punkt na tym urządzeniu" }).click();
    await page.getByText(`Punkt otwarty na tym urządzeniu: ${POINT}`).waitFor();
    await page.getByRole("link", { name: "Rozpocznij głosowanie kolejnej osoby" }).click();
    await page.goto(`${baseURL}/vote/youth`);
    expect(await page.locator("main").textContent()).toContain(`Głosowanie w punkcie: ${POINT}`);
    await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(DEMO_VOTERS.teen.pesel);
    await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(DEMO_VOTERS.teen.parentFirstName);
    await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
    await page.locator(".ballot-pool").getByRole("checkbox").first().check();
    await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
    await page.getByRole("button", { name: "Oddaję głos" }).click();
    await page.getByTestId("receipt").waitFor();
    expect(await page.getByRole("link", { name: "Głosuje kolejna osoba" }).count()).toBe(1);
  });

  it("the official's password in another browser opens nothing, and says what to do", async () => {
    const ctx = await context("pl", { phone: true, js: false });
    try {
      const page = await ctx.newPage();
      await signInOnPage(page, OFFICIAL);
      await page.goto(`${baseURL}/official/voting-point`);
      expect(await page.locator("main").textContent()).toContain("To urządzenie nie jest zapisane dla żadnego punktu");
      const before = sessionsOpened();
      await page.getByLabel("Punkt głosowania").selectOption({ label: `${POINT} – ul. Kartuska 33, Gdynia (pn–pt 10:00–18:00)` });
      await page.getByRole("button", { name: "Otwórz punkt na tym urządzeniu" }).click();
      await page.getByRole("alert").getByText("To urządzenie nie jest zapisane dla tego punktu — poproś administratora o zapisanie urządzenia.").waitFor();
      expect(sessionsOpened()).toBe(before);
      await checkPage(page, "phone-pl-official-refused", { axe: false });
      // a forged device cookie is no better
      await ctx.addCookies([{ name: "bo_device", value: "A".repeat(43), url: `${baseURL}/official` }]);
      await page.goto(`${baseURL}/official/voting-point`);
      await page.getByRole("button", { name: "Otwórz punkt na tym urządzeniu" }).click();
      await page.getByRole("alert").waitFor();
      expect(sessionsOpened()).toBe(before);
    } finally {
      await ctx.close();
    }
  });

  it("in English, the admin revokes the device after confirming; it opens nothing any more", async () => {
    const ctx = await context("en");
    try {
      const page = await ctx.newPage();
      await ctx.addCookies([{ name: "bo_session", value: (await signIn(baseURL, ADMIN.email, ADMIN.password)).split("=")[1]!, url: baseURL }]);
      await page.goto(pointUrl);
      await page.getByRole("heading", { name: "Devices the point can be opened on" }).waitFor();
      await checkPage(page, "desktop-en-point");
      const revoke = page.getByRole("button", { name: "Revoke the enrolment of “Laptop przy wejściu”" });
      await revoke.click();
      await page.getByText("Tick the confirmation to revoke the device's enrolment.").waitFor();
      await page.getByLabel(/I confirm: this device will no longer open the point/).check();
      await page.getByRole("button", { name: "Revoke the enrolment of “Laptop przy wejściu”" }).click();
      await page.getByRole("status").filter({ hasText: "Device enrolment revoked." }).waitFor();
      expect(await page.locator("main").textContent()).toContain("enrolment revoked");
      await page.goto(`${baseURL}/admin/voting-points`);
      await checkPage(page, "desktop-en-list");
    } finally {
      await ctx.close();
    }
    // the point the official opened there was closed with the device; it cannot be opened again
    const page = await device.newPage();
    await page.goto(`${baseURL}/official/voting-point`);
    expect(await page.locator("main").textContent()).toContain("Zapis tego urządzenia cofnięto");
    const before = sessionsOpened();
    await page.getByRole("button", { name: "Otwórz punkt na tym urządzeniu" }).click();
    await page.getByRole("alert").getByText("Zapis tego urządzenia cofnięto — poproś administratora o ponowne zapisanie urządzenia.").waitFor();
    expect(sessionsOpened()).toBe(before);
  });
});
