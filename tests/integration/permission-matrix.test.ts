/**
 * Every route × every role × every programme scope, through the real route modules: each file in
 * app/routes is imported and its loader (GET) and action (POST) called with a real Request and a
 * real session cookie against a seeded temporary database. A route file missing from ROUTES fails
 * the test, so a new route must say who may open it.
 *
 * Expected: anonymous → redirect to /signin; signed in without the right → 403; allowed → neither.
 * Actions are called only by those who must be refused (an allowed call would change the data the
 * other rows rely on) and must leave every table as it was. Programme records (a proposal of each
 * programme, a final list of each programme) are tried by officials of every scope.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../app/cli/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROGRAMME_KINDS, type ProgrammeKind, type Role, type Scope } from "~/domain/permissions";
import { onPostgres } from "../support/db";

const ACTORS = ["anonymous", "resident", "youth_moderator", "official_bo", "official_youth", "official_children", "official_all", "admin", "translator_children"] as const;
type ActorName = (typeof ACTORS)[number];
const USERS: Record<Exclude<ActorName, "anonymous">, { id: string; roles: [Role, Scope][] }> = {
  resident: { id: "usr_demo_resident", roles: [] },
  youth_moderator: { id: "usr_demo_youth", roles: [["youth_moderator", "youth"]] },
  official_bo: { id: "usr_t_official_bo", roles: [["official", "bo"]] },
  official_youth: { id: "usr_t_official_youth", roles: [["official", "youth"]] },
  official_children: { id: "usr_t_official_children", roles: [["official", "children"]] },
  official_all: { id: "usr_demo_official", roles: [["official", "*"]] },
  admin: { id: "usr_demo_admin", roles: [["admin", "*"]] },
  translator_children: { id: "usr_t_translator_children", roles: [["translator", "children"]] },
};

/** Who may: everyone, anyone signed in, or a rule over the actor (and the record's programme). */
type Access = "public" | "signed_in" | ((a: ActorName, k: ProgrammeKind) => boolean);
interface Spec {
  loader?: Access;
  action?: Access;
  params?: Record<string, string>;
  /** Called once per programme with a record of that programme (`{id}` in params is filled in). */
  perProgramme?: "proposal" | "form";
  /** The action's form fields (per programme when perProgramme is "form"). */
  form?: (k: ProgrammeKind) => Record<string, string>;
}

const only =
  (...who: ActorName[]) =>
  (a: ActorName) =>
    who.includes(a);
const OFFICIALS = only("official_bo", "official_youth", "official_children", "official_all");
/** An official whose scope covers the record's programme. */
const officialOf = (a: ActorName, k: ProgrammeKind) => a === "official_all" || a === `official_${k}`;
/** Edition-wide acts: the current edition has all three programmes, so only scope '*' qualifies. */
const EDITION_WIDE = only("official_all");

