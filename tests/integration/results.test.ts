import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPhases } from "../../app/cli/seed";
import { demoResident } from "../../app/cli/seed-voting";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue, type VotingProgramme } from "~/data/ballots.server";
import { listAudit } from "~/data/audit.server";
import { listPublishedResults } from "~/data/results.server";
import { parsePabulib, tallyElection } from "~/domain/counting";
import type { Actor } from "~/domain/permissions";
import { poolPabulib, resultsCsv } from "~/services/open-data.server";
import { countEdition, publishEdition } from "~/services/results.server";
import { castBallot, identifyVoter } from "~/services/voting.server";
import { openBallotBox } from "~/services/ballot-box.server";
import { DEMO_COMMISSION } from "../../app/cli/seed-data/commission";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
let bo: VotingProgramme;
const NOW = new Date();
const official: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
const youthOfficial: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "youth" }] };

async function setPhase(phase: "voting" | "counting") {
  for (const w of demoPhases(NOW, phase)) {
    await t.db.updateTable("edition_phases").set({ starts_at: w.startsAt, ends_at: w.endsAt }).where("edition_id", "=", "ed_2026").where("phase", "=", w.phase).execute();
  }
  clearCatalogueCache(); // the programme's phases are cached for a few seconds
  bo = (await getVotingProgramme(t.db, "bo"))!;
}

const resident = (n: number) => ({ method: "pesel", ...demoResident(n) });

let orlowoLarge: { poolId: string; projects: { id: string; costGrosze: number }[] };

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
  // six voters: their .pb keeps its ballot lines only below the default small-group threshold of 10 (#15)
  await t.db.updateTable("editions").set({ small_group_threshold: 2 }).where("id", "=", "ed_2026").execute();
  await setPhase("voting");
  const orlowo = (await t.db.selectFrom("districts").select("id").where("slug", "=", "orlowo").executeTakeFirstOrThrow()).id;
  const catalogue = await loadCatalogue(t.db, bo.programmeId, orlowo);
  orlowoLarge = catalogue.find((p) => p.kind === "district_large")!;
  const [a, b] = orlowoLarge.projects;
  // 6 voters: 3 for A, 3 for B — a tie in Orłowo's large pool
  for (let n = 0; n < 6; n++) {
    const who = await identifyVoter(t.db, resident(n), bo, NOW);
    if (!who.ok) throw new Error(`${n}: ${who.reason}`);
    const pick = n < 3 ? a!.id : b!.id;
    const r = await castBallot(t.db, who.voter, bo, { districtId: orlowo, selections: { [orlowoLarge.poolId]: [pick] } }, { channel: "online" }, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
});
afterAll(async () => t.cleanup());

