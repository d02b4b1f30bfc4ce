import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Migrator, NO_MIGRATIONS } from "kysely";
import { migrationProvider } from "../../db/migrations/index";
import { BO_2026, seedDemo } from "../../app/cli/seed";
import { BallotRuleSchema, SelectionRuleSchema } from "~/domain/rules";
import { createTestDb, onPostgres, type TestDb } from "../support/db";

let t: TestDb;
const NOW = new Date("2026-11-22T10:00:00Z");

beforeAll(async () => {
  t = await createTestDb({ seed: true, now: NOW, phase: "final_list" });
});
afterAll(async () => t.cleanup());

const count = async (table: "districts" | "editions" | "pools" | "proposals" | "proposal_cost_items" | "pool_results") =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

/** The catalogue, read the engine's own way: sqlite_master / pragma, or information_schema on PostgreSQL. */
async function tableNames(db: TestDb): Promise<string[]> {
  if (db.kind === "postgres") {
    const r = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by table_name`.execute(db.db);
    return r.rows.map((x) => x.name);
  }
  return db
    .sqlite!.prepare("select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' order by name")
    .all()
    .map((r) => (r as { name: string }).name);
}

async function columnsOf(db: TestDb, table: string): Promise<string[]> {
  if (db.kind === "postgres") {
    const r = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db.db);
    return r.rows.map((x) => x.name);
  }
  return (db.sqlite!.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

describe("schema", () => {
  it("has the tables, and who voted cannot be joined to how", async () => {
    const tables = await tableNames(t);
    expect(tables).toEqual(
      expect.arrayContaining([
        "audit_log",
        "ballot_invalid_pools",
        "ballot_lines",
        "ballots",
        "districts",
        "edition_phases",
        "editions",
        "email_tokens",
        "outbox",
        "participations",
        "pool_results",
        "pool_tallies",
        "pools",
        "programmes",
        "proposal_cost_items",
        "proposals",
        "sessions",
        "turnout_counters",
        "user_roles",
        "users",
        "voters",
        "voting_point_sessions",
        "voting_points",
      ]),
    );
    // who voted and how they voted: no shared column to line them up
    const ballots = await columnsOf(t, "ballots");
    const participations = await columnsOf(t, "participations");
    // a counted ballot is what it chose: no receipt, no channel, no time (issue #15)
    expect(ballots.sort()).toEqual(["district_id", "id", "programme_id"]);
    expect(await columnsOf(t, "sealed_ballots")).toEqual(expect.arrayContaining(["id", "programme_id", "receipt_hash", "sealed"]));
    expect((await columnsOf(t, "sealed_ballots")).length).toBe(4);
    expect(ballots).not.toContain("voter_id");
    expect(ballots.some((c) => c.endsWith("_at") || c === "voted_on")).toBe(false);
    expect(participations).toContain("voter_id");
    expect(participations).not.toContain("ballot_id");
    expect(participations.filter((c) => ballots.includes(c) && c !== "programme_id" && c !== "district_id" && c !== "channel")).toEqual([]);
  });

  it.skipIf(onPostgres)("SQLite: no insertion order to line ballots up with voters, and durable settings (pragmas: SQLite only)", () => {
    const sqlite = t.sqlite!;
    const ddl = (name: string) => (sqlite.prepare("select sql from sqlite_master where name = ?").get(name) as { sql: string }).sql;
    for (const name of ["participations", "ballots", "ballot_lines", "sealed_ballots", "counted_receipts"]) expect(ddl(name)).toMatch(/without rowid\s*$/i);
    expect(sqlite.pragma("secure_delete", { simple: true })).toBe(1);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2); // FULL
  });

  it.runIf(onPostgres)("PostgreSQL: the one-ballot rule is a primary key, and times stay text", async () => {
    const pk = await sql<{ column_name: string }>`select k.column_name from information_schema.table_constraints c
      join information_schema.key_column_usage k on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema
      where c.table_schema = current_schema() and c.table_name = 'participations' and c.constraint_type = 'PRIMARY KEY'
      order by k.ordinal_position`.execute(t.db);
    expect(pk.rows.map((r) => r.column_name)).toEqual(["voter_id", "programme_id"]);
    const types = await sql<{ data_type: string }>`select data_type from information_schema.columns
      where table_schema = current_schema() and table_name = 'sessions' and column_name = 'expires_at'`.execute(t.db);
    expect(types.rows[0]?.data_type).toBe("text");
    const session = await t.db.selectFrom("sessions").select("expires_at").executeTakeFirst();
    if (session) expect(session.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const edition = await t.db.selectFrom("editions").select("created_at").where("id", "=", "ed_2026").executeTakeFirstOrThrow();
    expect(edition.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("refuses rows that break the constraints", async () => {
    await expect(
      t.db.insertInto("editions").values({ id: "x", year: 2030, status: "bogus" as never, source: null, created_at: NOW.toISOString() }).execute(),
    ).rejects.toThrow(/CHECK|check constraint/);
    await expect(
      t.db.insertInto("edition_phases").values({ edition_id: "missing", phase: "voting", starts_at: "2026-01-01", ends_at: "2026-02-01" }).execute(),
    ).rejects.toThrow(/FOREIGN KEY|foreign key constraint/);
    await expect(
      t.db.insertInto("edition_phases").values({ edition_id: "ed_2026", phase: "extra", starts_at: "2026-03-01", ends_at: "2026-02-01" }).execute(),
    ).rejects.toThrow(/CHECK|check constraint/);
  });

  it("migrates down and up again", async () => {
    const other = await createTestDb();
    try {
      const migrator = new Migrator({ db: other.db, provider: migrationProvider });
      const down = await migrator.migrateTo(NO_MIGRATIONS);
      expect(down.error).toBeUndefined();
      expect(await tableNames(other)).not.toContain("proposals");
      const up = await migrator.migrateToLatest();
      expect(up.error).toBeUndefined();
    } finally {
      await other.cleanup();
    }
  });
});

describe("demo seed", () => {
  it("creates Gdynia's 21 districts", async () => {
    expect(await count("districts")).toBe(21);
    const names = (await t.db.selectFrom("districts").select("name").orderBy("position").execute()).map((d) => d.name);
    expect(names).toContain("Wzgórze Św. Maksymiliana");
    expect(names).toContain("Pustki Cisowskie-Demptowo");
  });

  it("splits BO 2026 exactly: city pool + 21 × (large 90% + small 10%)", async () => {
    const pools = await t.db
      .selectFrom("pools")
      .innerJoin("programmes", "programmes.id", "pools.programme_id")
      .select(["pools.kind", "pools.district_id", "pools.budget_grosze", "pools.max_project_cost_grosze", "pools.ballot_rule", "pools.selection_rule"])
      .where("programmes.edition_id", "=", "ed_2026")
      .where("programmes.kind", "=", "bo")
      .execute();
    const sum = (k: string) => pools.filter((p) => p.kind === k).reduce((s, p) => s + Number(p.budget_grosze), 0);
    expect(pools.filter((p) => p.kind === "district_large")).toHaveLength(21);
    expect(pools.filter((p) => p.kind === "district_small")).toHaveLength(21);
    expect(sum("city")).toBe(BO_2026.cityZl * 100);
    expect(sum("district_large") + sum("district_small")).toBe((BO_2026.totalZl - BO_2026.cityZl) * 100);
    for (const small of pools.filter((p) => p.kind === "district_small")) {
      const large = pools.find((p) => p.kind === "district_large" && p.district_id === small.district_id)!;
      const total = Number(small.budget_grosze) + Number(large.budget_grosze);
      expect(Number(small.budget_grosze)).toBe(Math.floor(total / 10));
      expect(total).toBeGreaterThanOrEqual(BO_2026.districtBaseZl * 100);
      expect(Number(small.max_project_cost_grosze)).toBe(20_000_00);
    }
    for (const p of pools) {
      expect(BallotRuleSchema.parse(JSON.parse(p.ballot_rule))).toEqual({ kind: "approval", minTicks: 0, maxTicks: 3 });
      expect(SelectionRuleSchema.parse(JSON.parse(p.selection_rule)).method).toBe("greedy-no-skip");
    }
    const city = pools.find((p) => p.kind === "city")!;
    expect(Number(city.max_project_cost_grosze)).toBe(1_250_000_00);
    expect(SelectionRuleSchema.parse(JSON.parse(city.selection_rule)).minScore).toBe(1000);
  });

  it("has proposals in every district pool, within the caps, with matching cost breakdowns", async () => {
    const rows = await t.db
      .selectFrom("proposals as p")
      .innerJoin("pools as po", "po.id", "p.pool_id")
      .select(["p.id", "p.cost_grosze", "po.kind", "po.district_id", "po.max_project_cost_grosze"])
      .where("p.edition_id", "=", "ed_2026")
      .execute();
    const districtsWithBoth = new Set(
      rows.filter((r) => r.kind === "district_large").map((r) => r.district_id).filter((d) => rows.some((x) => x.kind === "district_small" && x.district_id === d)),
    );
    expect(districtsWithBoth.size).toBe(21);
    for (const r of rows) {
      if (r.max_project_cost_grosze !== null) expect(Number(r.cost_grosze)).toBeLessThanOrEqual(Number(r.max_project_cost_grosze));
    }
    const items = await t.db
      .selectFrom("proposal_cost_items")
      .select((eb) => ["proposal_id", eb.fn.sum<number>("amount_grosze").as("total")])
      .groupBy("proposal_id")
      .execute();
    expect(items).toHaveLength(rows.length);
    for (const r of rows) expect(Number(items.find((i) => i.proposal_id === r.id)!.total)).toBe(Number(r.cost_grosze));
  });

  it("puts the current edition in the requested phase", async () => {
    const phases = await t.db.selectFrom("edition_phases").selectAll().where("edition_id", "=", "ed_2026").execute();
    expect(phases).toHaveLength(7);
    const current = phases.find((p) => p.starts_at <= NOW.toISOString() && NOW.toISOString() < p.ends_at);
    expect(current?.phase).toBe("final_list");
  });

  it("archives the real Gdynia 2025 city-wide vote with its real vote counts", async () => {
    const rows = await t.db
      .selectFrom("pool_results as r")
      .innerJoin("proposals as p", "p.id", "r.proposal_id")
      .select(["p.number", "p.title", "r.votes", "r.selected", "r.rank", "p.cost_grosze"])
      .where("p.edition_id", "=", "ed_2025")
      .orderBy("r.rank")
      .execute();
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ number: "2025/OGM/0007", votes: 8579, selected: 1, rank: 1 });
    expect(rows[0]!.title).toMatch(/Ikarus 280E/);
    expect(Number(rows[0]!.cost_grosze)).toBe(100_000_00);
    expect(rows.map((r) => r.votes)).toEqual([8579, 6003, 5903, 5410, 4560, 1875, 1348]);
    const tally = await t.db.selectFrom("pool_tallies").selectAll().where("pool_id", "=", "pool_2025_city").executeTakeFirstOrThrow();
    expect(tally.voters).toBe(15962);
    expect(tally.published_at).not.toBeNull();
  });

  it("is built through the services the pages call, each step audited", async () => {
    const actions = new Set((await t.db.selectFrom("audit_log").select("action").execute()).map((r) => r.action));
    for (const a of ["account.create", "role.grant", "district.add", "edition.create", "edition.programme_add", "edition.allocation", "pool.create", "pool.rules", "edition.phases", "edition.activate", "voting_point.create", "voting_point.officials", "proposal.translation_save"]) {
      expect(actions, a).toContain(a);
    }
    const roles = await t.db.selectFrom("user_roles").select(["user_id", "role", "scope", "granted_by"]).orderBy("user_id").execute();
    expect(roles).toEqual([
      { user_id: "usr_demo_admin", role: "admin", scope: "*", granted_by: null },
      { user_id: "usr_demo_official", role: "official", scope: "*", granted_by: "usr_demo_admin" },
      { user_id: "usr_demo_translator", role: "translator", scope: "children", granted_by: "usr_demo_admin" },
      { user_id: "usr_demo_youth", role: "youth_moderator", scope: "youth", granted_by: "usr_demo_admin" },
    ]);
  });

  it("tells the demo proposals' stories up to the phase: rejected with reasons, appealed and reinstated, withdrawn, youth-council approved", async () => {
    const told = await t.db.selectFrom("proposals").select(["id", "title", "status", "author_user_id"]).where("author_user_id", "is not", null).orderBy("number").execute();
    expect(told.map((p) => [p.title, p.status])).toEqual([
      ["Zielony skwer przy ul. Rdestowej", "appeal_accepted"],
      ["Siłownia plenerowa przy torach", "rejected"],
      ["Kryty basen przy szkole na Karwinach", "rejected"],
      ["Budki lęgowe w parku na Leszczynkach", "withdrawn"],
      ["Strefa chilloutu w bibliotece dla młodzieży", "accepted"],
    ]);
    const history = async (id: string) =>
      (await t.db.selectFrom("proposal_decisions").select(["action", "actor_role"]).where("proposal_id", "=", id).orderBy("created_at").execute()).map((d) => `${d.action}/${d.actor_role}`);
    expect(await history(told[0]!.id)).toEqual(["submit/resident", "start_verification/official", "formal_pass/official", "merit_reject/official", "appeal/resident", "appeal_accept/official"]);
    expect(await history(told[4]!.id)).toEqual(["submit/resident", "youth_approve/youth_moderator", "formal_pass/official", "merit_pass/official"]);
    // the rejections carry public reasons, the merit checks their ticked criteria
    const rejections = await t.db.selectFrom("proposal_decisions").select(["public_reason", "checks_json"]).where("action", "in", ["formal_reject", "merit_reject"]).where("proposal_id", "in", told.map((p) => p.id)).execute();
    expect(rejections).toHaveLength(3);
    for (const r of rejections) {
      expect(r.public_reason?.length).toBeGreaterThan(40);
      expect(Object.values(JSON.parse(r.checks_json!) as Record<string, boolean>)).toContain(false);
    }
    const supports = await t.db.selectFrom("proposal_supports").select((eb) => eb.fn.countAll<number>().as("n")).where("proposal_id", "=", told[0]!.id).executeTakeFirstOrThrow();
    expect(Number(supports.n)).toBe(15);
    // in the final-list phase the officials have not published yet
    expect(await t.db.selectFrom("final_lists").selectAll().execute()).toEqual([]);
  });

  it("in the voting phase the final lists are published; in the submission phase the stories are still gathering supports", async () => {
    const voting = await createTestDb({ seed: true, now: NOW, phase: "voting" });
    const submission = await createTestDb({ seed: true, now: NOW, phase: "submission" });
    try {
      const pools = await voting.db.selectFrom("pools").select("id").where("id", "like", "pool_2026_%").execute();
      const lists = await voting.db.selectFrom("final_lists").select(["pool_id", "published_by"]).execute();
      expect(lists).toHaveLength(pools.length);
      expect(new Set(lists.map((l) => l.published_by))).toEqual(new Set(["usr_demo_official"]));
      const early = await submission.db.selectFrom("proposals").select(["status", "support_count"]).where("author_user_id", "is not", null).execute();
      expect(early.length).toBeGreaterThan(0);
      expect(new Set(early.map((p) => p.status))).toEqual(new Set(["submitted"]));
      expect(early.some((p) => Number(p.support_count) < 15)).toBe(true);
    } finally {
      await voting.cleanup();
      await submission.cleanup();
    }
  });

  it("is idempotent: seeding again changes nothing", async () => {
    const before = await Promise.all((["districts", "editions", "pools", "proposals", "proposal_cost_items", "pool_results"] as const).map(count));
    await seedDemo(t.db, new Date("2026-12-01T00:00:00Z"), "voting");
    const after = await Promise.all((["districts", "editions", "pools", "proposals", "proposal_cost_items", "pool_results"] as const).map(count));
    expect(after).toEqual(before);
  });
});
