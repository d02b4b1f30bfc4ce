/** Ballot types (#14): a pool's ballot and selection rules and a programme's ballot order, as the pools page sets them. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/domain/permissions";
import { getBallotOrder } from "~/data/ballot-setup.server";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue } from "~/data/ballots.server";
import { listEditionPools } from "~/data/pool-setup.server";
import { setBallotOrder, setPoolBallotRules, voterBallotSeed } from "~/services/ballot-setup.server";
import { checkBallot } from "~/services/voting.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
let admin: Actor;
const official: Actor = { id: "nobody", roles: [{ role: "official", scope: "*" }] };
const ED = "ed_2026";
const KRAKOW = { kind: "ranked", ranks: 3, exact: true } as const;
const GDANSK = { kind: "points", maxTotal: 5, maxPerProject: 5 } as const;
const SEL = { method: "greedy", minScore: 0, tieBreak: "lower-cost" } as const;
const BEFORE_VOTING = new Date("2026-01-01T00:00:00Z");
const AFTER_START = new Date("2030-01-01T00:00:00Z");

async function snapshot() {
  const [pools, programmes, audit] = await Promise.all([
    t.db.selectFrom("pools").select(["id", "ballot_rule", "selection_rule"]).orderBy("id").execute(),
    t.db.selectFrom("programmes").select(["id", "ballot_order"]).orderBy("id").execute(),
    t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ pools, programmes, audit: Number(audit.n) });
}
async function unchanged(fn: () => Promise<unknown>) {
  const before = await snapshot();
  const r = await fn();
  expect(await snapshot()).toBe(before);
  return r;
}
const lastAudit = (action: string) => t.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id", "desc").limit(1).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestDb({ seed: true, phase: "submission" });
  const u = await t.db.selectFrom("users").select("id").where("email", "=", "admin@demo.bo-gdynia.pl").executeTakeFirstOrThrow();
  admin = { id: u.id, roles: [{ role: "admin", scope: "*" }] };
});
afterAll(async () => t.cleanup());

describe("setPoolBallotRules", () => {
  it("sets a Kraków ranked city pool with its selection rule, audited with before and after", async () => {
    const city = (await listEditionPools(t.db, ED)).find((p) => p.kind === "city")!;
    const sel = { method: "equal-shares", minScore: 0, tieBreak: "lot" } as const;
    expect(await setPoolBallotRules(t.db, admin, { editionId: ED, poolId: city.id, ballotRule: KRAKOW, selectionRule: sel, sameKind: false }, BEFORE_VOTING)).toEqual({ ok: true, changed: 1 });
    const after = (await listEditionPools(t.db, ED)).find((p) => p.id === city.id)!;
    expect(JSON.parse(after.ballotRule)).toEqual(KRAKOW);
    expect(JSON.parse(after.selectionRule)).toEqual(sel);
    const audit = await lastAudit("pool.ballot_rule");
    expect(audit).toMatchObject({ action: "pool.ballot_rule", object_id: city.id, actor_user_id: admin.id });
    expect(JSON.parse(audit.before_json!).ballotRule.kind).toBe("approval");
    expect(JSON.parse(audit.after_json!).ballotRule).toEqual(KRAKOW);
  });

  it("sets every district's large pool at once (Gdańsk points), one audit row each", async () => {
    const pools = await listEditionPools(t.db, ED);
    const large = pools.filter((p) => p.kind === "district_large");
    const r = await setPoolBallotRules(t.db, admin, { editionId: ED, poolId: large[0]!.id, ballotRule: GDANSK, selectionRule: SEL, sameKind: true }, BEFORE_VOTING);
    expect(r).toEqual({ ok: true, changed: large.length });
    const after = await listEditionPools(t.db, ED);
    expect(after.filter((p) => p.kind === "district_large").every((p) => JSON.parse(p.ballotRule).kind === "points")).toBe(true);
    expect(after.filter((p) => p.kind === "district_small").every((p) => JSON.parse(p.ballotRule).kind === "approval")).toBe(true);
    const n = await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).where("action", "=", "pool.ballot_rule").executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1 + large.length);
    // saving the same again writes nothing
    expect(await unchanged(() => setPoolBallotRules(t.db, admin, { editionId: ED, poolId: large[0]!.id, ballotRule: GDANSK, selectionRule: SEL, sameKind: true }, BEFORE_VOTING))).toEqual({ ok: true, changed: 0 });
  });

  it("the ballot takes the new rules: places and points are checked as the city's rules say", async () => {
    clearCatalogueCache();
    const programme = (await getVotingProgramme(t.db, "bo"))!;
    const district = await t.db.selectFrom("districts").select("id").where("slug", "=", "orlowo").executeTakeFirstOrThrow();
    const catalogue = await loadCatalogue(t.db, programme.programmeId, district.id);
    const city = catalogue.find((p) => p.kind === "city")!;
    const large = catalogue.find((p) => p.kind === "district_large")!;
    const [a, b, c] = city.projects;
    const ok = await checkBallot(t.db, programme, { districtId: district.id, selections: { [city.poolId]: { [a!.id]: 1, [b!.id]: 2, [c!.id]: 3 }, [large.poolId]: { [large.projects[0]!.id]: 5 } } });
    expect(ok.ok).toBe(true);
    const dup = await checkBallot(t.db, programme, { districtId: district.id, selections: { [city.poolId]: { [a!.id]: 1, [b!.id]: 1, [c!.id]: 2 } } });
    expect(dup.ok ? [] : dup.errors.map((e) => e.reason)).toContain("ballot_rank_duplicate");
    const over = await checkBallot(t.db, programme, { districtId: district.id, selections: { [large.poolId]: { [large.projects[0]!.id]: 6 } } });
    expect(over.ok ? [] : over.errors.map((e) => e.reason)).toContain("ballot_points_over_per_project");
  });

  it("refuses others, pools of another edition and any change once voting has started, writing nothing", async () => {
    const city = (await listEditionPools(t.db, ED)).find((p) => p.kind === "city")!;
    const input = { editionId: ED, poolId: city.id, ballotRule: GDANSK, selectionRule: SEL, sameKind: false };
    expect(await unchanged(() => setPoolBallotRules(t.db, official, input, BEFORE_VOTING))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await unchanged(() => setPoolBallotRules(t.db, admin, { ...input, editionId: "ed_other" }, BEFORE_VOTING))).toEqual({ ok: false, reason: "pool_missing" });
    expect(await unchanged(() => setPoolBallotRules(t.db, admin, { ...input, poolId: "pool_missing" }, BEFORE_VOTING))).toEqual({ ok: false, reason: "pool_missing" });
    expect(await unchanged(() => setPoolBallotRules(t.db, admin, input, AFTER_START))).toEqual({ ok: false, reason: "voting_started" });
  });
});

describe("setBallotOrder", () => {
  it("existing programmes keep the alphabetical order; the administrator picks random, audited", async () => {
    const programme = (await getVotingProgramme(t.db, "bo"))!;
    expect(await getBallotOrder(t.db, programme.programmeId)).toBe("alphabetical");
    expect(await setBallotOrder(t.db, admin, { editionId: ED, programmeId: programme.programmeId, order: "random" }, BEFORE_VOTING)).toEqual({ ok: true });
    expect(await getBallotOrder(t.db, programme.programmeId)).toBe("random");
    // the demo seed itself records setting its programmes to alphabetical: this change is the one to random
    const rows = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "programme.ballot_order").where("object_id", "=", programme.programmeId).execute();
    const change = rows.filter((r) => (r.after_json ?? "").includes("random"));
    expect(change).toHaveLength(1);
    expect(change[0]).toMatchObject({ action: "programme.ballot_order", object_id: programme.programmeId, before_json: expect.stringContaining("alphabetical"), after_json: expect.stringContaining("random") });
  });
  it("refuses others, another edition's programme and a change once voting has started", async () => {
    const programme = (await getVotingProgramme(t.db, "bo"))!;
    const input = { editionId: ED, programmeId: programme.programmeId, order: "number" } as const;
    expect(await unchanged(() => setBallotOrder(t.db, official, input, BEFORE_VOTING))).toEqual({ ok: false, reason: "not_allowed" });
    expect(await unchanged(() => setBallotOrder(t.db, admin, { ...input, editionId: "ed_other" }, BEFORE_VOTING))).toEqual({ ok: false, reason: "programme_missing" });
    expect(await unchanged(() => setBallotOrder(t.db, admin, input, AFTER_START))).toEqual({ ok: false, reason: "voting_started" });
  });
  it("a voter's seed is stable per voter and pool, and differs between voters", () => {
    expect(voterBallotSeed("v1", "pr", "pool")).toBe(voterBallotSeed("v1", "pr", "pool"));
    expect(voterBallotSeed("v1", "pr", "pool")).not.toBe(voterBallotSeed("v2", "pr", "pool"));
    expect(voterBallotSeed("v1", "pr", "pool")).not.toContain("v1");
  });
});
