/**
 * Issue #16, second round, walked as people do it, on a server seeded in the submission phase whose
 * calendar is moved on (tests/support/phase.ts): the author adds a photo and a co-author after
 * "Zgłoś projekt" (phone, no JavaScript); the official reviews with the text and costs on the page
 * and stays there; the youth confirmation speaks of the youth council; the rejection mail gives the
 * appeal deadline and the mailbox shows Warsaw time; sign-up errors wait for the submit; a pasted
 * 300-character name is refused with the limit and kept; the Ukrainian hint asks for Latin letters;
 * "Jak to działa", the search across all proposals and the district chooser (pl and en, phone and
 * desktop, no JavaScript for the forms, axe WCAG 2.1 AA on each page).
 */
import { mkdirSync } from "node:fs";
import Database from "better-sqlite3";
import sharp from "sharp";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { setDemoPhase } from "../support/phase";
import { startServer, type RunningServer } from "../support/server";

const SHOTS = "/work/walk/shots";
let server: RunningServer;
let browser: Browser;
let baseURL = "";
const cookies = new Map<string, string>();
const demo = (id: string) => DEMO_USERS.find((u) => u.id === id)!;
let benches = ""; // /proposals/<id>

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "submission", SEED_STORIES: "false" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  for (const id of ["usr_demo_resident", "usr_demo_official"]) cookies.set(id, await signIn(baseURL, demo(id).email, demo(id).password));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(opts: { who?: string; locale?: "pl" | "uk" | "en"; phone?: boolean; js?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, isMobile: opts.phone ?? false, javaScriptEnabled: opts.js ?? true });
  await ctx.addCookies([{ name: "lang", value: opts.locale ?? "pl", url: baseURL }]);
  if (opts.who) await ctx.addCookies([{ name: "bo_session", value: cookies.get(opts.who)!.split("=")[1]!, url: baseURL }]);
  return { ctx, page: await ctx.newPage() };
}
/** axe and the overflow check need scripts in the page: with JavaScript off only the screenshot is taken. */
async function check(page: Page, name: string, js = true) {
  if (js) {
    expect(await axeViolations(page), name).toEqual([]);
    expect(await overflowsHorizontally(page), `${name} overflows`).toBe(false);
  }
  await page.screenshot({ path: `${SHOTS}/minor-${name}.png`, fullPage: true });
}
function sql<T = Record<string, unknown>>(q: string, ...args: unknown[]): T[] {
  const db = new Database(server.dbPath);
  try {
    return db.prepare(q).all(...args) as T[];
  } finally {
    db.close();
  }
}
function run(q: string, ...args: unknown[]) {
  const db = new Database(server.dbPath);
  try {
    db.prepare(q).run(...args);
  } finally {
    db.close();
  }
}

describe("item 1: photos and co-authors after 'Zgłoś projekt', until verification starts", () => {
  it("the author submits, then adds a photo and invites a co-author from the proposal page (phone, no JavaScript)", async () => {
    const res = await formPost(
      baseURL,
      "/proposals/new",
      { intent: "submit", title: "Ławki przy plaży w Orłowie", summary: "Sześć ławek z oparciami przy plaży.", description: "Przy plaży brakuje miejsc do odpoczynku.\n\nProponujemy ławki z oparciami i kosze na śmieci.", category: "green", beneficiaries: "Spacerowicze i seniorzy", poolId: "pool_2026_orlowo_small", location: "Plaża w Orłowie", lat: "54.4811", lng: "18.5640", "costItems[0].label": "Ławki", "costItems[0].amount": "12 000", "costItems[1].label": "Montaż", "costItems[1].amount": "3 000" },
      cookies.get("usr_demo_resident"),
    );
    expect(res.status).toBe(302);
    benches = new URL(res.headers.get("location")!, baseURL).pathname;
    const { ctx, page } = await open({ who: "usr_demo_resident", phone: true, js: false });
    try {
      await page.goto(baseURL + benches);
      await page.getByRole("heading", { name: "Zdjęcia, pliki i współautorzy" }).waitFor();
      await check(page, "item1-proposal-phone-pl", false);
      await page.getByRole("link", { name: "Załączniki (0 z 5)" }).click();
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer();
      await page.getByLabel("Plik", { exact: true }).setInputFiles({ name: "plaza.png", mimeType: "image/png", buffer: png });
      await page.getByLabel("Opis pliku").fill("Plaża w Orłowie od strony molo");
      await page.getByRole("button", { name: "Dodaj plik" }).click();
      await page.getByRole("status").first().waitFor();
      expect(sql("select id from attachments where proposal_id = ?", benches.split("/").at(-1))).toHaveLength(1);
      await check(page, "item1-attachments-phone-pl", false);
      await page.getByRole("link", { name: "Wróć do projektu" }).first().click();
      await page.getByRole("link", { name: "Współautorzy" }).click();
      await page.getByLabel("Adres e-mail osoby zapraszanej").fill("mieszkanka@demo.bo-gdynia.pl");
      await page.getByRole("button", { name: "Wyślij zaproszenie" }).click();
      await page.getByRole("status").first().waitFor();
      expect(sql("select email from proposal_coauthors where proposal_id = ?", benches.split("/").at(-1))).toHaveLength(1);
      expect(sql("select action from audit_log where object_id = ? and action in ('proposal.attachment_add', 'proposal.coauthor_invite')", benches.split("/").at(-1))).toHaveLength(2);
    } finally {
      await ctx.close();
    }
    const { ctx: c2, page: p2 } = await open({ who: "usr_demo_resident" });
    try {
      await p2.goto(baseURL + benches);
      await p2.getByRole("heading", { name: "Zdjęcia, pliki i współautorzy" }).waitFor();
      await check(p2, "item1-proposal-desktop-pl");
    } finally {
      await c2.close();
    }
  });
});

