/**
 * Attachments, co-authors and paper entries in a real browser, on this file's own server seeded
 * in the submission phase with its own upload folder: upload a PNG and a PDF and see them, a text
 * file named .png refused with the translated message, the same form without JavaScript on a
 * phone (including a file over the limit), a co-author invited through the dev mailbox who
 * accepts and edits, and an official entering a paper proposal. axe on every new page (pl, and
 * uk/en), no sideways scrolling at 390 px, screenshots of each page on a phone and a desktop.
 */
import Database from "better-sqlite3";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SUPPORTER_PASSWORD, DEMO_SUPPORTERS, DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { repoRoot, startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
let uploads = "";
const demo = (id: string) => DEMO_USERS.find((u) => u.id === id)!;
const cookies = new Map<string, string>();

beforeAll(async () => {
  uploads = mkdtempSync(join(tmpdir(), "bo-e2e-uploads-"));
  server = await startServer({ SEED_PHASE: "submission", UPLOAD_DIR: uploads });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  for (const id of ["usr_demo_resident", "usr_demo_resident2", "usr_demo_official"]) cookies.set(id, await signIn(baseURL, demo(id).email, demo(id).password));
  cookies.set("supporter", await signIn(baseURL, DEMO_SUPPORTERS[0]!.email, DEMO_SUPPORTER_PASSWORD));
});
afterAll(async () => {
  // the server's log, for when something here fails
  if (server) {
    mkdirSync(join(repoRoot, "tests", ".artifacts"), { recursive: true });
    writeFileSync(join(repoRoot, "tests", ".artifacts", "proposal-extras-server.log"), server.output());
  }
  await browser?.close();
  await server?.stop();
  if (uploads) rmSync(uploads, { recursive: true, force: true });
});

async function as(who: string, opts: { phone?: boolean; js?: boolean; locale?: "pl" | "uk" | "en" } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: "pl-PL", javaScriptEnabled: opts.js ?? true });
  const cookie = cookies.get(who)!;
  await ctx.addCookies([{ name: "bo_session", value: cookie.split("=")[1]!, url: baseURL }]);
  if (opts.locale) await ctx.addCookies([{ name: "lang", value: opts.locale, url: baseURL }]);
  const page = await ctx.newPage();
  // a page whose server and browser renders differ (e.g. a value from a server-only module) logs
  // a React error while hydrating: collect those so clean() can fail on them
  page.on("console", (m) => {
    if (m.type() === "error" && /React error|hydrat/i.test(m.text())) (reactErrors.get(page) ?? reactErrors.set(page, []).get(page)!).push(m.text());
  });
  return { ctx, page };
}
const reactErrors = new Map<Page, string[]>();

async function clean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(reactErrors.get(page) ?? []).toEqual([]);
}

function query<T>(q: string, ...args: unknown[]): T[] {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return db.prepare(q).all(...args) as T[];
  } finally {
    db.close();
  }
}

// a real 24×16 PNG (a green and blue flag), so the browser can show the thumbnail
function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(w = 24, h = 16): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    rows.push(0);
    for (let x = 0; x < w; x++) rows.push(...(y < h / 2 ? [0x1b, 0x7a, 0x3e] : [0x1f, 0x4e, 0xa8]));
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.from(rows))), chunk("IEND", Buffer.alloc(0))]);
}
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let proposalId = "";

async function createDraft(): Promise<string> {
  const res = await formPost(
    baseURL,
    "/proposals/new",
    {
      intent: "draft",
      title: "Zielony skwer przy Świętojańskiej",
      summary: "Nowe nasadzenia i ławki na skwerze przy ulicy.",
      description: "Skwer przy Świętojańskiej jest zaniedbany. Proponujemy nasadzenia krzewów, trzy ławki i kosz na śmieci.",
      category: "green",
      beneficiaries: "Mieszkańcy i spacerowicze",
      poolId: "pool_2026_orlowo_small",
      location: "Skwer przy ul. Świętojańskiej",
      "costItems[0].label": "Nasadzenia",
      "costItems[0].amount": "9 000",
    },
    cookies.get("usr_demo_resident"),
  );
  expect(res.status).toBe(302);
  const [row] = query<{ id: string }>("select id from proposals where title = ? and author_user_id = ?", "Zielony skwer przy Świętojańskiej", "usr_demo_resident");
  return row!.id;
}

