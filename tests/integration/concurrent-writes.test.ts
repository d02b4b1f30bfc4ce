/**
 * Check-then-insert use cases under concurrency. SQLite runs one transaction at a time; on
 * PostgreSQL two requests (possibly on two app nodes) can both pass the check, and the unique index
 * stops the second insert. The answer must still be the ordinary one, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDeclaration } from "~/services/register.server";
import type { Actor } from "~/domain/permissions";
import { signUp } from "~/services/accounts.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
/** The demo official (scope '*'): may change the register and run voting points. */
const OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
beforeAll(async () => {
  t = await createTestDb({ seed: true, now: new Date("2026-11-22T10:00:00Z"), phase: "voting" });
});
afterAll(async () => t.cleanup());

describe("the same thing twice at the same moment", () => {
  it("two sign-ups with one address: one account, the same answer to both, the owner told once", async () => {
    const email = "bliźniaczka@example.org".normalize("NFC").toLowerCase();
    const input = { email, displayName: "Ola", password: "Bardzo-Dlugie-Haslo-2026", locale: "pl" as const };
    const results = await Promise.all([signUp(t.db, input, "http://localhost"), signUp(t.db, input, "http://localhost")]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const users = await t.db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(1);
    const mails = await t.db.selectFrom("outbox").select("subject").where("to_address", "=", email).execute();
    expect(mails).toHaveLength(2); // a verification link, and a notice that the address has an account
    expect(new Set(mails.map((m) => m.subject)).size).toBe(2);
  });

  it("two officials add the same in-person declaration: one voter, the other told it exists", async () => {
    const add = () => addDeclaration(t.db, { declarationId: "DEKL-2026-777", districtId: null, ageBand: "35-44" }, OFFICIAL);
    const results = await Promise.all([add(), add(), add()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: "declaration_exists" },
      { ok: false, reason: "declaration_exists" },
    ]);
    const voters = await t.db.selectFrom("voters").select("id").where("declaration_id", "=", "DEKL-2026-777").execute();
    expect(voters).toHaveLength(1);
  });
});
