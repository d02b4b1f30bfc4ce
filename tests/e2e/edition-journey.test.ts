/**
 * A whole edition in a real browser, from an empty production installation (#13): the first
 * administrator, created on the command line as the README says, sets up an edition with two
 * districts, a city pool and the youth programme, opens a voting point, imports a register; then
 * a resident submits, an official verifies, the list is published, a resident votes, the count is
 * published, the edition is archived and its leftovers carried into a copied next edition — all
 * through the pages. Time moves by editing the phase dates on /admin/editions/:id/phases (with a
 * public reason) and by closing voting early, as a city would. The only non-page steps: the CLI
 * that creates the first administrator and the dev mailbox for account verification. Some admin
 * forms are sent without JavaScript on a phone; axe runs on every admin page visited; desktop
 * screenshots of the checklist pages go to /work/walk/shots/journey-*.png.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePesel } from "~/domain/voting";
import { axeViolations, DESKTOP, launchBrowser, overflowsHorizontally, PHONE } from "../support/browser";
import { signIn } from "../support/http";
import { repoRoot, startServer, type RunningServer } from "../support/server";

const SHOTS = "/work/walk/shots";
const YEAR = new Date().getUTCFullYear();
const NEXT = YEAR + 1;
const ED = `ed_${YEAR}`;
const PASSWORD = "bezpieczne-haslo-2026";
const PEOPLE = {
  official: { email: "urzednik@example.pl", name: "Urzędniczka Ewa" },
  moderator: { email: "mrm@example.pl", name: "Radny MRM Kuba" },
  resident: { email: "mieszkanka@example.pl", name: "Mieszkanka Ala" },
};
const voter = (serial: number) => ({ pesel: makePesel({ year: 1980, month: 3, day: 1 + serial }, serial, serial % 2 ? "male" : "female"), parent: "Zbigniew" });
const VOTER_A = voter(11);
const VOTER_B = voter(12);
const VOTER_C = voter(13);
const TITLE = "Ławki na skwerze przy bibliotece";

let server: RunningServer;
let browser: Browser;
let base = "";
const adminEmail = "admin@example.pl";
let adminPassword = "";
const cookies = new Map<string, string>();
let device: BrowserContext; // the laptop at the voting point: enrolled by the administrator, then used by the official
let proposalPath = "";
let commissionShares: string[] = []; // handed to the commission once, typed back at counting

beforeAll(async () => {
  server = await startServer({ SEED_DEMO: "false" });
  base = server.baseURL;
  browser = await launchBrowser();
  if (!existsSync(SHOTS)) mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await device?.close();
  await browser?.close();
  await server?.stop();
});

/** A browser context; signed in as `who` (a key of `cookies`) when given. Desktop with JavaScript unless told. */
async function as(who: string | null, opts: { phone?: boolean; js?: boolean; locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({ viewport: opts.phone ? PHONE : DESKTOP, javaScriptEnabled: opts.js ?? true });
  await ctx.addCookies([{ name: "lang", value: opts.locale ?? "pl", url: base }]);
  if (who) await ctx.addCookies([{ name: "bo_session", value: cookies.get(who)!.split("=")[1]!.split(";")[0]!, url: base }]);
  ctx.setDefaultTimeout(15_000);
  return { ctx, page: await ctx.newPage() };
}
async function inContext<T>(who: string | null, opts: { phone?: boolean; js?: boolean; locale?: string }, fn: (page: Page) => Promise<T>): Promise<T> {
  const { ctx, page } = await as(who, opts);
  try {
    return await fn(page);
  } catch (e) {
    await page.screenshot({ path: join(repoRoot, "tests", ".artifacts", "journey-failure.png"), fullPage: true }).catch(() => undefined);
    throw e;
  } finally {
    await ctx.close();
  }
}
/** axe (WCAG 2.1 AA) on the page as it is now, and no sideways scrolling. */
async function clean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await overflowsHorizontally(page)).toBe(false);
}
/** The admin page at `path` on a desktop with JavaScript: axe, and a screenshot named journey-<name>.png. */
async function look(path: string, name: string, who = "admin") {
  await inContext(who, {}, async (page) => {
    const res = await page.goto(`${base}${path}`);
    expect(res?.status()).toBe(200);
    await clean(page);
    await page.screenshot({ path: join(SHOTS, `journey-${name}.png`), fullPage: true });
  });
}
async function progress(page: Page): Promise<string> {
  await page.goto(`${base}/admin`);
  return (await page.getByText(/^Gotowe: \d z 8\.$/).textContent()) ?? "";
}
async function stepDone(page: Page, name: string): Promise<boolean> {
  const step = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name }) });
  return (await step.getByText("Zrobione", { exact: true }).count()) === 1;
}

