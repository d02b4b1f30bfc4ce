/**
 * Group commit (app/data/group-commit.server.ts) on a real database built by the migrations: writes
 * queued together share transactions, a failing write is rolled back alone, and every caller learns
 * its own outcome. (That nothing is acknowledged before the commit is what the crash tests check:
 * every acknowledged ballot survives SIGKILL.)
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { groupCommitStats, inGroupCommit } from "~/data/group-commit.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

const addDistrict = (id: string) => (trx: Parameters<Parameters<typeof inGroupCommit>[1]>[0]) =>
  trx.insertInto("districts").values({ id, slug: id, name: `Dzielnica ${id}`, population: 1, area_ha: 1, position: 1 }).execute();

const districtIds = async (prefix: string) =>
  (await t.db.selectFrom("districts").select("id").where("id", "like", `${prefix}%`).execute()).map((r) => r.id).sort();

it("writes many concurrent jobs in fewer transactions than jobs, all committed", async () => {
  const before = groupCommitStats(t.db);
  const ids = Array.from({ length: 40 }, (_, i) => `gc_a_${String(i).padStart(2, "0")}`);
  await Promise.all(ids.map((id) => inGroupCommit(t.db, addDistrict(id))));
  const after = groupCommitStats(t.db);
  expect(await districtIds("gc_a_")).toEqual(ids);
  expect(after.jobs - before.jobs).toBe(40);
  expect(after.batches - before.batches).toBeLessThan(40);
  expect(after.largestBatch).toBeGreaterThan(1);
});

it("rolls back a failing job alone and tells only its caller", async () => {
  await inGroupCommit(t.db, addDistrict("gc_b_taken"));
  const results = await Promise.allSettled([
    inGroupCommit(t.db, addDistrict("gc_b_1")),
    // the second insert of this job breaks the primary key: its first insert must go too
    inGroupCommit(t.db, async (trx) => {
      await addDistrict("gc_b_half")(trx);
      await addDistrict("gc_b_taken")(trx);
    }),
    inGroupCommit(t.db, addDistrict("gc_b_2")),
  ]);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  expect(await districtIds("gc_b_")).toEqual(["gc_b_1", "gc_b_2", "gc_b_taken"]);
});

it("returns each job's own value", async () => {
  const values = await Promise.all([1, 2, 3].map((n) => inGroupCommit(t.db, async (trx) => {
    await addDistrict(`gc_c_${n}`)(trx);
    return n * 10;
  })));
  expect(values).toEqual([10, 20, 30]);
});
