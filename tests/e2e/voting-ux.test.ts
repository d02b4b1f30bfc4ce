/**
 * Issue 16, the residents' voting flow walked as people do: a parent finds the way to vote for a
 * child, Back after casting says the vote was cast, a name typed without Polish letters gets a hint,
 * the 4th tick is refused beside the box tapped, a PESEL typed with dashes is accepted, and the
 * receipt code can be copied or printed. Phone (390 px) and desktop, pl/uk/en, no-JS for the forms.
 *
 * Uses synthetic residents of the demo register (demoResident 340–349) and the demo child and the
 * Ukrainian-speaking child in the programmes the other voting tests leave alone.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_VOTERS, demoResident } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { setDemoPhase } from "../support/phase";

const baseURL = inject("baseURL");
const dbPath = inject("dbPath");
const SHOTS = "/work/walk/shots";
let browser: Browser;

beforeAll(async () => {
  setDemoPhase(dbPath, "voting");
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => browser?.close());

async function context(locale: "pl" | "uk" | "en", opts: { phone?: boolean; js?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, isMobile: opts.phone ?? false, javaScriptEnabled: opts.js ?? true });
  await ctx.addCookies([{ name: "lang", value: locale, url: baseURL }]);
  return ctx;
}

/** axe and the overflow check run scripts in the page: with JavaScript off only the screenshot is taken. */
async function check(page: Page, name: string, js = true) {
  if (js) {
    expect(await axeViolations(page), name).toEqual([]);
    expect(await overflowsHorizontally(page), `${name} overflows`).toBe(false);
  }
  await page.screenshot({ path: `${SHOTS}/hu1-${name}.png`, fullPage: true });
}

const pesel = (page: Page) => page.getByRole("textbox", { name: /^(Numer PESEL|Номер PESEL|PESEL number)$/ }).first();
const parent = (page: Page) => page.locator("#parentFirstName");

describe("item 1: a parent finds the way to vote for a child", () => {
  it("an adult refused by the children-and-youth budget follows 'Głosuję za dziecko' and votes for the child (pl, phone)", async () => {
    const ctx = await context("pl", { phone: true });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote/children`);
      await page.getByRole("heading", { name: "Potwierdź, kim jesteś" }).waitFor();
      expect(await page.getByRole("link", { name: "Głosuję za dziecko" }).count()).toBe(1);
      await check(page, "item1-identify-phone-pl");

      // the parent identifies as themself first, as the page used to tell them to
      await pesel(page).fill(DEMO_VOTERS.adult.pesel);
      await parent(page).fill(DEMO_VOTERS.adult.parentFirstName);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByText("Ten program jest dla młodszych mieszkańców.").waitFor();
      const form = page.locator("form", { has: page.locator("#pesel") });
      await check(page, "item1-refused-phone-pl");
      await form.getByRole("link", { name: "Głosuję za dziecko" }).click();

      await page.getByRole("heading", { name: "Głos w imieniu dziecka" }).waitFor();
      expect(await page.locator("main").textContent()).toContain("Krok 1 z 3: potwierdź tożsamość");
      const guardian = page.getByRole("group", { name: "Twoje dane (rodzica lub opiekuna)" });
      const child = page.getByRole("group", { name: "Dane dziecka" });
      await check(page, "item1-child-form-phone-pl");
      await guardian.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(DEMO_VOTERS.adult.pesel);
      await guardian.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(DEMO_VOTERS.adult.parentFirstName);
      await child.getByLabel("Numer PESEL dziecka").fill(DEMO_VOTERS.child.pesel);
      await child.getByLabel("Imię ojca lub matki dziecka").fill(DEMO_VOTERS.child.parentFirstName);
      await page.getByRole("button", { name: "Dalej – głosuję za dziecko" }).click();

      await page.getByRole("heading", { name: "Zaznacz projekty" }).waitFor();
      expect(await page.locator("main").textContent()).toContain("Głosujesz w imieniu dziecka.");
      await page.locator(".ballot-pool").getByRole("checkbox").first().check();
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
      await page.getByRole("button", { name: "Oddaję głos" }).click();
      await page.getByRole("heading", { name: "Dziękujemy! Twój głos został oddany." }).waitFor();
    } finally {
      await ctx.close();
    }
  });

  it("without JavaScript, in Ukrainian, on a desktop: the link is on the identify page and on the age refusal", async () => {
    const ctx = await context("uk", { js: false });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote/children`);
      expect(await page.getByRole("link", { name: "Голосую за дитину" }).count()).toBe(1);
      await check(page, "item1-identify-desktop-uk-nojs", false);
      await pesel(page).fill(demoResident(340).pesel);
      await parent(page).fill(demoResident(340).parentFirstName);
      await page.locator("form", { has: page.locator("#pesel") }).getByRole("button").click();
      const form = page.locator("form", { has: page.locator("#pesel") });
      await form.locator(".alert-error").waitFor();
      expect(await form.getByRole("link", { name: "Голосую за дитину" }).count()).toBe(1);
      await check(page, "item1-refused-desktop-uk-nojs", false);
      await form.getByRole("link", { name: "Голосую за дитину" }).click();
      await page.getByRole("group", { name: "Ваші дані (батька, матері або опікуна)" }).waitFor();
      expect(await page.locator("main").textContent()).toMatch(/1.*3/);
      await check(page, "item1-child-form-desktop-uk-nojs", false);
    } finally {
      await ctx.close();
    }
  });
});

