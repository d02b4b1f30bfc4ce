import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { makePesel } from "~/domain/voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { setDemoPhase } from "../support/phase";
import { enrolDeviceOverHttp } from "../support/voting-points";

const baseURL = inject("baseURL");
const dbPath = inject("dbPath");
let browser: Browser;

beforeAll(async () => {
  setDemoPhase(dbPath, "voting");
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function context(locale: "pl" | "uk" | "en", opts: { phone?: boolean; js?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, isMobile: opts.phone ?? false, javaScriptEnabled: opts.js ?? true });
  await ctx.addCookies([{ name: "lang", value: locale, url: baseURL }]);
  return ctx;
}

async function checkPage(page: Page, name: string, axe = true) {
  if (axe) {
    expect(await axeViolations(page), name).toEqual([]);
    expect(await overflowsHorizontally(page), `${name} overflows`).toBe(false);
  }
  await screenshot(page, name);
}

describe("voting in Polish, on a phone", () => {
  it("a resident votes in another district, is stopped at a 4th tick, reviews, casts, and the receipt finds the ballot", async () => {
    const ctx = await context("pl", { phone: true });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote`);
      await checkPage(page, "phone-pl-vote-start");
      await page.getByRole("link", { name: "Głosuj: Budżet Obywatelski" }).click();
      await page.getByRole("heading", { name: "Potwierdź, kim jesteś" }).waitFor();
      await checkPage(page, "phone-pl-vote-identify");
      // a typo first: a clear message, nothing lost
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill("80051412314");
      await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(DEMO_VOTERS.adult.parentFirstName);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByText("Ten numer PESEL jest nieprawidłowy").waitFor();
      expect(await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).inputValue()).toBe(DEMO_VOTERS.adult.parentFirstName);
      await checkPage(page, "phone-pl-vote-identify-error");
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(DEMO_VOTERS.adult.pesel);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();

      await page.getByRole("heading", { name: "Wybierz dzielnicę" }).waitFor();
      await checkPage(page, "phone-pl-vote-district");
      await page.getByLabel("Chylonia").check(); // registered in Orłowo, votes in Chylonia
      await page.getByRole("button", { name: "Dalej" }).click();

      await page.getByRole("heading", { name: "Zaznacz projekty" }).waitFor();
      const city = page.locator("fieldset", { hasText: "Pula miejska" });
      const boxes = city.getByRole("checkbox");
      for (let i = 0; i < 3; i++) await boxes.nth(i).check();
      expect(await city.locator(".remaining").textContent()).toContain("Limit w tej kategorii wykorzystany");
      await boxes.nth(3).click();
      expect(await boxes.nth(3).isChecked()).toBe(false);
      expect(await city.locator(".remaining").textContent()).toContain("najpierw odznacz");
      await page.locator("fieldset", { hasText: "Małe projekty dzielnicowe" }).getByRole("checkbox").first().check();
      await checkPage(page, "phone-pl-vote-ballot");
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();

      await page.getByRole("heading", { name: "Sprawdź swój głos" }).waitFor();
      expect(await page.locator(".review-item").count()).toBe(4);
      expect(await page.locator("main").textContent()).toContain("Wybrana dzielnica: Chylonia");
      await checkPage(page, "phone-pl-vote-review");
      await page.getByRole("button", { name: "Oddaję głos" }).click();

      await page.getByRole("heading", { name: "Dziękujemy! Twój głos został oddany." }).waitFor();
      const receipt = (await page.getByTestId("receipt").textContent())?.trim() ?? "";
      expect(receipt).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}-[2-9A-HJKMNP-Z]$/);
      await checkPage(page, "phone-pl-vote-done");

      await page.getByRole("link", { name: "Sprawdź kod potwierdzenia" }).click();
      await page.getByLabel("Kod potwierdzenia").fill(receipt.toLowerCase());
      await page.getByRole("button", { name: "Sprawdź" }).click();
      await page.getByText("Twój głos jest w urnie, zaszyfrowany. Zostanie policzony po zakończeniu głosowania.").waitFor();
      // the receipt proves the ballot is in the box, and shows nothing of what it chose (issue #15)
      expect(await page.locator("main").textContent()).not.toContain("Chylonia");
      await checkPage(page, "phone-pl-vote-receipt");

      // voting again with the same identity is refused
      await page.goto(`${baseURL}/vote/bo`);
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(DEMO_VOTERS.adult.pesel);
      await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(DEMO_VOTERS.adult.parentFirstName);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByText("Ta osoba już zagłosowała w tym programie.").waitFor();
    } finally {
      await ctx.close();
    }
  });

  it("a parent votes for a young child", async () => {
    const ctx = await context("pl");
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote/bo/child`);
      await checkPage(page, "desktop-pl-vote-child");
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(DEMO_VOTERS.adult.pesel);
      await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(DEMO_VOTERS.adult.parentFirstName);
      await page.getByLabel("Numer PESEL dziecka").fill(DEMO_VOTERS.child.pesel);
      await page.getByLabel("Imię ojca lub matki dziecka").fill(DEMO_VOTERS.child.parentFirstName);
      await page.getByRole("button", { name: "Dalej – głosuję za dziecko" }).click();
      await page.getByRole("heading", { name: "Wybierz dzielnicę" }).waitFor();
      expect(await page.locator("main").textContent()).toContain("Głosujesz w imieniu dziecka.");
      await page.getByLabel("Orłowo").check();
      await page.getByRole("button", { name: "Dalej" }).click();
      await page.locator("fieldset", { hasText: "Duże projekty dzielnicowe" }).getByRole("checkbox").first().check();
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
      await page.getByRole("button", { name: "Oddaję głos" }).click();
      await page.getByRole("heading", { name: "Dziękujemy! Twój głos został oddany." }).waitFor();
    } finally {
      await ctx.close();
    }
  });

  it("without JavaScript a 4th tick comes back with a clear error and the ticks kept", async () => {
    const ctx = await context("pl", { js: false });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote/bo`);
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(DEMO_VOTERS.adult2.pesel);
      await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(DEMO_VOTERS.adult2.parentFirstName);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByLabel("Oksywie").check();
      await page.getByRole("button", { name: "Dalej" }).click();
      const city = page.locator("fieldset", { hasText: "Pula miejska" });
      for (let i = 0; i < 4; i++) await city.getByRole("checkbox").nth(i).check();
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
      await page.getByText("Zaznaczono za dużo projektów w tej kategorii.").waitFor();
      expect(await city.locator("input:checked").count()).toBe(4);
      await screenshot(page, "desktop-pl-vote-nojs-error");
    } finally {
      await ctx.close();
    }
  });
});

describe("voting in Ukrainian and English", () => {
  it("a parent votes for a Ukrainian-speaking child in the children-and-youth budget, all in Ukrainian", async () => {
    const ctx = await context("uk", { phone: true });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote`);
      expect(await page.getAttribute("html", "lang")).toBe("uk");
      await checkPage(page, "phone-uk-vote-start");
      await page.goto(`${baseURL}/vote/children/child`);
      await checkPage(page, "phone-uk-vote-child");
      await page.locator("#gPesel").fill(DEMO_VOTERS.adult2.pesel);
      await page.locator("#gParent").fill(DEMO_VOTERS.adult2.parentFirstName);
      await page.locator("#cPesel").fill(DEMO_VOTERS.ukrainianChild.pesel);
      await page.locator("#cParent").fill(DEMO_VOTERS.ukrainianChild.parentFirstName);
      await page.locator("main form button[type=submit]").click();
      await page.locator(".ballot-pool").first().waitFor();
      await checkPage(page, "phone-uk-vote-ballot");
      await page.locator(".ballot-pool").getByRole("checkbox").first().check();
      await page.locator("button[value=review]").click();
      await page.locator("button[value=cast]").waitFor();
      await checkPage(page, "phone-uk-vote-review");
      await page.locator("button[value=cast]").click();
      await page.getByTestId("receipt").waitFor();
      expect(await page.locator("h1").textContent()).toMatch(/Дякуємо/);
      await checkPage(page, "phone-uk-vote-done");
    } finally {
      await ctx.close();
    }
  });

  it("a Resident Card holder votes in English", async () => {
    const ctx = await context("en");
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote/bo`);
      await checkPage(page, "desktop-en-vote-identify");
      await page.getByRole("textbox", { name: "Resident Card number", exact: true }).fill(DEMO_VOTERS.karta.cardNumber);
      await page.getByRole("textbox", { name: "First name", exact: true }).fill(DEMO_VOTERS.karta.firstName);
      await page.getByRole("textbox", { name: "Surname", exact: true }).fill(DEMO_VOTERS.karta.lastName);
      await page.locator("form", { has: page.locator("#cardNumber") }).locator("button[type=submit]").click();
      await page.locator("input[name=district]").first().waitFor();
      await checkPage(page, "desktop-en-vote-district");
      await page.getByLabel("Karwiny").check();
      await page.locator("main form button[type=submit]").click();
      await page.locator(".ballot-pool").first().waitFor();
      await checkPage(page, "desktop-en-vote-ballot");
      await page.locator(".ballot-pool").nth(1).getByRole("checkbox").first().check();
      await page.locator("button[value=review]").click();
      await page.locator("button[value=cast]").click();
      await page.getByTestId("receipt").waitFor();
      await checkPage(page, "desktop-en-vote-done");
      await page.goto(`${baseURL}/turnout`);
      await checkPage(page, "desktop-en-turnout");
      expect(await page.locator("main").textContent()).toContain("Karwiny");
    } finally {
      await ctx.close();
    }
  });
});

describe("officials", () => {
  it("a paper ballot for someone who already voted online is refused", async () => {
    const official = DEMO_USERS.find((u) => u.id === "usr_demo_official")!;
    const ctx = await context("pl");
    try {
      const session = await signIn(baseURL, official.email, official.password);
      await ctx.addCookies([{ name: "bo_session", value: session.split("=")[1]!, url: baseURL }]);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/official/paper?district=orlowo`);
      await checkPage(page, "desktop-pl-official-paper");
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(DEMO_VOTERS.adult.pesel);
      await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(DEMO_VOTERS.adult.parentFirstName);
      await page.locator(".ballot-pool").first().getByRole("checkbox").first().check();
      await page.getByLabel(/Sprawdziłem/).check();
      await page.getByRole("button", { name: "Zapisz kartę" }).click();
      await page.getByText("Ta osoba już zagłosowała w tym programie.").waitFor();

      // a fresh paper voter is accepted
      const fresh = makePesel({ year: 1942, month: 3, day: 3 }, 2, "female", 0);
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(fresh);
      await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill("Maria");
      await page.getByLabel(/Sprawdziłem/).check();
      await page.getByRole("button", { name: "Zapisz kartę" }).click();
      await page.getByText("Karta zapisana.").waitFor();

      for (const path of ["/official/register", "/official/voting-point"]) {
        await page.goto(baseURL + path);
        await checkPage(page, `desktop-pl-official-${path.split("/")[2]}`);
      }
    } finally {
      await ctx.close();
    }
  });

  it("an official opens a voting point; a ballot cast there is 'assisted' and audited without its choices", async () => {
    const official = DEMO_USERS.find((u) => u.id === "usr_demo_official")!;
    const cookie = await signIn(baseURL, official.email, official.password);
    // the point opens only on a device an administrator enrolled for it (through the admin page)
    const device = await enrolDeviceOverHttp(baseURL, "vp_wymiennikownia");
    const open = await formPost(baseURL, "/official/voting-point", { intent: "open", pointId: "vp_wymiennikownia" }, `${cookie}; bo_device=${device}`);
    expect(open.status).toBe(302);
    const point = open.headers.get("set-cookie")?.match(/bo_point=([^;]+)/)?.[1];
    expect(point).toBeTruthy();
    const ctx = await context("pl");
    try {
      await ctx.addCookies([{ name: "bo_point", value: point!, url: baseURL }]);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote/youth`);
      expect(await page.locator("main").textContent()).toContain("Głosowanie w punkcie: Wymiennikownia");
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(DEMO_VOTERS.teen.pesel);
      await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(DEMO_VOTERS.teen.parentFirstName);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.locator(".ballot-pool").getByRole("checkbox").first().check();
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
      await page.getByRole("button", { name: "Oddaję głos" }).click();
      await page.getByTestId("receipt").waitFor();
      expect(await page.getByRole("link", { name: "Głosuje kolejna osoba" }).count()).toBe(1);
    } finally {
      await ctx.close();
    }
    const admin = DEMO_USERS.find((u) => u.id === "usr_demo_admin")!;
    const audit = await fetch(`${baseURL}/admin/audit?action=ballot.assisted`, { headers: { Cookie: await signIn(baseURL, admin.email, admin.password) } });
    const html = await audit.text();
    expect(html).toContain("vp_wymiennikownia");
    expect(html).toContain(official.email);
  });
});

describe("one ballot per person, under pressure", () => {
  it("100 concurrent cast requests with one identity over HTTP give exactly one ballot", async () => {
    const voter = { pesel: makePesel({ year: 1943, month: 4, day: 4 }, 3, "male", 0), parentFirstName: "Krzysztof" };
    const id = await formPost(baseURL, "/vote/bo", { method: "pesel", ...voter });
    expect(id.status).toBe(302);
    const state = id.headers.get("set-cookie")!.match(/bo_vote=([^;]+)/)![1]!;
    const page = await fetch(`${baseURL}/vote/bo/ballot?district=cisowa`, { headers: { Cookie: `bo_vote=${state}` } });
    const tick = (await page.text()).match(/<input[^>]*name="tick"[^>]*value="([^"]+)"/)![1]!;
    const attempts = await Promise.all(
      Array.from({ length: 100 }, () => formPost(baseURL, "/vote/bo/ballot?district=cisowa", { intent: "cast", district: "cisowa", tick }, `bo_vote=${state}`)),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const done = attempts.find((r) => r.status === 302)!;
    expect(done.headers.get("location")).toBe("/vote/bo/done");
  });

  it("no PESEL of a voter reaches the database file", () => {
    const bytes = readFileSync(dbPath).toString("latin1") + readFileSync(`${dbPath}-wal`).toString("latin1");
    for (const p of [DEMO_VOTERS.adult.pesel, DEMO_VOTERS.child.pesel, DEMO_VOTERS.teen.pesel, DEMO_VOTERS.ukrainianChild.pesel]) expect(bytes.includes(p)).toBe(false);
  });
});
