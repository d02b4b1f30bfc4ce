/**
 * Implementation tracking in a real browser, on its own server (demo seeded in voting, so the real
 * 2025 winners have their seeded implementations) with its own upload folder: an official updates
 * a project and posts a timeline entry with a photo, the public page shows it; declaring a project
 * not feasible without confirming is refused by the field on a phone without JavaScript, what was
 * typed kept; /realizacje filtered without JavaScript at 390 px; an overdue project says so; the
 * proposal and results pages link the implementation; Polish, Ukrainian and English; axe on every
 * page. Screenshots go to /work/walk/shots (track-*) when that folder exists.
 */
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
let officialCookie = "";
let uploads = "";
const SHOTS = "/work/walk/shots";
const TABLETS = "imp_prp_2025_3"; // "8 tablic informacyjnych…", seeded in procurement

beforeAll(async () => {
  uploads = mkdtempSync(join(tmpdir(), "bo-e2e-impl-"));
  server = await startServer({ SEED_PHASE: "voting", UPLOAD_DIR: uploads });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const official = DEMO_USERS.find((u) => u.id === "usr_demo_official")!;
  officialCookie = await signIn(baseURL, official.email, official.password);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (uploads) rmSync(uploads, { recursive: true, force: true });
});

async function as(opts: { phone?: boolean; js?: boolean; locale?: "pl" | "uk" | "en"; official?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: "pl-PL", javaScriptEnabled: opts.js ?? true });
  if (opts.official) await ctx.addCookies([{ name: "bo_session", value: officialCookie.split("=")[1]!, url: baseURL }]);
  if (opts.locale) await ctx.addCookies([{ name: "lang", value: opts.locale, url: baseURL }]);
  return { ctx, page: await ctx.newPage() };
}
async function shot(page: Page, name: string) {
  const file = await screenshot(page, `track-${name}`);
  if (existsSync(SHOTS)) copyFileSync(file, join(SHOTS, `track-${name}.png`));
}
function write(q: string, ...args: unknown[]) {
  const db = new Database(server.dbPath);
  try {
    db.prepare(q).run(...args);
  } finally {
    db.close();
  }
}