// ---- time: the phase plan, written in Warsaw time on the phases page ----
const PHASES = ["submission", "verification", "appeals", "final_list", "voting", "counting", "results"] as const;
const PHASE_NAMES = ["zgłaszanie projektów", "weryfikacja", "odwołania", "lista do głosowania", "głosowanie", "liczenie głosów", "wyniki"];
const DAY = 24 * 60 * 60 * 1000;
const warsaw = (ms: number) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    .format(new Date(ms))
    .replace(" ", "T");
/** Saves a plan in which `current` started at the last full minute and every earlier phase is over. */
async function movePhase(current: (typeof PHASES)[number], opts: { phone?: boolean } = {}) {
  const k = PHASES.indexOf(current);
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  await inContext("admin", { phone: opts.phone, js: !opts.phone }, async (page) => {
    await page.goto(`${base}/admin/editions/${ED}/phases`);
    for (const [i, p] of PHASES.entries()) {
      // earlier phases a day each in the past, the current one from now, later ones a week each
      const start = i < k ? now - (k - i) * DAY : now + (i - k) * 7 * DAY;
      const end = i < k ? now - (k - i - 1) * DAY : now + (i - k + 1) * 7 * DAY;
      await page.locator(`#${p}_start`).fill(warsaw(start));
      await page.locator(`#${p}_end`).fill(warsaw(end));
    }
    await page.locator("#phases-reason").fill(`Przechodzimy do etapu: ${PHASE_NAMES[k]}.`);
    await page.getByRole("button", { name: "Zapisz harmonogram" }).click();
    await page.waitForURL(/done=phases_saved/);
    if (opts.phone) expect(await overflowsHorizontally(page)).toBe(false);
  });
}

async function signUpAndVerify(who: keyof typeof PEOPLE) {
  const p = PEOPLE[who];
  await inContext(null, { phone: true, js: false }, async (page) => {
    await page.goto(`${base}/signup`);
    await page.getByLabel("Adres e-mail").fill(p.email);
    await page.getByLabel("Imię i nazwisko lub pseudonim").fill(p.name);
    await page.getByLabel("Hasło", { exact: true }).fill(PASSWORD);
    await page.getByLabel(/Zapoznałem/).check();
    await page.getByRole("button", { name: "Załóż konto" }).click();
    await page.getByRole("heading", { name: "Sprawdź skrzynkę e-mail" }).waitFor();
    await page.goto(`${base}/dev/mailbox`);
    await page.getByRole("listitem").filter({ hasText: p.email }).getByRole("link", { name: /verify-email\?token=/ }).first().click();
    await page.getByRole("button", { name: "Potwierdź adres" }).click();
    expect(await page.getByRole("status").textContent()).toContain("Adres e-mail potwierdzony");
  });
  cookies.set(who, await signIn(base, p.email, PASSWORD));
}

/** A step of the journey: the steps share state, so once one fails the later ones say so instead of failing for it. */
let broken = "";
function step(name: string, fn: () => Promise<void>) {
  it(name, async () => {
    if (broken) throw new Error(`not run: step "${broken}" failed`);
    try {
      await fn();
    } catch (e) {
      broken = name;
      writeFileSync(join(repoRoot, "tests", ".artifacts", "journey-server.log"), server.output());
      // what the browser showed when the step failed, for whoever reads the failure
      for (const [i, pg] of browser.contexts().flatMap((c) => c.pages()).entries()) await pg.screenshot({ path: join(repoRoot, "tests", ".artifacts", `journey-failure-${i}.png`), fullPage: true }).catch(() => undefined);
      throw e;
    }
  });
}

