/**
 * Ballot types (#14) in a real browser, on a server of its own (seeded in the submission phase):
 * the administrator sets the city pool to a Kraków-style ranking (exactly 3 places, 3/2/1 points)
 * and every district's large pool to Gdańsk-style points (5 to share) from the pools page, with a
 * refusal kept next to its field, and a random order per voter. Then voting opens and residents vote
 * on a phone, each ballot holding both types: in Polish with JavaScript and without, in Ukrainian
 * without and with; a duplicate place and too many points are refused with what was entered kept,
 * then the vote is cast. Pages are checked with axe (WCAG 2.1 AA) where JavaScript is on.
 * Every test sets up what it needs (the voting tests: tests/support/ballot-types.ts, the same
 * services as the pools page), so `-t` runs any one of them alone.
 */
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { DEMO_VOTERS, demoResident } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, walkToPolishBallot } from "../support/browser";
import { signIn } from "../support/http";
import { setUpKrakowGdansk } from "../support/ballot-types";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
let cookie = "";
const SHOTS = "/work/walk/shots";
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

/** Kraków and Gdańsk ballots and voting open, once per server (after the administrator's test when it ran). */
let votingOpen: Promise<void> | null = null;
const openVoting = () => (votingOpen ??= setUpKrakowGdansk(server.dbPath));

async function open(opts: { phone?: boolean; js?: boolean; lang?: "pl" | "uk"; admin?: boolean }): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, isMobile: opts.phone ?? false, javaScriptEnabled: opts.js ?? true });
  ctx.setDefaultTimeout(15_000);
  await ctx.addCookies([{ name: "lang", value: opts.lang ?? "pl", url: baseURL }]);
  if (opts.admin) await ctx.addCookies([{ name: "bo_session", value: cookie.split("=")[1]!, url: baseURL }]);
  return { ctx, page: await ctx.newPage() };
}
/** axe runs scripts in the page: with JavaScript off it is left out (the same markup is checked with it on). */
async function clean(page: Page, name: string, axe = true) {
  if (axe) expect(await axeViolations(page), name).toEqual([]);
  expect(await overflowsHorizontally(page), `${name} overflows`).toBe(false);
  await page.screenshot({ path: `${SHOTS}/bpage-${name}.png`, fullPage: true });
}
/** The ranked pool's places and the points pool's fields, found by what they are, in any language. */
const rankedPool = (page: Page) => page.locator("fieldset.ballot-pool", { has: page.locator("select") });
const pointsPool = (page: Page) => page.locator("fieldset.ballot-pool", { has: page.locator("input[type=number]") });
const selects = (pool: Locator) => pool.locator("select");
const points = (pool: Locator) => pool.locator("input[type=number]");

