/**
 * Password and token checks (#11): a wrong reset link costs no Argon2 (the token is looked up by
 * its hash first), and reset-password, verify-email and account deletion are rate limited, the
 * refusal saying when to try again. Routes are called with real Requests on a migrated database.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSession } from "~/auth/session.server";
import { listOutbox } from "~/data/outbox.server";
import { closeDatabase } from "~/db.server";
import { resetPassword, signUp, verifyEmail } from "~/services/accounts.server";
import * as deleteRoute from "~/routes/account.delete";
import * as forgotRoute from "~/routes/forgot-password";
import * as resetRoute from "~/routes/reset-password";
import * as verifyRoute from "~/routes/verify-email";
import { createTestDb, type TestDb } from "../support/db";

// counts Argon2 hashes (new passwords, and the dummy work for unknown accounts) without changing them
const argon = vi.hoisted(() => ({ hashes: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    hash: (...args: Parameters<typeof real.hash>) => {
      argon.hashes++;
      return real.hash(...args);
    },
  };
});

const PUBLIC = "https://bo.gdynia.test";
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  vi.stubEnv("DATABASE_URL", t.path); // the routes open the app's own handle on the same database
  vi.stubEnv("PUBLIC_ORIGIN", PUBLIC);
});
afterAll(async () => {
  await closeDatabase();
  vi.unstubAllEnvs();
  await t?.cleanup();
});

function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${PUBLIC}${path}`, {
    method: "POST",
    headers: { Origin: PUBLIC, "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}
type Handler = (args: ActionFunctionArgs) => unknown;
async function call(fn: Handler, request: Request, opts: { ip?: string } = {}): Promise<{ status: number; body: unknown }> {
  let r: unknown;
  try {
    r = await fn({ request, params: {}, context: { clientIp: opts.ip ?? "192.0.2.1" } });
  } catch (e) {
    r = e;
  }
  if (r instanceof Response) return { status: r.status, body: null };
  const wrapped = r as { type?: string; init?: { status?: number } | null; data?: unknown } | null;
  if (wrapped && typeof wrapped === "object" && wrapped.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data };
  return { status: 200, body: r };
}
const cookieOf = (setCookie: string) => setCookie.split(";")[0]!;
async function newestMail(to: string) {
  const [m] = await listOutbox(t.db, { to, limit: 1 });
  if (!m) throw new Error(`no mail to ${to}`);
  return m;
}
function tokenIn(body: string, path: string): string {
  const m = body.match(new RegExp(`/${path}\\?token=([A-Za-z0-9_-]{20,100})`));
  if (!m) throw new Error(`no ${path} link in: ${body}`);
  return m[1]!;
}

describe("password reset checks the link before hashing", () => {
  it("a wrong, used or expired link costs no Argon2; a good one hashes once", async () => {
    const before = argon.hashes;
    expect(await resetPassword(t.db, "a".repeat(43), "nowe-bardzo-dlugie-haslo")).toEqual({ ok: false, reason: "token_invalid" });
    expect(argon.hashes).toBe(before);

    await signUp(t.db, { email: "reset@example.pl", displayName: "Reset", password: "bardzo-dlugie-haslo", locale: "pl" }, PUBLIC);
    const verified = await verifyEmail(t.db, tokenIn((await newestMail("reset@example.pl")).body, "verify-email"));
    expect(verified.ok).toBe(true);
    await call(forgotRoute.action as Handler, post("/forgot-password", { email: "reset@example.pl" }), { ip: "198.51.100.2" });
    const token = tokenIn((await newestMail("reset@example.pl")).body, "reset-password");
    const expired = new Date(Date.now() + 2 * 3600_000);
    const counted = argon.hashes;
    expect(await resetPassword(t.db, token, "nowe-bardzo-dlugie-haslo", expired)).toEqual({ ok: false, reason: "token_expired" });
    expect(argon.hashes).toBe(counted);
    expect((await resetPassword(t.db, token, "nowe-bardzo-dlugie-haslo")).ok).toBe(true);
    expect(argon.hashes).toBe(counted + 1);
    expect(await resetPassword(t.db, token, "nowe-bardzo-dlugie-haslo")).toEqual({ ok: false, reason: "token_used" });
    expect(argon.hashes).toBe(counted + 1);
  });
});

describe("rate limits on every endpoint that checks a password or a token", () => {
  const refusal = (r: { body: unknown }) => JSON.stringify(r.body);

  it("reset-password: 10 tries per IP in 15 minutes, then 429 saying when to try again", async () => {
    const form = { token: "b".repeat(43), password: "nowe-bardzo-dlugie-haslo", passwordConfirm: "nowe-bardzo-dlugie-haslo" };
    for (let i = 0; i < 10; i++) expect((await call(resetRoute.action as Handler, post("/reset-password", form), { ip: "203.0.113.10" })).status).toBe(400);
    const refused = await call(resetRoute.action as Handler, post("/reset-password", form), { ip: "203.0.113.10" });
    expect(refused.status).toBe(429);
    expect(refusal(refused)).toMatch(/auth\.error\.rate_limited\?minutes=1[45]/);
    expect((await call(resetRoute.action as Handler, post("/reset-password", form), { ip: "203.0.113.11" })).status).toBe(400); // another IP
  });

  it("verify-email: 20 tries per IP in 15 minutes", async () => {
    const form = { token: "c".repeat(43) };
    for (let i = 0; i < 20; i++) expect((await call(verifyRoute.action as Handler, post("/verify-email", form), { ip: "203.0.113.20" })).status).toBe(400);
    const refused = await call(verifyRoute.action as Handler, post("/verify-email", form), { ip: "203.0.113.20" });
    expect(refused.status).toBe(429);
    expect(refusal(refused)).toContain("auth.error.rate_limited?minutes=");
  });

  it("account deletion: 5 password tries per person an hour; the 6th is refused even with the right password", async () => {
    await signUp(t.db, { email: "delete@example.pl", displayName: "Delete", password: "bardzo-dlugie-haslo", locale: "pl" }, PUBLIC);
    const v = await verifyEmail(t.db, tokenIn((await newestMail("delete@example.pl")).body, "verify-email"));
    if (!v.ok) throw new Error(v.reason);
    const cookie = cookieOf(await startSession(v.userId));
    for (let i = 0; i < 5; i++) {
      const r = await call(deleteRoute.action as Handler, post("/account/delete", { password: `zle-haslo-${i}`, confirm: "on" }, cookie));
      expect(r.status).toBe(400);
    }
    const refused = await call(deleteRoute.action as Handler, post("/account/delete", { password: "bardzo-dlugie-haslo", confirm: "on" }, cookie));
    expect(refused.status).toBe(429);
    expect(refusal(refused)).toContain("auth.error.rate_limited?minutes=");
    const row = await t.db.selectFrom("users").select(["email", "deleted_at"]).where("id", "=", v.userId).executeTakeFirstOrThrow();
    expect(row).toEqual({ email: "delete@example.pl", deleted_at: null });
  });
});
