/**
 * #16 item 4 in a real browser on its own seeded server: a translator of the neighbourhood centres
 * corrects a children's proposal's Ukrainian title without JavaScript on a phone (an error beside
 * the field first, what was typed kept); a Ukrainian reader then sees it on the proposal page and
 * on the Ukrainian-speaking child's ballot and review step; an untranslated Polish title on a
 * Ukrainian page carries lang="pl" and the note; English readers get the seeded English text.
 * axe WCAG 2.1 AA on every page; screenshots at 390 and 1280 px in /work/walk/shots/trans-*.png.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

const SHOTS = "/work/walk/shots";
const CHILD = "/proposals/prp_children-1";
const BO = "/proposals/prp_orlowo-l-1";
const NEW_UK = "Кімната ігор у нашій «Przystań»";
let server: RunningServer;
let browser: Browser;
let baseURL = "";
let translatorCookie = "";

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "voting" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  const t = DEMO_USERS.find((u) => u.id === "usr_demo_translator")!;
  translatorCookie = await signIn(baseURL, t.email, t.password);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function context(locale: "pl" | "uk" | "en", opts: { phone?: boolean; js?: boolean; signedIn?: boolean } = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, isMobile: opts.phone ?? false, javaScriptEnabled: opts.js ?? true });
  await ctx.addCookies([{ name: "lang", value: locale, url: baseURL }]);
  if (opts.signedIn) await ctx.addCookies([{ name: "bo_session", value: translatorCookie.split("=")[1]!, url: baseURL }]);
  return ctx;
}

/** axe and the overflow check need scripts in the page: with JavaScript off only the screenshot. */
async function check(page: Page, name: string, js = true) {
  if (js) {
    expect(await axeViolations(page), name).toEqual([]);
    expect(await overflowsHorizontally(page), `${name} overflows`).toBe(false);
  }
  await page.screenshot({ path: `${SHOTS}/trans-${name}.png`, fullPage: true });
}

describe("a translator adds a Ukrainian translation", () => {
  it("finds the page from the proposal, which anonymous readers are not offered (pl, desktop, axe)", async () => {
    const anon = await (await fetch(baseURL + CHILD, { headers: { Cookie: "lang=pl" } })).text();
    expect(anon).not.toContain("/translations");
    const ctx = await context("pl", { signedIn: true });
    try {
      const page = await ctx.newPage();
      await page.goto(baseURL + CHILD);
      await page.getByRole("link", { name: "Tłumaczenia tytułu i streszczenia" }).click();
      await page.getByRole("heading", { name: "Tłumaczenia projektu", level: 1 }).waitFor();
      expect(await page.getByRole("heading", { name: "Oryginał (polski)" }).count()).toBe(1);
      expect(await page.locator("dd[lang=pl]").first().textContent()).toBe("Pokój gier w naszej Przystani");
      const uk = page.getByRole("region", { name: "Po ukraińsku" });
      expect(await uk.getByLabel("Tytuł").inputValue()).toBe("Ігрова кімната в нашій «Przystań»");
      expect(await page.getByRole("region", { name: "Po angielsku" }).getByLabel("Tytuł").inputValue()).toBe("A games room in our Przystań");
      await check(page, "page-desktop-pl");
    } finally {
      await ctx.close();
    }
  });

  it("without JavaScript at 390 px: a too-short title is refused beside the field, the text kept, then saved", async () => {
    const ctx = await context("pl", { phone: true, js: false, signedIn: true });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}${CHILD}/translations`);
      const uk = () => page.getByRole("region", { name: "Po ukraińsku" });
      await uk().getByLabel("Tytuł").fill("Гра");
      await uk().getByLabel("Streszczenie").fill("Настільний футбол, аерохокей і пуфи — щоб грати разом після школи.");
      await uk().getByRole("button", { name: "Zapisz tłumaczenie (ukraiński)" }).click();
      await page.locator("#tr-uk-title-error").waitFor();
      expect(await page.locator("#tr-uk-title-error").textContent()).toContain("5");
      expect(await page.locator("#tr-uk-title").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#tr-uk-title").getAttribute("aria-describedby")).toContain("tr-uk-title-error");
      expect(await page.locator("#tr-uk-summary").inputValue()).toBe("Настільний футбол, аерохокей і пуфи — щоб грати разом після школи.");
      // the English form is untouched by the Ukrainian error
      expect(await page.locator("#tr-en-title-error").count()).toBe(0);
      await check(page, "error-phone-pl-nojs", false);

      await uk().getByLabel("Tytuł").fill(NEW_UK);
      await uk().getByRole("button", { name: "Zapisz tłumaczenie (ukraiński)" }).click();
      await page.getByText("Tłumaczenie zapisane.").waitFor();
      expect(await page.locator("#tr-uk-title").inputValue()).toBe(NEW_UK);
      await check(page, "saved-phone-pl-nojs", false);

      // removing asks for the tick first; without it nothing is removed
      const en = page.getByRole("region", { name: "Po angielsku" });
      await en.getByRole("button", { name: "Usuń tłumaczenie (angielski)" }).click();
      await page.locator("#tr-en-confirm-error").waitFor();
      expect(await page.locator("#tr-en-confirm-error").textContent()).toBe("Zaznacz, że chcesz usunąć tłumaczenie.");
      expect(await page.locator("#tr-en-title").inputValue()).toBe("A games room in our Przystań");
    } finally {
      await ctx.close();
    }
  });

  it("the saved page passes axe at 390 px (pl)", async () => {
    const ctx = await context("pl", { phone: true, signedIn: true });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}${CHILD}/translations`);
      await check(page, "page-phone-pl");
    } finally {
      await ctx.close();
    }
  });
});