describe("attachments", () => {
  it("the author uploads a PNG and a PDF, sees them; a text file named .png is refused in Polish", async () => {
    proposalId = await createDraft();
    const { ctx, page } = await as("usr_demo_resident");
    try {
      await page.goto(`${baseURL}/proposals/${proposalId}/edit`);
      await page.getByRole("link", { name: "Załączniki (0 z 5)" }).click();
      await page.getByRole("heading", { name: "Załączniki", level: 1 }).waitFor();
      await clean(page);

      await page.getByLabel("Plik", { exact: true }).setInputFiles({ name: "skwer.png", mimeType: "image/png", buffer: png() });
      await page.getByLabel("Opis pliku", { exact: true }).fill("Skwer od strony ulicy, stan obecny");
      await page.getByRole("button", { name: "Dodaj plik" }).click();
      await page.getByText("Plik dodany.").waitFor();

      await page.getByLabel("Plik", { exact: true }).setInputFiles({ name: "Kosztorys skweru.pdf", mimeType: "application/pdf", buffer: PDF });
      await page.getByLabel("Opis pliku", { exact: true }).fill("Kosztorys nasadzeń od ogrodnika");
      await page.getByRole("button", { name: "Dodaj plik" }).click();
      await page.getByText("Plik dodany.").waitFor();
      await page.getByRole("link", { name: /Kosztorys skweru\.pdf \(PDF, \d+ B\)/ }).waitFor();

      // the thumbnail really loads through /attachments/:id and carries the description as alt text
      const img = page.getByRole("img", { name: "Skwer od strony ulicy, stan obecny" });
      await img.waitFor();
      expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(24);
      await clean(page);

      // a text file dressed up as a PNG: refused with the translated message, nothing stored
      await page.getByLabel("Plik", { exact: true }).setInputFiles({ name: "zdjecie.png", mimeType: "image/png", buffer: Buffer.from("to nie jest obrazek, tylko tekst") });
      await page.getByLabel("Opis pliku", { exact: true }).fill("Udawane zdjęcie");
      await page.getByRole("button", { name: "Dodaj plik" }).click();
      await page.getByText(/Ten plik nie jest zdjęciem JPEG, PNG ani WebP ani dokumentem PDF/).waitFor();
      expect(await page.getByLabel("Opis pliku", { exact: true }).inputValue()).toBe("Udawane zdjęcie");
      await clean(page);
      await screenshot(page, "desktop-pl-attachments-wrong-type");
      expect(query("select id from attachments where proposal_id = ?", proposalId)).toHaveLength(2);
    } finally {
      await ctx.close();
    }
  });

  it("serves files with safe headers, and a draft's files to nobody else", async () => {
    const rows = query<{ id: string; content_type: string }>("select id, content_type from attachments where proposal_id = ? order by created_at", proposalId);
    const pngRes = await fetch(`${baseURL}/attachments/${rows[0]!.id}`, { headers: { Cookie: cookies.get("usr_demo_resident")! } });
    expect(pngRes.status).toBe(200);
    expect(pngRes.headers.get("content-type")).toBe("image/png");
    expect(pngRes.headers.get("x-content-type-options")).toContain("nosniff");
    expect(pngRes.headers.get("content-security-policy")).toContain("default-src 'none'; sandbox");
    expect(pngRes.headers.get("content-disposition")).toBe(`inline; filename="skwer.png"; filename*=UTF-8''skwer.png`);
    const pdfRes = await fetch(`${baseURL}/attachments/${rows[1]!.id}`, { headers: { Cookie: cookies.get("usr_demo_resident")! } });
    expect(pdfRes.headers.get("content-disposition")).toBe(`attachment; filename="Kosztorys skweru.pdf"; filename*=UTF-8''Kosztorys%20skweru.pdf`);
    expect(Buffer.from(await pdfRes.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await fetch(`${baseURL}/attachments/${rows[0]!.id}`)).status).toBe(404);
    expect((await fetch(`${baseURL}/attachments/${rows[0]!.id}`, { headers: { Cookie: cookies.get("supporter")! } })).status).toBe(404);
    // the upload route refuses strangers before reading anything
    const form = new FormData();
    form.append("description", "Cudzy plik");
    form.append("file", new Blob([new Uint8Array(png())]), "x.png");
    const stranger = await fetch(`${baseURL}/proposals/${proposalId}/attachments`, { method: "POST", body: form, redirect: "manual", headers: { Cookie: cookies.get("supporter")!, Origin: baseURL, "Sec-Fetch-Site": "same-origin" } });
    expect(stranger.status).toBe(403);
    expect(query("select id from attachments where proposal_id = ?", proposalId)).toHaveLength(2);
  });

  it("works on a phone without JavaScript: a file too big gets the translated error; a PNG is added", async () => {
    const { ctx, page } = await as("usr_demo_resident", { phone: true, js: false });
    try {
      await page.goto(`${baseURL}/proposals/${proposalId}/attachments`);
      expect(await overflowsHorizontally(page)).toBe(false);
      const big = Buffer.alloc(6 * 1024 * 1024);
      png().copy(big);
      await page.getByLabel("Plik", { exact: true }).setInputFiles({ name: "wielkie.png", mimeType: "image/png", buffer: big });
      await page.getByLabel("Opis pliku", { exact: true }).fill("Bardzo duże zdjęcie");
      await page.getByRole("button", { name: "Dodaj plik" }).click();
      await page.getByText(/Plik jest za duży\. Każdy plik może mieć najwyżej 5 MB/).waitFor();
      expect(query("select id from attachments where proposal_id = ?", proposalId)).toHaveLength(2);

      // no description: the field says what to do
      expect(await page.getByLabel("Opis pliku", { exact: true }).inputValue()).toBe("Bardzo duże zdjęcie");
      await page.getByLabel("Plik", { exact: true }).setInputFiles({ name: "plac.png", mimeType: "image/png", buffer: png() });
      await page.getByLabel("Opis pliku", { exact: true }).fill("");
      await page.getByRole("button", { name: "Dodaj plik" }).click();
      await page.getByText(/Opisz plik w co najmniej 3 znakach/).waitFor();
      expect(query("select id from attachments where proposal_id = ?", proposalId)).toHaveLength(2);
      await page.getByLabel("Plik", { exact: true }).setInputFiles({ name: "plac.png", mimeType: "image/png", buffer: png() });
      await page.getByLabel("Opis pliku", { exact: true }).fill("Plac od strony szkoły");
      await page.getByRole("button", { name: "Dodaj plik" }).click();
      await page.getByText("Plik dodany.").waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, "phone-pl-attachments");

      // removing asks for confirmation first
      const removeForms = page.locator("form.remove-form");
      await removeForms.last().getByRole("button", { name: "Usuń plik" }).click();
      await page.getByText("Zaznacz potwierdzenie, aby usunąć plik.").waitFor();
      expect(query("select id from attachments where proposal_id = ?", proposalId)).toHaveLength(3);
      await page.locator("form.remove-form").last().getByRole("checkbox").check();
      await page.locator("form.remove-form").last().getByRole("button", { name: "Usuń plik" }).click();
      await page.getByText("Plik usunięty.").waitFor();
      expect(query("select id from attachments where proposal_id = ?", proposalId)).toHaveLength(2);
    } finally {
      await ctx.close();
    }
    const withJs = await as("usr_demo_resident", { phone: true });
    try {
      await withJs.page.goto(`${baseURL}/proposals/${proposalId}/attachments`);
      expect(await overflowsHorizontally(withJs.page)).toBe(false);
      await clean(withJs.page);
    } finally {
      await withJs.ctx.close();
    }
  });
});