describe("item 3: the review page shows the proposal and keeps the official there", () => {
  it("the official sees the description, cost rows and place, starts verification and stays on the review page", async () => {
    setDemoPhase(server.dbPath, "verification");
    run("update proposals set support_count = 15 where id = ?", benches.split("/").at(-1));
    const { ctx, page } = await open({ who: "usr_demo_official" });
    try {
      await page.goto(`${baseURL}${benches}/review`);
      const text = page.locator("section.review-text");
      await text.getByText("Proponujemy ławki z oparciami i kosze na śmieci.").waitFor();
      await text.getByRole("cell", { name: "Montaż" }).waitFor();
      await text.getByText("Plaża w Orłowie").waitFor();
      expect(await text.getByRole("link", { name: /OpenStreetMap/ }).count()).toBe(1);
      await check(page, "item3-review-desktop-pl");
      await page.getByRole("button", { name: "Rozpocznij weryfikację" }).click();
      await page.getByText("Decyzja zapisana i opublikowana").waitFor();
      expect(new URL(page.url()).pathname).toBe(`${benches}/review`);
    } finally {
      await ctx.close();
    }
    // verification started: the author's extras are closed
    const { ctx: a, page: ap } = await open({ who: "usr_demo_resident", phone: true });
    try {
      await ap.goto(baseURL + benches);
      await ap.getByRole("heading", { level: 1 }).waitFor();
      expect(await ap.getByRole("heading", { name: "Zdjęcia, pliki i współautorzy" }).count()).toBe(0);
      expect((await ap.goto(`${baseURL}${benches}/attachments`))?.status()).toBe(403);
    } finally {
      await a.close();
    }
  });

  it("a no-JS phone reviewer records the formal check and stays on the review page", async () => {
    const { ctx, page } = await open({ who: "usr_demo_official", phone: true, js: false });
    try {
      await page.goto(`${baseURL}${benches}/review`);
      for (const c of ["Wniosek jest kompletny (opis, lokalizacja, kosztorys, wymagane zgody)", "Lokalizacja i zakres kwalifikują się do programu i puli", "Koszt mieści się w limitach puli", "Zebrano wymagane poparcia"]) await page.getByLabel(c).check();
      await page.getByRole("button", { name: "Ocena formalna pozytywna" }).click();
      await page.getByText("Ocena formalna jest pozytywna.").waitFor();
      expect(new URL(page.url()).pathname).toBe(`${benches}/review`);
      await check(page, "item3-review-phone-pl", false);
    } finally {
      await ctx.close();
    }
  });

  it("a youth proposal's confirmation speaks of the youth council, not of supports", async () => {
    setDemoPhase(server.dbPath, "submission");
    const res = await formPost(
      baseURL,
      "/proposals/new",
      { intent: "submit", title: "Stojaki na rowery przy liceum", summary: "Stojaki na dziesięć rowerów.", description: "Uczniowie nie mają gdzie zostawić rowerów.", category: "transport", beneficiaries: "Uczniowie", poolId: "pool_2026_youth", location: "III LO", "costItems[0].label": "Stojaki", "costItems[0].amount": "8 000" },
      cookies.get("usr_demo_resident"),
    );
    expect(res.status).toBe(302);
    const to = res.headers.get("location")!;
    expect(to).toContain("done=submitted_council");
    for (const [locale, text] of [["pl", "Teraz oceni go Młodzieżowa Rada Miasta"], ["en", "The Youth City Council will now assess it"]] as const) {
      const { ctx, page } = await open({ who: "usr_demo_resident", locale, phone: true });
      try {
        await page.goto(new URL(to, baseURL).toString());
        await page.getByText(text).waitFor();
        expect(await page.getByText("Teraz inni mieszkańcy mogą go poprzeć").count()).toBe(0);
        await check(page, `item3-youth-phone-${locale}`);
      } finally {
        await ctx.close();
      }
    }
  });
});

