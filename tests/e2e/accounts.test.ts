import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { formPost, signIn } from "../support/http";

const baseURL = inject("baseURL");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const demo = (id: string) => DEMO_USERS.find((u) => u.id === id)!;

describe("route × role matrix", () => {
  type Who = "anonymous" | "resident" | "youth_moderator" | "official" | "admin";
  const who: Who[] = ["anonymous", "resident", "youth_moderator", "official", "admin"];
  const cookies = new Map<Who, string>();
  beforeAll(async () => {
    cookies.set("resident", await signIn(baseURL, demo("usr_demo_resident").email, demo("usr_demo_resident").password));
    cookies.set("youth_moderator", await signIn(baseURL, demo("usr_demo_youth").email, demo("usr_demo_youth").password));
    cookies.set("official", await signIn(baseURL, demo("usr_demo_official").email, demo("usr_demo_official").password));
    cookies.set("admin", await signIn(baseURL, demo("usr_demo_admin").email, demo("usr_demo_admin").password));
  });

  // expected status per role, in the order of `who`; 302 = sent to sign-in (or, for sign-in pages, to the account)
  const matrix: [string, number[]][] = [
    ["/", [200, 200, 200, 200, 200]],
    ["/districts/orlowo", [200, 200, 200, 200, 200]],
    ["/results/2025", [200, 200, 200, 200, 200]],
    ["/archive/2025", [301, 301, 301, 301, 301]],
    ["/vote", [200, 200, 200, 200, 200]],
    ["/vote/bo", [200, 200, 200, 200, 200]],
    ["/vote/bo/district", [302, 302, 302, 302, 302]],
    ["/turnout", [200, 200, 200, 200, 200]],
    ["/official/results", [302, 403, 403, 200, 403]],
    ["/official/register", [302, 403, 403, 200, 403]],
    ["/official/paper", [302, 403, 403, 200, 403]],
    ["/official/voting-point", [302, 403, 403, 200, 403]],
    ["/official/verification", [302, 403, 403, 200, 403]],
    ["/official/final-list", [302, 403, 403, 200, 403]],
    ["/official/proposals/new", [302, 403, 403, 200, 403]],
    ["/moderation/comments", [302, 403, 200, 200, 403]],
    ["/proposals/new", [302, 200, 200, 200, 200]],
    ["/account/proposals", [302, 200, 200, 200, 200]],
    ["/final-list", [200, 200, 200, 200, 200]],
    ["/results/2026", [200, 200, 200, 200, 200]],
    ["/results/2026/stats", [200, 200, 200, 200, 200]],
    ["/results/2025/pools/pool_2025_city.csv", [200, 200, 200, 200, 200]],
    // the imported archive's own Pabulib file, served as it came (issue #16)
    ["/results/2025/pools/pool_2025_city.pb", [200, 200, 200, 200, 200]],
    ["/privacy", [200, 200, 200, 200, 200]],
    ["/signin", [200, 302, 302, 302, 302]],
    ["/signup", [200, 302, 302, 302, 302]],
    ["/forgot-password", [200, 200, 200, 200, 200]],
    ["/account", [302, 200, 200, 200, 200]],
    ["/account/export", [302, 200, 200, 200, 200]],
    ["/account/delete", [302, 200, 200, 200, 200]],
    ["/admin", [302, 403, 403, 403, 200]],
    ["/admin/users", [302, 403, 403, 403, 200]],
    ["/admin/audit", [302, 403, 403, 403, 200]],
    ["/official", [302, 403, 403, 200, 403]],
    ["/moderation", [302, 403, 200, 403, 403]],
    ["/proposals/prp_does_not_exist", [404, 404, 404, 404, 404]],
    ["/archive/1999", [404, 404, 404, 404, 404]],
  ];
  const cases = matrix.flatMap(([path, statuses]) => who.map((w, i) => [path, w, statuses[i]!] as const));

  it.each(cases)("GET %s as %s → %i, with security headers", async (path, w, status) => {
    const cookie = cookies.get(w);
    const res = await fetch(baseURL + path, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
    expect(res.status).toBe(status);
    if (status === 302) {
      const location = res.headers.get("location") ?? "";
      // without a voter's state the ballot steps send back to identification; pages needing an account to sign-in
      const expected = path.startsWith("/vote/") ? /^\/vote\/bo\?expired=1$/ : w === "anonymous" ? /^\/signin\?redirectTo=/ : /^\/account/;
      expect(location).toMatch(expected);
    }
    if (status === 301) expect(res.headers.get("location")).toBe(path.replace("/archive/", "/results/"));
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("refuses role changes by a non-admin (403) and a cross-site form post (403) without changing anything", async () => {
    const body = { intent: "grant", userId: "usr_demo_resident", role: "admin", scope: "*" };
    expect((await formPost(baseURL, "/admin/users", body, cookies.get("official"))).status).toBe(403);
    const crossSite = await fetch(`${baseURL}/admin/users`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site", Cookie: cookies.get("admin")! },
      body: new URLSearchParams(body).toString(),
    });
    expect(crossSite.status).toBe(403);
    const page = await fetch(`${baseURL}/account`, { headers: { Cookie: cookies.get("resident")! } });
    expect(await page.text()).not.toContain("Administrator (");
  });

  it("the data export is the signed-in person's own", async () => {
    const res = await fetch(`${baseURL}/account/export`, { headers: { Cookie: cookies.get("official")! } });
    expect(res.headers.get("content-disposition")).toMatch(/attachment/);
    const data = (await res.json()) as { account: { email: string }; roles: unknown[] };
    expect(data.account.email).toBe(demo("usr_demo_official").email);
    expect(data.roles).toEqual([{ role: "official", scope: "*" }]);
    expect(JSON.stringify(data)).not.toContain(demo("usr_demo_admin").email);
  });
});

describe("rate limit on sign-in", () => {
  it("ten wrong passwords in a row, then a clear 429 even with the right one", async () => {
    const email = demo("usr_demo_resident2").email;
    for (let i = 0; i < 10; i++) {
      const r = await formPost(baseURL, "/signin", { email, password: `wrong-${i}` });
      expect(r.status).toBe(400);
    }
    const blocked = await formPost(baseURL, "/signin", { email, password: demo("usr_demo_resident2").password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Zbyt wiele prób");
  });
});

describe("in a real browser", () => {
  it("sign up → verification mail in the dev mailbox → verify → account; pages pass axe", async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP, locale: "pl-PL" });
    try {
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/signup`);
      expect(await axeViolations(page)).toEqual([]);
      // bad input first: clear errors, nothing lost but the password
      await page.getByLabel("Adres e-mail").fill("nie-email");
      await page.getByLabel("Imię i nazwisko lub pseudonim").fill("Ola Testowa");
      await page.getByLabel("Hasło", { exact: true }).fill("krotkie");
      await page.getByRole("button", { name: "Załóż konto" }).click();
      await expect(page.getByText("Wpisz poprawny adres e-mail").first().isVisible()).resolves.toBe(true);
      expect(await page.getByLabel("Imię i nazwisko lub pseudonim").inputValue()).toBe("Ola Testowa");
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "desktop-pl-signup-errors");

      await page.getByLabel("Adres e-mail").fill("ola.testowa@example.pl");
      await page.getByLabel("Hasło", { exact: true }).fill("bezpieczne-haslo-2026");
      await page.getByLabel(/Zapoznałem/).check();
      await page.getByRole("button", { name: "Załóż konto" }).click();
      await page.getByRole("heading", { name: "Sprawdź skrzynkę e-mail" }).waitFor();

      await page.goto(`${baseURL}/dev/mailbox`);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("link", { name: /verify-email\?token=/ }).first().click();
      await page.getByRole("heading", { name: "Potwierdź adres e-mail" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Potwierdź adres" }).click();
      await page.waitForURL(/\/account\?done=verified/);
      expect(await page.getByRole("status").textContent()).toContain("Adres e-mail potwierdzony");
      expect(await page.locator("main").textContent()).toContain("ola.testowa@example.pl");
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "desktop-pl-account");

      await page.getByRole("button", { name: "Wyloguj się" }).click();
      await page.waitForURL(/\/signin\?done=signed_out/);
      await page.goto(`${baseURL}/account`);
      expect(page.url()).toContain("/signin?redirectTo=%2Faccount");
    } finally {
      await ctx.close();
    }
  });

  it("an official cannot open admin pages; a resident cannot open official pages (translated 403)", async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP });
    try {
      await ctx.addCookies([{ name: "lang", value: "en", url: baseURL }]);
      const page = await ctx.newPage();
      await page.goto(`${baseURL}/signin`);
      await page.getByLabel("Email").fill(demo("usr_demo_official").email);
      await page.getByLabel("Password").fill(demo("usr_demo_official").password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/account/);
      const res = await page.goto(`${baseURL}/admin/users`);
      expect(res?.status()).toBe(403);
      expect(await page.locator("h1").textContent()).toBe("Access denied");
      expect(await axeViolations(page)).toEqual([]);
      const ok = await page.goto(`${baseURL}/official`);
      expect(ok?.status()).toBe(200);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it("an admin grants and revokes a role (without JavaScript), and both show in the audit log", async () => {
    const ctx = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false, isMobile: true, locale: "pl-PL" });
    try {
      const page = await ctx.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${baseURL}/signin`);
      await page.getByLabel("Adres e-mail").fill(demo("usr_demo_admin").email);
      await page.getByLabel("Hasło").fill(demo("usr_demo_admin").password);
      await page.getByRole("button", { name: "Zaloguj się" }).last().click();
      await page.waitForURL(/\/account/);
      // (axe and layout checks need JavaScript in the page: they run on these pages in the next test)
      await page.goto(`${baseURL}/admin/users?q=mieszkanka`);
      const grant = page.getByRole("form", { name: /Nadaj rolę użytkownikowi mieszkanka@/ });
      await grant.getByLabel("Rola").selectOption("official");
      await grant.getByLabel("Zakres").selectOption("children");
      await grant.getByLabel("Powód (opcjonalnie)").fill("Koordynacja budżetu dzieci");
      await grant.getByRole("button", { name: "Nadaj" }).click();
      await page.waitForURL(/done=role_changed/);
      expect(await page.getByRole("status").textContent()).toContain("Zmiana roli została zapisana");
      await screenshot(page, "phone-pl-admin-users");
      await page.getByRole("button", { name: /Odbierz rolę Urzędnik \(Budżet dzieci i młodzieży\) użytkownikowi mieszkanka@/ }).click();
      await page.waitForURL(/done=role_changed/);

      await page.goto(`${baseURL}/admin/audit?action=role.grant`);
      const text = (await page.locator("main").textContent()) ?? "";
      expect(text).toContain("Koordynacja budżetu dzieci");
      expect(text).toContain(demo("usr_demo_admin").email);
      await page.goto(`${baseURL}/admin/audit?action=role.revoke`);
      expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
      await screenshot(page, "phone-pl-admin-audit");
    } finally {
      await ctx.close();
    }
  });

  it("admin, official and moderation pages fit a phone and pass axe in all three languages", async () => {
    for (const locale of ["pl", "uk", "en"] as const) {
      const ctx = await browser.newContext({ viewport: PHONE, isMobile: true });
      try {
        await ctx.addCookies([
          { name: "lang", value: locale, url: baseURL },
          { name: "bo_session", value: (await signIn(baseURL, demo("usr_demo_admin").email, demo("usr_demo_admin").password)).split("=")[1]!, url: baseURL },
        ]);
        const page = await ctx.newPage();
        for (const path of ["/account", "/account/delete", "/admin", "/admin/users?q=demo", "/admin/audit"]) {
          const res = await page.goto(baseURL + path);
          expect(res?.status(), path).toBe(200);
          expect(await overflowsHorizontally(page), `${locale} ${path} overflows`).toBe(false);
          expect(await axeViolations(page), `${locale} ${path}`).toEqual([]);
        }
        await screenshot(page, `phone-${locale}-admin-audit`);
      } finally {
        await ctx.close();
      }
    }
    const ctx = await browser.newContext({ viewport: PHONE, isMobile: true });
    try {
      for (const [user, path] of [
        ["usr_demo_official", "/official"],
        ["usr_demo_youth", "/moderation"],
      ] as const) {
        await ctx.clearCookies();
        await ctx.addCookies([{ name: "bo_session", value: (await signIn(baseURL, demo(user).email, demo(user).password)).split("=")[1]!, url: baseURL }]);
        const page = await ctx.newPage();
        expect((await page.goto(baseURL + path))?.status()).toBe(200);
        expect(await overflowsHorizontally(page)).toBe(false);
        expect(await axeViolations(page), path).toEqual([]);
        await screenshot(page, `phone-pl-${path.slice(1)}`);
      }
    } finally {
      await ctx.close();
    }
  });

  it("account pages pass axe in Ukrainian and English", async () => {
    for (const locale of ["uk", "en"] as const) {
      const ctx = await browser.newContext({ viewport: DESKTOP });
      try {
        await ctx.addCookies([{ name: "lang", value: locale, url: baseURL }]);
        const page = await ctx.newPage();
        for (const path of ["/signin", "/signup", "/forgot-password", "/reset-password?token=abcdefghijklmnopqrstuvwxyz", "/privacy"]) {
          await page.goto(baseURL + path);
          expect(await page.getAttribute("html", "lang")).toBe(locale);
          expect(await axeViolations(page), `${locale} ${path}`).toEqual([]);
        }
        await screenshot(page, `desktop-${locale}-privacy`);
      } finally {
        await ctx.close();
      }
    }
  });
});
