/**
 * Mutually exclusive projects (#14, Warszawa): `changeExclusiveGroups` as the pool's exclusive page
 * uses it (validated, written into the pool's selection rule, audited; refusals write nothing),
 * `setPoolBallotRules` keeping the groups, and a replayed election counted with a group.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replayText } from "../../app/cli/replay";
import { listPoolRules } from "~/data/ballot-setup.server";
import { listEditionPools } from "~/data/pool-setup.server";
import type { Actor } from "~/domain/permissions";
import { changeExclusiveGroups, setPoolBallotRules } from "~/services/ballot-setup.server";
import { copyEdition } from "~/services/edition-admin.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
let admin: Actor;
const official: Actor = { id: "nobody", roles: [{ role: "official", scope: "*" }] };
const ED = "ed_2026";
const NOW = new Date();
const AFTER_START = new Date("2030-01-01T00:00:00Z");
let cityPool: string;
let largePool: string;
let city: string[]; // on-ballot proposals of the city pool
let other: string; // an on-ballot proposal of another pool

async function snapshot() {
  const [pools, audit] = await Promise.all([
    t.db.selectFrom("pools").select(["id", "ballot_rule", "selection_rule"]).orderBy("id").execute(),
    t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ pools, audit: Number(audit.n) });
}
async function unchanged(fn: () => Promise<unknown>) {
  const before = await snapshot();
  const r = await fn();
  expect(await snapshot()).toBe(before);
  return r;
}
const selection = async (poolId: string) => JSON.parse((await listPoolRules(t.db, [poolId]))[0]!.selectionRule);
const audits = (poolId: string) => t.db.selectFrom("audit_log").selectAll().where("action", "=", "pool.exclusive_groups").where("object_id", "=", poolId).orderBy("id").execute();
const change = (by: Actor, poolId: string, c: Parameters<typeof changeExclusiveGroups>[2]["change"], now = NOW) => changeExclusiveGroups(t.db, by, { editionId: ED, poolId, change: c }, now);

beforeAll(async () => {
  t = await createTestDb({ seed: true, phase: "final_list" });
  const u = await t.db.selectFrom("users").select("id").where("email", "=", "admin@demo.bo-gdynia.pl").executeTakeFirstOrThrow();
  admin = { id: u.id, roles: [{ role: "admin", scope: "*" }] };
  const pools = await listEditionPools(t.db, ED);
  cityPool = pools.find((p) => p.kind === "city")!.id;
  largePool = pools.find((p) => p.kind === "district_large")!.id;
  const onBallot = (poolId: string) => t.db.selectFrom("proposals").select("id").where("pool_id", "=", poolId).where("status", "in", ["accepted", "appeal_accepted"]).orderBy("id").execute();
  city = (await onBallot(cityPool)).map((r) => r.id);
  other = (await onBallot(largePool))[0]!.id;
  expect(city.length).toBeGreaterThanOrEqual(5);
});
afterAll(async () => t.cleanup());

describe("changeExclusiveGroups", () => {
  it("adds a group of the pool's projects into its selection rule, audited with before and after", async () => {
    const before = await selection(cityPool);
    expect(before.exclusive).toBeUndefined();
    expect(await change(admin, cityPool, { add: [city[0]!, city[1]!] })).toEqual({ ok: true, groups: [[city[0], city[1]]] });
    expect(await selection(cityPool)).toEqual({ ...before, exclusive: [[city[0], city[1]]] });
    const rows = await audits(cityPool);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: admin.id, object_type: "pool" });
    expect(JSON.parse(rows[0]!.before_json!)).toEqual({ exclusive: [] });
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({ exclusive: [[city[0], city[1]]] });
  });

  it("refuses, writing nothing: others, another edition, a foreign or grouped project, a lone project, a missing group, after voting starts", async () => {
    expect(await unchanged(() => change(official, cityPool, { add: [city[2]!, city[3]!] }))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await unchanged(() => changeExclusiveGroups(t.db, admin, { editionId: "ed_other", poolId: cityPool, change: { add: [city[2]!, city[3]!] } }, NOW))).toEqual({ ok: false, reason: "pool_missing" });
    expect(await unchanged(() => change(admin, cityPool, { add: [city[2]!, other] }))).toEqual({ ok: false, reason: "project_not_in_pool" });
    expect(await unchanged(() => change(admin, cityPool, { add: [city[1]!, city[2]!] }))).toEqual({ ok: false, reason: "project_in_two_groups" });
    expect(await unchanged(() => change(admin, cityPool, { add: [city[2]!] }))).toEqual({ ok: false, reason: "group_too_small" });
    expect(await unchanged(() => change(admin, cityPool, { remove: city[4]! }))).toEqual({ ok: false, reason: "group_missing" });
    expect(await unchanged(() => change(admin, cityPool, { add: [city[2]!, city[3]!] }, AFTER_START))).toEqual({ ok: false, reason: "voting_started" });
    expect(await unchanged(() => change(admin, cityPool, { remove: city[0]! }, AFTER_START))).toEqual({ ok: false, reason: "voting_started" });
  });

  it("saving the pool's ballot rules keeps its groups; Equal Shares is refused while it has any", async () => {
    const rule = { kind: "approval", minTicks: 0, maxTicks: 2 } as const;
    const greedy = { method: "greedy", minScore: 0, tieBreak: "lower-cost" } as const;
    expect(await setPoolBallotRules(t.db, admin, { editionId: ED, poolId: cityPool, ballotRule: rule, selectionRule: greedy, sameKind: false }, NOW)).toEqual({ ok: true, changed: 1 });
    expect(await selection(cityPool)).toEqual({ ...greedy, exclusive: [[city[0], city[1]]] });
    const es = { method: "equal-shares", minScore: 0, tieBreak: "lower-cost" } as const;
    expect(await unchanged(() => setPoolBallotRules(t.db, admin, { editionId: ED, poolId: cityPool, ballotRule: rule, selectionRule: es, sameKind: false }, NOW))).toEqual({ ok: false, reason: "exclusive_needs_greedy" });
    // a pool counted by Equal Shares takes no groups
    expect(await setPoolBallotRules(t.db, admin, { editionId: ED, poolId: largePool, ballotRule: rule, selectionRule: es, sameKind: false }, NOW)).toMatchObject({ ok: true });
    const large = (await t.db.selectFrom("proposals").select("id").where("pool_id", "=", largePool).where("status", "=", "accepted").limit(2).execute()).map((r) => r.id);
    expect(await unchanged(() => change(admin, largePool, { add: large }))).toEqual({ ok: false, reason: "exclusive_needs_greedy" });
  });

  it("a copied edition's pools start without groups (they named the old edition's projects)", async () => {
    expect((await selection(cityPool)).exclusive).toHaveLength(1);
    const copy = await copyEdition(t.db, admin, ED, 2031, { dir: t.dir, now: NOW });
    if (!copy.ok) throw new Error(copy.reason);
    const pools = await listEditionPools(t.db, copy.id);
    expect(pools.length).toBeGreaterThan(0);
    expect(pools.some((p) => "exclusive" in JSON.parse(p.selectionRule))).toBe(false);
    expect(JSON.parse(pools.find((p) => p.kind === "city")!.selectionRule)).toMatchObject({ method: "greedy" });
  });

  it("a second group, then removing the first by any of its projects; the last removal drops the key", async () => {
    expect(await change(admin, cityPool, { add: [city[2]!, city[3]!, city[4]!] })).toMatchObject({ ok: true });
    expect((await selection(cityPool)).exclusive).toEqual([[city[0], city[1]], [city[2], city[3], city[4]]]);
    expect(await change(admin, cityPool, { remove: city[1]! })).toEqual({ ok: true, groups: [[city[2], city[3], city[4]]] });
    expect(await change(admin, cityPool, { remove: city[4]! })).toEqual({ ok: true, groups: [] });
    expect(await selection(cityPool)).not.toHaveProperty("exclusive");
    const rows = await audits(cityPool);
    // one row per change (audit ids are not in time order): 1 group, 2, 1, none
    expect(rows.map((r) => JSON.parse(r.after_json!).exclusive.length).sort()).toEqual([0, 1, 1, 2]);
  });
});

describe("a replayed election with a group (the replay sets the pool through the same services)", () => {
  // a 4 votes, b 3, c 3, d 2; budget 90: plain greedy funds a and b; with a / b exclusive, a and c
  const file = (rule: string) =>
    [
      "META",
      "key;value",
      "description;exclusive",
      "country;Poland",
      "unit;Test",
      "instance;2100",
      "num_projects;4",
      "num_votes;6",
      "budget;90",
      "vote_type;approval",
      `rule;${rule}`,
      "PROJECTS",
      "project_id;cost;name",
      "a;40;A",
      "b;40;B",
      "c;50;C",
      "d;30;D",
      "VOTES",
      "voter_id;vote",
      "1;a,b,c",
      "2;a,b,c",
      "3;a,b",
      "4;a,d",
      "5;c",
      "6;d",
    ].join("\n");

  it("the top two in one group: only the first is funded, the next fitting project instead", async () => {
    const plain = await createTestDb();
    try {
      expect((await replayText(plain.db, file("greedy"))).selected).toEqual(["a", "b"]);
    } finally {
      await plain.cleanup();
    }
    const db = await createTestDb();
    try {
      const s = await replayText(db.db, file("greedy-exclusive"), { exclusive: [["a", "b"]] });
      expect(s.selected).toEqual(["a", "c"]);
      expect(s.scores.find((x) => x.id === "b")?.decision).toBe("excluded");
      const audit = await db.db.selectFrom("audit_log").select(["action", "after_json"]).where("action", "=", "pool.exclusive_groups").execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.after_json!)).toEqual({ exclusive: [["prp_replay_a", "prp_replay_b"]] });
    } finally {
      await db.cleanup();
    }
  });
});