describe("item 4: the rejection mail states the appeal deadline; the mailbox shows Warsaw time", () => {
  it("the merit rejection mail gives the appeals window in Polish time", async () => {
    setDemoPhase(server.dbPath, "verification");
    const merit = { "checks.feasibility": "on", "checks.cost_estimate": "on", "checks.compliance": "on" };
    const r = await formPost(baseURL, `${benches}/review`, { intent: "merit_reject", reason: "Teren przy plaży nie należy do miasta.", confirm: "on", ...merit }, cookies.get("usr_demo_official"));
    expect(r.status).toBe(302);
    expect(r.headers.get("location")).toContain(`${benches}/review?done=decided`);
    const { ctx, page } = await open({ phone: true });
    try {
      await page.goto(`${baseURL}/dev/mailbox`);
      const mail = page.locator("li.mail").filter({ hasText: "Teren przy plaży nie należy do miasta." }).first();
      await mail.getByText(/Od tej decyzji możesz się odwołać jeden raz, od .+ do .+ \(czasu polskiego\)/).waitFor();
      expect(await mail.locator("p.muted").first().textContent()).toContain("(czasu polskiego)");
      const shown = (await mail.locator("time").textContent()) ?? "";
      const iso = (await mail.locator("time").getAttribute("datetime")) ?? "";
      const warsaw = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
      expect(shown).toBe(warsaw);
      await check(page, "item4-mailbox-phone-pl");
    } finally {
      await ctx.close();
    }
  });
});

describe("item 5: sign-up errors wait for the submit", () => {
  it("leaving the e-mail field does not move the privacy tick; sending shows the errors", async () => {
    const { ctx, page } = await open({ phone: true });
    try {
      await page.goto(`${baseURL}/signup`);
      const tick = page.getByLabel(/Zapoznałem\(-am\) się z informacją o ochronie danych osobowych/);
      const before = (await tick.boundingBox())!.y;
      await page.getByLabel("Adres e-mail").fill("nie-adres");
      await page.getByLabel("Adres e-mail").blur();
      await page.waitForTimeout(200);
      expect((await tick.boundingBox())!.y).toBe(before);
      expect(await page.locator(".field-error").count()).toBe(0);
      await tick.check();
      expect(await tick.isChecked()).toBe(true);
      await page.getByRole("button", { name: "Załóż konto" }).click();
      await page.locator(".field-error").first().waitFor();
      await check(page, "item5-signup-phone-pl");
    } finally {
      await ctx.close();
    }
  });
});

describe("item 2: names in the voting forms", () => {
  it("a pasted 300-character name is refused with the limit, next to the field, and kept (phone, no JavaScript)", async () => {
    setDemoPhase(server.dbPath, "voting");
    const long = "Krystyna ".repeat(40).slice(0, 300);
    const { ctx, page } = await open({ phone: true, js: false });
    try {
      await page.goto(`${baseURL}/vote/bo`);
      await page.getByRole("textbox", { name: "Numer PESEL" }).first().fill(DEMO_VOTERS.adult.pesel);
      await page.locator("#parentFirstName").fill(long);
      expect(await page.locator("#parentFirstName").inputValue()).toHaveLength(300);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.locator("#parentFirstName-error").getByText("może mieć najwyżej 60 znaków").waitFor();
      expect(await page.locator("#parentFirstName").inputValue()).toBe(long);
      await check(page, "item2-name-phone-pl", false);
    } finally {
      await ctx.close();
    }
  });

  it("in Ukrainian, a name typed without diacritics asks for the name in Latin letters as in the passport", async () => {
    const { ctx, page } = await open({ locale: "uk", phone: true });
    try {
      await page.goto(`${baseURL}/vote/bo`);
      await page.getByRole("textbox", { name: "Номер PESEL" }).first().fill(DEMO_VOTERS.adult2.pesel);
      await page.locator("#parentFirstName").fill("Lukasz");
      await page.getByRole("button", { name: "Далі з номером PESEL" }).click();
      await page.getByText(/латинськими літерами точно так, як у паспорті/).waitFor();
      expect(await page.getByText(/польськими літерами/).count()).toBe(0);
      await check(page, "item2-hint-phone-uk");
    } finally {
      await ctx.close();
    }
  });
});