describe("an edition from an empty installation to the archive", () => {
  step("1. the home page says the platform is not set up; the first administrator signs in and sees 0 of 8", async () => {
    await inContext(null, {}, async (page) => {
      await page.goto(`${base}/`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Budżet obywatelski nie został jeszcze uruchomiony");
    });
    const out = execFileSync(process.execPath, [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), join(repoRoot, "app/cli/admin-create.ts"), "--email", adminEmail], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: server.dbPath },
    });
    adminPassword = out.match(/Password \(shown once\): (\S+)/)![1]!;
    await inContext(null, {}, async (page) => {
      await page.goto(`${base}/`);
      await page.getByRole("link", { name: "Zaloguj się, aby ją przygotować" }).click();
      await page.getByLabel("Adres e-mail").fill(adminEmail);
      await page.getByLabel("Hasło").fill(adminPassword);
      await page.getByRole("button", { name: "Zaloguj się" }).click();
      await page.waitForURL((u) => u.pathname === "/admin");
      await page.getByText("Gotowe: 0 z 8.").waitFor();
    });
    cookies.set("admin", await signIn(base, adminEmail, adminPassword));
    await look("/admin", "01-admin-empty");
  });

  step("2. creates the edition, its programmes, two districts, the allocation, the youth pool and the phases; the checklist fills up", async () => {
    // the edition, without JavaScript on a phone
    await inContext("admin", { phone: true, js: false }, async (page) => {
      await page.goto(`${base}/admin`);
      await page.getByRole("link", { name: "Edycje" }).first().click();
      const create = page.locator("form", { has: page.getByRole("button", { name: "Utwórz szkic edycji" }) });
      await create.getByLabel("Rok").fill(String(YEAR));
      await create.getByLabel("Nazwa edycji").fill(`Budżet Obywatelski ${YEAR}`);
      await page.getByRole("button", { name: "Utwórz szkic edycji" }).click();
      await page.waitForURL(new RegExp(`/admin/editions/${ED}\\?done=created`));
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await progress(page)).toBe("Gotowe: 1 z 8.");
    });
    await look("/admin/editions", "02-editions");
    await look(`/admin/editions/${ED}`, "03-edition-overview");

    // the programmes: the citizens' budget and the youth one (moderated by the youth council)
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/programmes`);
      await page.getByLabel("Program", { exact: true }).selectOption("bo");
      await page.getByRole("button", { name: "Dodaj program" }).click();
      await page.waitForURL(/done=programme_added/);
      await page.getByLabel("Program", { exact: true }).selectOption("youth");
      const add = page.getByRole("form", { name: "Dodaj program" });
      await add.getByLabel("Kto moderuje projekty").selectOption("youth_council");
      await add.getByLabel("Wiek od (lat)").fill("13");
      await add.getByLabel("Wiek do (lat)").fill("18");
      await page.getByRole("button", { name: "Dodaj program" }).click();
      await page.getByRole("heading", { level: 2, name: "Młodzieżowy Budżet Obywatelski" }).waitFor();
    });
    await look(`/admin/editions/${ED}/programmes`, "04-programmes");

    // two districts, without JavaScript on a phone
    await inContext("admin", { phone: true, js: false }, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/districts`);
      for (const [name, slug, population, area] of [
        ["Orłowo", "orlowo", "6000", "400"],
        ["Chylonia", "chylonia", "24000", "600"],
      ] as const) {
        const add = page.locator("form", { has: page.getByRole("button", { name: "Dodaj dzielnicę" }) });
        await add.getByLabel("Nazwa dzielnicy").fill(name);
        await add.getByLabel("Adres w linkach (slug)").fill(slug);
        await add.getByLabel("Liczba mieszkańców").fill(population);
        await add.getByLabel("Powierzchnia w hektarach").fill(area);
        await add.getByRole("button", { name: "Dodaj dzielnicę" }).click();
        await expect.poll(() => page.getByRole("status").textContent()).toContain("Dodano dzielnicę.");
      }
      expect(await overflowsHorizontally(page)).toBe(false);
    });
    // the allocation: preview, then save
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/districts`);
      const fill = async (v: Record<string, string>) => {
        for (const [label, value] of Object.entries(v)) await page.getByLabel(label, { exact: true }).fill(value);
      };
      await fill({
        "Cała kwota budżetu (zł)": "2 000 000",
        "Pula ogólnomiejska (zł)": "500 000",
        "Najwyższy koszt projektu ogólnomiejskiego (zł)": "250 000",
        "Kwota bazowa na dzielnicę (zł)": "100 000",
        "Udział liczby mieszkańców (%)": "70",
        "Udział małych projektów w puli dzielnicy (%)": "30",
        "Najwyższy koszt małego projektu (zł)": "50 000",
        "Najwyższy koszt dużego projektu (% puli dużych projektów dzielnicy)": "50",
      });
      await page.getByRole("button", { name: "Pokaż podgląd podziału" }).click();
      const table = page.getByRole("region", { name: "Podgląd podziału środków na dzielnice" });
      await table.waitFor();
      expect(await table.getByRole("row", { name: /Chylonia/ }).count()).toBe(1);
      await page.getByRole("button", { name: "Zapisz podział" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Zapisano podział środków");
    });
    await look(`/admin/editions/${ED}/districts`, "05-districts");

    // the youth programme's pool, and the citizens' budget needing one support
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/pools`);
      await page.getByRole("button", { name: "Utwórz pulę programu" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Utworzono pulę programu.");
    });
    // the new pool is empty: its amount is set on the same page, without JavaScript on a phone
    await inContext("admin", { phone: true, js: false }, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/pools`);
      const youth = page.locator("details", { hasText: "Zmień zasady: Pula programu" });
      await youth.locator("summary").click();
      await youth.getByLabel("Kwota puli programu (zł)").fill("-5");
      await youth.getByRole("button", { name: "Zapisz zasady puli" }).click();
      await page.getByText("Kwota nie może być ujemna. Wpisz 0 albo więcej.").waitFor();
      await page.locator("details", { hasText: "Zmień zasady: Pula programu" }).getByLabel("Kwota puli programu (zł)").fill("300 000");
      await page.getByRole("button", { name: "Zapisz zasady puli" }).first().click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Zapisano zasady puli.");
      expect(await overflowsHorizontally(page)).toBe(false);
    });
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin`);
      expect(await stepDone(page, "2. Dzielnice i kwoty")).toBe(true);
      expect(await stepDone(page, "3. Programy i zasady")).toBe(true);
    });
    await look(`/admin/editions/${ED}/pools`, "06-pools");

    // the phases, without JavaScript on a phone: submission is open from now on
    await movePhase("submission", { phone: true });
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin`);
      expect(await stepDone(page, "4. Harmonogram")).toBe(true);
      expect(await stepDone(page, "1. Utwórz edycję")).toBe(true);
    });
    await look(`/admin/editions/${ED}/phases`, "07-phases");
  });

  step("3. grants the official and youth moderator roles to people who signed up", async () => {
    for (const who of ["official", "moderator", "resident"] as const) await signUpAndVerify(who);
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin/users`);
      const grant = async (email: string, role: string, scope: string) => {
        const form = page.getByRole("form", { name: `Nadaj rolę użytkownikowi ${email}` });
        await form.getByLabel("Rola").selectOption(role);
        await form.getByLabel(/Zakres|Program/).selectOption(scope);
        await form.getByRole("button", { name: "Nadaj" }).click();
        await page.getByRole("button", { name: new RegExp(`^Odbierz rolę .* ${email.replace(/\./g, "\\.")}$`) }).first().waitFor();
      };
      await grant(PEOPLE.official.email, "official", "*");
      await grant(PEOPLE.moderator.email, "youth_moderator", "youth");
    });
    await look("/admin/users", "08-users");
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin`);
      expect(await stepDone(page, "8. Urzędnicy i Młodzieżowa Rada Miasta")).toBe(true);
    });
    // the roles take effect on the next sign-in
    cookies.set("official", await signIn(base, PEOPLE.official.email, PASSWORD));
  });

  step("3b. names the counting commission and creates the ballot-box key; the shares are shown once (phone, no JavaScript)", async () => {
    await inContext("admin", { phone: true, js: false }, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/commission`);
      await page.getByText("Ta edycja nie ma jeszcze klucza urny.").waitFor();
      // a threshold above the commission's size is refused; the names stay
      await page.getByLabel("Członek 1", { exact: true }).fill("Anna Nowak");
      await page.getByLabel("Członek 2", { exact: true }).fill("Jan Kowalski");
      await page.getByLabel("Członek 3", { exact: true }).fill("Olena Bondar");
      await page.getByLabel(/^Próg/).fill("4");
      await page.getByRole("button", { name: "Utwórz klucz i pokaż udziały" }).click();
      await page.getByText("Próg musi wynosić co najmniej 2 i nie więcej niż liczba członków.").waitFor();
      expect(await page.getByLabel("Członek 3", { exact: true }).inputValue()).toBe("Olena Bondar");
      await page.getByLabel(/^Próg/).fill("2");
      await page.getByRole("button", { name: "Utwórz klucz i pokaż udziały" }).click();
      await page.getByRole("heading", { name: "Udziały członków komisji" }).waitFor();
      commissionShares = await page.locator("code.share-code").allTextContents();
      expect(commissionShares).toHaveLength(3);
      expect(await overflowsHorizontally(page)).toBe(false); // axe on this page: tests/e2e/ballot-box.test.ts
      await page.screenshot({ path: join(SHOTS, "journey-07b-commission-shares-phone.png"), fullPage: true });
      // shown once: the page reloaded shows the key's fingerprint, never a share again
      await page.goto(`${base}/admin/editions/${ED}/commission`);
      await page.getByTestId("fingerprint").waitFor();
      expect(await page.locator("code.share-code").count()).toBe(0);
      expect(await page.content()).not.toContain(commissionShares[0]!);
    });
    await look(`/admin/editions/${ED}/commission`, "07c-commission");
  });

  step("4. creates a voting point, assigns the official and enrols the laptop, on which the official then signs in", async () => {
    device = await browser.newContext({ viewport: DESKTOP });
    await device.addCookies([{ name: "lang", value: "pl", url: base }]);
    device.setDefaultTimeout(15_000);
    const page = await device.newPage();
    await page.goto(`${base}/signin`);
    await page.getByLabel("Adres e-mail").fill(adminEmail);
    await page.getByLabel("Hasło", { exact: true }).fill(adminPassword);
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await page.waitForURL((u) => u.pathname !== "/signin");
    await page.goto(`${base}/admin`);
    // the edition is still a draft: the checklist's link names it, so the point belongs to it
    await page.getByRole("link", { name: "Punkty głosowania", exact: true }).last().click();
    await page.waitForURL(new RegExp(`/admin/voting-points\\?edition=${ED}$`));
    await page.getByLabel("Nazwa punktu").fill("Urząd Miasta – sala obsługi");
    await page.getByLabel("Adres", { exact: true }).fill("al. Marszałka Piłsudskiego 52/54, Gdynia");
    await page.getByLabel(/Godziny otwarcia/).fill("pn–pt 8:00–18:00");
    await page.getByRole("button", { name: "Dodaj punkt" }).click();
    await page.getByRole("heading", { name: "Urząd Miasta – sala obsługi", level: 1 }).waitFor();
    const pointPath = new URL(page.url()).pathname;
    await page.getByLabel(new RegExp(PEOPLE.official.email.replace(/\./g, "\\."))).check();
    await page.getByRole("button", { name: "Zapisz listę urzędników" }).click();
    await page.getByRole("status").filter({ hasText: "Lista urzędników zapisana." }).waitFor();
    await page.getByLabel("Nazwa urządzenia").fill("Laptop w sali obsługi");
    await page.getByRole("button", { name: "Zapisz to urządzenie dla punktu" }).click();
    await page.getByRole("status").filter({ hasText: "To urządzenie jest zapisane dla punktu" }).waitFor();
    expect((await device.cookies(`${base}/official/voting-point`)).some((c) => c.name === "bo_device")).toBe(true);
    await page.goto(`${base}/account`);
    await page.getByRole("button", { name: "Wyloguj się" }).click();
    await look(`/admin/voting-points?edition=${ED}`, "09-voting-points");
    await look(pointPath, "10-voting-point");
    await inContext("admin", {}, async (p) => {
      await p.goto(`${base}/admin`);
      expect(await stepDone(p, "6. Punkty głosowania")).toBe(true);
    });
    // the official signs in on the enrolled laptop
    await page.goto(`${base}/signin`);
    await page.getByLabel("Adres e-mail").fill(PEOPLE.official.email);
    await page.getByLabel("Hasło", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await page.waitForURL((u) => u.pathname !== "/signin");
    await page.close();
  });

  step("5. imports the register after a preview", async () => {
    const csv = Buffer.from(["pesel;parent_first_name;district", `${VOTER_A.pesel};${VOTER_A.parent};Orłowo`, `${VOTER_B.pesel};${VOTER_B.parent};Chylonia`, `${VOTER_C.pesel};${VOTER_C.parent};Chylonia`].join("\n"), "utf8");
    const file = { name: `rejestr-${YEAR}.csv`, mimeType: "text/csv", buffer: csv };
    // importing the register is an official's task (register.import): the administrator's checklist says
    // so; the official goes from his panel to the register and picks the edition being prepared
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin`);
      expect(await page.getByRole("link", { name: "Import rejestru" }).count()).toBe(0);
      await page.getByText("Rejestr importuje urzędnik z rolą „urzędnik”").waitFor();
    });
    await inContext("official", {}, async (page) => {
      await page.goto(`${base}/official`);
      await page.getByRole("link", { name: "Rejestr głosujących" }).click();
      await page.getByLabel("Edycja").selectOption(ED);
      await page.getByRole("button", { name: "Pokaż", exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get("edition") === ED);
      await page.getByLabel("Plik CSV").setInputFiles(file);
      await page.getByRole("button", { name: "Pokaż zmiany" }).click();
      await page.getByRole("heading", { name: `Podgląd zmian: plik ${file.name}` }).waitFor();
      await page.screenshot({ path: join(SHOTS, "journey-11-register-preview.png"), fullPage: true });
      await clean(page);
      await page.getByLabel("Wybierz ten sam plik jeszcze raz").setInputFiles(file);
      await page.getByLabel(new RegExp(`Rozumiem: rejestr edycji ${YEAR}`)).check();
      await page.getByRole("button", { name: "Zastosuj import" }).click();
      await page.getByText("Zaimportowano rejestr.").waitFor();
      await page.getByText(`Osób w rejestrze edycji ${YEAR}: 3`).waitFor();
    });
    await inContext("admin", {}, async (page) => {
      expect(await progress(page)).toBe("Gotowe: 8 z 8.");
    });
    await look("/admin", "12-admin-ready");
  });

  step("6. activates the edition; a resident submits, the official verifies, the list is published", async () => {
    await inContext("admin", { phone: true, js: false }, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}`);
      await page.getByLabel(`Potwierdzam uruchomienie edycji ${YEAR}.`).check();
      await page.getByRole("button", { name: "Uruchom edycję" }).click();
      await page.waitForURL(/done=activated/);
    });
    // the citizens' budget needs one support; the author's own counts? the resident gathers none, so the threshold goes to 0
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/pools`);
      const rules = page.locator("details", { hasText: "Zmień zasady: Orłowo – małe projekty" });
      await rules.locator("summary").click();
      await rules.getByLabel("Wymagane poparcia").fill("0");
      await rules.getByRole("button", { name: "Zapisz zasady puli" }).click();
      await expect.poll(() => page.getByRole("status").textContent()).toContain("Zapisano zasady puli.");
    });
    await inContext("resident", {}, async (page) => {
      await page.goto(`${base}/`);
      await page.goto(`${base}/proposals/new`);
      await page.getByLabel("Tytuł", { exact: true }).fill(TITLE);
      await page.getByLabel("Krótki opis", { exact: true }).fill("Cztery ławki i stojak na rowery przy bibliotece.");
      await page.getByLabel("Opis projektu", { exact: true }).fill("Przy bibliotece w Orłowie nie ma gdzie usiąść. Proponujemy cztery ławki z oparciami i stojak na rowery.");
      await page.getByLabel("Kategoria", { exact: true }).selectOption("green");
      await page.getByLabel("Kto skorzysta", { exact: true }).fill("Czytelnicy i seniorzy");
      await page.getByLabel("Pula", { exact: true }).selectOption(`pool_${YEAR}_orlowo_small`);
      await page.getByLabel("Lokalizacja", { exact: true }).fill("Skwer przy bibliotece, ul. Orłowska");
      await page.getByLabel("Pozycja 1: opis", { exact: true }).fill("Ławki i stojak");
      await page.getByLabel("Pozycja 1: kwota w zł", { exact: true }).fill("20 000");
      await page.getByRole("button", { name: "Zgłoś projekt" }).click();
      await page.getByText("Projekt zgłoszony.").waitFor();
      proposalPath = new URL(page.url()).pathname;
    });
    await movePhase("verification");
    // the official works without JavaScript: every decision is a plain POST and a fresh page
    await inContext("official", { js: false }, async (page) => {
      await page.goto(`${base}/official/verification`);
      await page.getByRole("link", { name: `Otwórz projekt ${TITLE}` }).click();
      await page.getByRole("button", { name: "Rozpocznij weryfikację" }).click();
      await page.getByText("Decyzja zapisana i opublikowana").waitFor();
      await page.goto(`${base}${proposalPath}/review`);
      for (const c of FORMAL) await page.getByLabel(c).check();
      await page.getByRole("button", { name: "Ocena formalna pozytywna" }).click();
      await page.getByText("Ocena formalna jest pozytywna.").waitFor();
      for (const c of MERIT) await page.getByLabel(c).check();
      await page.getByLabel("Potwierdzam ten wynik").check();
      await page.getByRole("button", { name: "Ocena merytoryczna pozytywna – dopuść do głosowania" }).click();
      await page.getByText("Decyzja zapisana i opublikowana").waitFor();
      await page.goto(`${base}${proposalPath}`);
      await page.getByText("Ocena merytoryczna: pozytywna").waitFor();
    });
    await movePhase("appeals");
    await movePhase("final_list");
    await inContext("official", {}, async (page) => {
      await page.goto(`${base}/official/final-list`);
      await page.getByLabel("Rozumiem, że po publikacji lista zostanie zamrożona").first().check();
      await page.getByRole("button", { name: "Opublikuj listę: Budżet Obywatelski" }).click();
      await page.getByText("Lista do głosowania opublikowana.").waitFor();
    });
  });

  step("7. voting: a resident votes online with PESEL and a parent's first name; one assisted vote at the point", async () => {
    await movePhase("voting");
    await inContext(null, { phone: true }, async (page) => {
      await page.goto(`${base}/vote`);
      await page.getByRole("link", { name: "Głosuj: Budżet Obywatelski" }).click();
      await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(VOTER_A.pesel);
      await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(VOTER_A.parent);
      await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
      await page.getByRole("heading", { name: "Wybierz dzielnicę" }).waitFor();
      await page.getByLabel("Orłowo").check();
      await page.getByRole("button", { name: "Dalej" }).click();
      await page.getByRole("heading", { name: "Zaznacz projekty" }).waitFor();
      await page.getByRole("checkbox", { name: new RegExp(TITLE) }).check();
      await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
      await page.getByRole("button", { name: "Oddaję głos" }).click();
      await page.getByRole("heading", { name: "Dziękujemy! Twój głos został oddany." }).waitFor();
    });
    // at the point, on the enrolled laptop
    const page = await device.newPage();
    await page.goto(`${base}/official/voting-point`);
    await page.getByLabel("Punkt głosowania").selectOption({ label: "Urząd Miasta – sala obsługi – al. Marszałka Piłsudskiego 52/54, Gdynia (pn–pt 8:00–18:00)" });
    await page.getByRole("button", { name: "Otwórz punkt na tym urządzeniu" }).click();
    await page.getByText("Punkt otwarty na tym urządzeniu: Urząd Miasta – sala obsługi").waitFor();
    await page.goto(`${base}/vote/bo`);
    await page.getByRole("textbox", { name: "Numer PESEL", exact: true }).fill(VOTER_B.pesel);
    await page.getByRole("textbox", { name: "Imię ojca lub matki", exact: true }).fill(VOTER_B.parent);
    await page.getByRole("button", { name: "Dalej z numerem PESEL" }).click();
    await page.getByRole("heading", { name: "Wybierz dzielnicę" }).waitFor();
    await page.getByLabel("Orłowo").check();
    await page.getByRole("button", { name: "Dalej" }).click();
    await page.getByRole("checkbox", { name: new RegExp(TITLE) }).check();
    await page.getByRole("button", { name: "Dalej – sprawdź wybór" }).click();
    await page.getByRole("button", { name: "Oddaję głos" }).click();
    await page.getByTestId("receipt").waitFor();
    await page.close();
  });

  step("8. closes voting early; the official counts and publishes; the results are public", async () => {
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/phases`);
      const form = page.locator("form", { has: page.getByRole("button", { name: "Zakończ głosowanie teraz" }) });
      await form.getByLabel("Powód zmiany (publiczny)").fill("Wszyscy uprawnieni już zagłosowali.");
      await form.getByLabel("Rozumiem, że głosowanie skończy się natychmiast.").check();
      await form.getByRole("button", { name: "Zakończ głosowanie teraz" }).click();
      await page.waitForURL(/done=voting_closed/);
    });
    await inContext("official", {}, async (page) => {
      await page.goto(`${base}/official/results`);
      // two of the three commission members type their shares: the box opens, then the count
      await page.getByLabel("Udział: Jan Kowalski").fill(commissionShares[1]!);
      await page.getByLabel("Udział: Olena Bondar").fill(commissionShares[2]!);
      await page.getByLabel(/udziały wpisują osobiście członkowie komisji/).check();
      await page.getByRole("button", { name: "Otwórz urnę i odszyfruj głosy" }).click();
      await page.getByText(/Urnę otwarto: odszyfrowano \d+ głosów/).waitFor();
      await page.getByRole("button", { name: "Policz głosy" }).click();
      await page.getByText(/Policzono \d+ pul/).waitFor();
      await page.getByLabel(/publikacji nie można cofnąć/).check();
      await page.getByRole("button", { name: "Opublikuj wyniki" }).click();
      await page.getByText("Wyniki opublikowane.").waitFor();
    });
    await inContext(null, {}, async (page) => {
      await page.goto(`${base}/results/${YEAR}`);
      await page.getByText(TITLE).first().waitFor();
    });
  });

  step("9. archives the edition, copies it as the next year and carries the leftovers over after a preview", async () => {
    await look(`/admin/editions/${ED}/close`, "13-close");
    await inContext("admin", { phone: true, js: false }, async (page) => {
      await page.goto(`${base}/admin/editions/${ED}/close`);
      await page.getByLabel(`Rozumiem, że edycja ${YEAR} zostanie zamknięta i przeniesiona do archiwum.`).check();
      await page.getByRole("button", { name: `Przenieś edycję ${YEAR} do archiwum` }).click();
      await expect(page.getByRole("status").textContent()).resolves.toContain("Edycja jest w archiwum.");
    });
    await inContext("admin", {}, async (page) => {
      await page.goto(`${base}/admin/editions`);
      await page.getByLabel("Kopiuj edycję").selectOption(ED);
      await page.getByLabel("Jako edycję roku").fill(String(NEXT));
      await page.getByRole("button", { name: "Skopiuj jako nową edycję" }).click();
      await page.waitForURL(new RegExp(`/admin/editions/ed_${NEXT}\\?done=copied`));
      await page.goto(`${base}/admin/editions/${ED}/close`);
      await page.getByLabel("Edycja docelowa").selectOption(String(NEXT));
      await page.getByRole("button", { name: "Pokaż podgląd" }).click();
      await page.getByRole("table").waitFor();
      await clean(page);
      await page.screenshot({ path: join(SHOTS, "journey-14-carry-preview.png"), fullPage: true });
      await page.getByLabel(/Potwierdzam przeniesienie/).check();
      await page.getByRole("button", { name: `Przenieś środki do edycji ${NEXT}` }).click();
      await expect(page.getByRole("status").textContent()).resolves.toContain("Niewydane środki zostały przeniesione.");
    });
    await inContext(null, {}, async (page) => {
      await page.goto(`${base}/`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Budżet Obywatelski ${NEXT} wkrótce`);
      await page.getByText(/Następna edycja rusza/).waitFor();
      await page.goto(`${base}/archive`);
      expect(await page.getByRole("link", { name: `Budżet Obywatelski ${YEAR}` }).getAttribute("href")).toBe(`/results/${YEAR}`);
    });
  });

  step("the checklist and an admin page render in Ukrainian and English", async () => {
    for (const [locale, checklist, progress, editions] of [
      ["uk", "Підготовка видання", /^Виконано: \d з 8\.$/, "Видання бюджету"],
      ["en", "Setting up the edition", /^Done: \d of 8\.$/, "Budget editions"],
    ] as const) {
      await inContext("admin", { locale }, async (page) => {
        await page.goto(`${base}/admin`);
        await page.getByRole("heading", { level: 2, name: checklist }).waitFor();
        await page.getByText(progress).waitFor();
        await clean(page);
        await page.goto(`${base}/admin/editions`);
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(editions);
        await clean(page);
        await page.screenshot({ path: join(SHOTS, `journey-15-editions-${locale}.png`), fullPage: true });
      });
    }
  });
});

const MERIT = ["Projekt jest wykonalny w ciągu roku budżetowego", "Kosztorys jest realny", "Teren należy do miasta i można na nim realizować projekt", "Projekt jest zgodny z prawem, planem miejscowym i zadaniami gminy"];
const FORMAL = ["Wniosek jest kompletny (opis, lokalizacja, kosztorys, wymagane zgody)", "Lokalizacja i zakres kwalifikują się do programu i puli", "Koszt mieści się w limitach puli", "Zebrano wymagane poparcia"];