const ROUTES: Record<string, Spec> = {
  "$.tsx": { loader: "public", params: { "*": "no-such-page" } },
  "[.well-known].security[.txt].ts": { loader: "public" },
  "_index.tsx": { loader: "public" },
  "accessibility.tsx": {},
  // the public read API and its page: open to everyone; other methods get 405 (tests/integration/public-api.test.ts)
  "api._index.tsx": { loader: "public" },
  "api.openapi[.json].ts": { loader: "public" },
  "api.v1.$.ts": { loader: "public", action: "public", params: { "*": "editions" } },
  "account._index.tsx": { loader: "signed_in" },
  "account.delete.tsx": { loader: "signed_in", action: "signed_in" },
  "account.export.tsx": { loader: "signed_in" },
  "account.proposals.tsx": { loader: "signed_in" },
  // following (#17): own follows only; the unsubscribe link's token is its permission
  "account.following.tsx": { loader: "signed_in", action: "signed_in", form: () => ({ intent: "settings", results: "on" }) },
  "follow.tsx": { loader: "public", action: "signed_in", form: () => ({ intent: "follow", kind: "edition", id: "ed_2026", back: "/" }) },
  "unsubscribe.tsx": { loader: "public", action: "public" },
  "admin._index.tsx": { loader: only("admin") },
  "admin.audit.tsx": { loader: only("admin") },
  "admin.voting-points.tsx": { loader: only("admin"), action: only("admin"), form: () => ({ name: "Punkt testowy", address: "ul. Testowa 1" }) },
  "admin.voting-points_.$id.tsx": { loader: only("admin"), action: only("admin"), params: { id: "vp_wymiennikownia" }, form: () => ({ intent: "enrol", label: "Laptop testowy" }) },
  "admin.editions._index.tsx": { loader: only("admin"), action: only("admin"), form: () => ({ intent: "create", year: "2031", name: "Edycja testowa" }) },
  "admin.editions.$id.tsx": { loader: only("admin"), action: only("admin"), params: { id: "ed_2026" }, form: () => ({ intent: "details", name: "Zmiana nazwy", rulesText: "", smallGroupThreshold: "10" }) },
  "admin.editions.$id_.phases.tsx": { loader: only("admin"), action: only("admin"), params: { id: "ed_2026" }, form: () => ({ intent: "close_early", reason: "Powód", confirm: "on" }) },
  "admin.editions.$id_.programmes.tsx": { loader: only("admin"), action: only("admin"), params: { id: "ed_2026" }, form: () => ({ programmeId: "", kind: "bo", moderation: "officials", supportsRequired: "0", languages: "pl" }) },
  "admin.editions_.$id_.close.tsx": { loader: only("admin"), action: only("admin"), params: { id: "ed_2026" }, form: () => ({ intent: "archive", confirm: "on" }) },
  "admin.editions.$id_.districts.tsx": { loader: only("admin"), action: only("admin"), params: { id: "ed_2026" }, form: () => ({ intent: "add", name: "Nowa", slug: "nowa", population: "1", areaHa: "1" }) },
  "admin.editions.$id_.pools.tsx": { loader: only("admin"), action: only("admin"), params: { id: "ed_2026" }, form: () => ({ intent: "rules", poolId: "pool_2026_city", maxProjectCost: "1" }) },
  "admin.editions.$id_.pools_.$poolId.exclusive.tsx": { loader: only("admin"), action: only("admin"), params: { id: "ed_2026", poolId: "pool_2026_city" }, form: () => ({ intent: "remove", group: "prp_none" }) },
  "admin.editions.$id_.commission.tsx": { loader: only("admin"), action: only("admin"), params: { id: "ed_2026" }, form: () => ({ member1: "Anna Nowak", member2: "Jan Kowalski", threshold: "2", confirm: "on" }) },
  "admin.users.tsx": { loader: only("admin"), action: only("admin"), form: () => ({ intent: "grant", userId: "usr_demo_resident", role: "admin", scope: "*" }) },
  "archive.$year.tsx": { loader: "public", params: { year: "2025" } },
  "archive._index.tsx": { loader: "public" },
  "attachments.$id.tsx": { loader: "public", params: { id: "att_none" } },
  "city.tsx": { loader: "public" },
  "dev.mailbox.tsx": { loader: "public" },
  "districts.$slug.tsx": { loader: "public", params: { slug: "orlowo" } },
  "districts._index.tsx": { loader: "public" },
  "editions.$year.rules.tsx": { loader: "public", params: { year: "2026" } },
  "editions.$year.rules[.pdf].tsx": { loader: "public", params: { year: "2026" } },
  // printable paper materials: a 404 (never a sign-in redirect) for what the visitor may not have (tests/integration/print.test.ts)
  "print.ballot.$year.$kind.$file.tsx": { loader: "public", params: { year: "2026", kind: "bo", file: "orlowo.pdf" } },
  "proposals.$id_.support-list[.pdf].tsx": { loader: "public", params: { id: "{id}" }, perProgramme: "proposal" },
  "final-list.tsx": { loader: "public" },
  "jak-to-dziala.tsx": { loader: "public" },
  // guarded by METRICS_TOKEN, not by role: 404 without it (as here), 401 without the token
  "metrics.ts": { loader: "public" },
  "forgot-password.tsx": { action: "public" },
  "invitations.$token.tsx": { loader: "signed_in", action: "signed_in", params: { token: "x".repeat(40) } },
  "lang.tsx": { loader: "public", action: "public" },
  "moderation.tsx": { loader: only("youth_moderator") },
  // the council moderates youth comments, officials those of their own programmes (youth has none)
  "moderation_.comments.tsx": { loader: only("youth_moderator", "official_bo", "official_children", "official_all"), action: only("youth_moderator", "official_bo", "official_children", "official_all"), form: () => ({ commentId: "cmt_none", intent: "hide", reason: "x" }) },
  "official.tsx": { loader: OFFICIALS },
  // the page lists the official's own programmes; publishing asks for the form's programme
  "official_.final-list.tsx": { loader: OFFICIALS, action: (a, k) => officialOf(a, k), perProgramme: "form", form: (k) => ({ programme: k, confirm: "on" }) },
  // paper ballots exist for the main programme only
  "official_.paper.tsx": { loader: only("official_bo", "official_all"), action: only("official_bo", "official_all"), form: () => ({ district: "orlowo", confirm: "on", pesel: "44051401359", tick: "x" }) },
  "official_.proposals.new.tsx": { loader: OFFICIALS, action: OFFICIALS, form: () => ({ intent: "add_row" }) },
  "official_.register.tsx": { loader: EDITION_WIDE, action: EDITION_WIDE, form: () => ({ intent: "declaration", declarationId: "ABC123456" }) },
  "official_.results.tsx": { loader: EDITION_WIDE, action: EDITION_WIDE, form: () => ({ intent: "count" }) },
  "official_.verification.tsx": { loader: OFFICIALS },
  // the list shows each official their programmes' winners; a winner (of the 2025 BO archive) is updated by officials of its programme
  "official_.implementations.tsx": { loader: OFFICIALS },
  "official_.implementations_.$id.tsx": { loader: only("official_bo", "official_all"), action: only("official_bo", "official_all"), params: { id: "imp_prp_2025_1" }, form: () => ({ intent: "update", status: "done", progressPct: "100", actualEnd: "2026-01-01" }) },
  "official_.voting-point.tsx": { loader: EDITION_WIDE, action: EDITION_WIDE, form: () => ({ pointId: "vp_none" }) },
  "privacy.tsx": {},
  "programmes.$kind.tsx": { loader: "public", params: { kind: "youth" } },
  "proposals.$id.tsx": { loader: "public", action: "signed_in", params: { id: "{id}" }, perProgramme: "proposal", form: () => ({ intent: "support" }) },
  // the record has no author account: nobody here is its author
  "proposals.$id_.appeal.tsx": { loader: () => false, action: () => false, params: { id: "{id}" }, perProgramme: "proposal" },
  "proposals.$id_.attachments.tsx": { loader: officialOf, action: officialOf, params: { id: "{id}" }, perProgramme: "proposal" },
  "proposals.$id_.coauthors.tsx": { loader: officialOf, action: officialOf, params: { id: "{id}" }, perProgramme: "proposal", form: () => ({ intent: "invite", email: "x@example.test" }) },
  "proposals.$id_.edit.tsx": { loader: officialOf, action: officialOf, params: { id: "{id}" }, perProgramme: "proposal", form: () => ({ intent: "submit", title: "Zmiana" }) },
  // officials of the programme verify, the council reviews youth proposals, admins assign reviewers
  "proposals.$id_.review.tsx": {
    loader: (a, k) => officialOf(a, k) || a === "admin" || (a === "youth_moderator" && k === "youth"),
    action: (a, k) => officialOf(a, k) || a === "admin" || (a === "youth_moderator" && k === "youth"),
    params: { id: "{id}" },
    perProgramme: "proposal",
    form: () => ({ intent: "assign", reviewerUserId: "usr_demo_official" }),
  },
  "proposals._index.tsx": { loader: "public" },
  // the author (none here: paper records) or a translator of the record's programme (#16 item 4)
  "proposals.$id_.translations.tsx": {
    loader: (a, k) => a === "translator_children" && k === "children",
    action: (a, k) => a === "translator_children" && k === "children",
    params: { id: "{id}" },
    perProgramme: "proposal",
    form: () => ({ intent: "save", lang: "uk", title: "Назва проєкту", summary: "Короткий опис проєкту для тесту." }),
  },
  "proposals.new.tsx": { loader: "signed_in", action: "signed_in" },
  "realizacje._index.tsx": { loader: "public" },
  "realizacje.$id.tsx": { loader: "public", params: { id: "imp_prp_2025_1" } },
  "realizacje.pliki.$id.tsx": { loader: "public", params: { id: "imf_none" } },
  "reset-password.tsx": { loader: "public", action: "public" },
  "results.$year._index.tsx": { loader: "public", params: { year: "2025" } },
  "results.$year.pools.$file.tsx": { loader: "public", params: { year: "2025", file: "none.pb" } },
  "results.$year.stats.tsx": { loader: "public", params: { year: "2025" } },
  "results.$year.receipts[.txt].ts": { loader: "public", params: { year: "2026" } },
  "signin.tsx": { loader: "public", action: "public" },
  "signout.tsx": { loader: "public", action: "public" },
  "signup.tsx": { loader: "public", action: "public" },
  "turnout.tsx": { loader: "public" },
  "verify-email.tsx": { loader: "public", action: "public" },
  "vote.$kind._index.tsx": { loader: "public", action: "public", params: { kind: "bo" } },
  "vote.$kind.ballot.tsx": { loader: "public", action: "public", params: { kind: "bo" } },
  "vote.$kind.child.tsx": { loader: "public", action: "public", params: { kind: "children" } },
  "vote.$kind.district.tsx": { loader: "public", params: { kind: "bo" } },
  "vote.$kind.done.tsx": { loader: "public", params: { kind: "bo" } },
  "vote._index.tsx": { loader: "public" },
  "vote.receipt.tsx": { action: "public" },
};