describe("item 6: 'Jak to działa', the search across all proposals, the district chooser", () => {
  it("explains the edition: phases with dates, who votes, how, each programme's rules (pl desktop, en phone)", async () => {
    for (const [locale, phone, heading, sections] of [
      ["pl", false, "Jak to działa", ["Harmonogram", "Kto może głosować", "Jak głosować", "Zasady programów i regulamin", "Znajdź swoją dzielnicę"]],
      ["en", true, "How it works", ["Timetable", "Who may vote", "How to vote", "Programme rules and regulations", "Find your district"]],
    ] as const) {
      const { ctx, page } = await open({ locale, phone });
      try {
        await page.goto(`${baseURL}/jak-to-dziala`);
        await page.getByRole("heading", { level: 1, name: heading }).waitFor();
        for (const s of sections) await page.getByRole("heading", { level: 2, name: s }).waitFor();
        expect(await page.locator("#harmonogram li").count()).toBe(7);
        expect(await page.locator("#dzielnica .district-columns li").count()).toBe(21);
        await check(page, `item6-how-${phone ? "phone" : "desktop"}-${locale}`);
      } finally {
        await ctx.close();
      }
    }
  });

  it("the district chooser and the search work without JavaScript, with pages (phone)", async () => {
    const { ctx, page } = await open({ phone: true, js: false });
    try {
      // the district list leads to the chooser
      await page.goto(`${baseURL}/districts`);
      await page.getByRole("link", { name: "Znajdź swoją dzielnicę" }).click();
      await page.waitForURL(/\/jak-to-dziala/);
      await page.getByLabel("Twoja dzielnica").selectOption("orlowo");
      await page.getByRole("button", { name: "Pokaż dzielnicę" }).click();
      await page.waitForURL(/\/districts\/orlowo$/);
      await page.goto(`${baseURL}/proposals`);
      await page.getByLabel("Szukaj", { exact: true }).fill("ławki");
      await page.getByRole("button", { name: "Szukaj", exact: true }).click();
      await page.waitForURL(/\/proposals\?q=/);
      await page.getByRole("link", { name: "Ławki przy plaży w Orłowie" }).waitFor();
      await check(page, "item6-search-phone-pl", false);
      // by number
      const number = sql<{ number: string }>("select number from proposals where id = ?", benches.split("/").at(-1))[0]!.number;
      await page.goto(`${baseURL}/proposals?q=${encodeURIComponent(number)}`);
      await page.getByRole("link", { name: "Ławki przy plaży w Orłowie" }).waitFor();
      // everything, a page at a time
      await page.goto(`${baseURL}/proposals`);
      const total = sql<{ n: number }>("select count(*) as n from proposals p join pools po on po.id = p.pool_id join programmes pr on pr.id = po.programme_id where pr.edition_id = 'ed_2026' and p.status <> 'draft'")[0]!.n;
      expect(total).toBeGreaterThan(24);
      expect(await page.locator("ul.card-grid > li").count()).toBe(24);
      await page.getByRole("link", { name: "Następna strona" }).click();
      await page.waitForURL(/page=2/);
      expect(await page.locator("ul.card-grid > li").count()).toBe(Math.min(24, total - 24));
    } finally {
      await ctx.close();
    }
    const { ctx: d, page: dp } = await open({ locale: "en" });
    try {
      await dp.goto(`${baseURL}/proposals?q=plaży`);
      await dp.getByRole("heading", { level: 1, name: "Search proposals" }).waitFor();
      await check(dp, "item6-search-desktop-en");
    } finally {
      await d.close();
    }
  });
});
