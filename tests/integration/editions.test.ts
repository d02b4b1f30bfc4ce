import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPublishedResults } from "~/data/results.server";
import { carryOver } from "~/services/carry-over.server";
import { createTestDb, type TestDb } from "../support/db";
import { repoRoot } from "../support/server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true });
});
afterAll(async () => t.cleanup());

const tsx = (args: string[]) =>
  execFileSync(process.execPath, [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), join(repoRoot, "app/cli/editions.ts"), ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: t.path },
  });

describe("archived editions from Pabulib files (command line)", () => {
  it("adds a district pool of a real election to an archive, with its real results", async () => {
    const file = join(repoRoot, "tests/fixtures/pabulib/Poland_Gdynia_2021_Babie_Doly__small.pb");
    expect(tsx(["import", file, "--year", "2021", "--pool", "district_small", "--district", "babie-doly"])).toContain("Imported");
    expect(tsx(["import", file, "--year", "2021", "--pool", "district_small", "--district", "babie-doly"])).toContain("nothing changed");
    const edition = await t.db.selectFrom("editions").select(["id", "status"]).where("year", "=", 2021).executeTakeFirstOrThrow();
    expect(edition.status).toBe("archived");
    const [pool] = await listPublishedResults(t.db, edition.id);
    expect(pool).toMatchObject({ kind: "district_small", districtName: "Babie Doły", voters: 516 });
    expect(pool!.rows.filter((r) => r.selected).length).toBeGreaterThan(0);
  });
});

describe("carrying unspent money into the next edition", () => {
  it("moves each published pool's leftover to the matching pool, once, with an audit row", async () => {
    // a 2027 edition with the same city pool as 2025 (the archive) has
    await t.db.insertInto("editions").values({ id: "ed_2027", year: 2027, status: "draft", source: null, created_at: new Date().toISOString() }).execute();
    await t.db
      .insertInto("programmes")
      .values({ id: "ed_2027_bo", edition_id: "ed_2027", kind: "bo", moderation: "officials", min_age: null, max_age: null, guardian_below_age: null, supports_required: 0, position: 0 })
      .execute();
    await t.db
      .insertInto("pools")
      .values({ id: "pool_2027_city", programme_id: "ed_2027_bo", district_id: null, kind: "city", budget_grosze: 100_000_00, max_project_cost_grosze: null, ballot_rule: "{}", selection_rule: "{}", position: 0 })
      .execute();
    const [archived] = await listPublishedResults(t.db, "ed_2025");
    const left = archived!.budgetGrosze - archived!.spentGrosze;
    expect(left).toBeGreaterThan(0);
    const r = await carryOver(t.db, 2025, 2027, { userId: null, role: "cli" });
    expect(r).toEqual({ ok: true, moved: [{ poolId: "pool_2027_city", grosze: left }], unmatched: [] });
    const pool = await t.db.selectFrom("pools").select(["budget_grosze", "carried_over_grosze"]).where("id", "=", "pool_2027_city").executeTakeFirstOrThrow();
    expect(Number(pool.budget_grosze)).toBe(100_000_00 + left);
    expect(Number(pool.carried_over_grosze)).toBe(left);
    expect(await carryOver(t.db, 2025, 2027, { userId: null, role: "cli" })).toEqual({ ok: false, reason: "already_carried" });
    // the current edition is not published yet
    expect(await carryOver(t.db, 2026, 2027, { userId: null, role: "cli" })).toEqual({ ok: false, reason: "not_published" });
    expect(await carryOver(t.db, 2019, 2027, { userId: null, role: "cli" })).toEqual({ ok: false, reason: "edition_missing" });
  });
});
