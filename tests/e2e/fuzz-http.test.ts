/**
 * HTTP fuzzing of every action (every route module in app/routes that exports `action`): malformed,
 * oversized, wrongly encoded and hostile form posts — scripts, SQL fragments, unicode tricks, huge
 * numbers, broken percent-encoding, wrong content types — anonymously and with sessions of each role,
 * in Polish, Ukrainian and English (lang cookie or Accept-Language).
 * Never a 500; a refused request (4xx) changes nothing in the key tables; and a refusal answered with
 * a page shows it translated: `<html lang>` is the language asked for, no raw message key is visible,
 * and no Polish error sentence appears on a Ukrainian or English page.
 * The list of routes with an action is read from app/routes, so a new action route without a target
 * here fails the first test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_USERS } from "../../app/cli/seed";
import type { Phase } from "../../app/domain/rules";
import { en } from "../../app/i18n/en";
import { pl } from "../../app/i18n/pl";
import { uk } from "../../app/i18n/uk";
import { axeViolations, launchBrowser, overflowsHorizontally, PHONE, screenshot } from "../support/browser";
import { signIn } from "../support/http";
import { setDemoPhase } from "../support/phase";
import { actionRoutes, insertFuzzDraft, KEY_TABLES, routeOf, targets } from "../support/action-targets";
import { startServer, type RunningServer } from "../support/server";

const RUNS = Number(process.env.FUZZ_RUNS) || 6;
/** Every target is fuzzed in each of these phases (what an action allows depends on the phase). */
const FUZZ_PHASES: Phase[] = ["voting", "submission", "verification", "final_list"];

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  "1; DROP TABLE ballots; --",
  "%00",
  "\u0000",
  "\u202Eevil",
  "\u200B\u200D\uFEFF",
  "A\u0301\u0308\u0327",
  "𝕒𝕕𝕞𝕚𝕟",
  "\uD800",
  "9".repeat(400),
  "1e309",
  "-1",
  "NaN",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "pool_2026_city|prp_x",
  "cast",
  "review",
  "pesel",
  "80051412313",
  "x".repeat(70_000),
  // intents and values of the newer forms: review steps, assignment, list corrections, uploads, co-authors, paper entry
  "assign",
  "formal_pass",
  "merit_reject",
  "correct_cost",
  "list_remove",
  "list_restore",
  "list_cost",
  "upload",
  "remove",
  "invite",
  "withdraw",
  "accept",
  "decline",
  "on",
  "paper",
  "in_person",
  "2026-02-30",
  "mieszkanka@demo.bo-gdynia.pl",
  "usr_demo_official",
];
const FIELDS = [
  "checks",
  "checks.zz",
  "parentId",
  "commentId",
  "notifyReplies",
  "attachmentId",
  "description",
  "answer",
  "confirm",
  "reviewerId",
  "kind",
  "programme",
  "channel",
  "residentName",
  "residentContact",
  "receivedOn",
  "paperSignatures",
  "checks.complete",
  "costItems[0].amount",
  "costItems[0].label",
  "lat",
  "lng",
  "intent",
  "method",
  "pesel",
  "parentFirstName",
  "cardNumber",
  "firstName",
  "lastName",
  "tick",
  "district",
  "email",
  "password",
  "redirectTo",
  "title",
  "summary",
  "description",
  "costItems",
  "code",
  "token",
  "role",
  "userId",
  "proposalId",
  "pointId",
  "locale",
  "lang",
  "csv",
  "reason",
  "body",
  "__proto__",
];

const field = fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 20 }));
const value = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 200 }), fc.integer().map(String), fc.double().map(String), fc.string({ unit: "binary", maxLength: 100 }));