const ROUTES_DIR = join(__dirname, "../../app/routes");
const ORIGIN = "http://127.0.0.1:3000";
type Outcome = "allowed" | "signin" | "forbidden";

let t: { db: Kysely<Database>; dir: string };
const cookies = new Map<ActorName, string>();
const records = new Map<ProgrammeKind, string>();
let tableNames: string[] = [];

beforeAll(async () => {
  // the app's own db() and sessions use this database: set before anything reads the environment
  // (it is read once, lazily), then migrated and seeded through the app's own handle
  const dir = mkdtempSync(join(tmpdir(), "bo-matrix-"));
  process.env.DATABASE_URL = join(dir, "app.sqlite");
  process.env.UPLOAD_DIR = join(dir, "uploads");
  const { db } = await import("~/db.server");
  t = { db: db(), dir };
  await migrateToLatest(t.db);
  await seedDemo(t.db, new Date(), "verification");
  const iso = new Date().toISOString();
  for (const [name, u] of Object.entries(USERS)) {
    if (!u.id.startsWith("usr_t_")) continue;
    await t.db.insertInto("users").values({ id: u.id, email: `${name}@example.test`, email_verified_at: iso, password_hash: null, display_name: name, locale: "pl", created_at: iso, deleted_at: null }).execute();
    for (const [role, scope] of u.roles) await t.db.insertInto("user_roles").values({ user_id: u.id, role, scope, granted_by: null, granted_at: iso }).execute();
  }
  const { startSession } = await import("~/auth/session.server");
  for (const [name, u] of Object.entries(USERS)) cookies.set(name as ActorName, (await startSession(u.id)).split(";")[0]!);
  // one proposal per programme, received on paper (no author account) and returned for changes:
  // officials of its programme may work on it on the resident's behalf, nobody else
  for (const k of PROGRAMME_KINDS) {
    const p = await t.db
      .selectFrom("proposals as p")
      .innerJoin("pools as po", "po.id", "p.pool_id")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .innerJoin("editions as e", "e.id", "pr.edition_id")
      .select("p.id")
      .where("e.status", "=", "active")
      .where("pr.kind", "=", k)
      .where("p.status", "!=", "draft")
      .orderBy("p.id")
      .executeTakeFirstOrThrow();
    await t.db.updateTable("proposals").set({ author_user_id: null, channel: "paper", status: "needs_changes" }).where("id", "=", p.id).execute();
    records.set(k, p.id);
  }
  tableNames = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.db)).rows.map((r) => r.name);
}, 120_000);
afterAll(async () => {
  const { closeDatabase } = await import("~/db.server");
  await closeDatabase();
  if (t) rmSync(t.dir, { recursive: true, force: true });
});

