/**
 * Setting up editions in a real browser, on its own server (the demo edition 2026 is in voting):
 * the administrator creates the 2027 edition, adds programmes, sets its phases (an overlap is
 * refused in Polish with everything typed kept, without JavaScript on a phone), uploads the rules,
 * copies an edition, changes a phase of the running edition that already started (a public reason
 * is required) and the change shows on the home page; in English too. Screenshots go to
 * /work/walk/shots when that folder exists.
 */
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
let adminCookie = "";
const SHOTS = "/work/walk/shots";

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "voting" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const admin = DEMO_USERS.find((u) => u.id === "usr_demo_admin")!;
  adminCookie = await signIn(baseURL, admin.email, admin.password);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(opts: { phone?: boolean; js?: boolean; locale?: string; signedIn?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: opts.locale ?? "pl-PL", javaScriptEnabled: opts.js ?? true });
  if (opts.signedIn ?? true) await ctx.addCookies([{ name: "bo_session", value: adminCookie.split("=")[1]!.split(";")[0]!, url: baseURL }]);
  return { ctx, page: await ctx.newPage() };
}
async function shot(page: Page, name: string) {
  const file = await screenshot(page, `h1-${name}`);
  if (existsSync(SHOTS)) copyFileSync(file, join(SHOTS, `h1-${name}.png`));
}
const PHASES = ["submission", "verification", "appeals", "final_list", "voting", "counting", "results"];
const PLAN_2027 = [
  ["2027-03-01T09:00", "2027-04-01T00:00"],
  ["2027-04-01T00:00", "2027-06-01T00:00"],
  ["2027-06-01T00:00", "2027-06-15T00:00"],
  ["2027-06-15T00:00", "2027-09-01T00:00"],
  ["2027-09-01T00:00", "2027-09-16T00:00"],
  ["2027-09-16T00:00", "2027-09-25T00:00"],
  ["2027-09-25T00:00", "2028-03-01T00:00"],
];