describe("co-authors", () => {
  it("invite → mail in /dev/mailbox → accept → the co-author edits; a stranger still cannot", async () => {
    const author = await as("usr_demo_resident");
    try {
      await author.page.goto(`${baseURL}/proposals/${proposalId}/edit`);
      await author.page.getByRole("link", { name: "Współautorzy" }).click();
      await author.page.getByRole("heading", { name: "Współautorzy", level: 1 }).waitFor();
      // after hydration too: the limit comes from app/domain, not from a server-only module
      await author.page.getByText("Zaproś najwyżej 5 osób", { exact: false }).waitFor();
      await clean(author.page);
      await author.page.getByLabel("Adres e-mail osoby zapraszanej").fill("to-nie-adres");
      await author.page.getByRole("button", { name: "Wyślij zaproszenie" }).click();
      await author.page.getByText("Wpisz poprawny adres e-mail, np. jan.kowalski@example.pl.").waitFor();
      await author.page.getByLabel("Adres e-mail osoby zapraszanej").fill("mieszkanka@demo.bo-gdynia.pl");
      await author.page.getByRole("button", { name: "Wyślij zaproszenie" }).click();
      await author.page.getByText("Zaproszenie wysłane.").waitFor();
      await author.page.getByText("czeka na odpowiedź").waitFor();
      await clean(author.page);
      await screenshot(author.page, "desktop-pl-coauthors");
    } finally {
      await author.ctx.close();
    }

    const { ctx, page } = await as("usr_demo_resident2");
    try {
      // before accepting, the edit page is closed to her
      const res = await page.goto(`${baseURL}/proposals/${proposalId}/edit`);
      expect(res?.status()).toBe(403);
      await page.goto(`${baseURL}/dev/mailbox`);
      await page.getByRole("link", { name: /\/invitations\// }).first().click();
      await page.getByRole("heading", { name: "Zaproszenie do współautorstwa" }).waitFor();
      expect(await page.locator("main").textContent()).toContain("Zielony skwer przy Świętojańskiej");
      await clean(page);
      await screenshot(page, "desktop-pl-invitation");
      await page.getByRole("button", { name: "Przyjmuję zaproszenie" }).click();
      await page.waitForURL(/\/edit\?done=coauthor_joined/);
      await page.getByText("Jesteś teraz współautorem tego projektu.").waitFor();
      await page.getByLabel("Tytuł", { exact: true }).fill("Zielony skwer i ławki przy Świętojańskiej");
      await page.getByRole("button", { name: "Zapisz wersję roboczą" }).click();
      await page.getByText(/Wersja robocza zapisana/).waitFor();
      expect(query<{ title: string }>("select title from proposals where id = ?", proposalId)[0]!.title).toBe("Zielony skwer i ławki przy Świętojańskiej");
      const audit = query<{ actor_user_id: string }>("select actor_user_id from audit_log where action = 'proposal.edit' and object_id = ? order by at desc limit 1", proposalId);
      expect(audit[0]!.actor_user_id).toBe("usr_demo_resident2");
      // the used link does not work again
      await page.goto(`${baseURL}/dev/mailbox`);
      await page.getByRole("link", { name: /\/invitations\// }).first().click();
      await page.getByText(/Ten link zaproszenia jest nieprawidłowy albo został już użyty/).waitFor();
    } finally {
      await ctx.close();
    }

    // the author was told, and a stranger's edit is refused with nothing changed
    expect(query("select id from outbox where to_address = ? and subject like ?", "mieszkaniec@demo.bo-gdynia.pl", "Zaproszenie przyjęte%")).toHaveLength(1);
    const res = await formPost(baseURL, `/proposals/${proposalId}/edit`, { intent: "draft", title: "Przejęty projekt" }, cookies.get("supporter"));
    expect(res.status).toBe(403);
    expect(query<{ title: string }>("select title from proposals where id = ?", proposalId)[0]!.title).toBe("Zielony skwer i ławki przy Świętojańskiej");
  });

  it("the co-author pages fit a phone", async () => {
    for (const who of ["usr_demo_resident", "usr_demo_resident2"]) {
      const { ctx, page } = await as(who, { phone: true });
      try {
        await page.goto(`${baseURL}/proposals/${proposalId}/coauthors`);
        expect(await overflowsHorizontally(page)).toBe(false);
        await clean(page);
        await screenshot(page, `phone-pl-coauthors-${who === "usr_demo_resident" ? "author" : "coauthor"}`);
      } finally {
        await ctx.close();
      }
    }
  });

  it("the author removes the co-author after confirming; she can no longer edit", async () => {
    const { ctx, page } = await as("usr_demo_resident");
    try {
      await page.goto(`${baseURL}/proposals/${proposalId}/coauthors`);
      const remove = page.getByRole("button", { name: /Usuń współautora: .*mieszkanka@demo\.bo-gdynia\.pl/ });
      await remove.click();
      await page.getByText("Zaznacz potwierdzenie, aby usunąć współautora.").waitFor();
      expect(query("select email from proposal_coauthors where proposal_id = ? and accepted_at is not null", proposalId)).toHaveLength(1);
      await clean(page);
      await page.getByLabel(/Potwierdzam: .*mieszkanka@demo\.bo-gdynia\.pl/).check();
      await page.getByRole("button", { name: /Usuń współautora: .*mieszkanka@demo\.bo-gdynia\.pl/ }).click();
      await page.getByText("Współautor usunięty z projektu.").waitFor();
      await clean(page);
      expect(query("select email from proposal_coauthors where proposal_id = ? and accepted_at is not null", proposalId)).toHaveLength(0);
      expect(query("select id from audit_log where action = 'proposal.coauthor_remove' and object_id = ?", proposalId)).toHaveLength(1);
    } finally {
      await ctx.close();
    }
    const res = await fetch(`${baseURL}/proposals/${proposalId}/edit`, { headers: { Cookie: cookies.get("usr_demo_resident2")! }, redirect: "manual" });
    expect(res.status).toBe(403);
  });
});

describe("an official enters a paper proposal", () => {
  let paperId = "";
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());

  it("from the official panel, with errors first, then recorded with its channel and shown to officials", async () => {
    const { ctx, page } = await as("usr_demo_official");
    try {
      await page.goto(`${baseURL}/official`);
      await page.getByRole("link", { name: "Wprowadź projekt złożony na papierze" }).click();
      await page.getByRole("heading", { name: "Wprowadź projekt złożony na papierze", level: 1 }).waitFor();
      await clean(page);
      await page.getByLabel("Tytuł", { exact: true }).fill("Siłownia plenerowa na Witominie");
      await page.getByLabel("Krótki opis", { exact: true }).fill("Sześć urządzeń do ćwiczeń na świeżym powietrzu.");
      await page.getByLabel("Opis projektu", { exact: true }).fill("Na Witominie brakuje miejsca do ćwiczeń. Proponujemy sześć urządzeń siłowni plenerowej przy parku.");
      await page.getByLabel("Kategoria", { exact: true }).selectOption("sport");
      await page.getByLabel("Kto skorzysta", { exact: true }).fill("Mieszkańcy Witomina w każdym wieku");
      await page.getByLabel("Pula", { exact: true }).selectOption("pool_2026_orlowo_small");
      await page.getByLabel("Lokalizacja", { exact: true }).fill("Park na Witominie");
      await page.getByLabel("Pozycja 1: opis", { exact: true }).fill("Urządzenia");
      await page.getByLabel("Pozycja 1: kwota w zł", { exact: true }).fill("18 000");
      await page.getByLabel("Sposób złożenia").selectOption("paper");
      await page.getByLabel("Liczba sprawdzonych podpisów na liście poparcia").fill("dużo");
      await page.getByRole("button", { name: "Wprowadź i zgłoś projekt" }).click();
      await page.getByText("Wpisz imię i nazwisko mieszkańca (co najmniej 3 znaki).").waitFor();
      await page.getByText("Wpisz liczbę podpisów jako liczbę całkowitą od 0 do 10 000.").waitFor();
      expect(await page.getByLabel("Tytuł", { exact: true }).inputValue()).toBe("Siłownia plenerowa na Witominie");
      await clean(page);
      await screenshot(page, "desktop-pl-official-paper-errors");

      await page.getByLabel("Imię i nazwisko mieszkańca").fill("Halina Nowak");
      await page.getByLabel("Kontakt podany na formularzu").fill("tel. 600 100 200");
      await page.getByLabel("Data wpływu").fill(today);
      await page.getByLabel("Liczba sprawdzonych podpisów na liście poparcia").fill("16");
      await page.getByRole("button", { name: "Wprowadź i zgłoś projekt" }).click();
      await page.waitForURL(/\/proposals\/prp_[^?]+\?done=paper_entered/);
      await page.getByText("Projekt wprowadzony i zgłoszony.", { exact: false }).waitFor();
      await page.getByText("Projekt złożony na papierze i wprowadzony do systemu przez urzędnika.").waitFor();
      expect(await page.locator("main").textContent()).toContain("Halina Nowak");
      await clean(page);
      await screenshot(page, "desktop-pl-paper-proposal");
      const id = new URL(page.url()).pathname.split("/").pop()!;
      paperId = id;
      const [p] = query<{ channel: string; entered_by_user_id: string; author_user_id: string | null; status: string; support_count: number }>("select channel, entered_by_user_id, author_user_id, status, support_count from proposals where id = ?", id);
      expect(p).toEqual({ channel: "paper", entered_by_user_id: "usr_demo_official", author_user_id: null, status: "submitted", support_count: 16 });
      expect(query("select id from audit_log where action = 'proposal.enter_paper' and object_id = ?", id)).toHaveLength(1);
      // residents see the proposal and its channel, not the resident's details
      const anon = await (await fetch(`${baseURL}/proposals/${id}`)).text();
      expect(anon).toContain("Siłownia plenerowa na Witominie");
      expect(anon).not.toContain("Halina Nowak");
      expect(anon).not.toContain("600 100 200");
    } finally {
      await ctx.close();
    }
  });

  it("when changes are asked for, the official revises the text on the resident's behalf", async () => {
    expect(paperId).not.toBe("");
    const w = new Database(server.dbPath);
    w.prepare("update proposals set status = 'needs_changes', changes_requested_by = 'official' where id = ?").run(paperId);
    w.close();
    const { ctx, page } = await as("usr_demo_official");
    try {
      await page.goto(`${baseURL}/proposals/${paperId}/review`);
      await page.getByRole("link", { name: "Popraw tekst w imieniu mieszkańca (projekt złożony na papierze)" }).click();
      await page.waitForURL(new RegExp(`/proposals/${paperId}/edit$`));
      await clean(page);
      await page.getByLabel("Tytuł", { exact: true }).fill("Siłownia plenerowa i ławki na Witominie");
      await page.locator('button[name="intent"][value="submit"]').click();
      await page.waitForURL((u) => !u.pathname.endsWith("/edit"));
      const [p] = query<{ title: string; status: string; author_user_id: string | null }>("select title, status, author_user_id from proposals where id = ?", paperId);
      expect(p!.title).toBe("Siłownia plenerowa i ławki na Witominie");
      expect(p!.status).not.toBe("needs_changes");
      expect(p!.author_user_id).toBeNull();
      expect(query("select id from audit_log where object_id = ? and actor_role = 'official' and action like 'proposal.resubmit'", paperId)).toHaveLength(1);
    } finally {
      await ctx.close();
    }
    // a resident still cannot open that page
    const res = await fetch(`${baseURL}/proposals/${paperId}/edit`, { headers: { Cookie: cookies.get("usr_demo_resident")! }, redirect: "manual" });
    expect(res.status).toBe(403);
  });

  it("fits a phone; a resident cannot open it", async () => {
    const { ctx, page } = await as("usr_demo_official", { phone: true });
    try {
      await page.goto(`${baseURL}/official/proposals/new`);
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, "phone-pl-official-paper");
    } finally {
      await ctx.close();
    }
    const res = await fetch(`${baseURL}/official/proposals/new`, { headers: { Cookie: cookies.get("usr_demo_resident")! }, redirect: "manual" });
    expect(res.status).toBe(403);
  });
});

describe("hostile posts to the new actions", () => {
  const HOSTILE = ["<script>alert(1)</script>", "' OR '1'='1", "\u202Eevil", "../../etc/passwd", "9".repeat(400), "__proto__", "x".repeat(20_000)];
  const multipart = (parts: string, boundary = "xyz") => ({ type: `multipart/form-data; boundary=${boundary}`, body: parts });
  const bodies: { type: string | null; body: string | Buffer }[] = [
    { type: "application/x-www-form-urlencoded", body: "" },
    { type: "application/x-www-form-urlencoded", body: "intent=remove&attachmentId=att_nope&confirm=on" },
    { type: "application/x-www-form-urlencoded", body: "intent=withdraw&email=%E0%A4%A&answer=%ZZ" },
    { type: "application/x-www-form-urlencoded", body: Buffer.from([0x69, 0x3d, 0xff, 0xfe, 0xc0, 0x80]) },
    ...HOSTILE.map((h) => ({ type: "application/x-www-form-urlencoded", body: new URLSearchParams({ intent: "invite", email: h, answer: h, channel: h, residentName: h, receivedOn: h, paperSignatures: h, title: h }).toString() })),
    { type: "application/json", body: '{"intent":"invite","__proto__":{"admin":true}}' },
    multipart('--xyz\r\nContent-Disposition: form-data; name="intent"\r\n\r\ncast\r\n--xy'),
    multipart("--xyz--\r\n"),
    multipart('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n<svg onload=alert(1)>\r\n--xyz--\r\n'),
    multipart('--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nno filename\r\n--xyz\r\nContent-Disposition: form-data; name="description"\r\n\r\n<script>x</script>\r\n--xyz--\r\n'),
    { type: "multipart/form-data", body: "no boundary at all" },
    { type: "text/plain", body: "intent=invite" },
  ];
  function rawPost(path: string, type: string | null, body: string | Buffer, cookie: string | null): Promise<{ status: number }> {
    const data = typeof body === "string" ? Buffer.from(body) : body;
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        `${baseURL}${path}`,
        { method: "POST", agent: false, headers: { ...(type ? { "Content-Type": type } : {}), "Content-Length": data.length, Origin: baseURL, "Sec-Fetch-Site": "same-origin", ...(cookie ? { Cookie: cookie } : {}) } },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        },
      );
      req.on("error", reject);
      req.end(data);
    });
  }
  const counts = () => ["attachments", "proposal_coauthors", "paper_submissions", "proposals", "outbox"].map((t) => query<{ n: number }>(`select count(*) as n from ${t}`)[0]!.n);

  it("never answer 500 and a refused post changes nothing", async () => {
    const id = proposalId || (await createDraft());
    const paths = [`/proposals/${id}/attachments`, `/proposals/${id}/attachments.data`, `/proposals/${id}/coauthors`, "/proposals/nie-ma/attachments", "/official/proposals/new", "/invitations/nie-ma-takiego-zaproszenia-0123456789"];
    for (const who of [null, "supporter", "usr_demo_resident", "usr_demo_official"]) {
      for (const path of paths) {
        for (const b of bodies) {
          const before = counts();
          const label = `${who} ${path} ${String(b.type)} ${String(b.body).slice(0, 60)}`;
          // one connection per post: a refusal answered before the body is read ends its connection
          const res = await rawPost(path, b.type, b.body, who ? cookies.get(who)! : null).catch((e: unknown) => {
            throw new Error(`${label}: ${String(e)}`);
          });
          expect(res.status, label).toBeLessThan(500);
          if (res.status >= 400) expect(counts(), `${who} ${path} changed data`).toEqual(before);
        }
      }
    }
  });
});

describe("other languages", () => {
  it("the new pages pass axe in Ukrainian and English", async () => {
    for (const [who, path, locale, heading] of [
      ["usr_demo_resident", `/proposals/${proposalId}/attachments`, "uk", "Додатки"],
      ["usr_demo_resident", `/proposals/${proposalId}/coauthors`, "en", "Co-authors"],
      ["usr_demo_official", "/official/proposals/new", "en", "Enter a proposal submitted on paper"],
      ["usr_demo_official", "/official/proposals/new", "uk", "Внести проєкт, поданий на папері"],
    ] as const) {
      const { ctx, page } = await as(who, { locale, phone: locale === "uk" });
      try {
        await page.goto(`${baseURL}${path}`);
        expect(await page.getAttribute("html", "lang")).toBe(locale);
        await page.getByRole("heading", { name: heading, level: 1 }).waitFor();
        expect(await overflowsHorizontally(page)).toBe(false);
        await clean(page);
        await screenshot(page, `${locale === "uk" ? "phone" : "desktop"}-${locale}-${path.split("/").filter(Boolean).slice(-1)[0]}`);
      } finally {
        await ctx.close();
      }
    }
  });
});
