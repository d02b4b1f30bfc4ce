/**
 * The register import with a preview (#13), in a real browser: an official picks next year's draft
 * edition, previews a file (a row with a bad PESEL checksum is listed as invalid, no PESEL shown in
 * full), applies it choosing the same file again, then — on a phone, without JavaScript, in
 * English — previews and applies a second file whose moved and removed people show as such.
 */
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { makePesel } from "~/domain/voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
let cookie = "";
const SHOTS = "/work/walk/shots";

const person = (serial: number) => ({ pesel: makePesel({ year: 1970 + serial % 20, month: 1 + (serial % 12), day: 1 + (serial % 28) }, serial, "male"), parent: "Zbigniew" });
const A = person(401);
const B = person(402);
const C = person(403);
const D = person(404);
const BAD = A.pesel.slice(0, 10) + String((Number(A.pesel[10]) + 1) % 10);
const csv = (...rows: string[]) => Buffer.from(["pesel;parent_first_name;district", ...rows].join("\n"), "utf8");
const row = (p: { pesel: string; parent: string }, district: string) => `${p.pesel};${p.parent};${district}`;
const FIRST = csv(row(A, "Orłowo"), row(B, "Oksywie"), row(C, "Chylonia"), `${BAD};Zbigniew;Orłowo`);
const SECOND = csv(row(A, "Orłowo"), row(B, "Chylonia"), row(D, "Oksywie"));

