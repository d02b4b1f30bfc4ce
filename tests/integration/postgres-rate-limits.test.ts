/**
 * With PostgreSQL, rate limits live in the shared `rate_limits` table: two app nodes (two separate
 * connection pools here) count against one limit, and a reset on one node is seen by the other.
 * On SQLite the limits are per process, in memory (checked too).
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "../../db/client";
import { createLimit, RATE_LIMIT_TABLE } from "~/auth/rate-limit.server";
import { createTestDb, onPostgres, type TestDb } from "../support/db";

describe.runIf(onPostgres)("rate limits shared through PostgreSQL", () => {
  let t: TestDb;
  let other: OpenedDb;
  beforeAll(async () => {
    t = await createTestDb();
    other = openDatabase(t.path); // a second "node": its own pool on the same database
  });
  afterAll(async () => {
    await other.close();
    await t.cleanup();
  });

  it("two nodes spend the same points, and a reset on one frees the key on both", async () => {
    const nodeA = createLimit("test_signin", 3, 60, () => ({ kind: "postgres", pool: t.pool! }));
    const nodeB = createLimit("test_signin", 3, 60, () => ({ kind: "postgres", pool: other.pool! }));
    expect(await nodeA.consume("ip:203.0.113.7")).toEqual({ ok: true });
    expect(await nodeB.consume("ip:203.0.113.7")).toEqual({ ok: true });
    expect(await nodeA.consume("ip:203.0.113.7")).toEqual({ ok: true });
    const refused = await nodeB.consume("ip:203.0.113.7");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterS).toBeGreaterThan(0);
    expect((await nodeA.isBlocked("ip:203.0.113.7")).ok).toBe(false);
    expect(await nodeB.consume("ip:198.51.100.1")).toEqual({ ok: true }); // other keys unaffected

    const rows = await sql<{ key: string; points: number }>`select key, points from ${sql.table(RATE_LIMIT_TABLE)} order by key`.execute(t.db);
    expect(rows.rows.find((r) => r.key === "test_signin:ip:203.0.113.7")?.points).toBe(4);

    await nodeB.reset("ip:203.0.113.7");
    expect(await nodeA.isBlocked("ip:203.0.113.7")).toEqual({ ok: true });
    expect(await nodeA.consume("ip:203.0.113.7")).toEqual({ ok: true });
  });

  it("keeps different limits apart, even with the same key", async () => {
    const strict = createLimit("test_reset", 1, 60, () => ({ kind: "postgres", pool: t.pool! }));
    const loose = createLimit("test_comments", 5, 60, () => ({ kind: "postgres", pool: t.pool! }));
    expect(await strict.consume("usr_1")).toEqual({ ok: true });
    expect((await strict.consume("usr_1")).ok).toBe(false);
    expect(await loose.consume("usr_1")).toEqual({ ok: true });
  });
});

describe.skipIf(onPostgres)("rate limits with SQLite", () => {
  it("count in memory, per process", async () => {
    const a = createLimit("test_mem", 2, 60, () => ({ kind: "memory" }));
    const b = createLimit("test_mem", 2, 60, () => ({ kind: "memory" }));
    expect(await a.consume("k")).toEqual({ ok: true });
    expect(await a.consume("k")).toEqual({ ok: true });
    expect((await a.consume("k")).ok).toBe(false);
    expect(await b.consume("k")).toEqual({ ok: true }); // another process would not see a's count
  });
});
