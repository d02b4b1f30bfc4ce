/**
 * Without PUBLIC_ORIGIN (development), links in e-mails point at http://localhost:PORT, never at
 * the Host a request names: POST /forgot-password with Host: evil.example used to mail a reset link
 * to evil.example.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listOutbox } from "~/data/outbox.server";
import { closeDatabase } from "~/db.server";
import { signUp, verifyEmail } from "~/services/accounts.server";
import { action as forgotPassword } from "~/routes/forgot-password";
import { action as signUpAction } from "~/routes/signup";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  vi.stubEnv("DATABASE_URL", t.path);
  vi.stubEnv("PUBLIC_ORIGIN", undefined);
  vi.stubEnv("PORT", "3999");
});
afterAll(async () => {
  await closeDatabase();
  vi.unstubAllEnvs();
  await t?.cleanup();
});

const evilPost = (path: string, fields: Record<string, string>) =>
  new Request(`http://evil.example${path}`, {
    method: "POST",
    headers: { Host: "evil.example", Origin: "http://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

describe("e-mail links without PUBLIC_ORIGIN", () => {
  it("sign-up and reset mails link to localhost:PORT, not to the request's Host", async () => {
    await signUpAction({ request: evilPost("/signup", { email: "dev@example.pl", displayName: "Dev", password: "bardzo-dlugie-haslo", acceptPrivacy: "on" }), params: {}, context: { clientIp: "192.0.2.9" } });
    const [verify] = await listOutbox(t.db, { to: "dev@example.pl", limit: 1 });
    expect(verify!.body).toMatch(/http:\/\/localhost:3999\/verify-email\?token=/);
    const token = verify!.body.match(/token=([A-Za-z0-9_-]+)/)![1]!;
    expect((await verifyEmail(t.db, token)).ok).toBe(true);

    await forgotPassword({ request: evilPost("/forgot-password", { email: "dev@example.pl" }), params: {}, context: { clientIp: "192.0.2.9" } });
    const [reset] = await listOutbox(t.db, { to: "dev@example.pl", limit: 1 });
    expect(reset!.body).toMatch(/http:\/\/localhost:3999\/reset-password\?token=/);
    for (const m of await listOutbox(t.db, { limit: 10 })) expect(m.body).not.toContain("evil.example");
    // services take the origin as a plain input
    await signUp(t.db, { email: "svc@example.pl", displayName: "Svc", password: "bardzo-dlugie-haslo", locale: "pl" }, "https://bo.example");
    expect((await listOutbox(t.db, { to: "svc@example.pl", limit: 1 }))[0]!.body).toContain("https://bo.example/verify-email?token=");
  });
});
