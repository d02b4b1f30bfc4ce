import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLucia } from "~/auth/lucia.server";
import { sha256 } from "~/auth/crypto.server";
import { listAudit } from "~/data/audit.server";
import { listOutbox } from "~/data/outbox.server";
import { checkCredentials, deleteAccount, exportUserData, requestPasswordReset, resetPassword, signUp, verifyEmail } from "~/services/accounts.server";
import { changeRole } from "~/services/roles.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
const ORIGIN = "http://bo.test";
beforeAll(async () => {
  t = await createTestDb({ seed: true }); // seeded: the deletion test needs proposals to be co-author of
});
afterAll(async () => t.cleanup());

/** The token in the newest mail to `to` (as a resident would click it). */
async function tokenFromMail(to: string, path: "verify-email" | "reset-password"): Promise<string> {
  const re = new RegExp(`${ORIGIN}/${path}\\?token=([A-Za-z0-9_-]+)`);
  const mails = await listOutbox(t.db, { to, limit: 50 });
  const m = mails
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((x) => x.body.match(re))
    .find(Boolean);
  if (!m) throw new Error(`no ${path} link in mail to ${to}`);
  return m[1]!;
}

async function registeredUser(email: string, password = "bardzo-dlugie-haslo") {
  await signUp(t.db, { email, displayName: "Test", password, locale: "pl" }, ORIGIN);
  const v = await verifyEmail(t.db, await tokenFromMail(email, "verify-email"));
  if (!v.ok) throw new Error(v.reason);
  return v.userId;
}

describe("sign-up and e-mail verification", () => {
  it("stores an argon2id hash, mails a link, and refuses sign-in until verified", async () => {
    await signUp(t.db, { email: "ala@example.pl", displayName: "Ala", password: "haslo-do-testu-1", locale: "uk" }, ORIGIN);
    const row = await t.db.selectFrom("users").selectAll().where("email", "=", "ala@example.pl").executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain("haslo-do-testu-1");
    expect(row.email_verified_at).toBeNull();
    const [mail] = await listOutbox(t.db, { to: "ala@example.pl", limit: 1 });
    expect(mail!.subject).toContain("Громадський бюджет"); // in the language the person used
    expect(await checkCredentials(t.db, "ala@example.pl", "haslo-do-testu-1")).toEqual({ ok: false, reason: "email_not_verified" });
  });

  it("stores only the hash of the verification token, and the link works once", async () => {
    const token = await tokenFromMail("ala@example.pl", "verify-email");
    const stored = await t.db.selectFrom("email_tokens").select("id").execute();
    expect(stored.map((s) => s.id)).toContain(sha256(token));
    expect(stored.map((s) => s.id)).not.toContain(token);
    const first = await verifyEmail(t.db, token);
    expect(first.ok).toBe(true);
    expect(await verifyEmail(t.db, token)).toEqual({ ok: false, reason: "token_used" });
    expect(await checkCredentials(t.db, "ala@example.pl", "haslo-do-testu-1")).toMatchObject({ ok: true });
  });

  it("does not reveal that an address is taken: same answer, a notice to the owner, no second account", async () => {
    const before = await t.db.selectFrom("users").select("id").execute();
    const r = await signUp(t.db, { email: "ala@example.pl", displayName: "Intruz", password: "inne-haslo-12345", locale: "pl" }, ORIGIN);
    expect(r).toEqual({ ok: true });
    expect(await t.db.selectFrom("users").select("id").execute()).toHaveLength(before.length);
    const [mail] = await listOutbox(t.db, { to: "ala@example.pl", limit: 1 });
    expect(mail!.body).toContain(`${ORIGIN}/signin`);
    expect(await checkCredentials(t.db, "ala@example.pl", "inne-haslo-12345")).toEqual({ ok: false, reason: "credentials_invalid" });
  });

  it("refuses an expired verification link", async () => {
    await signUp(t.db, { email: "late@example.pl", displayName: "Late", password: "haslo-do-testu-1", locale: "pl" }, ORIGIN, new Date("2026-01-01T00:00:00Z"));
    const token = await tokenFromMail("late@example.pl", "verify-email");
    expect(await verifyEmail(t.db, token, new Date("2026-01-03T00:00:01Z"))).toEqual({ ok: false, reason: "token_expired" });
  });

  it("gives the same refusal for an unknown address and a wrong password", async () => {
    expect(await checkCredentials(t.db, "nobody@example.pl", "whatever-123")).toEqual({ ok: false, reason: "credentials_invalid" });
    expect(await checkCredentials(t.db, "ala@example.pl", "wrong-password")).toEqual({ ok: false, reason: "credentials_invalid" });
  });
});

