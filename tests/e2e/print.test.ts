/**
 * Printable paper materials (issue #17) in a real browser, on a server seeded in the submission
 * phase: a resident finds the support list on a proposal collecting supports (phone width, no
 * JavaScript, Polish and Ukrainian) and downloads a PDF; an official downloads a district's ballot
 * from the final-list page while it is a sample nobody else can fetch; once the lists are published
 * anyone can; the administrator's edition page links the ballots too. Pages pass axe (WCAG 2.1 AA).
 */
import Database from "better-sqlite3";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { formPost, signIn } from "../support/http";
import { repoRoot, startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let baseURL = "";
const cookies = new Map<string, string>();
let proposal = { id: "", title: "" };
const SHOTS = process.env.BO_SHOTS_DIR ?? "/work/walk/shots";
const ARTIFACTS = join(repoRoot, "tests", ".artifacts", "pdf");

beforeAll(async () => {
  server = await startServer({ SEED_PHASE: "submission" });
  baseURL = server.baseURL;
  browser = await launchBrowser();
  for (const id of ["usr_demo_admin", "usr_demo_official", "usr_demo_resident"]) {
    const u = DEMO_USERS.find((x) => x.id === id)!;
    cookies.set(id, await signIn(baseURL, u.email, u.password));
  }
  const db = new Database(server.dbPath, { readonly: true });
  try {
    proposal = db.prepare("select id, title from proposals where status = 'submitted' and pool_id like 'pool_2026_%' order by id limit 1").get() as typeof proposal;
  } finally {
    db.close();
  }
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(who: string | null, opts: { phone?: boolean; js?: boolean; locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: opts.locale ?? "pl-PL", javaScriptEnabled: opts.js ?? true, acceptDownloads: true });
  if (who) await ctx.addCookies([{ name: "bo_session", value: cookies.get(who)!.split("=")[1]!, url: baseURL }]);
  return { ctx, page: await ctx.newPage() };
}

/** Saves a page screenshot for the walk-through when its folder exists (never needed by the test). */
async function shot(page: Page, name: string) {
  const file = await screenshot(page, name);
  try {
    copyFileSync(file, join(SHOTS, `${name}.png`));
  } catch {
    /* no walk-through folder here */
  }
}

async function fetchPdf(path: string, cookie?: string): Promise<Response> {
  return fetch(baseURL + path, { headers: cookie ? { Cookie: cookie } : {} });
}

describe("printable paper materials", () => {
  it("a resident downloads the support list from the proposal page, on a phone without JavaScript", async () => {
    const { ctx, page } = await as(null, { phone: true, js: false });
    try {
      await page.goto(`${baseURL}/proposals/${proposal.id}`);
      const link = page.getByRole("link", { name: "Lista poparcia do wydruku (PDF)" });
      await expect(link.isVisible()).resolves.toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, "pdf-proposal-390");
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^lista-poparcia-[a-z0-9-]+\.pdf$/);
      const path = join(ARTIFACTS, "support.pdf");
      await download.saveAs(path);
    } finally {
      await ctx.close();
    }
    const res = await fetchPdf(`/proposals/${proposal.id}/support-list.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="lista-poparcia-[a-z0-9-]+\.pdf"/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.headers.get("x-content-type-options")).toContain("nosniff");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("the proposal page with the link passes axe", async () => {
    const { ctx, page } = await as(null);
    try {
      await page.goto(`${baseURL}/proposals/${proposal.id}`);
      await page.getByRole("link", { name: "Lista poparcia do wydruku (PDF)" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Lista poparcia do wydruku (PDF)" }).scrollIntoViewIfNeeded();
      await shot(page, "pdf-proposal-1280");
    } finally {
      await ctx.close();
    }
  });

  it("in Ukrainian the link and the list speak Ukrainian", async () => {
    const { ctx, page } = await as(null, { locale: "uk-UA" });
    try {
      await page.goto(`${baseURL}/proposals/${proposal.id}`);
      const link = page.getByRole("link", { name: "Список підтримки для друку (PDF)" });
      await expect(link.isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "pdf-proposal-1280-uk");
    } finally {
      await ctx.close();
    }
    const res = await fetch(`${baseURL}/proposals/${proposal.id}/support-list.pdf`, { headers: { "Accept-Language": "uk" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
  });

  it("an author prints the list of a draft from their proposals, on a phone without JavaScript; nobody else can", async () => {
    const res = await formPost(baseURL, "/proposals/new", { intent: "draft", title: "Łąka kwietna przy szkole", summary: "Łąka kwietna zamiast trawnika.", description: "Zamiast koszonego trawnika – łąka kwietna dla owadów.", category: "green", beneficiaries: "Uczniowie i sąsiedzi", poolId: "pool_2026_orlowo_small", location: "Orłowo", "costItems[0].label": "Nasiona i przygotowanie gleby", "costItems[0].amount": "8 000" }, cookies.get("usr_demo_resident"));
    expect(res.status).toBe(302);
    const db = new Database(server.dbPath, { readonly: true });
    const draft = db.prepare("select id from proposals where title = ? and status = 'draft'").get("Łąka kwietna przy szkole") as { id: string };
    db.close();
    const { ctx, page } = await as("usr_demo_resident", { phone: true, js: false });
    try {
      await page.goto(`${baseURL}/account/proposals`);
      const link = page.getByRole("link", { name: "Lista poparcia (PDF): Łąka kwietna przy szkole" });
      expect(await link.getAttribute("href")).toBe(`/proposals/${draft.id}/support-list.pdf`);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, "pdf-account-proposals-390");
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^lista-poparcia-[a-z0-9-]+\.pdf$/);
    } finally {
      await ctx.close();
    }
    const own = await fetchPdf(`/proposals/${draft.id}/support-list.pdf`, cookies.get("usr_demo_resident"));
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    expect((await fetchPdf(`/proposals/${draft.id}/support-list.pdf`)).status).toBe(404);
    expect((await fetchPdf(`/proposals/${draft.id}/support-list.pdf`, cookies.get("usr_demo_official"))).status).toBe(404);
  });

  it("a proposal that collects no supports offers no list", async () => {
    const db = new Database(server.dbPath, { readonly: true });
    const accepted = db.prepare("select id from proposals where status = 'accepted' and edition_id = 'ed_2026' order by id limit 1").get() as { id: string };
    db.close();
    expect(await (await fetch(`${baseURL}/proposals/${accepted.id}`)).text()).not.toContain("support-list.pdf");
    expect((await fetchPdf(`/proposals/${accepted.id}/support-list.pdf`)).status).toBe(404);
  });

  it("an official downloads a district's ballot from the final-list page; before publication nobody else can", async () => {
    const { ctx, page } = await as("usr_demo_official", { phone: true });
    try {
      await page.goto(`${baseURL}/official/final-list`);
      await page.getByText("Karta: Budżet Obywatelski (PDF)").click();
      const link = page.getByRole("link", { name: "Babie Doły – karta (PDF)" });
      await expect(link.isVisible()).resolves.toBe(true);
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await shot(page, "pdf-official-final-list-390");
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe("karta-2026-bo-babie-doly.pdf");
      await download.saveAs(join(ARTIFACTS, "ballot-sample.pdf"));
    } finally {
      await ctx.close();
    }
    const official = await fetchPdf("/print/ballot/2026/bo/babie-doly.pdf", cookies.get("usr_demo_official"));
    expect(official.status).toBe(200);
    expect(official.headers.get("content-type")).toBe("application/pdf");
    expect(official.headers.get("cache-control")).toBe("private, no-store");
    expect((await fetchPdf("/print/ballot/2026/bo/babie-doly.pdf")).status).toBe(404);
  });

  it("once the final lists are published anyone downloads any ballot; what does not exist is a 404", async () => {
    const db = new Database(server.dbPath);
    try {
      const at = new Date().toISOString();
      db.prepare("insert into final_lists (pool_id, published_at, published_by) select p.id, ?, null from pools p join programmes pr on pr.id = p.programme_id where pr.edition_id = 'ed_2026' and p.id not in (select pool_id from final_lists)").run(at);
    } finally {
      db.close();
    }
    for (const path of ["/print/ballot/2026/bo/babie-doly.pdf", "/print/ballot/2026/youth/all.pdf", "/print/ballot/2026/children/all.pdf"]) {
      const res = await fetchPdf(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      if (path.includes("babie-doly")) writeFileSync(join(ARTIFACTS, "ballot.pdf"), Buffer.from(await res.arrayBuffer()));
    }
    for (const path of ["/print/ballot/2026/bo/all.pdf", "/print/ballot/2026/bo/atlantyda.pdf", "/print/ballot/2031/bo/babie-doly.pdf", "/print/ballot/2026/city/all.pdf", "/print/ballot/2026/bo/Babie%20Do%C5%82y.pdf", "/print/ballot/2026/bo/babie-doly.txt"]) {
      expect((await fetchPdf(path)).status, path).toBe(404);
    }
  });

  it("the administrator's edition page links every programme's ballot", async () => {
    const { ctx, page } = await as("usr_demo_admin");
    try {
      await page.goto(`${baseURL}/admin/editions/ed_2026`);
      await expect(page.getByRole("heading", { name: "Karty do głosowania do wydruku" }).isVisible()).resolves.toBe(true);
      await page.getByText("Karta: Budżet Obywatelski (PDF)").click();
      expect(await page.getByRole("link", { name: "Orłowo – karta (PDF)" }).getAttribute("href")).toBe("/print/ballot/2026/bo/orlowo.pdf");
      expect(await page.getByRole("link", { name: "Karta: Młodzieżowy Budżet Obywatelski (PDF)" }).getAttribute("href")).toBe("/print/ballot/2026/youth/all.pdf");
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("heading", { name: "Karty do głosowania do wydruku" }).scrollIntoViewIfNeeded();
      await shot(page, "pdf-admin-edition-1280");
    } finally {
      await ctx.close();
    }
  });
});
