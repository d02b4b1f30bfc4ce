/** Debian's Chromium driven by playwright-core (never a downloaded browser), plus axe for WCAG checks. */
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./server";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** WCAG 2.1 A and AA violations on the page, as "rule: target" lines (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${n.failureSummary ?? ""}`));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(repoRoot, "tests", ".artifacts", "screenshots");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * A new browser context at phone or desktop width, JavaScript on or off, in a language (the `lang`
 * cookie, when given) and signed in with a "bo_session=…" cookie (when given), and its first page.
 */
export async function openContext(
  browser: Browser,
  baseURL: string,
  opts: { phone?: boolean; js?: boolean; locale?: string; lang?: string; session?: string; isMobile?: boolean } = {},
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, locale: opts.locale ?? "pl-PL", javaScriptEnabled: opts.js ?? true, isMobile: opts.isMobile ?? false });
  ctx.setDefaultTimeout(15_000);
  if (opts.lang) await ctx.addCookies([{ name: "lang", value: opts.lang, url: baseURL }]);
  if (opts.session) await ctx.addCookies([{ name: "bo_session", value: opts.session.split("=")[1]!, url: baseURL }]);
  return { ctx, page: await ctx.newPage() };
}

/** A Polish-speaking voter from the first voting step to a district's ballot, identified by PESEL. */
export async function walkToPolishBallot(page: Page, baseURL: string, voter: { pesel: string; parentFirstName: string }, district: string): Promise<void> {
  await page.goto(`${baseURL}/vote/bo`);
  await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(voter.pesel);
  await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(voter.parentFirstName);
  await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
  await page.getByRole("heading", { name: "Wybierz dzielnicę" }).waitFor();
  await page.getByLabel(district).check();
  await page.getByRole("button", { name: "Dalej" }).click();
  await page.getByRole("heading", { name: "Zaznacz projekty" }).waitFor();
}