describe("password reset", () => {
  it("is single-use, signs out every session, and says nothing for unknown addresses", async () => {
    const userId = await registeredUser("reset@example.pl", "stare-haslo-12345");
    const lucia = createLucia(t.db, false);
    await lucia.createSession(userId, {});
    await lucia.createSession(userId, {});
    await requestPasswordReset(t.db, "reset@example.pl", "pl", ORIGIN);
    const mailsBefore = (await listOutbox(t.db, { limit: 500 })).length;
    await requestPasswordReset(t.db, "unknown@example.pl", "pl", ORIGIN);
    expect((await listOutbox(t.db, { limit: 500 })).length).toBe(mailsBefore);

    const token = await tokenFromMail("reset@example.pl", "reset-password");
    expect((await resetPassword(t.db, token, "nowe-haslo-12345")).ok).toBe(true);
    expect(await resetPassword(t.db, token, "jeszcze-inne-123")).toEqual({ ok: false, reason: "token_used" });
    expect(await t.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).toHaveLength(0);
    expect(await checkCredentials(t.db, "reset@example.pl", "stare-haslo-12345")).toMatchObject({ ok: false });
    expect(await checkCredentials(t.db, "reset@example.pl", "nowe-haslo-12345")).toMatchObject({ ok: true });
  });

  it("expires after an hour, and a newer link replaces the older one", async () => {
    await registeredUser("expiry@example.pl");
    const t0 = new Date("2026-05-01T10:00:00Z");
    await requestPasswordReset(t.db, "expiry@example.pl", "pl", ORIGIN, t0);
    const old = await tokenFromMail("expiry@example.pl", "reset-password");
    expect(await resetPassword(t.db, old, "nowe-haslo-12345", new Date("2026-05-01T11:00:01Z"))).toEqual({ ok: false, reason: "token_expired" });
    await requestPasswordReset(t.db, "expiry@example.pl", "pl", ORIGIN, new Date("2026-05-01T12:00:00Z"));
    const fresh = await tokenFromMail("expiry@example.pl", "reset-password");
    await requestPasswordReset(t.db, "expiry@example.pl", "pl", ORIGIN, new Date("2026-05-01T12:01:00Z"));
    expect(await resetPassword(t.db, fresh, "nowe-haslo-12345", new Date("2026-05-01T12:02:00Z"))).toEqual({ ok: false, reason: "token_used" });
  });
});

describe("sessions (lucia through Kysely)", () => {
  it("stores only hashed ids, validates, and forgets an expired session", async () => {
    const userId = await registeredUser("session@example.pl");
    const lucia = createLucia(t.db, false);
    const session = await lucia.createSession(userId, {});
    const stored = await t.db.selectFrom("sessions").select(["id", "expires_at"]).where("user_id", "=", userId).execute();
    expect(stored.map((s) => s.id)).toEqual([sha256(session.id)]);
    const ok = await lucia.validateSession(session.id);
    expect(ok.user?.email).toBe("session@example.pl");
    // eight hours without activity
    await t.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("user_id", "=", userId).execute();
    const expired = await lucia.validateSession(session.id);
    expect(expired.session).toBeNull();
    expect(await t.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).toHaveLength(0);
  });

  it("cookie is HttpOnly, SameSite=Lax, and Secure in production", () => {
    expect(createLucia(t.db, true).createSessionCookie("abc").serialize()).toMatch(/HttpOnly.*|.*Secure.*/);
    const prod = createLucia(t.db, true).createSessionCookie("abc").serialize();
    expect(prod).toContain("HttpOnly");
    expect(prod).toContain("Secure");
    expect(prod).toMatch(/SameSite=Lax/i);
    expect(createLucia(t.db, false).createSessionCookie("abc").serialize()).not.toContain("Secure");
  });
});