describe("counting an edition", () => {
  it("refuses while voting is still open", async () => {
    expect(await countEdition(t.db, "ed_2026", official, {}, NOW)).toEqual({ ok: false, reason: "voting_not_finished" });
  });

  it("refuses an official scoped to one programme: counting and publishing cover the whole edition", async () => {
    await setPhase("counting");
    const rows = async () => [await t.db.selectFrom("pool_tallies").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(), await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()];
    const before = await rows();
    expect(await countEdition(t.db, "ed_2026", youthOfficial, {}, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await publishEdition(t.db, "ed_2026", youthOfficial, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await rows()).toEqual(before);
  });

  it("counts every pool from the opened ballots, applies the city threshold, and keeps a draft", async () => {
    await setPhase("counting");
    expect(await countEdition(t.db, "ed_2026", official, {}, NOW)).toEqual({ ok: false, reason: "ballot_box_sealed" });
    expect(await openBallotBox(t.db, "ed_2026", [DEMO_COMMISSION.shares[0], DEMO_COMMISSION.shares[1]], official, NOW)).toMatchObject({ ok: true, opened: 6 });
    const r = await countEdition(t.db, "ed_2026", official, {}, NOW);
    expect(r.ok).toBe(true);
    const drafts = await listPublishedResults(t.db, "ed_2026", { includeDrafts: true });
    expect(drafts.length).toBe(45); // city + 21 × 2 + youth + children
    expect(await listPublishedResults(t.db, "ed_2026")).toEqual([]); // nothing public yet
    const city = drafts.find((p) => p.kind === "city")!;
    expect(city.voters).toBe(6);
    expect(city.rows.every((row) => row.decision === "below_threshold")).toBe(true); // 1000 votes needed
    const large = drafts.find((p) => p.poolId === orlowoLarge.poolId)!;
    expect(large.voters).toBe(6);
    const top = large.rows.slice(0, 2);
    expect(top.map((x) => x.votes)).toEqual([3, 3]);
    expect(large.rule).toBe("greedy-no-skip+threshold");
    expect(large.spentGrosze).toBe(large.rows.filter((x) => x.selected).reduce((s, x) => s + x.costGrosze, 0));
    expect(large.mes).not.toBeNull();
    const log = await listAudit(t.db, { action: "results.count" }, 5);
    expect(log[0]).toMatchObject({ actorRole: "official", objectId: "ed_2026" });
  });

  it("flags a tie that decides who is funded, refuses to publish until a recorded lot breaks it, then publishes once", async () => {
    const large = (await listPublishedResults(t.db, "ed_2026", { includeDrafts: true, poolId: orlowoLarge.poolId }))[0]!;
    const [a, b] = large.rows;
    // in Orłowo any two large projects together exceed the large pool, so the 3:3 tie decides who is funded
    expect(a!.costGrosze + b!.costGrosze).toBeGreaterThan(large.budgetGrosze);
    expect(large.ties.length).toBeGreaterThan(0);
    expect(await publishEdition(t.db, "ed_2026", official, NOW)).toEqual({ ok: false, reason: "ties_unresolved" });
    const lot = await countEdition(t.db, "ed_2026", official, { drawLotForTies: true }, NOW);
    expect(lot).toMatchObject({ ok: true, tiesThatMatter: 0 });
    const after = (await listPublishedResults(t.db, "ed_2026", { includeDrafts: true, poolId: orlowoLarge.poolId }))[0]!;
    expect(after.lotSeed).toMatch(/^[0-9a-f]{32}$/);
    expect(after.rows.filter((r) => r.selected)).toHaveLength(1);
    expect(await publishEdition(t.db, "ed_2026", official, NOW)).toEqual({ ok: true });
    expect(await publishEdition(t.db, "ed_2026", official, NOW)).toEqual({ ok: false, reason: "results_published" });
    expect(await countEdition(t.db, "ed_2026", official, {}, NOW)).toEqual({ ok: false, reason: "results_published" });
    expect((await listPublishedResults(t.db, "ed_2026")).length).toBe(45);
    expect((await listAudit(t.db, { action: "results.publish" }, 5)).length).toBe(1);
  });

  it("exports open data that a resident can recount to the same winners", async () => {
    const pool = (await listPublishedResults(t.db, "ed_2026", { poolId: orlowoLarge.poolId }))[0]!;
    const csv = resultsCsv(pool);
    expect(csv.split("\r\n")[0]).toBe("rank;project_id;number;title;votes;cost_pln;selected;decision");
    const pb = await poolPabulib(t.db, pool, 2026);
    const election = parsePabulib(pb);
    expect(election.votes).toHaveLength(6);
    expect(election.votes.every((v) => /^[A-Za-z0-9_-]{16}$/.test(v.voterId))).toBe(true);
    const recount = tallyElection(election, "meta", pool.lotSeed ? { tie: "lot", seed: pool.lotSeed } : {});
    expect(recount.selected).toEqual(pool.rows.filter((r) => r.selected).map((r) => r.proposalId));
  });
});

describe("the turnout award (Projekt +1)", () => {
  let u: TestDb;
  afterAll(async () => u.cleanup());

  it("funds the first large project below the line in the district whose residents turned out most", async () => {
    u = await createTestDb({ seed: true, now: NOW, phase: "voting" });
    const prog = (await getVotingProgramme(u.db, "bo"))!;
    const orlowo = (await u.db.selectFrom("districts").select("id").where("slug", "=", "orlowo").executeTakeFirstOrThrow()).id;
    const large = (await loadCatalogue(u.db, prog.programmeId, orlowo)).find((p) => p.kind === "district_large")!;
    // residents 260..279 of the demo register live in Orłowo (20 per district, in the seed's order)
    for (let n = 0; n < 4; n++) {
      const who = await identifyVoter(u.db, resident(260 + n), prog, NOW);
      if (!who.ok) throw new Error(who.reason);
      const pick = large.projects[n < 3 ? 0 : 1]!.id;
      expect((await castBallot(u.db, who.voter, prog, { districtId: orlowo, selections: { [large.poolId]: [pick] } }, { channel: "online" }, NOW)).ok).toBe(true);
    }
    for (const w of demoPhases(NOW, "counting")) {
      await u.db.updateTable("edition_phases").set({ starts_at: w.startsAt, ends_at: w.endsAt }).where("edition_id", "=", "ed_2026").where("phase", "=", w.phase).execute();
    }
    expect(await openBallotBox(u.db, "ed_2026", [DEMO_COMMISSION.shares[1], DEMO_COMMISSION.shares[2]], official, NOW)).toMatchObject({ ok: true, opened: 4 });
    const r = await countEdition(u.db, "ed_2026", official, { turnoutAward: true }, NOW);
    expect(r).toMatchObject({ ok: true, awarded: 1 });
    const rows = (await listPublishedResults(u.db, "ed_2026", { includeDrafts: true, poolId: large.poolId }))[0]!.rows;
    expect(rows.map((x) => [x.votes, x.decision])).toEqual([
      [3, "funded"],
      [1, "funded_turnout_award"],
      [0, "below_threshold"], // a project nobody voted for is never funded
    ]);
    expect(rows[1]!.selected).toBe(2);
  });
});