describe("edition set-up", () => {
  it("the administrator creates the 2027 edition and adds two programmes", async () => {
    const { ctx, page } = await as();
    try {
      await page.goto(`${baseURL}/admin/editions`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Edycje budżetu");
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "editions-1280");
      const create = page.locator("form", { has: page.getByRole("button", { name: "Utwórz szkic edycji" }) });
      await create.getByLabel("Rok").fill("2027");
      await create.getByLabel("Nazwa edycji").fill("Budżet Obywatelski Gdyni 2027");
      await page.getByRole("button", { name: "Utwórz szkic edycji" }).click();
      await page.waitForURL(/\/admin\/editions\/ed_2027\?done=created/);
      await expect(page.getByRole("status").textContent()).resolves.toContain("Utworzono szkic edycji");
      // a second 2027 is refused by the field, the name kept
      await page.goto(`${baseURL}/admin/editions`);
      await create.getByLabel("Rok").fill("2027");
      await create.getByLabel("Nazwa edycji").fill("Druga 2027");
      await page.getByRole("button", { name: "Utwórz szkic edycji" }).click();
      await page.getByText("Edycja tego roku już istnieje. Wybierz inny rok.").waitFor({ timeout: 10_000 });
      await expect(create.getByLabel("Nazwa edycji").inputValue()).resolves.toBe("Druga 2027");

      await page.goto(`${baseURL}/admin/editions/ed_2027/programmes`);
      await page.getByLabel("Program", { exact: true }).selectOption("bo");
      await page.getByRole("button", { name: "Dodaj program" }).click();
      await page.waitForURL(/done=programme_added/);
      await page.getByLabel("Program", { exact: true }).selectOption("youth");
      const add = page.getByRole("form", { name: "Dodaj program" });
      await add.getByLabel("Kto moderuje projekty").selectOption("youth_council");
      await add.getByLabel("Wiek od (lat)").fill("13");
      await add.getByLabel("Wiek do (lat)").fill("12");
      await add.getByLabel("angielski").uncheck();
      await page.getByRole("button", { name: "Dodaj program" }).click();
      await add.getByText("Wiek „do” nie może być mniejszy niż wiek „od”.").waitFor({ timeout: 10_000 });
      await expect(add.getByLabel("angielski").isChecked()).resolves.toBe(false);
      await add.getByLabel("Wiek do (lat)").fill("18");
      await page.getByRole("button", { name: "Dodaj program" }).click();
      await page.getByRole("heading", { level: 2, name: "Młodzieżowy Budżet Obywatelski" }).waitFor({ timeout: 10_000 });
      // the form for the last programme starts afresh, not with what was typed for the youth one
      await expect(page.getByRole("form", { name: "Dodaj program" }).getByLabel("Kto moderuje projekty").inputValue()).resolves.toBe("officials");
      await expect(page.getByRole("form", { name: "Dodaj program" }).getByLabel("angielski").isChecked()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "programmes-1280");
    } finally {
      await ctx.close();
    }
  });

  it("phases without JavaScript on a phone: an overlap is refused in Polish with the input kept, then saved", async () => {
    const { ctx, page } = await as({ phone: true, js: false });
    try {
      await page.goto(`${baseURL}/admin/editions/ed_2027/phases`);
      for (const [i, p] of PHASES.entries()) {
        await page.locator(`#${p}_start`).fill(PLAN_2027[i]![0]!);
        await page.locator(`#${p}_end`).fill(PLAN_2027[i]![1]!);
      }
      await page.locator("#appeals_start").fill("2027-05-20T00:00"); // before verification ends
      await page.getByRole("button", { name: "Zapisz harmonogram" }).click();
      await page.getByText("Etap zaczyna się, zanim skończy się poprzedni.").waitFor({ timeout: 10_000 });
      await expect(page.locator("#appeals_start").getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(page.locator("#appeals_start").inputValue()).resolves.toBe("2027-05-20T00:00");
      await expect(page.locator("#results_end").inputValue()).resolves.toBe("2028-03-01T00:00");
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, "phases-refused-390"); // axe runs on the refused form with JavaScript below
      await page.locator("#appeals_start").fill("2027-06-01T00:00");
      await page.getByRole("button", { name: "Zapisz harmonogram" }).click();
      await page.waitForURL(/done=phases_saved/);
      await expect(page.locator("#submission_start").inputValue()).resolves.toBe("2027-03-01T09:00");
    } finally {
      await ctx.close();
    }
  });

  it("the overview takes the rules PDF and shows programmes and phases; activation asks for confirmation and is refused while 2026 runs", async () => {
    const { ctx, page } = await as({ phone: true, js: false });
    try {
      await page.goto(`${baseURL}/admin/editions/ed_2027`);
      await page.getByLabel("Plik PDF regulaminu").setInputFiles({ name: "regulamin-2027.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%regulamin\n") });
      await page.getByRole("button", { name: "Prześlij PDF" }).click();
      await page.waitForURL(/done=pdf_saved/);
      await page.getByText("Obecny plik: regulamin-2027.pdf").waitFor({ timeout: 10_000 });
      await page.getByText("od 2027-03-01 09:00 do 2027-04-01 00:00").waitFor({ timeout: 10_000 });
      await page.getByRole("button", { name: "Uruchom edycję" }).click();
      await page.getByText("Zaznacz potwierdzenie, aby kontynuować.").waitFor({ timeout: 10_000 });
      await page.getByLabel("Potwierdzam uruchomienie edycji 2027.").check();
      await page.getByRole("button", { name: "Uruchom edycję" }).click();
      await page.getByText("Trwa inna edycja. Najpierw ją zakończ.").waitFor({ timeout: 10_000 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, "overview-390");
    } finally {
      await ctx.close();
    }
  });

  it("the overview passes axe on a phone", async () => {
    const { ctx, page } = await as({ phone: true });
    try {
      await page.goto(`${baseURL}/admin/editions/ed_2027`);
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseURL}/admin/editions/ed_2027/phases`);
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "phases-390");
    } finally {
      await ctx.close();
    }
  });

  it("copies the 2026 edition as 2028 with its programmes and phases a year later", async () => {
    const { ctx, page } = await as();
    try {
      await page.goto(`${baseURL}/admin/editions`);
      await page.getByLabel("Kopiuj edycję").selectOption("ed_2026");
      await page.getByLabel("Jako edycję roku").fill("2028");
      await page.getByRole("button", { name: "Skopiuj jako nową edycję" }).click();
      await page.waitForURL(/\/admin\/editions\/ed_2028\?done=copied/);
      await page.getByRole("listitem").filter({ hasText: "Młodzieżowa Rada Miasta" }).waitFor({ timeout: 10_000 });
      await page.getByText(/^Głosowanie: od 2028-/).waitFor({ timeout: 10_000 });
      await shot(page, "overview-1280");
    } finally {
      await ctx.close();
    }
  });

  it("changing a started phase of the running edition needs a public reason, which residents then see", async () => {
    const { ctx, page } = await as();
    try {
      await page.goto(`${baseURL}/admin/editions/ed_2026/phases`);
      const start = await page.locator("#submission_start").inputValue();
      const earlier = `${start.slice(0, 11)}${String(Number(start.slice(11, 13)) === 0 ? 1 : 0).padStart(2, "0")}${start.slice(13)}`;
      await page.locator("#submission_start").fill(earlier);
      await page.getByRole("button", { name: "Zapisz harmonogram" }).click();
      await page.getByText("Zmieniasz etap, który już się rozpoczął: podaj publiczny powód zmiany.").waitFor({ timeout: 10_000 });
      await expect(page.locator("#submission_start").inputValue()).resolves.toBe(earlier);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel("Powód zmiany (publiczny)").first().fill("Poprawiamy godzinę rozpoczęcia zgodnie z zarządzeniem prezydenta.");
      await page.getByRole("button", { name: "Zapisz harmonogram" }).click();
      await page.waitForURL(/done=phases_saved/);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "phases-1280");
    } finally {
      await ctx.close();
    }
    const resident = await as({ signedIn: false, phone: true });
    try {
      await resident.page.goto(`${baseURL}/`);
      await resident.page.getByRole("heading", { name: "Zmiany harmonogramu" }).waitFor({ timeout: 10_000 });
      await resident.page.getByText("Powód: Poprawiamy godzinę rozpoczęcia zgodnie z zarządzeniem prezydenta.").waitFor({ timeout: 10_000 });
      expect(await overflowsHorizontally(resident.page)).toBe(false);
      expect(await axeViolations(resident.page)).toEqual([]);
      await shot(resident.page, "home-timeline-390");
    } finally {
      await resident.ctx.close();
    }
  });

  it("the rules of the running edition are public as text; an administrator works in English", async () => {
    const { ctx, page } = await as({ locale: "en-GB" });
    try {
      await page.goto(`${baseURL}/admin/editions/ed_2026`);
      await page.getByLabel("Edition name").fill("Gdynia Participatory Budget 2026");
      await page.getByLabel("Rules (text)").fill("# Rules of the participatory budget\n\nEvery resident of Gdynia may vote.\n\n- one ballot per person\n- three programmes");
      await page.getByRole("button", { name: "Save name and rules" }).click();
      await page.waitForURL(/done=saved/);
      await expect(page.getByRole("status").textContent()).resolves.toContain("Name and rules saved.");
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseURL}/admin/editions/ed_2026/phases`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Phases and dates of the 2026 edition");
      await page.getByRole("heading", { name: "Close voting early" }).waitFor({ timeout: 10_000 });
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseURL}/`);
      await page.getByRole("link", { name: "Rules of the 2026 edition" }).click();
      await page.waitForURL(/\/editions\/2026\/rules$/);
      await page.getByRole("heading", { level: 2, name: "Rules of the participatory budget" }).waitFor({ timeout: 10_000 });
      await expect(page.getByRole("listitem").filter({ hasText: "one ballot per person" }).count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "rules-en-1280");
    } finally {
      await ctx.close();
    }
    // a draft edition's rules are not public
    expect((await fetch(`${baseURL}/editions/2027/rules.pdf`)).status).toBe(404);
    expect((await fetch(`${baseURL}/editions/2027/rules`)).status).toBe(404);
    const pdf = await fetch(`${baseURL}/editions/2027/rules.pdf`, { headers: { Cookie: adminCookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("x-content-type-options")).toContain("nosniff");
    expect(pdf.headers.get("content-security-policy")).toContain("sandbox");
    expect(pdf.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
  });

  it("someone without edition.manage is kept out", async () => {
    const official = DEMO_USERS.find((u) => u.id === "usr_demo_official")!;
    const cookie = await signIn(baseURL, official.email, official.password);
    for (const path of ["/admin/editions", "/admin/editions/ed_2026", "/admin/editions/ed_2026/phases", "/admin/editions/ed_2026/programmes"]) {
      expect((await fetch(`${baseURL}${path}`, { headers: { Cookie: cookie }, redirect: "manual" })).status).toBe(403);
    }
  });
});
