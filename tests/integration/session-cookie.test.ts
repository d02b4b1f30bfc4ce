/**
 * The session cookie is a browser-session cookie (no Max-Age, no Expires), read from the real
 * Set-Cookie header of the sign-in action; the server ends a session after the idle time and, at
 * the latest, SESSION_MAX_DAYS after sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, sha256 } from "~/auth/crypto.server";
import { createLucia, SESSION_COOKIE } from "~/auth/lucia.server";
import { SESSION_IDLE_HOURS, SESSION_MAX_DAYS } from "~/domain/retention";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
const USER = "usr_cookie_test";
beforeAll(async () => {
  t = await createTestDb();
  process.env.DATABASE_URL = t.path; // the route's db() opens this database
  await t.db
    .insertInto("users")
    .values({ id: USER, email: "ciastko@example.pl", email_verified_at: "2026-01-01T00:00:00.000Z", password_hash: await hashPassword("haslo-do-ciastka-1"), display_name: "Ciastko", locale: "pl", created_at: "2026-01-01T00:00:00.000Z", deleted_at: null })
    .execute();
});
afterAll(async () => {
  const { closeDatabase } = await import("~/db.server");
  await closeDatabase();
  await t.cleanup();
});

describe("session cookie", () => {
  it("signing in sets a cookie that lives until the browser closes", async () => {
    const { action } = await import("~/routes/signin");
    const body = new URLSearchParams({ email: "ciastko@example.pl", password: "haslo-do-ciastka-1" });
    const request = new Request("http://bo.test/signin", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const res = (await action({ request, params: {}, context: {} })) as Response;
    expect(res.status).toBe(302);
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[a-z0-9]+;`));
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toMatch(/Max-Age/i);
    expect(cookie).not.toMatch(/Expires/i);
    // …while the server side ends it after the idle time
    const row = await t.db.selectFrom("sessions").select(["created_at", "expires_at"]).where("user_id", "=", USER).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBeLessThanOrEqual(SESSION_IDLE_HOURS * 3600_000 + 1000);
  });

  it("the blank cookie on sign-out still deletes it at once", () => {
    expect(createLucia(t.db, true).createBlankSessionCookie().serialize()).toContain("Max-Age=0");
  });

  it("ends a session SESSION_MAX_DAYS after sign-in even while it is in use", async () => {
    const lucia = createLucia(t.db, false);
    const session = await lucia.createSession(USER, {});
    expect((await lucia.validateSession(session.id)).user?.id).toBe(USER);
    // signed in just over the maximum ago, active a minute ago (sliding expiry still in the future)
    const signedIn = new Date(Date.now() - SESSION_MAX_DAYS * 24 * 3600_000 - 60_000).toISOString();
    await t.db.updateTable("sessions").set({ created_at: signedIn }).where("id", "=", sha256(session.id)).execute();
    expect(await lucia.validateSession(session.id)).toEqual({ session: null, user: null });
    expect(await t.db.selectFrom("sessions").select("id").where("id", "=", sha256(session.id)).execute()).toEqual([]);
  });

  it("a sliding extension never goes past the absolute end", async () => {
    const lucia = createLucia(t.db, false);
    const session = await lucia.createSession(USER, {});
    // signed in almost SESSION_MAX_DAYS ago and idle for more than half the idle time: validation extends it
    const signedIn = new Date(Date.now() - SESSION_MAX_DAYS * 24 * 3600_000 + 3600_000);
    await t.db
      .updateTable("sessions")
      .set({ created_at: signedIn.toISOString(), expires_at: new Date(Date.now() + 60_000).toISOString() })
      .where("id", "=", sha256(session.id))
      .execute();
    expect((await lucia.validateSession(session.id)).session).not.toBeNull();
    const row = await t.db.selectFrom("sessions").select("expires_at").where("id", "=", sha256(session.id)).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at)).toBeLessThanOrEqual(signedIn.getTime() + SESSION_MAX_DAYS * 24 * 3600_000);
  });
});