/** A small drawn photo: information boards on a pavement. */
function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <rect width="480" height="240" fill="#9cc7ea"/><rect y="240" width="480" height="120" fill="#9a9a92"/>
    <rect x="60" y="110" width="150" height="100" fill="#0b4f8a"/><rect x="72" y="122" width="126" height="60" fill="#e8eef5"/>
    <rect x="130" y="210" width="10" height="60" fill="#333"/>
    <rect x="280" y="110" width="150" height="100" fill="#0b4f8a"/><rect x="292" y="122" width="126" height="60" fill="#f3e6c8"/>
    <rect x="350" y="210" width="10" height="60" fill="#333"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe("an official updates a project's implementation", () => {
  it("saves the stage and posts an entry with a photo; the public page shows both", async () => {
    const { ctx, page } = await as({ official: true });
    try {
      await page.goto(`${baseURL}/official`);
      await page.getByRole("link", { name: "Realizacja projektów" }).click();
      await page.waitForURL(/\/official\/implementations$/);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("link", { name: /Aktualizuj: 8 tablic informacyjnych/ }).click();
      await page.waitForURL(new RegExp(`/official/implementations/${TABLETS}$`));
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel("Etap realizacji").selectOption("in_progress");
      await page.getByLabel("Postęp w procentach").fill("45");
      await page.getByLabel("Faktyczne rozpoczęcie").fill("2026-11-02");
      await page.getByRole("button", { name: "Zapisz stan realizacji" }).click();
      await page.waitForURL(/\?done=updated/);
      await expect(page.getByRole("status").textContent()).resolves.toContain("Zapisano stan realizacji.");

      await page.getByLabel("Data wpisu").fill("2026-11-20");
      await page.getByLabel("Co się wydarzyło").fill("Zamontowano pierwsze dwie tablice przy ul. Świętojańskiej.");
      await page.getByLabel("Zdjęcie lub dokument 1 (nieobowiązkowe)").setInputFiles({ name: "IMG_2041.png", mimeType: "image/png", buffer: await photo() });
      await page.getByLabel("Opis pliku 1").fill("Dwie nowe tablice z wizualizacjami na chodniku");
      await page.getByRole("button", { name: "Dodaj wpis" }).click();
      await page.waitForURL(/\?done=entry_added/);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "official-1280");
    } finally {
      await ctx.close();
    }

    // the seed wrote one update and one entry as the demo official; this test one more of each
    const audit = new Database(server.dbPath, { readonly: true });
    try {
      expect(audit.prepare("select action, count(*) n from audit_log where object_id = ? and action like 'implementation.%' group by action order by action").all(TABLETS)).toEqual([
        { action: "implementation.entry_add", n: 2 },
        { action: "implementation.update", n: 2 },
      ]);
    } finally {
      audit.close();
    }

    for (const [width, viewport] of [["1280", DESKTOP], ["390", PHONE]] as const) {
      const { ctx: c, page: p } = await as({ phone: viewport === PHONE });
      try {
        await p.goto(`${baseURL}/realizacje/${TABLETS}`);
        await expect(p.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/^8 tablic informacyjnych/);
        await p.getByText("W realizacji", { exact: true }).first().waitFor();
        await p.getByText("Postęp: 45%").waitFor();
        const img = p.getByRole("img", { name: "Dwie nowe tablice z wizualizacjami na chodniku" });
        await img.waitFor();
        // the photo loads lazily: bring it into view and wait for it to be decoded
        await img.scrollIntoViewIfNeeded();
        await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0), { timeout: 10_000 }).toBe(true);
        // a shared link shows the newest photo, from the public origin, with the canonical address
        const ogImage = await p.locator('meta[property="og:image"]').getAttribute("content");
        expect(ogImage).toMatch(/\/realizacje\/pliki\/[^/]+$/);
        expect(await p.locator('link[rel="canonical"]').getAttribute("href")).toMatch(new RegExp(`/realizacje/${TABLETS}$`));
        expect((await p.request.get(ogImage!.replace(/^https?:\/\/[^/]+/, baseURL))).headers()["content-type"]).toMatch(/^image\//);
        await p.getByText("Zamontowano pierwsze dwie tablice przy ul. Świętojańskiej.").waitFor();
        await p.getByText("Zarząd Dróg i Zieleni w Gdyni").waitFor();
        expect(await axeViolations(p)).toEqual([]);
        expect(await overflowsHorizontally(p)).toBe(false);
        await shot(p, `implementation-${width}`);
      } finally {
        await c.close();
      }
    }
  });

  it("refuses 'not feasible' without the confirmation on a phone, keeping what was typed (without JavaScript too)", async () => {
    // axe runs scripts: the no-JavaScript pass checks the words, the pass with JavaScript also axe
    for (const js of [false, true]) {
      const { ctx, page } = await as({ official: true, phone: true, js });
      try {
        await page.goto(`${baseURL}/official/implementations/imp_prp_2025_4`);
        await page.getByLabel("Etap realizacji").selectOption("not_feasible");
        await page.getByLabel("Publiczne uzasadnienie, dlaczego projektu nie można zrealizować").fill("Taras widokowy zamknięto do remontu do 2028 roku.");
        await page.getByRole("button", { name: "Zapisz stan realizacji" }).click();
        await page.getByText("Zaznacz potwierdzenie, aby oznaczyć projekt jako niemożliwy do zrealizowania.").waitFor();
        expect(await page.getByLabel("Publiczne uzasadnienie, dlaczego projektu nie można zrealizować").inputValue()).toBe("Taras widokowy zamknięto do remontu do 2028 roku.");
        expect(await page.getByLabel("Etap realizacji").inputValue()).toBe("not_feasible");
        if (js) {
          expect(await axeViolations(page)).toEqual([]);
          expect(await overflowsHorizontally(page)).toBe(false);
          await shot(page, "official-refused-390");
          continue;
        }
        // confirmed: saved, and the public page gives the reason
        await page.getByLabel(/Potwierdzam, że projektu nie można zrealizować/).check();
        await page.getByRole("button", { name: "Zapisz stan realizacji" }).click();
        await page.waitForURL(/\?done=updated/);
        await page.goto(`${baseURL}/realizacje/imp_prp_2025_4`);
        await page.getByText("Taras widokowy zamknięto do remontu do 2028 roku.").waitFor();
      } finally {
        await ctx.close();
      }
      // back to "design" for the pass with JavaScript (the confirmation shows only when not yet "not feasible")
      write("update implementations set status = 'design', not_feasible_reason = null where id = 'imp_prp_2025_4'");
    }
  });
});