beforeAll(async () => {
  server = await startServer();
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const db = new Database(server.dbPath);
  try {
    db.prepare("insert into editions (id, year, status, source, created_at) values ('ed_2099', 2099, 'draft', null, ?)").run(new Date().toISOString());
  } finally {
    db.close();
  }
  const official = DEMO_USERS.find((u) => u.id === "usr_demo_official")!;
  cookie = await signIn(baseURL, official.email, official.password);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(opts: { phone?: boolean; js?: boolean; locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: opts.locale ?? "pl-PL", javaScriptEnabled: opts.js ?? true });
  await ctx.addCookies([{ name: "bo_session", value: cookie.split("=")[1]!, url: baseURL }]);
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  return { ctx, page };
}
const file = (name: string, buffer: Buffer) => ({ name, mimeType: "text/csv", buffer });
/** The count in the preview's summary row named `label`. */
const countOf = async (page: Page, label: string) => (await page.getByRole("row", { name: new RegExp(`^${label}`) }).getByRole("cell").last().textContent())?.trim();

describe("register import with a preview", () => {
  it("previews a file for a draft edition, lists the bad-checksum row as invalid, then applies it", async () => {
    const { ctx, page } = await as();
    try {
      await page.goto(`${baseURL}/official/register`);
      await page.getByLabel("Edycja").selectOption("ed_2099");
      await page.getByRole("button", { name: "Pokaż", exact: true }).click();
      await page.getByText("Osób w rejestrze edycji 2099: 0").waitFor();
      await page.getByLabel("Plik CSV").setInputFiles(file("rejestr-2099.csv", FIRST));
      await page.getByRole("button", { name: "Pokaż zmiany" }).click();
      await page.getByRole("heading", { name: "Podgląd zmian: plik rejestr-2099.csv" }).waitFor();
      expect(await countOf(page, "Dojdą do rejestru")).toBe("3");
      expect(await countOf(page, "Błędne wiersze")).toBe("1");
      const invalid = page.getByRole("table", { name: "Błędne wiersze (pominięte)" });
      await expect(invalid.getByRole("row").nth(1).textContent()).resolves.toBe(`5${BAD.slice(0, 6)}*****nieprawidłowy PESEL (suma kontrolna lub data)`);
      const html = await page.content();
      for (const p of [A, B, C]) expect(html).not.toContain(p.pesel);
      expect(html).not.toContain(BAD);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/h4-register-preview-1280.png`, fullPage: true });

      await page.getByLabel("Wybierz ten sam plik jeszcze raz").setInputFiles(file("rejestr-2099.csv", FIRST));
      await page.getByLabel(/Rozumiem: rejestr edycji 2099/).check();
      await page.getByRole("button", { name: "Zastosuj import" }).click();
      await page.getByText("Zaimportowano rejestr.").waitFor();
      expect(new URL(page.url()).searchParams.get("edition")).toBe("ed_2099");
      await page.getByText("Osób w rejestrze edycji 2099: 3").waitFor();
      const history = page.getByRole("region", { name: "Historia importów" });
      expect(await history.getByRole("row").count()).toBe(2);
      await expect(history.getByRole("row").nth(1).textContent()).resolves.toContain("rejestr-2099.csv");
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/h4-register-history-1280.png`, fullPage: true });
    } finally {
      await ctx.close();
    }
  });

  it("on a phone without JavaScript, in English: a second file shows moved and removed people and replaces the first", async () => {
    const { ctx, page } = await as({ phone: true, js: false, locale: "en-GB" });
    try {
      await page.goto(`${baseURL}/official/register?edition=ed_2099`);
      await page.getByText("People in the 2099 edition's register: 3").waitFor();
      await page.getByLabel("CSV file").setInputFiles(file("register-2.csv", SECOND));
      await page.getByRole("button", { name: "Preview changes" }).click();
      await page.getByRole("heading", { name: "Preview of changes: file register-2.csv" }).waitFor();
      expect(await countOf(page, "Added to the register")).toBe("1");
      expect(await countOf(page, "Dropped from the register")).toBe("1");
      expect(await countOf(page, "Moved district")).toBe("1");
      expect(await countOf(page, "Unchanged")).toBe("1");
      const moved = page.getByRole("table", { name: "Moved district" });
      await expect(moved.getByRole("row").nth(1).textContent()).resolves.toBe(`3${B.pesel.slice(0, 6)}*****OksywieChylonia`);
      const removed = page.getByRole("table", { name: "Dropped from the register" });
      await expect(removed.getByRole("row").nth(1).textContent()).resolves.toContain("Chylonia");
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.screenshot({ path: `${SHOTS}/h4-register-preview-390-en.png`, fullPage: true });

      await page.getByLabel("Choose the same file again").setInputFiles(file("register-2.csv", SECOND));
      await page.getByLabel(/I understand: the 2099 edition's register/).check();
      await page.getByRole("button", { name: "Apply the import" }).click();
      await page.getByText("The register has been imported.").waitFor();
      await page.getByText("People in the 2099 edition's register: 3").waitFor();
      expect(await page.getByRole("region", { name: "Import history" }).getByRole("row").count()).toBe(3);
      expect(await overflowsHorizontally(page)).toBe(false);
      await page.screenshot({ path: `${SHOTS}/h4-register-history-390-en.png`, fullPage: true });
    } finally {
      await ctx.close();
    }
    // axe needs JavaScript: the same pages on the same phone with it on (a preview, not applied)
    const withJs = await as({ phone: true, locale: "en-GB" });
    try {
      await withJs.page.goto(`${baseURL}/official/register?edition=ed_2099`);
      expect(await axeViolations(withJs.page)).toEqual([]);
      await withJs.page.getByLabel("CSV file").setInputFiles(file("register-3.csv", FIRST));
      await withJs.page.getByRole("button", { name: "Preview changes" }).click();
      await withJs.page.getByRole("heading", { name: "Preview of changes: file register-3.csv" }).waitFor();
      expect(await overflowsHorizontally(withJs.page)).toBe(false);
      expect(await axeViolations(withJs.page)).toEqual([]);
    } finally {
      await withJs.ctx.close();
    }
    // in the database: B moved, C gone, D added, all in the draft edition only
    const db = new Database(server.dbPath, { readonly: true });
    try {
      const rows = db.prepare("select d.name as district from voters v join districts d on d.id = v.district_id where v.edition_id = 'ed_2099' order by d.name").all() as { district: string }[];
      expect(rows.map((r) => r.district)).toEqual(["Chylonia", "Oksywie", "Orłowo"]);
    } finally {
      db.close();
    }
  });

  it("applying another file than the previewed one is refused and shows that file's preview instead", async () => {
    const { ctx, page } = await as({ js: false });
    try {
      await page.goto(`${baseURL}/official/register?edition=ed_2099`);
      await page.getByLabel("Plik CSV").setInputFiles(file("a.csv", SECOND));
      await page.getByRole("button", { name: "Pokaż zmiany" }).click();
      await page.getByLabel("Wybierz ten sam plik jeszcze raz").setInputFiles(file("b.csv", FIRST));
      await page.getByLabel(/Rozumiem: rejestr edycji 2099/).check();
      await page.getByRole("button", { name: "Zastosuj import" }).click();
      await page.getByText("To nie jest plik z podglądu.").waitFor();
      await page.getByRole("heading", { name: "Podgląd zmian: plik b.csv" }).waitFor();
      await page.getByText("Osób w rejestrze edycji 2099: 3").waitFor();
      expect(await page.getByRole("region", { name: "Historia importów" }).getByRole("row").count()).toBe(3);
    } finally {
      await ctx.close();
    }
  });

  it("an apply posted without the tick (the browser's check bypassed) is refused with the preview shown again, nothing applied", async () => {
    const body = new FormData();
    body.set("intent", "apply");
    body.set("edition", "ed_2099");
    body.set("fingerprint", createHash("sha256").update(FIRST).digest("hex"));
    body.set("file", new Blob([FIRST], { type: "text/csv" }), "c.csv");
    const res = await fetch(`${baseURL}/official/register?edition=ed_2099`, { method: "POST", redirect: "manual", headers: { Origin: baseURL, "Sec-Fetch-Site": "same-origin", Cookie: cookie }, body });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Zaznacz, że rozumiesz skutki importu.");
    expect(html).toContain("Podgląd zmian: plik c.csv");
    expect(html).toContain("Osób w rejestrze edycji 2099: 3");
    expect(html).not.toContain(A.pesel);
  });
});