describe("data export and account deletion", () => {
  it("exports the person's own data and nothing of others", async () => {
    const a = await registeredUser("export-a@example.pl");
    await registeredUser("export-b@example.pl");
    const data = await exportUserData(t.db, a);
    const text = JSON.stringify(data);
    expect(data?.account.email).toBe("export-a@example.pl");
    expect(text).not.toContain("export-b@example.pl");
    expect(text).not.toContain("argon2");
    expect(data?.activity.map((x) => x.action)).toEqual(["account.sign_up", "account.verify_email"]);
  });

  it("deletes personal data and the account row, and needs the password", async () => {
    const id = await registeredUser("gone@example.pl", "haslo-usuwane-1");
    // a co-authorship (accepted) and an invitation (pending) that name this person
    const author = await registeredUser("author-of-two@example.pl");
    const proposals = await t.db.selectFrom("proposals").select("id").limit(2).execute();
    const at = new Date().toISOString();
    await t.db
      .insertInto("proposal_coauthors")
      .values([
        { proposal_id: proposals[0]!.id, email: "gone@example.pl", user_id: id, invited_by: author, invited_at: at, accepted_at: at, token_hash: null, declined_at: null },
        { proposal_id: proposals[1]!.id, email: "gone@example.pl", user_id: null, invited_by: author, invited_at: at, accepted_at: null, token_hash: "x".repeat(43), declined_at: null },
        { proposal_id: proposals[1]!.id, email: "someone-else@example.pl", user_id: null, invited_by: author, invited_at: at, accepted_at: null, token_hash: "y".repeat(43), declined_at: null },
      ])
      .execute();
    expect(await deleteAccount(t.db, id, "zle-haslo")).toEqual({ ok: false, reason: "password_wrong" });
    expect(await deleteAccount(t.db, id, "haslo-usuwane-1")).toEqual({ ok: true });
    // the row goes too: what the person did now points at an anonymous stand-in (see personal-data.test.ts)
    expect(await t.db.selectFrom("users").select("id").where("id", "=", id).execute()).toEqual([]);
    expect(await listOutbox(t.db, { to: "gone@example.pl", limit: 10 })).toEqual([]);
    expect(await checkCredentials(t.db, "gone@example.pl", "haslo-usuwane-1")).toMatchObject({ ok: false });
    expect(await exportUserData(t.db, id)).toBeNull();
    const coauthors = await t.db.selectFrom("proposal_coauthors").select(["email", "user_id"]).execute();
    expect(coauthors.filter((c) => c.email === "gone@example.pl" || c.user_id === id)).toEqual([]);
    expect(coauthors.map((c) => c.email)).toContain("someone-else@example.pl");
    // the address is free again
    await signUp(t.db, { email: "gone@example.pl", displayName: "Nowa", password: "haslo-do-testu-2", locale: "pl" }, ORIGIN);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "gone@example.pl").execute()).toHaveLength(1);
  });
});

describe("roles", () => {
  it("grants and revokes with an audit row each, and refuses what the rule refuses", async () => {
    const adminId = await registeredUser("boss@example.pl");
    await t.db.insertInto("user_roles").values({ user_id: adminId, role: "admin", scope: "*", granted_by: null, granted_at: new Date().toISOString() }).execute();
    const admin = { id: adminId, roles: [{ role: "admin" as const, scope: "*" as const }] };
    const target = await registeredUser("clerk@example.pl");

    expect(await changeRole(t.db, admin, { kind: "grant", userId: target, role: "official", scope: "bo", reason: "nowy etat" })).toEqual({ ok: true });
    expect(await changeRole(t.db, admin, { kind: "grant", userId: target, role: "official", scope: "bo" })).toEqual({ ok: false, reason: "role_already_granted" });
    expect(await changeRole(t.db, admin, { kind: "revoke", userId: adminId, role: "admin", scope: "*" })).toEqual({ ok: false, reason: "cannot_revoke_own_admin" });
    expect(await changeRole(t.db, { id: target, roles: [] }, { kind: "grant", userId: target, role: "admin", scope: "*" })).toEqual({ ok: false, reason: "not_allowed" });
    expect(await changeRole(t.db, admin, { kind: "revoke", userId: target, role: "official", scope: "bo" })).toEqual({ ok: true });

    const log = await listAudit(t.db, { objectType: "user", action: undefined }, 100);
    const mine = log.filter((r) => r.objectId === target && r.action.startsWith("role."));
    expect(mine.map((r) => r.action)).toEqual(["role.revoke", "role.grant"]);
    expect(mine[1]).toMatchObject({ actorEmail: "boss@example.pl", actorRole: "admin", reason: "nowy etat" });
    expect(JSON.parse(mine[1]!.after!)).toEqual([{ role: "official", scope: "bo" }]);
    expect(await t.db.selectFrom("user_roles").select("role").where("user_id", "=", target).execute()).toEqual([]);
  });
});