describe("item 2 and the done page: after casting, every step says the vote was cast", () => {
  it("a resident types the PESEL with a dash, casts, copies the code, presses Back and is told the vote is saved (en, phone)", async () => {
    const ctx = await context("en", { phone: true });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    try {
      const page = await ctx.newPage();
      const r = demoResident(341);
      await page.goto(`${baseURL}/vote/bo`);
      await pesel(page).fill(`${r.pesel.slice(0, 6)}-${r.pesel.slice(6)}`);
      await parent(page).fill(r.parentFirstName);
      await page.getByRole("button", { name: "Continue with PESEL" }).click();
      await page.getByRole("heading", { name: "Choose a district" }).waitFor();
      await page.getByLabel("Oksywie").check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.locator(".ballot-pool").first().getByRole("checkbox").first().check();
      await page.locator("button[value=review]").click();
      await page.locator("button[value=cast]").click();
      await page.getByTestId("receipt").waitFor();
      const code = (await page.getByTestId("receipt").textContent())?.trim() ?? "";
      await page.getByRole("button", { name: "Copy the code" }).click();
      await page.getByText(/Code copied|Could not copy/).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      expect(await page.getByRole("button", { name: "Print the confirmation" }).count()).toBe(1);
      await check(page, "item2-done-phone-en");

      // Back: the review, the ballot and the district step all say the vote was cast
      for (const step of ["back-1", "back-2"]) {
        await page.goBack();
        await page.getByRole("heading", { name: "Your vote has already been cast and saved." }).waitFor();
        expect(await page.getByRole("link", { name: "Check a confirmation code" }).count()).toBe(1);
        expect(await page.locator("main").textContent()).not.toContain("nothing has been saved");
        if (step === "back-1") await check(page, "item2-back-phone-en");
      }
      await page.goto(`${baseURL}/vote/bo/ballot?district=oksywie`);
      await page.getByRole("heading", { name: "Your vote has already been cast and saved." }).waitFor();
      await page.goto(`${baseURL}/vote/bo`);
      await page.getByText("A vote in this programme was cast on this device and is saved.").waitFor();
      await check(page, "item2-identify-after-cast-phone-en");

      // the same person again: "already voted", with the way in for a child
      await pesel(page).fill(r.pesel);
      await parent(page).fill(r.parentFirstName);
      await page.getByRole("button", { name: "Continue with PESEL" }).click();
      const form = page.locator("form", { has: page.locator("#pesel") });
      await form.locator(".alert-error").waitFor();
      expect(await form.getByRole("link", { name: "I am voting for a child" }).count()).toBe(1);
    } finally {
      await ctx.close();
    }
  });

  it("without JavaScript (pl, desktop): the ballot revisited says the vote was cast; the done page prints only the code", async () => {
    const ctx = await context("pl", { js: false });
    try {
      const page = await ctx.newPage();
      const r = demoResident(342);
      await page.goto(`${baseURL}/vote/bo`);
      await pesel(page).fill(`${r.pesel.slice(0, 3)} ${r.pesel.slice(3, 6)} ${r.pesel.slice(6)}`);
      await parent(page).fill(r.parentFirstName);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByLabel("Oksywie").check();
      await page.getByRole("button", { name: "Dalej" }).click();
      await page.locator(".ballot-pool").first().getByRole("checkbox").first().check();
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
      await page.getByRole("button", { name: "Oddaję głos" }).click();
      await page.getByTestId("receipt").waitFor();
      // no dead buttons without JavaScript: a line says how to print
      expect(await page.getByRole("button", { name: "Kopiuj kod" }).count()).toBe(0);
      await page.getByText("użyj polecenia „Drukuj” w przeglądarce").waitFor();
      await check(page, "item2-done-desktop-pl-nojs", false);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".site-header").isVisible()).toBe(false);
      expect(await page.getByTestId("receipt").isVisible()).toBe(true);
      await page.screenshot({ path: `${SHOTS}/hu1-item2-done-print-desktop-pl.png`, fullPage: true });
      await page.emulateMedia({ media: "screen" });

      for (const path of ["/vote/bo/ballot?district=oksywie", "/vote/bo/district"]) {
        await page.goto(`${baseURL}${path}`);
        await page.getByRole("heading", { name: "Twój głos został już oddany i zapisany." }).waitFor();
        expect(await page.getByRole("link", { name: "Sprawdź kod potwierdzenia" }).count()).toBe(1);
      }
      await check(page, "item2-back-desktop-pl-nojs", false);
    } finally {
      await ctx.close();
    }
  });
});