type Body = { contentType: string | null; body: string | Buffer };
const urlencoded = fc.array(fc.tuple(field, value), { maxLength: 12 }).map((pairs): Body => {
  const p = new URLSearchParams();
  for (const [k, v] of pairs) p.append(k, v);
  return {
    contentType: "application/x-www-form-urlencoded",
    body: p.toString(),
  };
});
const broken = fc.oneof(
  fc.constant<Body>({
    contentType: "application/x-www-form-urlencoded",
    body: "intent=cast&pesel=%E0%A4%A&tick=%ZZ&%",
  }),
  fc.constant<Body>({
    contentType: "application/x-www-form-urlencoded",
    body: Buffer.from([0x69, 0x3d, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
  }),
  fc.constant<Body>({
    contentType: "application/json",
    body: '{"intent":"cast","__proto__":{"admin":true}}',
  }),
  fc.constant<Body>({
    contentType: "multipart/form-data; boundary=xyz",
    body: '--xyz\r\nContent-Disposition: form-data; name="intent"\r\n\r\ncast\r\n--xy',
  }),
  fc.constant<Body>({ contentType: "text/plain", body: "intent=cast" }),
  fc.constant<Body>({ contentType: null, body: "intent=review" }),
  fc.constant<Body>({
    contentType: "application/x-www-form-urlencoded",
    body: "tick=a|b&".repeat(60_000),
  }),
  fc.constant<Body>({
    contentType: "application/x-www-form-urlencoded",
    body: `pesel=${"1".repeat(2_000_000)}`,
  }),
  fc.string({ unit: "binary", maxLength: 500 }).map(
    (s): Body => ({
      contentType: "application/x-www-form-urlencoded",
      body: s,
    })
  )
);
/** File uploads: hostile names, lying or missing types, markup dressed as an image, empty and truncated parts. */
const upload = fc
  .record({
    name: fc.oneof(fc.constantFrom(...HOSTILE.filter((h) => h.length < 500)), fc.constantFrom("a.pdf", "../../x.png", "x.svg", "", "\u202Egpj.exe")),
    type: fc.constantFrom("image/png", "application/pdf", "image/svg+xml", "text/html", "application/octet-stream", ""),
    content: fc.oneof(fc.constantFrom("%PDF-1.4 <script>alert(1)</script>", "<svg onload=alert(1)>", "\x89PNG\r\n\x1a\n", "", "GIF89a"), fc.string({ unit: "binary", maxLength: 300 })),
    description: fc.constantFrom(...HOSTILE.slice(0, 8), "Zdjęcie miejsca"),
    truncate: fc.boolean(),
  })
  .map(({ name, type, content, description, truncate }): Body => {
    const b = "----fuzz" + "b".repeat(8);
    let body = `--${b}\r\nContent-Disposition: form-data; name="description"\r\n\r\n${description}\r\n`;
    body += `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n${type ? `Content-Type: ${type}\r\n` : ""}\r\n${content}\r\n--${b}--\r\n`;
    return {
      contentType: `multipart/form-data; boundary=${b}`,
      body: Buffer.from(truncate ? body.slice(0, Math.floor(body.length / 2)) : body, "binary"),
    };
  });
const bodies = fc.oneof({ weight: 4, arbitrary: urlencoded }, { weight: 1, arbitrary: broken }, { weight: 1, arbitrary: upload });

const LANGS = ["pl", "uk", "en"] as const;
type Lang = (typeof LANGS)[number];
const dict: Record<Lang, Record<string, string>> = { pl, uk, en };
/** Every message key, and anything shaped like an error key, must never be visible as such. */
const KEY_SHAPE = /\b[a-z_]+\.(error|errors)\.[a-z_.]+\b/;
const MESSAGE_KEYS = new Set(Object.keys(pl));
/** zod's built-in messages (a schema field without its own i18n key): never shown to anyone. */
const ZOD_ENGLISH = /\b(Invalid (input|option|string|element|key|union|literal)|Too (small|big): expected|Unrecognized keys?)\b[^<]{0,60}/;
/** Polish error sentences and longer texts that read differently in uk/en (no placeholders): seen on a uk/en page, they are untranslated. */
const polishErrors = Object.entries(pl).filter(([k, v]) => (/\.error\./.test(k) || v.length >= 25) && !v.includes("{") && v.length >= 12);

/** What a person sees: the page without scripts (Remix puts action data, with its keys, in one), styles and tags. */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, " ")
    .replace(/<style\b[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Problems with the language of a refusal page; empty when it is shown translated. */
function translationProblems(html: string, lang: Lang): string[] {
  const problems: string[] = [];
  const htmlLang = /<html[^>]*\blang="([^"]*)"/.exec(html)?.[1];
  if (htmlLang !== lang) problems.push(`<html lang="${htmlLang}"> on a page asked for in ${lang}`);
  const text = visibleText(html);
  const english = ZOD_ENGLISH.exec(text);
  if (english) problems.push(`zod's own English message visible: ${english[0]}`);
  const shaped = KEY_SHAPE.exec(text);
  if (shaped) problems.push(`raw key visible: ${shaped[0]}`);
  for (const word of text.match(/[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)+/g) ?? []) if (MESSAGE_KEYS.has(word)) problems.push(`raw key visible: ${word}`);
  if (lang !== "pl") for (const [k, v] of polishErrors) if (dict[lang][k] !== v && text.includes(v)) problems.push(`Polish text of ${k} on a ${lang} page: ${v}`);
  return problems;
}

let srv: RunningServer;
let db: Database.Database;
let uploads = "";
let proposalId: string;
const sessions: Record<string, string | undefined> = {};

beforeAll(async () => {
  uploads = mkdtempSync(join(tmpdir(), "bo-fuzz-uploads-"));
  srv = await startServer({
    RATE_LIMIT_IDENTIFY_PER_IP: "1000000",
    LOG_LEVEL: "warn",
    UPLOAD_DIR: uploads,
  });
  const w = new Database(srv.dbPath);
  proposalId = (w.prepare("select id from proposals where status = 'accepted' limit 1").get() as { id: string }).id;
  insertFuzzDraft(w, proposalId);
  w.close();
  db = new Database(srv.dbPath, { readonly: true });
  for (const id of ["usr_demo_admin", "usr_demo_official", "usr_demo_youth", "usr_demo_resident"]) {
    const u = DEMO_USERS.find((x) => x.id === id)!;
    sessions[id] = await signIn(srv.baseURL, u.email, u.password);
  }
}, 120_000);
afterAll(async () => {
  db?.close();
  await srv?.stop();
  if (uploads) rmSync(uploads, { recursive: true, force: true });
});

/** One POST on its own connection (a refused upload may be answered before its body is read). */
function post(url: string, headers: Record<string, string>, body: string | Buffer): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: {
          ...headers,
          "Content-Length": String(Buffer.byteLength(body)),
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers["content-type"] ?? ""),
            text: Buffer.concat(chunks).toString("utf8"),
          })
        );
        res.on("error", reject);
      }
    );
    // the server may answer (413, 403, 415) and close before the whole body is sent: the answer counts
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e)));
    // an oversized body is refused unread (413, Connection: close); closing a socket with unread data
    // sends a reset, which can reach the client before the answer does: that is a refusal too
    req.on("close", () => (answered ? undefined : Buffer.byteLength(body) > 1_000_000 ? resolve({ status: 413, contentType: "", text: "" }) : reject(new Error("connection closed without an answer"))));
    req.end(body);
  });
}