describe("ballot types", () => {
  it("the administrator sets a Kraków ranked city pool and Gdańsk points district pools, a refusal kept by its field", async () => {
    const { ctx, page } = await open({ admin: true });
    try {
      await page.goto(baseURL + POOLS);
      await page.getByRole("heading", { name: "Pule i zasady" }).or(page.locator("h1")).first().waitFor();
      // the order of projects: random per voter
      await page.getByLabel(/^Losowa, inna dla każdego głosującego/).first().check();
      await page.getByRole("button", { name: "Zapisz kolejność" }).first().click();
      await page.getByText("Zapisano kolejność projektów na karcie.").waitFor();

      const city = page.locator("details", { hasText: "Rodzaj karty i wybór zwycięzców: Ogólnomiejska" });
      await city.locator("summary").click();
      await city.getByLabel(/^Ranking/).check();
      await city.getByLabel("Liczba miejsc w rankingu").fill("3");
      await city.getByLabel("Trzeba wykorzystać wszystkie miejsca").check();
      await city.getByLabel("Punkty za kolejne miejsca").fill("3, 2, 1");
      await city.getByLabel(/^Od najwyższego wyniku; projekt, który się nie mieści w puli, jest pomijany/).check();
      await clean(page, "admin-1280");
      await city.getByRole("button", { name: "Zapisz rodzaj karty" }).click();
      await page.getByText("Zapisano rodzaj karty i zasady wyboru.").waitFor();
      expect(await page.locator("table").first().textContent()).toContain("Ranking: Ułóż ranking");

      const large = page.locator("details", { hasText: /Rodzaj karty i wybór zwycięzców: .* – duże projekty/ }).first();
      await large.locator("summary").click();
      await large.getByLabel(/^Punkty/).first().check();
      await large.getByLabel("Punktów do rozdzielenia").fill("5");
      await large.getByLabel("Najwięcej punktów na jeden projekt").fill("6");
      await large.getByLabel(/^Zastosuj do wszystkich pul tego rodzaju/).check();
      await large.getByRole("button", { name: "Zapisz rodzaj karty" }).click();
      // refused next to the field, what was typed kept
      const opened = page.locator("details[open]", { hasText: "duże projekty" });
      await opened.getByText("Na jeden projekt nie można dać więcej punktów, niż jest do rozdzielenia.").waitFor();
      expect(await opened.getByLabel("Najwięcej punktów na jeden projekt").inputValue()).toBe("6");
      expect(await opened.getByLabel("Punktów do rozdzielenia").inputValue()).toBe("5");
      expect(await opened.getByLabel(/^Punkty/).first().isChecked()).toBe(true);
      await clean(page, "admin-refused-1280");
      await opened.getByLabel("Najwięcej punktów na jeden projekt").fill("");
      await opened.getByRole("button", { name: "Zapisz rodzaj karty" }).click();
      await expect.poll(async () => (await page.locator("table").first().textContent())?.match(/Punkty: Rozdziel najwyżej 5 pkt/g)?.length ?? 0).toBeGreaterThan(10);
      await page.setViewportSize(PHONE);
      await clean(page, "admin-390");
    } finally {
      await ctx.close();
    }
  });

  it("a resident votes in Polish with JavaScript on a phone: a duplicate place and too many points are refused, input kept", async () => {
    await openVoting();
    const { ctx, page } = await open({ phone: true, lang: "pl" });
    try {
      await walkToPolishBallot(page, baseURL, DEMO_VOTERS.adult, "Orłowo");

      const ranked = rankedPool(page);
      const pts = pointsPool(page);
      expect(await ranked.textContent()).toContain("Ułóż ranking: nadaj projektom miejsca od 1 do 3");
      expect(await pts.textContent()).toContain("Rozdziel najwyżej 5 pkt");
      // how the winners are chosen, as the administrator set it (greedy, ties to the cheaper project)
      await ranked.getByText("Jak wybierane są zwycięskie projekty").click();
      await ranked.getByText("Wygrywają projekty z najwyższym wynikiem, dopóki starcza pieniędzy w puli").waitFor();
      expect(await ranked.locator(".selection-rule").textContent()).toContain("Przy równym wyniku wygrywa tańszy projekt.");
      const order = await ranked.locator(".ballot-title").allTextContents();
      // the places: the same place twice; the points: one too many
      await selects(ranked).nth(0).selectOption("1");
      await selects(ranked).nth(1).selectOption("1");
      await selects(ranked).nth(2).selectOption("2");
      await points(pts).nth(0).fill("4");
      expect(await pts.locator(".remaining").textContent()).toContain("Punkty do rozdzielenia: 1 z 5.");
      await points(pts).nth(1).fill("2");
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
      await page.getByText("Każde miejsce w rankingu może mieć tylko jeden projekt.").first().waitFor();
      await page.getByText("Przyznano za dużo punktów.").waitFor();
      expect(await selects(ranked).nth(1).inputValue()).toBe("1");
      expect(await points(pts).nth(0).inputValue()).toBe("4");
      expect(await points(pts).nth(1).inputValue()).toBe("2");
      await clean(page, "ballot-refused-390");

      await selects(ranked).nth(1).selectOption("2");
      await selects(ranked).nth(2).selectOption("3");
      await points(pts).nth(0).fill("3");
      expect(await ranked.locator(".remaining").textContent()).toContain("Miejsca do nadania: 0 z 3.");
      await clean(page, "ballot-390");
      await page.setViewportSize(DESKTOP);
      await clean(page, "ballot-1280");
      await page.setViewportSize(PHONE);
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();

      await page.getByRole("heading", { name: "Sprawdź swój głos" }).waitFor();
      const review = (await page.locator("main").textContent()) ?? "";
      expect(review).toContain(`1. miejsce – 3 pkt: ${order[0]}`);
      expect(review).toContain(`3. miejsce – 1 pkt: ${order[2]}`);
      expect(review).toContain("3 pkt");
      await clean(page, "review-390");
      // the order is the voter's own and stays the same when the page is opened again
      await page.getByRole("button", { name: "Wróć i popraw" }).click();
      await page.getByRole("heading", { name: "Zaznacz projekty" }).waitFor();
      expect(await rankedPool(page).locator(".ballot-title").allTextContents()).toEqual(order);
      expect(await selects(rankedPool(page)).nth(2).inputValue()).toBe("3");
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
      await page.getByRole("button", { name: "Oddaję głos" }).click();
      await page.getByRole("heading", { name: "Dziękujemy! Twój głos został oddany." }).waitFor();
    } finally {
      await ctx.close();
    }
  });

  it("a resident votes in Ukrainian without JavaScript on a phone, the refusals in Ukrainian with input kept", async () => {
    await openVoting();
    const { ctx, page } = await open({ phone: true, js: false, lang: "uk" });
    try {
      await page.goto(`${baseURL}/vote/bo`);
      await page.getByRole("textbox", { name: "Номер PESEL", exact: true }).fill(DEMO_VOTERS.adult2.pesel);
      await page.getByRole("textbox", { name: "Ім'я батька або матері", exact: true }).fill(DEMO_VOTERS.adult2.parentFirstName);
      await page.getByRole("button", { name: "Далі з номером PESEL" }).click();
      await page.getByRole("heading", { name: "Оберіть район" }).waitFor();
      await page.getByLabel("Chylonia").check();
      await page.getByRole("button", { name: "Далі", exact: true }).click();
      await page.getByRole("heading", { name: "Позначте проєкти" }).waitFor();

      const ranked = rankedPool(page);
      const pts = pointsPool(page);
      expect(await ranked.textContent()).toContain("Складіть рейтинг");
      await selects(ranked).nth(0).selectOption("2");
      await selects(ranked).nth(1).selectOption("2");
      await selects(ranked).nth(2).selectOption("1");
      await points(pts).nth(0).fill("6");
      await page.getByRole("button", { name: "Далі – перевірте свій вибір" }).click();
      await page.getByRole("heading", { name: "Позначте проєкти" }).waitFor();
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text).toMatch(/рейтинг|місце/i);
      expect(await selects(rankedPool(page)).nth(0).inputValue()).toBe("2");
      expect(await points(pointsPool(page)).nth(0).inputValue()).toBe("6");
      expect(await page.locator(".field-error").count()).toBeGreaterThanOrEqual(2);
      await clean(page, "ballot-uk-nojs-refused-390", false);

      await selects(rankedPool(page)).nth(0).selectOption("3");
      await points(pointsPool(page)).nth(0).fill("5");
      await page.getByRole("button", { name: "Далі – перевірте свій вибір" }).click();
      await page.getByRole("heading", { name: "Перевірте свій голос" }).waitFor();
      expect(await page.locator("main").textContent()).toContain("1-е місце – 3 б.");
      await clean(page, "review-uk-nojs-390", false);
      await page.getByRole("button", { name: "Віддаю голос" }).click();
      await page.getByRole("heading", { name: "Дякуємо! Ваш голос прийнято." }).waitFor();
    } finally {
      await ctx.close();
    }
  });

  // the other two combinations: Ukrainian with JavaScript, Polish without (synthetic residents of the register)
  const WORDS = {
    pl: { pesel: "Numer PESEL", parent: "Imię ojca lub matki", next: "Dalej z numerem PESEL", district: "Wybierz dzielnicę", go: "Dalej", ballot: "Zaznacz projekty", check: "Dalej – sprawdź wybór", review: "Sprawdź swój głos", cast: "Oddaję głos", thanks: "Dziękujemy! Twój głos został oddany.", duplicate: "Każde miejsce w rankingu może mieć tylko jeden projekt.", perProject: "Za dużo punktów dla jednego projektu.", first: "1. miejsce – 3 pkt" },
    uk: { pesel: "Номер PESEL", parent: "Ім'я батька або матері", next: "Далі з номером PESEL", district: "Оберіть район", go: "Далі", ballot: "Позначте проєкти", check: "Далі – перевірте свій вибір", review: "Перевірте свій голос", cast: "Віддаю голос", thanks: "Дякуємо! Ваш голос прийнято.", duplicate: "Кожне місце в рейтингу може мати лише один проєкт.", perProject: "Забагато балів для одного проєкту.", first: "1-е місце – 3 б." },
  } as const;
  it.each([
    { lang: "uk", js: true, voter: 3 },
    { lang: "pl", js: false, voter: 4 },
  ] as const)("a resident votes in $lang with JavaScript $js: a place twice and 6 points on one project refused, input kept, then cast", async ({ lang, js, voter }) => {
    await openVoting();
    const w = WORDS[lang];
    const who = demoResident(voter);
    const { ctx, page } = await open({ phone: true, js, lang });
    try {
      await page.goto(`${baseURL}/vote/bo`);
      await page.getByRole("textbox", { name: w.pesel, exact: true }).fill(who.pesel);
      await page.getByRole("textbox", { name: w.parent, exact: true }).fill(who.parentFirstName);
      await page.getByRole("button", { name: w.next }).click();
      await page.getByRole("heading", { name: w.district }).waitFor();
      await page.getByLabel("Orłowo").check();
      await page.getByRole("button", { name: w.go, exact: true }).click();
      await page.getByRole("heading", { name: w.ballot }).waitFor();
      await selects(rankedPool(page)).nth(0).selectOption("1");
      await selects(rankedPool(page)).nth(1).selectOption("1");
      await selects(rankedPool(page)).nth(2).selectOption("2");
      await points(pointsPool(page)).nth(0).fill("6");
      await page.getByRole("button", { name: w.check }).click();
      await page.getByText(w.duplicate).first().waitFor();
      await page.getByText(w.perProject).first().waitFor();
      expect(await selects(rankedPool(page)).nth(1).inputValue()).toBe("1");
      expect(await points(pointsPool(page)).nth(0).inputValue()).toBe("6");
      await clean(page, `ballot-${lang}-${js ? "js" : "nojs"}-refused-390`, js);

      await selects(rankedPool(page)).nth(1).selectOption("2");
      await selects(rankedPool(page)).nth(2).selectOption("3");
      await points(pointsPool(page)).nth(0).fill("5");
      await page.getByRole("button", { name: w.check }).click();
      await page.getByRole("heading", { name: w.review }).waitFor();
      expect(await page.locator("main").textContent()).toContain(w.first);
      await clean(page, `review-${lang}-${js ? "js" : "nojs"}-390`, js);
      await page.getByRole("button", { name: w.cast }).click();
      await page.getByRole("heading", { name: w.thanks }).waitFor();
    } finally {
      await ctx.close();
    }
  });

  it("an official types in paper ballots as marked: a place given twice voids only that category", async () => {
    await openVoting();
    const official = DEMO_USERS.find((u) => u.id === "usr_demo_official")!;
    const session = await signIn(baseURL, official.email, official.password);
    const { ctx, page } = await open({ lang: "pl" });
    try {
      await ctx.addCookies([{ name: "bo_session", value: session.split("=")[1]!, url: baseURL }]);
      await page.goto(`${baseURL}/official/paper?district=orlowo`);
      const enter = async (who: { pesel: string; parentFirstName: string }, ranks: string[], pts: string[]) => {
        await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(who.pesel);
        await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(who.parentFirstName);
        for (const [i, r] of ranks.entries()) await selects(rankedPool(page)).nth(i).selectOption(r);
        for (const [i, p] of pts.entries()) await points(pointsPool(page)).nth(i).fill(p);
        await page.getByLabel(/Sprawdziłem/).check();
        await page.getByRole("button", { name: "Zapisz kartę" }).click();
      };
      await enter(demoResident(5), ["1", "2", "3"], ["3", "2"]);
      await page.getByText("Karta zapisana. Wszystkie kategorie są ważne.").waitFor();
      await enter(demoResident(7), ["1", "1"], ["5"]);
      await page.getByText(/Karta zapisana\. Nieważne kategorie: Pula miejska\.?$/).waitFor();
      // the next ballot starts empty
      await expect.poll(() => page.getByRole("textbox", { name: "Numer PESEL", exact: true }).inputValue()).toBe("");
      expect(await selects(rankedPool(page)).nth(0).inputValue()).toBe("");
      await clean(page, "paper-1280");
    } finally {
      await ctx.close();
    }
  });
});
