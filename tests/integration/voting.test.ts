import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_VOTERS } from "../../app/cli/seed-voting";
import { getVotingProgramme, loadCatalogue, clearCatalogueCache, type VotingProgramme } from "~/data/ballots.server";
import { lookupReceipt } from "~/services/ballot-box.server";
import { countSealed, unsealByReceipt } from "../support/ballot-box";
import { listAudit } from "~/data/audit.server";
import { makePesel } from "~/domain/voting";
import type { Actor } from "~/domain/permissions";
import { addDeclaration, importRegister } from "~/services/register.server";
import { castBallot, castPaperBallot, identifyChild, identifyDeclaration, identifyVoter, receiptLookupHash } from "~/services/voting.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
/** The demo official (scope '*'): may change the register and run voting points. */
const OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
let bo: VotingProgramme;
let youth: VotingProgramme;
const NOW = new Date();
const pesel = (v: { pesel: string; parentFirstName: string }) => ({ method: "pesel", pesel: v.pesel, parentFirstName: v.parentFirstName });

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
  bo = (await getVotingProgramme(t.db, "bo"))!;
  youth = (await getVotingProgramme(t.db, "youth"))!;
});
afterAll(async () => t.cleanup());

async function districtId(slug: string) {
  return (await t.db.selectFrom("districts").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
}

/** A valid ballot: the first `n` projects of each pool of the chosen district. */
async function ballotFor(slug: string, n = 1) {
  const id = await districtId(slug);
  const catalogue = await loadCatalogue(t.db, bo.programmeId, id);
  return { districtId: id, selections: Object.fromEntries(catalogue.map((p) => [p.poolId, p.projects.slice(0, n).map((x) => x.id)])), catalogue };
}

describe("register import", () => {
  it("imports good rows, reports bad ones with a reason, and changes nothing for them", async () => {
    const good = makePesel({ year: 1975, month: 2, day: 28 }, 501, "female");
    const csv = [
      "pesel,karta_number,first_name,last_name,parent_first_name,district,age_band",
      `${good},,,,Halina,Redłowo,`,
      `12345678901,,,,Halina,Redłowo,`, // bad checksum
      `,,,,,Redłowo,`, // no identifier
      `${makePesel({ year: 1990, month: 1, day: 1 }, 1, "male")},,,,,Redłowo,`, // no parent name
      `${makePesel({ year: 1990, month: 1, day: 2 }, 2, "male")},,,,Jan,Atlantyda,`, // unknown district
      `,12ab,Ola,Nowak,,Redłowo,`, // bad card
      `${good},,,,Halina,Redłowo,`, // duplicate in file
      `${DEMO_VOTERS.adult.pesel},,,,${DEMO_VOTERS.adult.parentFirstName},Orłowo,`, // already in register
    ].join("\n");
    const before = Number((await t.db.selectFrom("voters").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const report = await importRegister(t.db, csv, OFFICIAL);
    if (!report.ok) throw new Error(report.reason);
    expect(report.imported).toBe(1);
    expect(report.skipped).toEqual([
      { line: 3, reason: "register_pesel_invalid" },
      { line: 4, reason: "register_no_identifier" },
      { line: 5, reason: "register_parent_name_invalid" },
      { line: 6, reason: "register_district_unknown" },
      { line: 7, reason: "register_karta_invalid" },
      { line: 8, reason: "register_duplicate_in_file" },
      { line: 9, reason: "register_already" },
    ]);
    const after = Number((await t.db.selectFrom("voters").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before + 1);
    expect((await listAudit(t.db, { action: "register.import" }, 5))[0]?.after).toBe(JSON.stringify({ imported: 1, linked: 0, skipped: 7 }));
  });

  it("never stores a PESEL, a card number or a parent's name in plain text (the database file is grepped)", async () => {
    const secrets = [DEMO_VOTERS.adult.pesel, DEMO_VOTERS.child.pesel, DEMO_VOTERS.karta.cardNumber, "Krystyna"];
    if (t.kind === "sqlite") {
      t.sqlite!.pragma("wal_checkpoint(TRUNCATE)");
      const bytes = readFileSync(t.path).toString("latin1");
      for (const v of secrets) expect(bytes.includes(v)).toBe(false);
      return;
    }
    // PostgreSQL has no single file to grep: search every text column of every table instead
    const cols = await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns
      where table_schema = current_schema() and data_type = 'text'`.execute(t.db);
    expect(cols.rows.length).toBeGreaterThan(50);
    for (const { t: table, c: column } of cols.rows) {
      for (const v of secrets) {
        const hit = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} like ${`%${v}%`}`.execute(t.db);
        expect(Number(hit.rows[0]!.n), `${table}.${column} holds ${v}`).toBe(0);
      }
    }
  });

  it("adds an in-person declaration once, and the person can then be identified at a point", async () => {
    expect(await addDeclaration(t.db, { declarationId: "DEKL-2026-001", districtId: await districtId("oksywie"), ageBand: "35-44" }, OFFICIAL)).toEqual({ ok: true, linked: false });
    expect(await addDeclaration(t.db, { declarationId: "DEKL-2026-001", districtId: null, ageBand: null }, OFFICIAL)).toEqual({ ok: false, reason: "declaration_exists" });
    expect(await addDeclaration(t.db, { declarationId: "bad id!", districtId: null, ageBand: null }, OFFICIAL)).toEqual({ ok: false, reason: "declaration_format" });
    const who = await identifyDeclaration(t.db, "DEKL-2026-001", bo, NOW);
    expect(who.ok).toBe(true);
  });
});

describe("identification", () => {
  it.each([
    ["the right PESEL and parent's name", pesel(DEMO_VOTERS.adult), true, undefined],
    ["the parent's name in other letter case and spacing", { ...pesel(DEMO_VOTERS.adult), parentFirstName: "  KRYSTYNA " }, true, undefined],
    ["a wrong parent's name", { ...pesel(DEMO_VOTERS.adult), parentFirstName: "Zofia" }, false, "identity_not_confirmed"],
    ["a valid PESEL that is not in the register", pesel({ pesel: makePesel({ year: 1970, month: 7, day: 7 }, 999, "male"), parentFirstName: "Krystyna" }), false, "identity_not_confirmed"],
    ["a PESEL with a wrong checksum", { ...pesel(DEMO_VOTERS.adult), pesel: "80051412314" }, false, "pesel_checksum"],
    ["the right card number and names", { method: "karta", cardNumber: DEMO_VOTERS.karta.cardNumber, firstName: "olga", lastName: "NOWAK" }, true, undefined],
    ["a card number with a wrong surname", { method: "karta", cardNumber: DEMO_VOTERS.karta.cardNumber, firstName: "Olga", lastName: "Kowalska" }, false, "identity_not_confirmed"],
    ["a young child on their own", pesel(DEMO_VOTERS.child), false, "must_vote_through_guardian"],
  ])("with %s", async (_name, input, ok, reason) => {
    const r = await identifyVoter(t.db, input, bo, NOW);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it("the youth budget takes the teenager and not the adult", async () => {
    expect((await identifyVoter(t.db, pesel(DEMO_VOTERS.teen), youth, NOW)).ok).toBe(true);
    expect(await identifyVoter(t.db, pesel(DEMO_VOTERS.adult), youth, NOW)).toMatchObject({ ok: false, reason: "too_old" });
  });

  it("outside the voting phase nobody is admitted", async () => {
    const closed = { ...bo, phases: bo.phases.map((p) => (p.phase === "voting" ? { ...p, startsAt: "2000-01-01T00:00:00Z", endsAt: "2000-01-02T00:00:00Z" } : p)) };
    expect(await identifyVoter(t.db, pesel(DEMO_VOTERS.adult2), closed, NOW)).toMatchObject({ ok: false, reason: "not_voting_phase" });
  });
});

describe("casting", () => {
  it("stores one sealed ballot in a district other than one's own, with a receipt that finds it", async () => {
    const who = await identifyVoter(t.db, pesel(DEMO_VOTERS.adult), bo, NOW);
    if (!who.ok) throw new Error(who.reason);
    const { catalogue, ...ballot } = await ballotFor("chylonia", 3);
    const result = await castBallot(t.db, who.voter, bo, ballot, { channel: "online" }, NOW);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const lookup = receiptLookupHash(result.receipt.toLowerCase().replace(/-/g, " "));
    expect(lookup.ok).toBe(true);
    expect(await lookupReceipt(t.db, lookup.ok ? lookup.hash : "")).toMatchObject({ state: "sealed", programmeKind: "bo" });
    // what the commission will read after opening: the district and every tick
    const content = await unsealByReceipt(t.db, result.receipt);
    expect(content?.ballot.districtId).toBe(ballot.districtId);
    expect(content?.ballot.lines.length).toBe(catalogue.reduce((s, p) => s + Math.min(3, p.projects.length), 0));
    const turnout = await t.db.selectFrom("turnout_counters").selectAll().where("programme_id", "=", bo.programmeId).where("district_id", "=", ballot.districtId).executeTakeFirstOrThrow();
    expect(turnout).toMatchObject({ channel: "online", voters: 1 });
    // and the same person cannot vote again, in any channel
    expect(await identifyVoter(t.db, pesel(DEMO_VOTERS.adult), bo, NOW)).toMatchObject({ ok: false, reason: "already_voted" });
    expect(await castBallot(t.db, who.voter, bo, ballot, { channel: "online" }, NOW)).toEqual({ ok: false, reason: "already_voted" });
    const paper = await castPaperBallot(t.db, pesel(DEMO_VOTERS.adult), bo, ballot, "usr_demo_official", NOW);
    expect(paper).toMatchObject({ ok: false, reason: "already_voted" });
    expect(await t.db.selectFrom("participations").select("voter_id").where("voter_id", "=", who.voter.voterId).execute()).toHaveLength(1);
  });

  it("refuses a fourth tick and an empty ballot, and writes nothing", async () => {
    const who = await identifyVoter(t.db, pesel(DEMO_VOTERS.adult2), bo, NOW);
    if (!who.ok) throw new Error(who.reason);
    const { catalogue, ...ballot } = await ballotFor("orlowo", 3);
    const city = catalogue.find((p) => p.kind === "city")!;
    const four = { ...ballot, selections: { ...ballot.selections, [city.poolId]: city.projects.slice(0, 4).map((p) => p.id) } };
    const ballotsBefore = await countSealed(t.db);
    expect(await castBallot(t.db, who.voter, bo, four, { channel: "online" }, NOW)).toMatchObject({ ok: false, reason: "ballot_invalid", errors: [{ poolId: city.poolId, reason: "ballot_too_many_ticks" }] });
    expect(await castBallot(t.db, who.voter, bo, { districtId: ballot.districtId, selections: {} }, { channel: "online" }, NOW)).toMatchObject({ ok: false, reason: "ballot_invalid" });
    expect(await countSealed(t.db)).toBe(ballotsBefore);
    expect(await t.db.selectFrom("participations").select("voter_id").where("voter_id", "=", who.voter.voterId).execute()).toHaveLength(0);
  });

  it("100 concurrent attempts by one person give exactly one ballot", async () => {
    const p = { pesel: makePesel({ year: 1940, month: 1, day: 1 }, 0, "female", 0), parentFirstName: "Anna" };
    const who = await identifyVoter(t.db, pesel(p), bo, NOW);
    if (!who.ok) throw new Error(who.reason);
    const { catalogue: _c, ...ballot } = await ballotFor("babie-doly", 1);
    const before = await countSealed(t.db);
    const results = await Promise.all(Array.from({ length: 100 }, () => castBallot(t.db, who.voter, bo, ballot, { channel: "online" }, NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "already_voted")).toHaveLength(99);
    expect(await countSealed(t.db)).toBe(before + 1);
  });

  it("a parent votes for a young child; a teenager is too old for that", async () => {
    const guardian = pesel(DEMO_VOTERS.adult); // already voted for himself: does not matter here
    const r = await identifyChild(t.db, guardian, pesel(DEMO_VOTERS.child), bo, NOW);
    if (!r.ok) throw new Error(r.reason);
    expect(r.voter.onBehalf).toBe("guardian");
    const { catalogue: _c, ...ballot } = await ballotFor("orlowo", 1);
    const cast = await castBallot(t.db, r.voter, bo, ballot, { channel: "online" }, NOW);
    expect(cast.ok).toBe(true);
    const part = await t.db.selectFrom("participations").selectAll().where("voter_id", "=", r.voter.voterId).executeTakeFirstOrThrow();
    expect(part).toMatchObject({ on_behalf: "guardian", age_band: "0-12" });
    expect(await identifyChild(t.db, guardian, pesel(DEMO_VOTERS.teen), bo, NOW)).toMatchObject({ ok: false, reason: "child_too_old_for_guardian_vote" });
    expect(await identifyChild(t.db, guardian, pesel(DEMO_VOTERS.child), bo, NOW)).toMatchObject({ ok: false, reason: "already_voted" });
  });

  it("a paper ballot over the limit is void in that category only, and the entry is audited without choices", async () => {
    const p = { pesel: makePesel({ year: 1941, month: 2, day: 2 }, 1, "male", 0), parentFirstName: "Piotr" };
    const { catalogue, ...ballot } = await ballotFor("chwarzno-wiczlino", 1);
    const city = catalogue.find((x) => x.kind === "city")!;
    const over = { ...ballot, selections: { ...ballot.selections, [city.poolId]: city.projects.slice(0, 5).map((x) => x.id) } };
    const result = await castPaperBallot(t.db, pesel(p), bo, over, "usr_demo_official", NOW);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.invalidPools).toEqual([{ poolId: city.poolId, reason: "ballot_too_many_ticks" }]);
    const content = (await unsealByReceipt(t.db, result.receipt))!;
    expect(content.ballot.lines.map((l) => l.poolId)).not.toContain(city.poolId);
    expect(content.ballot.lines.length).toBe(2); // district large + small
    expect(content.invalidPools).toEqual([{ poolId: city.poolId, reason: "ballot_too_many_ticks" }]);
    const audit = (await listAudit(t.db, { action: "ballot.paper_entered" }, 5))[0]!;
    expect(audit.actorEmail).toBe("urzednik@demo.bo-gdynia.pl");
    expect(audit.after).not.toContain(city.projects[0]!.id);
    // the audit says which point and hour, never for whom nor the exact moment
    expect(audit.objectType).toBe("voting_point");
    const paperVoters = await t.db.selectFrom("participations").select("voter_id").where("channel", "=", "paper").execute();
    expect(paperVoters.length).toBeGreaterThan(0);
    for (const v of paperVoters) expect(JSON.stringify(audit)).not.toContain(v.voter_id);
    expect(new Date(audit.at).getUTCMinutes()).toBe(0);
  });
});