const counts = () => Object.fromEntries(KEY_TABLES.map((t) => [t, (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));

it("every route that exports an action is a fuzzing target", () => {
  const routes = actionRoutes();
  expect(routes.length).toBeGreaterThan(20);
  const covered = new Set(targets("prp_x").map((t) => routeOf(t, routes)));
  const missing = routes.filter((r) => !covered.has(r.file)).map((r) => `${r.file} (/${r.segments.join("/")})`);
  expect(missing, "action routes with no target in tests/e2e/fuzz-http.test.ts: add one").toEqual([]);
});

it("no action answers 500 to hostile input, and refused requests change nothing", async () => {
  const who = fc.constantFrom<string | undefined>(undefined, "usr_demo_admin", "usr_demo_official", "usr_demo_youth", "usr_demo_resident", "garbage");
  const origin = fc.constantFrom("same", "same", "same", "evil", "none");
  const language = fc.record({
    lang: fc.constantFrom(...LANGS),
    by: fc.constantFrom("cookie", "header"),
  });
  let tried = 0;
  let pagesChecked = 0;
  const failures: string[] = [];
  const untranslated = new Set<string>();
  for (const phase of FUZZ_PHASES) {
    setDemoPhase(srv.dbPath, phase);
    for (const path of targets(proposalId)) {
      await fc.assert(
        fc.asyncProperty(bodies, who, origin, language, async (b, user, o, l) => {
          tried++;
          const before = counts();
          const session = user === "garbage" ? "bo_session=AAAA; bo_vote=eyJ2IjoxfQ.x; bo_point=zz" : user && path !== "/signout" ? sessions[user] : undefined;
          const cookie = l.by === "cookie" ? [session, `lang=${l.lang}`].filter(Boolean).join("; ") : session;
          const headers: Record<string, string> = {};
          if (l.by === "header") headers["Accept-Language"] = `${l.lang};q=1, en;q=0.1`;
          if (b.contentType) headers["Content-Type"] = b.contentType;
          if (o === "same")
            Object.assign(headers, {
              Origin: srv.baseURL,
              "Sec-Fetch-Site": "same-origin",
            });
          if (o === "evil")
            Object.assign(headers, {
              Origin: "https://evil.example",
              "Sec-Fetch-Site": "cross-site",
            });
          if (cookie) headers.Cookie = cookie;
          const r = await post(srv.baseURL + path, headers, b.body).catch((e: unknown) => {
            throw new Error(`${path}: no answer (${String(e)}); server output:\n${srv.output().slice(-3000)}`);
          });
          if (r.status >= 500) failures.push(`${phase} ${path} ${r.status} ${String(b.body).slice(0, 80)}`);
          expect(r.status, `${path} answered ${r.status}`).toBeLessThan(500);
          if (r.status >= 400) expect(counts(), `${path} refused with ${r.status} but changed the database`).toEqual(before);
          if (r.status >= 400 && r.contentType.startsWith("text/html")) {
            pagesChecked++;
            // the /lang action itself changes the language, so its page may be in the language it was sent
            if (path !== "/lang") for (const p of translationProblems(r.text, l.lang)) untranslated.add(`${phase} ${path} ${r.status}: ${p}`);
          }
        }),
        { numRuns: RUNS }
      );
    }
  }
  console.log(`http fuzzing: ${tried} inputs tried on ${targets(proposalId).length} action URLs in ${FUZZ_PHASES.length} phases; ${pagesChecked} refusal pages checked for translation`);
  expect(failures).toEqual([]);
  expect(pagesChecked, "no refusal page was checked for its language").toBeGreaterThan(0);
  expect([...untranslated], "refusal pages not shown in the language asked for").toEqual([]);
}, 300_000);

it("in the browser, a refused post shows the error page in the language asked for, hydrates cleanly and passes axe", async () => {
  setDemoPhase(srv.dbPath, "voting");
  const browser = await launchBrowser();
  try {
    for (const lang of LANGS) {
      const ctx = await browser.newContext({ viewport: PHONE, locale: "pl-PL" });
      await ctx.addCookies([
        { name: "bo_session", value: sessions["usr_demo_resident"]!.split("=")[1]!, url: srv.baseURL },
        { name: "lang", value: lang, url: srv.baseURL },
      ]);
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on("console", (m) => (m.type() === "error" && /React|hydrat/i.test(m.text()) ? errors.push(m.text()) : undefined));
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${srv.baseURL}/`);
      // a resident posting the officials' final-list form: the action throws 403
      await Promise.all([
        page.waitForURL(`${srv.baseURL}/official/final-list`),
        page.evaluate(() => {
          const f = document.createElement("form");
          f.method = "post";
          f.action = "/official/final-list";
          const i = document.createElement("input");
          i.name = "intent";
          i.value = "<script>alert(1)</script>";
          f.append(i);
          document.body.append(f);
          f.submit();
        }),
      ]);
      await page.waitForLoadState("networkidle");
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(dict[lang]["error.forbidden.title"]);
      expect(translationProblems(await page.content(), lang)).toEqual([]);
      expect(await page.title()).toBe(`${dict[lang]["error.forbidden.title"]} · ${dict[lang]["site.name"]}`);
      expect(await page.locator("head title").count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(errors).toEqual([]);
      await screenshot(page, `fuzz-refusal-${lang}`);
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
}, 120_000);
