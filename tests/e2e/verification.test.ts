/**
 * Verification done properly, in a real browser, on its own server seeded in the submission phase
 * (the calendar is moved on with tests/support/phase.ts): an official assigns a proposal to
 * themself, records the formal check (without JavaScript, on a phone), corrects the cost with a
 * public reason and passes the merit check; another official is refused on a proposal assigned to
 * someone else; the final list is published and a correction is recorded and shown on /final-list.
 */
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUPPORTER_PASSWORD, DEMO_SUPPORTERS, DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { setDemoPhase } from "../support/phase";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
const demo = (id: string) => DEMO_USERS.find((u) => u.id === id)!;
const cookies = new Map<string, string>();
/** A second official: the fifteenth demo supporter, given the role straight in the database. */
const SECOND = DEMO_SUPPORTERS[14]!;
const TITLE = "Ławki przy plaży w Orłowie";
let benches = ""; // /proposals/<id> of the BO proposal
let playground = ""; // /proposals/<id> of the children's proposal

beforeAll(async () => {
  // the clock moves on to the final list: the demo's own pending proposals would hold it up
  server = await startServer({ SEED_PHASE: "submission", SEED_STORIES: "false" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const db = new Database(server.dbPath);
  try {
    db.prepare("insert into user_roles (user_id, role, scope, granted_by, granted_at) values (?, 'official', '*', null, ?)").run(SECOND.id, new Date().toISOString());
  } finally {
    db.close();
  }
  for (const id of ["usr_demo_resident", "usr_demo_resident2", "usr_demo_official"]) cookies.set(id, await signIn(baseURL, demo(id).email, demo(id).password));
  cookies.set(SECOND.id, await signIn(baseURL, SECOND.email, DEMO_SUPPORTER_PASSWORD));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(who: string, opts: { phone?: boolean; js?: boolean; locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: opts.locale ?? "pl-PL", javaScriptEnabled: opts.js ?? true });
  if (who) await ctx.addCookies([{ name: "bo_session", value: cookies.get(who)!.split("=")[1]!, url: baseURL }]);
  return { ctx, page: await ctx.newPage() };
}
async function clean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}
async function submit(fields: Record<string, string>): Promise<string> {
  const base = { intent: "submit", category: "green", beneficiaries: "Mieszkańcy i spacerowicze", description: "Przy plaży brakuje miejsc do odpoczynku. Proponujemy ławki z oparciami i kosze na śmieci." };
  const res = await formPost(baseURL, "/proposals/new", { ...base, ...fields }, cookies.get("usr_demo_resident"));
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!, baseURL).pathname;
}
const MERIT = ["Projekt jest wykonalny w ciągu roku budżetowego", "Kosztorys jest realny", "Teren należy do miasta i można na nim realizować projekt", "Projekt jest zgodny z prawem, planem miejscowym i zadaniami gminy"];
const FORMAL = ["Wniosek jest kompletny (opis, lokalizacja, kosztorys, wymagane zgody)", "Lokalizacja i zakres kwalifikują się do programu i puli", "Koszt mieści się w limitach puli", "Zebrano wymagane poparcia"];

describe("verification: assignment, formal then merit, cost correction, corrections after the final list", () => {
  it("two proposals are submitted; the BO one gathers its 15 supports", async () => {
    benches = await submit({ title: TITLE, summary: "Sześć ławek z oparciami przy plaży w Orłowie.", poolId: "pool_2026_orlowo_small", location: "Plaża w Orłowie", "costItems[0].label": "Ławki", "costItems[0].amount": "12 000", "costItems[1].label": "Montaż", "costItems[1].amount": "3 000" });
    playground = await submit({ title: "Huśtawki przy szkole", summary: "Dwie huśtawki na placu zabaw przy szkole.", poolId: "pool_2026_children", location: "Szkoła Podstawowa nr 5", "costItems[0].label": "Huśtawki", "costItems[0].amount": "10 000" });
    expect((await formPost(baseURL, benches, { intent: "support" }, cookies.get("usr_demo_resident2"))).status).toBe(302);
    for (const s of DEMO_SUPPORTERS.slice(0, 14)) {
      expect((await formPost(baseURL, benches, { intent: "support" }, await signIn(baseURL, s.email, DEMO_SUPPORTER_PASSWORD))).status).toBe(302);
    }
    expect(await (await fetch(baseURL + benches)).text()).toContain("Poparcia: 15 z wymaganych 15");
  });

  it("the official filters the queue to unassigned proposals and assigns one to themself", async () => {
    setDemoPhase(server.dbPath, "verification");
    const { ctx, page } = await as("usr_demo_official");
    try {
      await page.goto(`${baseURL}/official/verification`);
      await page.getByLabel("Osoba weryfikująca").selectOption("none");
      await page.getByLabel("Pula").selectOption("pool_2026_orlowo_small");
      await page.getByRole("button", { name: "Pokaż" }).click();
      await page.waitForURL(/reviewer=none/);
      await page.getByRole("link", { name: `Otwórz projekt ${TITLE}` }).waitFor();
      await clean(page);
      await screenshot(page, "desktop-pl-verification-queue");
      await page.getByRole("button", { name: `Przypisz do mnie: ${TITLE}` }).click();
      await page.getByText("Przypisanie zapisane.").waitFor();
      expect(page.url()).toContain(`${benches}/review`);
      expect(await page.getByText("Urzędnik Tomasz").count()).toBeGreaterThan(0);
      await page.getByRole("button", { name: "Rozpocznij weryfikację" }).click();
      await page.getByText("Decyzja zapisana i opublikowana").waitFor();
      // "assigned to me" now lists it
      await page.goto(`${baseURL}/official/verification?reviewer=me`);
      await page.getByRole("link", { name: `Otwórz projekt ${TITLE}` }).waitFor();
    } finally {
      await ctx.close();
    }
  });

  it("the formal check works without JavaScript on a phone; the merit step stays locked until then", async () => {
    const { ctx, page } = await as("usr_demo_official", { phone: true, js: false });
    try {
      await page.goto(`${baseURL}${benches}/review`);
      await page.getByText("Ocenę merytoryczną można zapisać dopiero po pozytywnej ocenie formalnej.").waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, "phone-pl-review-formal");
      // a pass with a criterion left unticked is refused with a clear message
      for (const c of FORMAL.slice(0, 3)) await page.getByLabel(c).check();
      await page.getByRole("button", { name: "Ocena formalna pozytywna" }).click();
      await page.getByText("Wynik pozytywny wymaga zaznaczenia wszystkich kryteriów tego kroku.").waitFor();
      for (const c of FORMAL) await page.getByLabel(c).check();
      await page.getByRole("button", { name: "Ocena formalna pozytywna" }).click();
      await page.getByText("Ocena formalna jest pozytywna. Teraz ocena merytoryczna.").waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
    } finally {
      await ctx.close();
    }
    const withJs = await as("usr_demo_official", { phone: true });
    try {
      await withJs.page.goto(`${baseURL}${benches}/review`);
      expect(await overflowsHorizontally(withJs.page)).toBe(false);
      await clean(withJs.page);
      await screenshot(withJs.page, "phone-pl-review-merit");
    } finally {
      await withJs.ctx.close();
    }
  });

  it("the reviewer corrects the cost with a public reason (checked against the 20 000 zł cap), then passes the merit check", async () => {
    const { ctx, page } = await as("usr_demo_official");
    try {
      await page.goto(`${baseURL}${benches}/review`);
      await clean(page);
      await page.getByLabel("Pozycja 1: kwota w zł", { exact: true }).fill("18 000");
      await page.getByLabel("Uzasadnienie korekty (publiczne)").fill("Aktualne ceny ławek z przetargu.");
      await page.getByRole("button", { name: "Zapisz korektę kosztorysu" }).click();
      await page.getByText(/przekracza limit 20\s000,00\szł/).first().waitFor();
      expect(await page.getByLabel("Uzasadnienie korekty (publiczne)").inputValue()).toBe("Aktualne ceny ławek z przetargu.");
      await clean(page);
      await page.getByLabel("Pozycja 1: kwota w zł", { exact: true }).fill("14 000");
      await page.getByRole("button", { name: "Zapisz korektę kosztorysu" }).click();
      await page.getByText("Korekta kosztorysu zapisana i opublikowana.").waitFor();
      for (const c of MERIT) await page.getByLabel(c).check();
      await page.getByLabel("Potwierdzam ten wynik").check();
      await screenshot(page, "desktop-pl-review-merit");
      await page.getByRole("button", { name: "Ocena merytoryczna pozytywna – dopuść do głosowania" }).click();
      await page.getByText("Decyzja zapisana i opublikowana").waitFor();
    } finally {
      await ctx.close();
    }
    // visible to anyone on the proposal page: both steps and the cost change with its reason
    const anon = await as("");
    try {
      await anon.page.goto(baseURL + benches);
      await anon.page.getByText("Ocena formalna: pozytywna").waitFor();
      await anon.page.getByText("Ocena merytoryczna: pozytywna").waitFor();
      await anon.page.getByText(/Koszt skorygowany z 15\s000,00\szł na 17\s000,00\szł/).waitFor();
      await anon.page.getByText("Uzasadnienie: Aktualne ceny ławek z przetargu.").first().waitFor();
      await clean(anon.page);
      await screenshot(anon.page, "desktop-pl-proposal-history");
    } finally {
      await anon.ctx.close();
    }
  });

  it("another official is refused on a proposal assigned to someone else, and nothing changes", async () => {
    const review = `${playground}/review`;
    expect((await formPost(baseURL, review, { intent: "assign", reviewerId: "usr_demo_official" }, cookies.get("usr_demo_official"))).status).toBe(302);
    expect((await formPost(baseURL, review, { intent: "start_verification" }, cookies.get("usr_demo_official"))).status).toBe(302);
    const { ctx, page } = await as(SECOND.id, { locale: "uk-UA" });
    try {
      await page.goto(baseURL + review);
      await page.getByText("Цей проєкт перевіряє Urzędnik Tomasz.").first().waitFor();
      await clean(page);
      await screenshot(page, "desktop-uk-review-not-yours");
    } finally {
      await ctx.close();
    }
    // the decision itself, posted as a form without JavaScript would: refused with the reason, nothing recorded
    const refused = await formPost(baseURL, review, { intent: "formal_pass", "checks.complete": "on", "checks.location": "on", "checks.pool_caps": "on", "checks.support": "on" }, cookies.get(SECOND.id));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Ten projekt weryfikuje inna osoba");
    const html = await (await fetch(baseURL + playground)).text();
    expect(html).not.toContain("Ocena formalna: pozytywna");
  });

  it("the final list is published; a normal change is refused; a confirmed correction is listed on /final-list", async () => {
    setDemoPhase(server.dbPath, "final_list");
    const { ctx, page } = await as("usr_demo_official");
    try {
      await page.goto(`${baseURL}/official/final-list`);
      await page.getByLabel("Rozumiem, że po publikacji lista zostanie zamrożona").first().check();
      await page.getByRole("button", { name: "Opublikuj listę: Budżet Obywatelski" }).click();
      await page.getByText("Lista do głosowania opublikowana.").waitFor();
      await clean(page);
      const withdraw = await formPost(baseURL, benches, { intent: "withdraw", confirm: "on" }, cookies.get("usr_demo_resident"));
      expect(withdraw.status).toBe(400);
      expect(await withdraw.text()).toContain("zmiany są możliwe tylko w trybie korekty");
      await page.getByText("Korekta opublikowanej listy").first().click();
      await screenshot(page, "desktop-pl-official-final-list");
      await page.getByRole("link", { name: `Korekta: ${TITLE}` }).click();
      await page.getByRole("heading", { name: "Korekta opublikowanej listy" }).waitFor();
      await clean(page);
      await page.getByLabel("Usuń projekt z listy do głosowania").check();
      await page.getByLabel("Uzasadnienie korekty (publiczne)").fill("Teren przy plaży okazał się własnością Skarbu Państwa.");
      await page.getByRole("button", { name: "Zapisz korektę" }).click();
      await page.getByText("Zaznacz, że potwierdzasz tę decyzję.").waitFor();
      await page.getByLabel("Potwierdzam korektę – zostanie opublikowana").check();
      await page.getByRole("button", { name: "Zapisz korektę" }).click();
      await page.getByText("Korekta listy zapisana i opublikowana.").waitFor();
      // the history on the review page says what happened; the list form now offers putting it back
      await page.getByText("Korekta listy: projekt usunięty z listy do głosowania").waitFor();
      await page.getByLabel("Przywróć projekt na listę do głosowania").waitFor();
      await clean(page);
      await screenshot(page, "desktop-pl-review-list-correction");
    } finally {
      await ctx.close();
    }
    for (const [locale, phone] of [["pl-PL", false], ["en-GB", true]] as const) {
      const { ctx: c, page: p } = await as("", { locale, phone });
      try {
        await p.goto(`${baseURL}/final-list`);
        await p.getByText("Teren przy plaży okazał się własnością Skarbu Państwa.").waitFor();
        await p.getByText(locale === "pl-PL" ? "Korekta listy: projekt usunięty z listy do głosowania" : "List correction: removed from the ballot").waitFor();
        expect(await overflowsHorizontally(p)).toBe(false);
        await clean(p);
        await screenshot(p, `${phone ? "phone" : "desktop"}-${locale.slice(0, 2)}-final-list-correction`);
      } finally {
        await c.close();
      }
    }
  });

  it("once voting has started, a correction is refused with a clear message", async () => {
    setDemoPhase(server.dbPath, "voting");
    const id = benches.split("/").pop()!;
    const res = await formPost(baseURL, `${benches}/review`, { intent: "list_correct", kind: "list_restore", proposalId: id, reason: "Za późno na zmiany.", confirm: "on" }, cookies.get("usr_demo_official"));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Głosowanie już się rozpoczęło");
  });
});