describe("a Ukrainian reader", () => {
  it("sees the new translation on the proposal page, with no note (uk, phone)", async () => {
    const ctx = await context("uk", { phone: true });
    try {
      const page = await ctx.newPage();
      await page.goto(baseURL + CHILD);
      expect(await page.getAttribute("html", "lang")).toBe("uk");
      expect((await page.locator("h1").textContent())?.trim()).toBe(NEW_UK);
      expect(await page.locator("h1 [lang]").count()).toBe(0);
      expect(await page.locator("h1 + .lang-note").textContent()).toBe("Перекладено з польської");
      // the description stays in Polish, marked so, with the note under its heading
      expect(await page.locator("#desc-title ~ p[lang=pl]").count()).toBeGreaterThan(0);
      expect(await page.locator("#desc-title + .lang-note").textContent()).toBe("Оригінал польською");
      await check(page, "proposal-phone-uk");
    } finally {
      await ctx.close();
    }
  });

  it("sees an untranslated Polish title marked lang=pl with the note (uk, desktop)", async () => {
    const ctx = await context("uk");
    try {
      const page = await ctx.newPage();
      await page.goto(baseURL + BO);
      expect(await page.locator("h1 span[lang=pl]").textContent()).toBe("Chronimy Klif Orłowski – barierki, tablice i odnowa ścieżek");
      expect(await page.locator(".lead span[lang=pl]").count()).toBe(1);
      expect(await page.locator("h1 + .lang-note").textContent()).toBe("Оригінал польською");
      await check(page, "proposal-untranslated-desktop-uk");
      await page.goto(`${baseURL}/districts/orlowo`);
      const card = page.locator(".proposal-card").first();
      expect(await card.locator(".card-title span[lang=pl]").count()).toBe(1);
      expect(await card.locator(".lang-note").textContent()).toBe("Оригінал польською");
      await check(page, "district-desktop-uk");
    } finally {
      await ctx.close();
    }
  });

  it("ticks the Ukrainian title on the child's ballot and sees it on the review step (uk, phone)", async () => {
    const ctx = await context("uk", { phone: true });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/vote/children/child`);
      await page.locator("#gPesel").fill(DEMO_VOTERS.adult2.pesel);
      await page.locator("#gParent").fill(DEMO_VOTERS.adult2.parentFirstName);
      await page.locator("#cPesel").fill(DEMO_VOTERS.ukrainianChild.pesel);
      await page.locator("#cParent").fill(DEMO_VOTERS.ukrainianChild.parentFirstName);
      await page.locator("main form button[type=submit]").click();
      await page.locator(".ballot-pool").first().waitFor();
      const box = page.getByRole("checkbox", { name: new RegExp(NEW_UK) });
      expect(await box.count()).toBe(1);
      expect(await page.locator(".ballot-title [lang]").count()).toBe(0);
      expect(await page.getByRole("checkbox", { name: /Шафа, повна настільних ігор/ }).count()).toBe(1);
      await check(page, "ballot-phone-uk");
      await box.check();
      await page.locator("button[value=review]").click();
      await page.locator("button[value=cast]").waitFor();
      expect(await page.locator(".review-item").first().textContent()).toContain(NEW_UK);
      await check(page, "review-phone-uk");
    } finally {
      await ctx.close();
    }
  });
});

describe("an English reader", () => {
  it("reads the seeded English translation and Polish originals marked as such (en, desktop)", async () => {
    const ctx = await context("en");
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/programmes/children`);
      expect(await page.locator(".card-title").allTextContents()).toContain("A games room in our Przystań");
      expect(await page.locator(".proposal-card .lang-note").count()).toBe(0);
      await check(page, "programme-desktop-en");
      await page.goto(baseURL + BO);
      expect(await page.locator("h1 + .lang-note").textContent()).toBe("Original in Polish");
      await check(page, "proposal-untranslated-desktop-en");
    } finally {
      await ctx.close();
    }
  });
});