/** Row counts of every table: what a refused request must leave as it was. */
async function fingerprint(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of tableNames) {
    // sessions are written by sign-in bookkeeping (sliding expiry), not by the refused act
    if (name === "sessions" || name === "rate_limits") continue;
    out[name] = Number((await t.db.selectFrom(name as never).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  }
  return out;
}

function outcomeOf(result: unknown): { outcome: Outcome | "other"; status: number; location?: string | null } {
  if (result instanceof Response) {
    const location = result.headers.get("Location");
    if (result.status >= 300 && result.status < 400 && location?.startsWith("/signin")) return { outcome: "signin", status: result.status, location };
    if (result.status === 403) return { outcome: "forbidden", status: 403 };
    return { outcome: "allowed", status: result.status, location };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const status = (result as { init?: { status?: number } }).init?.status ?? 200;
    return { outcome: status === 403 ? "forbidden" : "allowed", status };
  }
  return { outcome: "allowed", status: 200 };
}

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

async function call(fn: RouteFn, method: "GET" | "POST", path: string, who: ActorName, params: Record<string, string>, form?: Record<string, string>) {
  const headers = new Headers({ Origin: ORIGIN, "Sec-Fetch-Site": "same-origin" });
  if (who !== "anonymous") headers.set("Cookie", cookies.get(who)!);
  const init: RequestInit = { method, headers };
  if (method === "POST") init.body = new URLSearchParams(form ?? {});
  const request = new Request(`${ORIGIN}${path}`, init);
  try {
    return outcomeOf(await fn({ request, params, context: { clientIp: `10.0.0.${ACTORS.indexOf(who) + 1}` } }));
  } catch (e) {
    if (e instanceof Response) return outcomeOf(e);
    return { outcome: "other" as const, status: 500, error: e };
  }
}

function expectedFor(access: Access, who: ActorName, k: ProgrammeKind): Outcome {
  if (access === "public") return "allowed";
  if (who === "anonymous") return "signin";
  if (access === "signed_in") return "allowed";
  return access(who, k) ? "allowed" : "forbidden";
}

const files = readdirSync(ROUTES_DIR).filter((f) => /\.(tsx?|jsx?)$/.test(f));
const stats = { routes: 0, loaderCalls: 0, actionCalls: 0 };

// SQLite only: the app's handle is opened from DATABASE_URL (the PostgreSQL run covers the data layer)
describe.skipIf(onPostgres)("permission matrix: every route × role × programme scope", () => {
  it("classifies every route file (a new route must be added here)", () => {
    expect(files.filter((f) => !(f in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files.filter((f) => f in ROUTES))("%s", async (file) => {
    const spec = ROUTES[file]!;
    const mod = (await import(join(ROUTES_DIR, file))) as { loader?: RouteFn; action?: RouteFn };
    // the spec and the module agree on what the route has
    expect(Boolean(mod.loader), `${file} loader`).toBe(Boolean(spec.loader));
    expect(Boolean(mod.action), `${file} action`).toBe(Boolean(spec.action));
    stats.routes++;
    const programmes: (ProgrammeKind | null)[] = spec.perProgramme ? [...PROGRAMME_KINDS] : [null];
    const failures: string[] = [];
    for (const k of programmes) {
      const params = Object.fromEntries(Object.entries(spec.params ?? {}).map(([n, v]) => [n, v === "{id}" && k ? records.get(k)! : v]));
      const path = `/${file.replace(/\.tsx?$/, "").replace(/_(?=\.|$)/g, "").replace(/\$(\w+)/g, (_m, n: string) => params[n] ?? n).replace(/\./g, "/")}`;
      const kk = k ?? "bo";
      if (spec.loader && mod.loader) {
        for (const who of ACTORS) {
          const want = expectedFor(spec.loader, who, kk);
          const got = await call(mod.loader, "GET", path, who, params);
          stats.loaderCalls++;
          // an allowed caller may still meet a 404/400 for the sample record; only the guard's answers count
          const ok = want === "allowed" ? got.outcome !== "signin" && got.outcome !== "forbidden" : got.outcome === want;
          if (!ok) failures.push(`GET ${path} as ${who}${k ? ` (${k} record)` : ""}: want ${want}, got ${got.outcome} ${got.status}${"error" in got ? ` ${String(got.error)}` : ""}`);
        }
      }
      if (spec.action && mod.action && spec.action !== "public") {
        const before = await fingerprint();
        for (const who of ACTORS) {
          const want = expectedFor(spec.action, who, kk);
          if (want === "allowed") continue; // never run an allowed write here
          const got = await call(mod.action, "POST", path, who, params, spec.form?.(kk));
          stats.actionCalls++;
          if (got.outcome !== want) failures.push(`POST ${path} as ${who}${k ? ` (${k})` : ""}: want ${want}, got ${got.outcome} ${got.status}${"error" in got ? ` ${String(got.error)}` : ""}`);
        }
        expect(await fingerprint(), `${file}: a refused POST wrote nothing`).toEqual(before);
      }
    }
    expect(failures).toEqual([]);
  });

  afterAll(() => {
    console.log(`permission matrix: ${stats.routes} routes × ${ACTORS.length} actors (programme records × ${PROGRAMME_KINDS.length}): ${stats.loaderCalls} loader calls, ${stats.actionCalls} refused action calls`);
  });
});

/** What a loader returned, for the rows below (they check content, not only the status). */
async function loaderData(file: string, who: ActorName, path: string, params: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const mod = (await import(join(ROUTES_DIR, file))) as { loader: RouteFn };
  const request = new Request(`${ORIGIN}${path}`, { headers: { Cookie: cookies.get(who) ?? "" } });
  const out = (await mod.loader({ request, params, context: {} })) as Record<string, unknown>;
  return out;
}

describe.skipIf(onPostgres)("a scoped official's lists hold only their programmes' work", () => {
  it.each(["official_bo", "official_youth", "official_children"] as const)("the paper-proposal form offers %s only its programme's pools", async (who) => {
    const k = who.replace("official_", "") as ProgrammeKind;
    const { pools } = (await loaderData("official_.proposals.new.tsx", who, "/official/proposals/new")) as { pools: { programmeKind: ProgrammeKind }[] };
    expect(pools.length).toBeGreaterThan(0);
    expect(new Set(pools.map((p) => p.programmeKind))).toEqual(new Set([k]));
  });

  it.each([
    ["official_bo", { register: false, paper: true, point: false, results: false }],
    ["official_youth", { register: false, paper: false, point: false, results: false }],
    ["official_all", { register: true, paper: true, point: true, results: true }],
  ] as const)("the officials' panel links %s only to the pages its scope opens", async (who, may) => {
    expect((await loaderData("official.tsx", who, "/official")).may).toEqual(may);
  });

  it("draft results show an official only their programmes' pools; the public sees none", async () => {
    const edition = await t.db.selectFrom("editions").select(["id", "year"]).where("status", "=", "active").executeTakeFirstOrThrow();
    const pools = await t.db.selectFrom("pools as po").innerJoin("programmes as pr", "pr.id", "po.programme_id").select(["po.id", "pr.kind"]).where("pr.edition_id", "=", edition.id).execute();
    const counted = new Date().toISOString();
    for (const k of PROGRAMME_KINDS) {
      const pool = pools.find((p) => p.kind === k)!;
      await t.db.insertInto("pool_tallies").values({ pool_id: pool.id, voters: 0, spent_grosze: 0, published_at: null, rule: null, lot_seed: null, ties_json: "[]", mes_json: null, counted_at: counted, counted_by: "usr_demo_official" }).execute();
    }
    const kinds = async (who: ActorName) =>
      new Set(((await loaderData("results.$year._index.tsx", who, `/results/${edition.year}?draft=1`, { year: String(edition.year) })).pools as { programmeKind: string }[]).map((p) => p.programmeKind));
    expect(await kinds("official_youth")).toEqual(new Set(["youth"]));
    expect(await kinds("official_bo")).toEqual(new Set(["bo"]));
    expect(await kinds("official_all")).toEqual(new Set(PROGRAMME_KINDS));
    expect(await kinds("resident")).toEqual(new Set());
    expect(await kinds("admin")).toEqual(new Set());
    await t.db.deleteFrom("pool_tallies").where("counted_by", "=", "usr_demo_official").where("published_at", "is", null).execute();
  });
});
