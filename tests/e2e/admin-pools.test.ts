/**
 * Districts and pools of an edition, in a real browser (server seeded in the submission phase): the
 * administrator adds two districts and merges one into the other, splits the district money with a
 * preview before saving (on a phone, without JavaScript: a negative amount and a cap above the pool
 * are refused in Polish with the input kept), then sets a pool's cap and supports threshold in English.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, openContext, overflowsHorizontally, PHONE } from "../support/browser";
import { signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
let cookie = "";
const SHOTS = "/work/walk/shots";
const DISTRICTS = "/admin/editions/ed_2026/districts";
const POOLS = "/admin/editions/ed_2026/pools";

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "submission" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const admin = DEMO_USERS.find((u) => u.id === "usr_demo_admin")!;
  cookie = await signIn(baseURL, admin.email, admin.password);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const asAdmin = (opts: { phone?: boolean; js?: boolean; locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> => openContext(browser, baseURL, { ...opts, session: cookie });
async function clean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/h2-${name}.png`, fullPage: true });

describe("districts and pools of an edition", () => {
  it("refuses residents and visitors", async () => {
    expect((await fetch(baseURL + DISTRICTS, { redirect: "manual" })).status).toBeGreaterThanOrEqual(300);
    const missing = await fetch(baseURL + "/admin/editions/ed_1999/districts", { headers: { cookie } });
    expect(missing.status).toBe(404);
  });

  it("adds two districts and merges one into the other, after confirming", async () => {
    const { ctx, page } = await asAdmin();
    try {
      await page.goto(baseURL + DISTRICTS);
      await clean(page);
      for (const [name, slug] of [["Nowe Osiedle", "nowe-osiedle"], ["Stare Osiedle", "stare-osiedle"]]) {
        const add = page.locator("form", { has: page.getByRole("button", { name: "Dodaj dzielnicę" }) });
        await add.getByLabel("Nazwa dzielnicy").fill(name!);
        await add.getByLabel("Adres w linkach (slug)").fill(slug!);
        await add.getByLabel("Liczba mieszkańców").fill("9000");
        await add.getByLabel("Powierzchnia w hektarach").fill("400");
        await add.getByRole("button", { name: "Dodaj dzielnicę" }).click();
        await expect.poll(() => page.getByRole("status").textContent()).toContain("Dodano dzielnicę.");
      }
      // a bad slug is refused next to the field, input kept
      const add = page.locator("form", { has: page.getByRole("button", { name: "Dodaj dzielnicę" }) });
      await add.getByLabel("Nazwa dzielnicy").fill("Zła Nazwa");
      await add.getByLabel("Adres w linkach (slug)").fill("Zła Nazwa");
      await add.getByRole("button", { name: "Dodaj dzielnicę" }).click();
      await expect.poll(() => page.locator("#add-slug-error").textContent()).toContain("Użyj małych liter");
      expect(await add.getByLabel("Nazwa dzielnicy").inputValue()).toBe("Zła Nazwa");

      await page.getByLabel("Dzielnica, która dołącza").selectOption({ label: "Stare Osiedle" });
      await page.getByLabel("Dzielnica docelowa").selectOption({ label: "Nowe Osiedle" });
      await page.getByRole("button", { name: "Połącz dzielnice" }).click();
      await expect.poll(() => page.locator("#merge-confirm-error").textContent()).toContain("Zaznacz potwierdzenie");
      await page.getByLabel("Dzielnica, która dołącza").selectOption({ label: "Stare Osiedle" });
      await page.getByLabel("Dzielnica docelowa").selectOption({ label: "Nowe Osiedle" });
      await page.getByLabel(/Rozumiem, że połączonej dzielnicy/).check();
      await page.getByRole("button", { name: "Połącz dzielnice" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Połączono dzielnice.");
      expect(await page.getByRole("row", { name: /Stare Osiedle/ }).textContent()).toContain("połączona z: Nowe Osiedle");
      // a district with proposals in this edition cannot be merged
      await page.getByLabel("Dzielnica, która dołącza").selectOption({ label: "Orłowo" });
      await page.getByLabel("Dzielnica docelowa").selectOption({ label: "Redłowo" });
      await page.getByLabel(/Rozumiem, że połączonej dzielnicy/).check();
      await page.getByRole("button", { name: "Połącz dzielnice" }).click();
      await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("są już projekty");
      await shot(page, "districts-1280");
    } finally {
      await ctx.close();
    }
  });

  it("splits the money on a phone without JavaScript: refusals in Polish, then preview, then save", async () => {
    const { ctx, page } = await asAdmin({ phone: true, js: false });
    try {
      await page.goto(baseURL + DISTRICTS);
      const fill = async (v: Record<string, string>) => {
        for (const [label, value] of Object.entries(v)) await page.getByLabel(label, { exact: true }).fill(value);
      };
      await fill({
        "Cała kwota budżetu (zł)": "13 549 266",
        "Pula ogólnomiejska (zł)": "-5",
        "Najwyższy koszt projektu ogólnomiejskiego (zł)": "1 250 000",
        "Kwota bazowa na dzielnicę (zł)": "125 000",
      });
      await page.getByRole("button", { name: "Pokaż podgląd podziału" }).click();
      expect(await page.locator("#alloc-city-error").textContent()).toContain("Kwota nie może być ujemna");
      expect(await page.getByLabel("Pula ogólnomiejska (zł)", { exact: true }).inputValue()).toBe("-5");
      expect(await page.getByLabel("Cała kwota budżetu (zł)", { exact: true }).inputValue()).toBe("13 549 266");

      await fill({ "Pula ogólnomiejska (zł)": "2 500 000", "Najwyższy koszt projektu ogólnomiejskiego (zł)": "3 000 000" });
      await page.getByRole("button", { name: "Pokaż podgląd podziału" }).click();
      expect(await page.locator("#alloc-cityCap-error").textContent()).toContain("nie może być większy niż kwota puli");
      expect(await page.getByRole("table", { name: /Podgląd/ }).count()).toBe(0);

      await fill({ "Najwyższy koszt projektu ogólnomiejskiego (zł)": "1 250 000,00" });
      await page.getByRole("button", { name: "Pokaż podgląd podziału" }).click();
      const table = page.getByRole("region", { name: "Podgląd podziału środków na dzielnice" });
      await table.waitFor({ timeout: 10_000 });
      expect(await table.getByRole("row").count()).toBe(1 + 22 + 1); // head, 21 districts + Nowe Osiedle, sum
      expect(await table.getByRole("row", { name: /Stare Osiedle/ }).count()).toBe(0);
      expect(await table.getByRole("row", { name: /Orłowo/ }).textContent()).toMatch(/125\s000/);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, "preview-390");
      await page.getByRole("button", { name: "Zapisz podział" }).click();
      expect(await page.getByRole("status").textContent()).toContain("Zapisano podział środków");
      expect(page.url()).toContain("done=allocation_saved");
      expect(await page.getByLabel("Pula ogólnomiejska (zł)", { exact: true }).inputValue()).toBe("2500000");
      await shot(page, "districts-390");
    } finally {
      await ctx.close();
    }
  });

  it("the preview and a refusal pass axe (with JavaScript, on a phone)", async () => {
    const { ctx, page } = await asAdmin({ phone: true });
    try {
      await page.goto(baseURL + DISTRICTS);
      await page.getByLabel("Cała kwota budżetu (zł)", { exact: true }).fill("13549266");
      await page.getByLabel("Najwyższy koszt projektu ogólnomiejskiego (zł)", { exact: true }).fill("1250000");
      await page.getByLabel("Kwota bazowa na dzielnicę (zł)", { exact: true }).fill("125000");
      await page.getByLabel("Pula ogólnomiejska (zł)", { exact: true }).fill("-1");
      await page.getByRole("button", { name: "Pokaż podgląd podziału" }).click();
      await page.locator("#alloc-city-error").waitFor();
      await clean(page);
      await page.getByLabel("Pula ogólnomiejska (zł)", { exact: true }).fill("2500000");
      await page.getByRole("button", { name: "Pokaż podgląd podziału" }).click();
      await page.getByRole("region", { name: "Podgląd podziału środków na dzielnice" }).waitFor();
      await clean(page);
      await page.setViewportSize(DESKTOP);
      await shot(page, "preview-1280");
    } finally {
      await ctx.close();
    }
  });

  it("reads in Ukrainian, with the saved formula in the form", async () => {
    const { ctx, page } = await asAdmin({ locale: "uk-UA" });
    try {
      await page.goto(baseURL + DISTRICTS);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Райони та розподіл коштів");
      expect(await page.getByLabel("Загальноміський пул (зл.)", { exact: true }).inputValue()).toBe("2500000");
      await clean(page);
    } finally {
      await ctx.close();
    }
  });

  it("sets a pool's cap and supports threshold (English); a cap above the pool is refused", async () => {
    const { ctx, page } = await asAdmin({ locale: "en-GB" });
    try {
      await page.goto(baseURL + POOLS);
      await clean(page);
      expect(await page.getByRole("row", { name: /Nowe Osiedle – small projects/ }).count()).toBe(1);
      const rules = page.locator("details", { hasText: "Change the rules: Orłowo – small projects" });
      await rules.locator("summary").click();
      await rules.getByLabel("Highest project cost (zł)").fill("99 999 999");
      await rules.getByLabel("Supports needed").fill("20");
      await rules.getByRole("button", { name: "Save the pool's rules" }).click();
      const open = page.locator("details[open]");
      await expect.poll(() => open.locator(".field-error").first().textContent()).toContain("cannot be larger than the pool");
      expect(await open.getByLabel("Supports needed").inputValue()).toBe("20");
      await open.getByLabel("Highest project cost (zł)").fill("15 000");
      await open.getByRole("button", { name: "Save the pool's rules" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("The pool's rules have been saved.");
      const row = await page.getByRole("row", { name: /Orłowo – small projects/ }).textContent();
      expect(row).toMatch(/15,000/);
      expect(row).toContain("20");
      await page.getByLabel("Only the district the voter lives in").check();
      await page.getByRole("button", { name: "Save the district choice" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("The district choice has been saved.");
      expect(await page.getByLabel("Only the district the voter lives in").isChecked()).toBe(true);
      await clean(page);
      await shot(page, "pools-1280");
      await page.setViewportSize(PHONE);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, "pools-390");
    } finally {
      await ctx.close();
    }
  });
});
