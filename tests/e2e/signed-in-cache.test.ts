/**
 * The page cache for signed-in visitors (issue #18; app/auth/page-variant.server.ts): pages marked
 * `signedIn: "shared"` are kept once per variant — what the visitor's roles and follows make the
 * page show — and served to everyone of that variant.
 *
 * The class test: every route so marked in app/routes (found by reading the route files, so a new
 * one is covered the day it is marked) is rendered, with the cache off, for two different people of
 * the same variant, and must come out the same but for the CSP nonce. A route that shows a person's
 * own data (a name, an e-mail, their own proposals) on a shared page fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_YEAR } from "../../app/cli/seed";
import { formPost, signIn } from "../support/http";
import { repoRoot, startServer, type RunningServer } from "../support/server";

const RESIDENT_A = { email: "mieszkaniec@demo.bo-gdynia.pl", password: "Demo-Mieszkaniec-2026" };
const RESIDENT_B = { email: "mieszkanka@demo.bo-gdynia.pl", password: "Demo-Mieszkaniec-2026" };
const ADMIN = { email: "admin@demo.bo-gdynia.pl", password: "Demo-Admin-2026" };

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1] ?? null;

async function get(srv: RunningServer, path: string, cookie?: string) {
  const r = await fetch(srv.baseURL + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
  const body = await r.text();
  const nonce = nonceOf(r.headers.get("content-security-policy"));
  return { status: r.status, cache: r.headers.get("x-page-cache"), cacheControl: r.headers.get("cache-control"), body, page: nonce ? body.replaceAll(nonce, "NONCE") : body };
}

/** Both residents follow nothing, so they are of one variant (same roles, same follows). */
function sameVariant(dbPath: string): { names: string[]; emails: string[] } {
  const sqlite = new Database(dbPath);
  try {
    const people = sqlite.prepare("select id, email, display_name as name from users where email in (?, ?)").all(RESIDENT_A.email, RESIDENT_B.email) as { id: string; email: string; name: string }[];
    expect(people).toHaveLength(2);
    for (const p of people) sqlite.prepare("delete from follows where user_id = ?").run(p.id);
    const roles = people.map((p) => (sqlite.prepare("select role || '@' || scope as r from user_roles where user_id = ? order by r").all(p.id) as { r: string }[]).map((x) => x.r).join(","));
    expect(roles[0]).toBe(roles[1]);
    return { names: people.map((p) => p.name), emails: people.map((p) => p.email) };
  } finally {
    sqlite.close();
  }
}

/** The URL paths of the routes marked `signedIn: "shared"`, with a demo value for each parameter. */
async function sharedRoutePaths(srv: RunningServer): Promise<string[]> {
  const dir = join(repoRoot, "app", "routes");
  const marked = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && /signedIn:\s*"shared"/.test(readFileSync(join(dir, f), "utf8")));
  const realizacja = /href="\/realizacje\/([A-Za-z0-9_-]+)"/.exec((await get(srv, "/realizacje")).body)?.[1];
  const values: Record<string, string | undefined> = { slug: "oksywie", kind: "youth", year: String(DEMO_YEAR), id: realizacja };
  return marked.map((file) => {
    const segments = file
      .replace(/\.tsx?$/, "")
      .split(".")
      .filter((s) => s !== "_index")
      .map((s) => {
        if (!s.startsWith("$")) return s.replace(/_$/, "");
        const value = values[s.slice(1)];
        if (!value) throw new Error(`${file}: no demo value for the parameter ${s}; add one to this test`);
        return value;
      });
    return `/${segments.join("/")}`;
  });
}

