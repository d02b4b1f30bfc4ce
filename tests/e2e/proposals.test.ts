/**
 * Proposals from idea to ballot, in a real browser. This file runs its own server, seeded in the
 * submission phase, and moves the demo edition's calendar on (tests/support/phase.ts) as the
 * journey goes: submission → verification → appeals → final list. The shared e2e server is left alone.
 */
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

beforeAll(async () => {
  // the clock moves on to the final list: the demo's own pending proposals would hold it up
  server = await startServer({ SEED_PHASE: "submission", SEED_STORIES: "false" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  for (const id of ["usr_demo_resident", "usr_demo_resident2", "usr_demo_official", "usr_demo_youth"]) {
    cookies.set(id, await signIn(baseURL, demo(id).email, demo(id).password));
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(who: string, opts: { phone?: boolean; js?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: "pl-PL", javaScriptEnabled: opts.js ?? true });
  const cookie = cookies.get(who)!;
  await ctx.addCookies([{ name: "bo_session", value: cookie.split("=")[1]!, url: baseURL }]);
  return { ctx, page: await ctx.newPage() };
}

async function clean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function fillProposal(page: Page, amount: string) {
  await page.getByLabel("Tytuł", { exact: true }).fill("Ławki przy molo w Orłowie");
  await page.getByLabel("Krótki opis", { exact: true }).fill("Pięć nowych ławek z oparciami przy molo.");
  await page.getByLabel("Opis projektu", { exact: true }).fill("Przy molo w Orłowie brakuje miejsc do odpoczynku. Proponujemy pięć ławek z oparciami.");
  await page.getByLabel("Kategoria", { exact: true }).selectOption("green");
  await page.getByLabel("Kto skorzysta", { exact: true }).fill("Spacerowicze i seniorzy");
  await page.getByLabel("Pula", { exact: true }).selectOption("pool_2026_orlowo_small");
  await page.getByLabel("Lokalizacja", { exact: true }).fill("Molo w Orłowie");
  await page.getByLabel("Pozycja 1: opis", { exact: true }).fill("Ławki");
  await page.getByLabel("Pozycja 1: kwota w zł", { exact: true }).fill(amount);
}

describe("from idea to ballot, with a rejection and an appeal", () => {
  let proposalUrl = "";

  it("a resident gets a clear error for a cost over the cap, fixes it and submits", async () => {
    const { ctx, page } = await as("usr_demo_resident");
    try {
      await page.goto(`${baseURL}/proposals/new`);
      await clean(page);
      await fillProposal(page, "25 000");
      await page.getByRole("button", { name: "Zgłoś projekt" }).click();
      await page.getByText(/przekracza limit 20\s000,00\szł/).first().waitFor();
      expect(await page.getByLabel("Tytuł", { exact: true }).inputValue()).toBe("Ławki przy molo w Orłowie");
      await clean(page);
      await screenshot(page, "desktop-pl-proposal-cost-error");
      // letters in an amount: a clear error, nothing saved
      await page.getByLabel("Pozycja 1: kwota w zł", { exact: true }).fill("15 tys.");
      await page.getByRole("button", { name: "Zgłoś projekt" }).click();
      await page.getByText("Wpisz kwotę w złotych, samymi cyframi").first().waitFor();
      await page.getByLabel("Pozycja 1: kwota w zł", { exact: true }).fill("15 000");
      await page.getByRole("button", { name: "Zgłoś projekt" }).click();
      await page.getByText("Projekt zgłoszony.").waitFor();
      proposalUrl = page.url().replace(/\?.*$/, "");
      expect(proposalUrl).toMatch(/\/proposals\/prp_/);
      expect(await page.getByText("Poparcia: 0 z wymaganych 15").isVisible()).toBe(true);
      await clean(page);
    } finally {
      await ctx.close();
    }
  });

  it("the form works on a phone without JavaScript, including 'add a row'", async () => {
    const { ctx, page } = await as("usr_demo_resident", { phone: true, js: false });
    try {
      await page.goto(`${baseURL}/proposals/new`);
      expect(await page.getByLabel(/^Pozycja \d+: opis$/).count()).toBe(8);
      await page.getByRole("button", { name: "Dodaj wiersz kosztorysu" }).click();
      await page.getByLabel("Pozycja 9: opis", { exact: true }).waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, "phone-pl-proposal-new");
    } finally {
      await ctx.close();
    }
    // axe needs scripts in the page: the same form at phone width with JavaScript on
    const withJs = await as("usr_demo_resident", { phone: true });
    try {
      await withJs.page.goto(`${baseURL}/proposals/new`);
      expect(await overflowsHorizontally(withJs.page)).toBe(false);
      await clean(withJs.page);
    } finally {
      await withJs.ctx.close();
    }
  });

  it("gathers the 15 required supports from other demo residents", async () => {
    const { ctx, page } = await as("usr_demo_resident2");
    try {
      await page.goto(proposalUrl);
      await page.getByRole("button", { name: "Popieram ten projekt" }).click();
      await page.getByText("Dziękujemy – popierasz ten projekt.").waitFor();
      await clean(page);
    } finally {
      await ctx.close();
    }
    const path = new URL(proposalUrl).pathname;
    for (const s of DEMO_SUPPORTERS.slice(0, 14)) {
      const c = await signIn(baseURL, s.email, DEMO_SUPPORTER_PASSWORD);
      expect((await formPost(baseURL, path, { intent: "support" }, c)).status).toBe(302);
    }
    // the author cannot support their own proposal: refused, count unchanged
    const own = await formPost(baseURL, path, { intent: "support" }, cookies.get("usr_demo_resident"));
    expect(own.status).toBe(400);
    const html = await (await fetch(proposalUrl)).text();
    expect(html).toContain("Poparcia: 15 z wymaganych 15");
  });

  it("an official verifies and requests changes; the author revises", async () => {
    setDemoPhase(server.dbPath, "verification");
    const official = await as("usr_demo_official");
    try {
      const { page } = official;
      await page.goto(`${baseURL}/official/verification`);
      await clean(page);
      await page.getByRole("link", { name: "Otwórz projekt Ławki przy molo w Orłowie" }).click();
      await clean(page);
      await page.getByRole("button", { name: "Rozpocznij weryfikację" }).click();
      await page.getByText("Decyzja zapisana i opublikowana").waitFor();
      // starting the verification made this official its reviewer: the formal step asks for changes
      await page.goto(`${proposalUrl}/review`);
      await page.getByLabel("Wniosek jest kompletny (opis, lokalizacja, kosztorys, wymagane zgody)").check();
      await page.getByLabel("Koszt mieści się w limitach puli").check();
      await page.getByLabel("Zebrano wymagane poparcia").check();
      await page.getByLabel("Uzasadnienie (publiczne)").fill("Podaj dokładne miejsce ustawienia ławek.");
      await page.getByRole("button", { name: "Poproś o poprawki formalne" }).click();
      await page.getByText("Decyzja zapisana i opublikowana").waitFor();
    } finally {
      await official.ctx.close();
    }
    const author = await as("usr_demo_resident");
    try {
      const { page } = author;
      await page.goto(`${baseURL}/account/proposals`);
      await clean(page);
      await page.getByRole("link", { name: "Edytuj: Ławki przy molo w Orłowie" }).click();
      await page.getByText("Podaj dokładne miejsce ustawienia ławek.").waitFor();
      await page.getByLabel("Lokalizacja", { exact: true }).fill("Molo w Orłowie, strona północna");
      await page.getByRole("button", { name: "Wyślij poprawiony projekt" }).click();
      await page.getByText("Poprawiony projekt wrócił do weryfikacji.").waitFor();
      expect(await page.getByText("Wersja 2").count()).toBeGreaterThan(0);
    } finally {
      await author.ctx.close();
    }
    // someone else cannot edit it
    const other = await formPost(baseURL, `${new URL(proposalUrl).pathname}/edit`, { intent: "submit", title: "Przejęty" }, cookies.get("usr_demo_resident2"));
    expect(other.status).toBe(403);
  });

  it("the official rejects with a public reason (confirmed); the author appeals; the appeal is accepted", async () => {
    const official = await as("usr_demo_official");
    try {
      const { page } = official;
      await page.goto(`${proposalUrl}/review`);
      // the revised proposal passes the formal check, then fails the merit check (land)
      for (const c of ["Wniosek jest kompletny (opis, lokalizacja, kosztorys, wymagane zgody)", "Lokalizacja i zakres kwalifikują się do programu i puli", "Koszt mieści się w limitach puli", "Zebrano wymagane poparcia"]) {
        await page.getByLabel(c).check();
      }
      await page.getByRole("button", { name: "Ocena formalna pozytywna" }).click();
      await page.getByText("Ocena formalna jest pozytywna.").waitFor();
      for (const c of ["Projekt jest wykonalny w ciągu roku budżetowego", "Kosztorys jest realny", "Projekt jest zgodny z prawem, planem miejscowym i zadaniami gminy"]) {
        await page.getByLabel(c).check();
      }
      await page.getByRole("button", { name: "Odrzuć merytorycznie" }).click();
      await page.getByText("Zaznacz, że potwierdzasz tę decyzję.").waitFor();
      await page.getByLabel("Potwierdzam ten wynik").check();
      await page.getByRole("button", { name: "Odrzuć merytorycznie" }).click();
      await page.getByText("Wpisz uzasadnienie").first().waitFor();
      await page.getByLabel("Uzasadnienie (publiczne)").fill("Teren przy molo nie należy do miasta.");
      await page.getByLabel("Potwierdzam ten wynik").check();
      await page.getByRole("button", { name: "Odrzuć merytorycznie" }).click();
      await page.getByText("Teren przy molo nie należy do miasta.").first().waitFor();
    } finally {
      await official.ctx.close();
    }
    setDemoPhase(server.dbPath, "appeals");
    const author = await as("usr_demo_resident");
    try {
      const { page } = author;
      await page.goto(proposalUrl);
      await page.getByRole("link", { name: "Złóż odwołanie" }).click();
      await clean(page);
      await page.getByLabel("Uzasadnienie odwołania").fill("Działka należy do miasta – potwierdza to wypis z rejestru gruntów.");
      await page.getByLabel("Rozumiem, że odwołanie można złożyć tylko raz").check();
      await page.getByRole("button", { name: "Złóż odwołanie" }).click();
      await page.getByText("Odwołanie złożone.").waitFor();
    } finally {
      await author.ctx.close();
    }
    const again = await formPost(baseURL, `${new URL(proposalUrl).pathname}/appeal`, { justification: "Drugie odwołanie, które nie powinno przejść.", confirm: "on" }, cookies.get("usr_demo_resident"));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("tylko raz");
    const official2 = await as("usr_demo_official");
    try {
      const { page } = official2;
      await page.goto(`${proposalUrl}/review`);
      await page.getByLabel("Uzasadnienie (publiczne)").fill("Wypis potwierdza własność miasta.");
      await page.getByLabel("Potwierdzam tę decyzję").check();
      await page.getByRole("button", { name: "Uwzględnij odwołanie" }).click();
      await page.getByText("Odwołanie uwzględnione – na liście do głosowania").first().waitFor();
      await clean(page);
    } finally {
      await official2.ctx.close();
    }
  });

  it("the official publishes the final list and the proposal is on it", async () => {
    setDemoPhase(server.dbPath, "final_list");
    const { ctx, page } = await as("usr_demo_official");
    try {
      await page.goto(`${baseURL}/official/final-list`);
      await clean(page);
      await page.getByLabel("Rozumiem, że po publikacji lista zostanie zamrożona").first().check();
      await page.getByRole("button", { name: "Opublikuj listę: Budżet Obywatelski" }).click();
      await page.getByText("Lista do głosowania opublikowana.").waitFor();
      await page.goto(`${baseURL}/final-list`);
      await page.getByRole("link", { name: "Ławki przy molo w Orłowie" }).waitFor();
      await clean(page);
    } finally {
      await ctx.close();
    }
  });
});

describe("discussion and moderation", () => {
  it("a comment is flagged and hidden with a public reason", async () => {
    const list = await (await fetch(`${baseURL}/districts/orlowo`)).text();
    const id = /\/proposals\/(prp_[A-Za-z0-9_-]+)/.exec(list)?.[1];
    expect(id).toBeTruthy();
    const url = `${baseURL}/proposals/${id}`;
    const writer = await as("usr_demo_resident2");
    try {
      await writer.page.goto(url);
      await writer.page.getByLabel("Twój komentarz").fill("Kupujcie tanie zegarki na https://spam.example!");
      await writer.page.getByRole("button", { name: "Dodaj komentarz" }).click();
      await writer.page.getByText("Komentarz dodany.").waitFor();
      await clean(writer.page);
    } finally {
      await writer.ctx.close();
    }
    const reader = await as("usr_demo_resident");
    try {
      await reader.page.goto(url);
      await reader.page.getByText("Zgłoś komentarz").click();
      await reader.page.getByLabel("Powód zgłoszenia").selectOption("spam");
      await reader.page.getByRole("button", { name: "Zgłoś moderatorom" }).click();
      await reader.page.getByText("moderatorzy sprawdzą ten komentarz").waitFor();
    } finally {
      await reader.ctx.close();
    }
    const official = await as("usr_demo_official");
    try {
      await official.page.goto(`${baseURL}/moderation/comments`);
      await clean(official.page);
      await official.page.getByLabel("Publiczny powód ukrycia").fill("Reklama niezwiązana z projektem.");
      await official.page.getByRole("button", { name: "Ukryj komentarz" }).click();
      await official.page.getByText("Decyzja moderacyjna zapisana.").waitFor();
    } finally {
      await official.ctx.close();
    }
    const html = await (await fetch(url)).text();
    expect(html).toContain("Komentarz ukryty przez moderatora. Powód: Reklama niezwiązana z projektem.");
    expect(html).not.toContain("spam.example");
  });

  it("a script in a comment is refused with a clear message and nothing is saved", async () => {
    const list = await (await fetch(`${baseURL}/districts/orlowo`)).text();
    const id = /\/proposals\/(prp_[A-Za-z0-9_-]+)/.exec(list)?.[1];
    const res = await formPost(baseURL, `/proposals/${id}`, { intent: "comment", body: "<script>alert(1)</script>" }, cookies.get("usr_demo_resident"));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("bez znaczników HTML");
    expect(await (await fetch(`${baseURL}/proposals/${id}`)).text()).not.toContain("alert(1)");
  });
});

describe("youth programme", () => {
  it("a youth proposal goes through the youth council first", async () => {
    setDemoPhase(server.dbPath, "submission");
    const body = {
      intent: "submit",
      title: "Skatepark przy szkole",
      summary: "Mały skatepark przy Szkole Podstawowej nr 1.",
      description: "Młodzież nie ma gdzie jeździć na deskorolce. Proponujemy mały skatepark z rampami.",
      category: "sport",
      beneficiaries: "Młodzież",
      poolId: "pool_2026_youth",
      location: "Szkoła Podstawowa nr 1",
      "costItems[0].label": "Rampy",
      "costItems[0].amount": "30000",
    };
    const res = await formPost(baseURL, "/proposals/new", body, cookies.get("usr_demo_resident"));
    expect(res.status).toBe(302);
    const path = res.headers.get("location")!.replace(/\?.*$/, "");
    // officials cannot skip the council
    const skip = await formPost(baseURL, `${path}/review`, { intent: "start_verification" }, cookies.get("usr_demo_official"));
    expect(skip.status).toBe(400);
    const { ctx, page } = await as("usr_demo_youth");
    try {
      await page.goto(`${baseURL}/moderation`);
      await clean(page);
      // follow the queue's link by its address: a click racing hydration on a loaded machine was flaky
      const href = await page.getByRole("link", { name: "Skatepark przy szkole" }).first().getAttribute("href");
      expect(href).toBeTruthy();
      await page.goto(baseURL + href!);
      await page.getByRole("button", { name: "Zatwierdź i przekaż do weryfikacji" }).click();
      await page.getByText("Zatwierdzenie przez MRM").waitFor();
    } finally {
      await ctx.close();
    }
  });
});