describe("item 8: a name typed without Polish letters", () => {
  it("the generic refusal adds 'z polskimi znakami' and a way to a voting point, only when the name has no diacritics (pl, phone, no JS)", async () => {
    const ctx = await context("pl", { phone: true, js: false });
    try {
      const page = await ctx.newPage();
      const r = demoResident(343);
      await page.goto(`${baseURL}/vote/bo`);
      await pesel(page).fill(r.pesel);
      await parent(page).fill("Lukasz");
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByText("Nie udało się potwierdzić tożsamości tymi danymi.").waitFor();
      await page.getByText("Wpisz imię z polskimi znakami").waitFor();
      await check(page, "item8-refused-phone-pl-nojs", false);
      await page.getByRole("link", { name: "Jak zagłosować w punkcie głosowania" }).click();
      expect(page.url()).toContain("#voting-points");

      await pesel(page).fill(r.pesel);
      await parent(page).fill("Łucja");
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByText("Nie udało się potwierdzić tożsamości tymi danymi.").waitFor();
      expect(await page.getByText("Wpisz imię z polskimi znakami").count()).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});

describe("the 4th tick", () => {
  it("with JavaScript on a phone the refusal appears beside the box tapped, as an alert (pl)", async () => {
    const ctx = await context("pl", { phone: true });
    try {
      const page = await ctx.newPage();
      const r = demoResident(344);
      await page.goto(`${baseURL}/vote/bo`);
      await pesel(page).fill(r.pesel);
      await parent(page).fill(r.parentFirstName);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByLabel("Oksywie").check();
      await page.getByRole("button", { name: "Dalej" }).click();
      const city = page.locator("fieldset", { hasText: "Pula miejska" });
      const items = city.locator(".ballot-item");
      for (let i = 0; i < 3; i++) await items.nth(i).getByRole("checkbox").check();
      await items.nth(3).getByRole("checkbox").click();
      expect(await items.nth(3).getByRole("checkbox").isChecked()).toBe(false);
      const alert = items.nth(3).getByRole("alert");
      expect(await alert.textContent()).toContain("Nie zaznaczono: w tej kategorii możesz wybrać najwyżej 3.");
      // on screen, right where the person tapped
      const box = await alert.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);
      await page.screenshot({ path: `${SHOTS}/hu1-tick-blocked-phone-pl.png` });
      await check(page, "tick-blocked-phone-pl-full");
    } finally {
      await ctx.close();
    }
  });

  it("without JavaScript the error is in the category and a link at the top jumps there (en, phone)", async () => {
    const ctx = await context("en", { phone: true, js: false });
    try {
      const page = await ctx.newPage();
      const r = demoResident(345);
      await page.goto(`${baseURL}/vote/bo`);
      await pesel(page).fill(r.pesel);
      await parent(page).fill(r.parentFirstName);
      await page.getByRole("button", { name: "Continue with PESEL" }).click();
      await page.getByLabel("Oksywie").check();
      await page.getByRole("button", { name: "Continue" }).click();
      const city = page.locator("fieldset.ballot-pool").first();
      for (let i = 0; i < 4; i++) await city.getByRole("checkbox").nth(i).check();
      await page.locator("button[value=review]").click();
      const link = page.getByRole("link", { name: /^Go to the category:/ });
      await link.waitFor();
      await check(page, "tick-nojs-error-phone-en", false);
      await link.click();
      const id = await city.getAttribute("id");
      expect(page.url()).toContain(`#${id}`);
      expect(await city.locator(".field-error").count()).toBeGreaterThan(0);
      expect(await city.locator("input:checked").count()).toBe(4);
      await page.screenshot({ path: `${SHOTS}/hu1-tick-nojs-jumped-phone-en.png` });
    } finally {
      await ctx.close();
    }
  });
});