describe("signed-in copies of shared pages, rendered for two people of one variant", () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer({ PAGE_CACHE_TTL_MS: "0" });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it("are the same page on every route marked signedIn: shared, and name neither person", async () => {
    const who = sameVariant(srv.dbPath);
    const a = await signIn(srv.baseURL, RESIDENT_A.email, RESIDENT_A.password);
    const b = await signIn(srv.baseURL, RESIDENT_B.email, RESIDENT_B.password);
    const paths = await sharedRoutePaths(srv);
    expect(paths.length).toBeGreaterThanOrEqual(15);
    for (const path of paths) {
      const [pa, pb] = [await get(srv, path, a), await get(srv, path, b)];
      expect(pa.status, path).toBe(200);
      expect(pb.status, path).toBe(200);
      // really the signed-in page: the header offers the account, not the sign-in button
      if (pa.body.includes("<header")) expect(pa.body, path).toContain('href="/account"');
      expect(pb.page, `${path} differs between two people of one variant`).toBe(pa.page);
      for (const s of [...who.names, ...who.emails]) expect(pa.body, `${path} names ${s}`).not.toContain(s);
    }
  });
});

describe("the page cache with signed-in visitors", () => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer({ PAGE_CACHE_TTL_MS: "600000" });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it("shares a copy between people of one variant, keeps roles and follows apart, and forgets at a follow", async () => {
    sameVariant(srv.dbPath);
    const a = await signIn(srv.baseURL, RESIDENT_A.email, RESIDENT_A.password);
    const b = await signIn(srv.baseURL, RESIDENT_B.email, RESIDENT_B.password);
    const admin = await signIn(srv.baseURL, ADMIN.email, ADMIN.password);
    const path = "/districts/oksywie";

    const anonymous = await get(srv, path);
    const first = await get(srv, path, a);
    const second = await get(srv, path, b);
    expect([anonymous.cache, first.cache, second.cache]).toEqual(["miss", "miss", "hit"]);
    expect(second.page).toBe(first.page);
    // signed in, the page offers "follow" as a form; anonymous, a sign-in link; never the other's copy
    expect(first.body).toContain('action="/follow"');
    expect(anonymous.body).not.toContain('action="/follow"');
    // the browser is still told not to keep a signed-in page, stored here or not
    expect(first.cacheControl).toBe("private, no-store");
    expect(second.cacheControl).toBe("private, no-store");

    // another role, another copy: the administrator's header links to the administration
    const adminPage = await get(srv, path, admin);
    expect(adminPage.cache).toBe("miss");
    expect(adminPage.body).toContain('href="/admin"');
    expect(first.body).not.toContain('href="/admin"');

    // A follows the district: a write, so the stored copies go; A now sees "stop following", B does not
    const districtId = /name="id" value="([^"]+)"/.exec(first.body)?.[1];
    expect(districtId).toBeTruthy();
    const followed = await formPost(srv.baseURL, "/follow", { intent: "follow", kind: "district", id: districtId!, back: path }, a);
    expect(followed.status).toBe(302);
    const aAfter = await get(srv, path, a);
    const bAfter = await get(srv, path, b);
    expect(aAfter.cache).toBe("miss");
    expect(aAfter.body).toContain('value="unfollow"');
    expect(bAfter.body).toContain('value="follow"');
    expect(bAfter.body).not.toContain('value="unfollow"');
    expect((await get(srv, path, b)).cache).toBe("hit");
  });

  it("renders, never shares, for a session that is not valid, and for pages not marked shared", async () => {
    const forged = await get(srv, "/districts/oksywie", "bo_session=not-a-session");
    expect(forged.cache).toBe("bypass");
    expect(forged.body).not.toContain('action="/follow"');
    const a = await signIn(srv.baseURL, RESIDENT_A.email, RESIDENT_A.password);
    // the proposals pages show a person's own support and authorship: not shared
    const city = await get(srv, "/city");
    const proposal = /href="(\/proposals\/[A-Za-z0-9_-]+)"/.exec(city.body)?.[1];
    expect(proposal).toBeTruthy();
    expect((await get(srv, proposal!, a)).cache).toBe("bypass");
    // another cookie beside the session: the request goes to the application
    expect((await get(srv, "/districts/oksywie", `${a}; bo_vote=x`)).cache).toBe("bypass");
  });
});
