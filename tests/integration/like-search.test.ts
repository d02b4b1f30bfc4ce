/**
 * Searches that contain LIKE's wildcards (`%`, `_`) or a backslash find them literally, on SQLite
 * and PostgreSQL alike (SQLite has no default LIKE escape character; db/like.ts says it explicitly).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "~/data/audit.server";
import { listPublicProposals } from "~/data/proposals.server";
import { listUsers } from "~/data/users.server";
import { searchText } from "~/domain/proposals";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
const NOW = "2026-11-22T10:00:00.000Z";
beforeAll(async () => {
  t = await createTestDb({ seed: true, now: new Date(NOW), phase: "final_list" });
  for (const [id, email, name] of [
    ["usr_like_1", "ann_lee@example.org", "Ann Lee"],
    ["usr_like_2", "annxlee@example.org", "Ann X"],
    ["usr_like_3", "back\\slash@example.org", "Zniżka 100%"],
    ["usr_like_4", "plain@example.org", "Zniżka 1000"],
  ] as const) {
    await t.db.insertInto("users").values({ id, email, email_verified_at: NOW, password_hash: null, display_name: name, locale: "pl", created_at: NOW, deleted_at: null }).execute();
  }
});
afterAll(async () => t.cleanup());

describe("search with wildcard characters", () => {
  it("finds users by a literal _, % or backslash, and still by plain substrings", async () => {
    const emails = async (q: string) => (await listUsers(t.db, { q, limit: 50 })).map((u) => u.email).sort();
    expect(await emails("ann_")).toEqual(["ann_lee@example.org"]);
    expect(await emails("100%")).toEqual(["back\\slash@example.org"]);
    expect(await emails("k\\s")).toEqual(["back\\slash@example.org"]);
    expect(await emails("LEE@")).toEqual(["ann_lee@example.org", "annxlee@example.org"]);
  });

  it("filters the audit log by a literal _ in the actor's address", async () => {
    await t.db
      .insertInto("audit_log")
      .values([
        { id: `${NOW}-a`, at: NOW, actor_user_id: "usr_like_1", actor_role: "admin", action: "test.like", object_type: "user", object_id: "x", before_json: null, after_json: null, reason: null },
        { id: `${NOW}-b`, at: NOW, actor_user_id: "usr_like_2", actor_role: "admin", action: "test.like", object_type: "user", object_id: "y", before_json: null, after_json: null, reason: null },
      ])
      .execute();
    const rows = await listAudit(t.db, { action: "test.like", actor: "ann_" }, 10);
    expect(rows.map((r) => r.objectId)).toEqual(["x"]);
  });

  it("searches proposals for a literal %", async () => {
    const pools = (await t.db.selectFrom("proposals").select("pool_id").where("status", "=", "accepted").distinct().execute()).map((p) => p.pool_id);
    const target = await t.db.selectFrom("proposals").select(["id", "title"]).where("status", "=", "accepted").orderBy("id").executeTakeFirstOrThrow();
    await t.db.updateTable("proposals").set({ search_text: searchText(target.title, "rabat 15% dla seniorów") }).where("id", "=", target.id).execute();
    expect((await listPublicProposals(t.db, pools, { q: "15%" })).map((p) => p.id)).toEqual([target.id]);
    expect((await listPublicProposals(t.db, pools, { q: "1_%" })).map((p) => p.id)).toEqual([]);
  });
});