describe("the public list", () => {
  it("filters by stage without JavaScript on a phone and shows the overview", async () => {
    const { ctx, page } = await as({ phone: true, js: false });
    try {
      await page.goto(`${baseURL}/`);
      await page.getByText("Menu", { exact: true }).click();
      await page.getByRole("link", { name: "Realizacje" }).click();
      await page.waitForURL(/\/realizacje$/);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Realizacja zwycięskich projektów");
      await page.getByRole("heading", { name: "Postęp realizacji – edycja 2025" }).waitFor();
      await page.getByLabel("Etap realizacji").selectOption("done");
      await page.getByRole("button", { name: "Pokaż" }).click();
      await page.waitForURL(/status=done/);
      const cards = page.locator(".card-grid > li");
      expect(await cards.count()).toBe(2);
      for (const text of await cards.allTextContents()) expect(text).toContain("Zrealizowany");
      expect(await page.getByLabel("Etap realizacji").inputValue()).toBe("done");
    } finally {
      await ctx.close();
    }
    for (const phone of [true, false]) {
      const { ctx: c, page: p } = await as({ phone });
      try {
        await p.goto(`${baseURL}/realizacje`);
        expect(await axeViolations(p)).toEqual([]);
        expect(await overflowsHorizontally(p)).toBe(false);
        await shot(p, `realizacje-${phone ? "390" : "1280"}`);
        await p.goto(`${baseURL}/realizacje?status=done`);
        expect(await axeViolations(p)).toEqual([]);
      } finally {
        await c.close();
      }
    }
  });

  it("says publicly when a project was not built on time", async () => {
    // an old edition whose deadline has long passed, with one of the seeded projects in it
    write("insert into editions (id, year, status, source, created_at) values ('ed_2019', 2019, 'archived', 'test', '2019-01-01T00:00:00Z')");
    write("update implementations set edition_id = 'ed_2019', planned_end = null where id = 'imp_prp_2025_5'");
    const { ctx, page } = await as();
    try {
      await page.goto(`${baseURL}/realizacje/imp_prp_2025_5`);
      await page.getByText("Nie zrealizowano w terminie", { exact: true }).first().waitFor();
      await page.getByText(/Projekt miał być gotowy do 31 grudnia 2020/).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseURL}/realizacje?edition=2019`);
      await page.getByText("Po terminie: 1").waitFor();
    } finally {
      await ctx.close();
      write("update implementations set edition_id = 'ed_2025', planned_end = '2026-12-20' where id = 'imp_prp_2025_5'");
    }
  });

  it("is linked from the proposal and the results", async () => {
    const { ctx, page } = await as();
    try {
      await page.goto(`${baseURL}/proposals/prp_2025_2`);
      await page.getByRole("link", { name: "Realizacja", exact: true }).click();
      await page.waitForURL(/\/realizacje\/imp_prp_2025_2$/);
      await page.getByText("Gry odbyły się 10 lutego, w setne urodziny Gdyni; wzięło w nich udział ponad 600 osób.").waitFor();
      await page.goto(`${baseURL}/results/2025`);
      expect(await page.getByRole("link", { name: "Realizacja", exact: true }).count()).toBe(7);
    } finally {
      await ctx.close();
    }
  });

  it("reads in Ukrainian and English", async () => {
    const { ctx, page } = await as({ locale: "uk", phone: true });
    try {
      await page.goto(`${baseURL}/realizacje`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Реалізація проєктів-переможців");
      await page.getByRole("heading", { name: "Хід реалізації – видання 2025" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.goto(`${baseURL}/realizacje/imp_prp_2025_7`);
      await page.getByRole("heading", { name: "Чому проєкт неможливо реалізувати" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await ctx.close();
    }
    const { ctx: c, page: p } = await as({ locale: "en" });
    try {
      await p.goto(`${baseURL}/realizacje/imp_prp_2025_1`);
      await p.getByRole("heading", { name: "Implementation timeline" }).waitFor();
      await p.getByText("In progress", { exact: true }).first().waitFor();
      expect(await axeViolations(p)).toEqual([]);
      await shot(p, "implementation-en-1280");
    } finally {
      await c.close();
    }
  });
});
