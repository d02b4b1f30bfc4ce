/**
 * Small groups (#15) on a real database: the statistics and turnout services hide what the
 * threshold says, the .pb of a small pool has no ballot lines and still parses and counts (also by
 * the CLI), and the threshold is validated, audited, and kept when an edition is copied.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPhases } from "../../app/cli/seed";
import { demoResident } from "../../app/cli/seed-voting";
import { clearCatalogueCache, getVotingProgramme, listTurnout, loadCatalogue, type VotingProgramme } from "~/data/ballots.server";
import { getEditionAdmin } from "~/data/edition-admin.server";
import { listPublishedResults } from "~/data/results.server";
import { listParticipationCells } from "~/data/small-groups.server";
import { parsePabulib, profileFromPabulib, tallyElection } from "~/domain/counting";
import { EditionUpdateInputSchema } from "~/domain/edition-setup";
import type { Actor } from "~/domain/permissions";
import { parseForm } from "~/http/form";
import { copyEdition, updateEditionDetails } from "~/services/edition-admin.server";
import { poolPabulib } from "~/services/open-data.server";
import { protectChannels, publicTurnout, publicVotingStatistics, votingStatisticsFlat } from "~/services/public-stats.server";
import { countEdition } from "~/services/results.server";
import { openBallotBox } from "~/services/ballot-box.server";
import { DEMO_COMMISSION } from "../../app/cli/seed-data/commission";
import { castBallot, identifyVoter, type CastContext } from "~/services/voting.server";
import { createTestDb, type TestDb } from "../support/db";
import { repoRoot } from "../support/server";

const NOW = new Date();
const admin: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };
const official: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
let t: TestDb;
let bo: VotingProgramme;
const ids: Record<string, string> = {};
const largePool: Record<string, string> = {};

async function setPhase(phase: "voting" | "counting") {
  for (const w of demoPhases(NOW, phase)) {
    await t.db.updateTable("edition_phases").set({ starts_at: w.startsAt, ends_at: w.endsAt }).where("edition_id", "=", "ed_2026").where("phase", "=", w.phase).execute();
  }
  clearCatalogueCache();
  bo = (await getVotingProgramme(t.db, "bo"))!;
}

async function vote(n: number, district: string, channel: CastContext["channel"]) {
  const who = await identifyVoter(t.db, { method: "pesel", ...demoResident(n) }, bo, NOW);
  if (!who.ok) throw new Error(`${n}: ${who.reason}`);
  const catalogue = await loadCatalogue(t.db, bo.programmeId, ids[district]!);
  const large = catalogue.find((p) => p.kind === "district_large")!;
  largePool[district] = large.poolId;
  const r = await castBallot(t.db, who.voter, bo, { districtId: ids[district]!, selections: { [large.poolId]: [large.projects[n % 2]!.id] } }, { channel }, NOW);
  if (!r.ok) throw new Error(JSON.stringify(r));
}

const setThreshold = (n: number) => t.db.updateTable("editions").set({ small_group_threshold: n }).where("id", "=", "ed_2026").execute();

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
  await setPhase("voting");
  for (const slug of ["orlowo", "redlowo", "oksywie"]) ids[slug] = (await t.db.selectFrom("districts").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  // Orłowo: 14 online and 3 on paper; Redłowo: 12 online; Oksywie: 4 online (a small district)
  for (let n = 0; n < 14; n++) await vote(n, "orlowo", "online");
  for (let n = 14; n < 17; n++) await vote(n, "orlowo", "paper");
  for (let n = 20; n < 32; n++) await vote(n, "redlowo", "online");
  for (let n = 40; n < 44; n++) await vote(n, "oksywie", "online");
});
afterAll(async () => t.cleanup());

describe("statistics and turnout with the default threshold (10)", () => {
  it("publishes district totals in full but no breakdown group of 1–9 people, on either page", async () => {
    const stats = await publicVotingStatistics(t.db, "ed_2026");
    expect(stats.threshold).toBe(10);
    const p = stats.programmes.find((x) => x.kind === "bo")!;
    expect(p.total).toBe(33);
    expect(p.byDistrict.map((d) => d.voters)).toEqual([17, 12, 4]);
    expect(p.protected).toBe(true);
    const shown = [...p.byChannel.groups.map((g) => g.voters), ...p.byAge.groups.map((g) => g.voters), p.byChannel.other ?? 0, p.byAge.other ?? 0];
    expect(shown.filter((n) => n > 0 && n < 10)).toEqual([]);
    // the 3 paper votes are not a line of their own
    expect(p.byChannel.groups.find((g) => g.group === "paper")).toBeUndefined();
    expect(p.byChannel.other).toBeGreaterThanOrEqual(10);

    const turnout = await publicTurnout(t.db);
    const line = (district: string) => turnout.programmes.find((x) => x.kind === "bo")!.lines.find((l) => l.district === district)!;
    expect(turnout.threshold).toBe(10);
    expect(line("Orłowo")).toMatchObject({ total: 17, channels: { paper: null } });
    // Orłowo's online count would give the paper count away by subtraction from its total
    expect(line("Orłowo").channels.online).toBeNull();
    expect(line("Oksywie")).toMatchObject({ total: 4, channels: { online: null, assisted: null, paper: null } });
    expect(Object.values(turnout.programmes[0]!.lines.flatMap((l) => Object.values(l.channels))).filter((n) => n !== null && n > 0 && n < 10)).toEqual([]);
  });

  it("builds the same protected table from the turnout counters as from the participations (so the pages agree)", async () => {
    const fromCounters = protectChannels((await listTurnout(t.db, bo.programmeId)).map((r) => ({ ...r, districtId: r.districtId === "-" ? null : r.districtId })), 10);
    const fromParticipations = protectChannels((await listParticipationCells(t.db, "ed_2026")).filter((c) => c.programme === "bo"), 10);
    expect(fromCounters).toEqual(fromParticipations);
    expect(fromCounters.table.hidden).toBeGreaterThan(0);
  });

  it("gives the same protected numbers in the flat shape other readers (the public API) use", async () => {
    const flat = await votingStatisticsFlat(t.db, "ed_2026");
    const bo = (rows: { programme: string; group: string | null; voters: number }[]) => rows.filter((r) => r.programme === "bo").map((r) => [r.group, r.voters]);
    expect(bo(flat.byDistrict)).toEqual([["Orłowo", 17], ["Redłowo", 12], ["Oksywie", 4]]);
    expect(bo(flat.byChannel)).toEqual([["other", 33]]);
    expect([...flat.byAge, ...flat.byChannel].filter((r) => r.voters > 0 && r.voters < 10)).toEqual([]);
    expect(flat.byAge.reduce((s, r) => s + r.voters, 0)).toBe(33);
  });

  it("shows everything once the city lowers the threshold to 2", async () => {
    await setThreshold(2);
    const p = (await publicVotingStatistics(t.db, "ed_2026")).programmes.find((x) => x.kind === "bo")!;
    expect(p.byChannel).toEqual({ groups: [{ group: "online", voters: 30 }, { group: "paper", voters: 3 }], other: null });
    const turnout = await publicTurnout(t.db);
    expect(turnout.programmes.find((x) => x.kind === "bo")!.lines.find((l) => l.district === "Orłowo")!.channels).toEqual({ online: 14, assisted: 0, paper: 3 });
    expect(turnout.programmes.every((x) => !x.protected)).toBe(true);
    await setThreshold(10);
  });
});

describe("the .pb of a small pool", () => {
  it("has no ballot lines below the threshold, says why, and still parses and counts (CLI too)", async () => {
    await setPhase("counting");
    expect((await openBallotBox(t.db, "ed_2026", [DEMO_COMMISSION.shares[0], DEMO_COMMISSION.shares[1]], official, NOW)).ok).toBe(true);
    expect((await countEdition(t.db, "ed_2026", official, {}, NOW)).ok).toBe(true);
    const pools = await listPublishedResults(t.db, "ed_2026", { includeDrafts: true });
    const small = pools.find((p) => p.poolId === largePool.oksywie)!;
    const big = pools.find((p) => p.poolId === largePool.orlowo)!;
    expect(small.voters).toBe(4);
    expect(big.voters).toBe(17);

    const text = await poolPabulib(t.db, small, 2026);
    expect(text.split("\nVOTES\n")[1]).toBe("voter_id;vote\n");
    const election = parsePabulib(text);
    expect(election.votes).toEqual([]);
    expect(election.meta.num_votes).toBe("4");
    expect(election.meta.comment).toContain("fewer than 10 people");
    expect(election.projects.reduce((s, p) => s + (p.votes ?? 0), 0)).toBe(4);
    expect(profileFromPabulib(election).voters).toBe(0);
    expect(tallyElection(election, "meta", {}).selected).toEqual([]);
    const file = join(t.dir, "small.pb");
    writeFileSync(file, text);
    const out = execFileSync(process.execPath, [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), join(repoRoot, "app/cli/tally.ts"), file, "--json"], { encoding: "utf8" });
    expect(JSON.parse(out)).toMatchObject({ selected: [] });

    const full = parsePabulib(await poolPabulib(t.db, big, 2026));
    expect(full.votes).toHaveLength(17);
    expect(full.meta.comment ?? "").not.toContain("withheld");
  });
});

describe("setting the threshold", () => {
  it("validates 2–100 as the edition form sends it", () => {
    const form = (v: string) => {
      const f = new FormData();
      f.set("name", "BO 2026");
      f.set("rulesText", "");
      f.set("smallGroupThreshold", v);
      return parseForm(f, EditionUpdateInputSchema);
    };
    expect(form("15")).toMatchObject({ status: "success", value: { smallGroupThreshold: 15 } });
    for (const bad of ["1", "101", "", "7.5", "dziesięć"]) {
      const r = form(bad);
      expect(r.status !== "success" ? r.error?.smallGroupThreshold : "accepted", bad).toEqual(["smallGroups.error.threshold"]);
    }
  });

  it("is audited with before and after, refused to a non-admin without writing, and kept by a copied edition", async () => {
    const before = await getEditionAdmin(t.db, "ed_2026");
    expect(await updateEditionDetails(t.db, official, "ed_2026", { name: "x", rulesText: "", smallGroupThreshold: 3 }, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await getEditionAdmin(t.db, "ed_2026")).toEqual(before);
    expect(await updateEditionDetails(t.db, admin, "ed_2026", { name: before!.name, rulesText: before!.rulesText, smallGroupThreshold: 25 }, NOW)).toEqual({ ok: true });
    expect((await getEditionAdmin(t.db, "ed_2026"))!.smallGroupThreshold).toBe(25);
    const row = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "edition.update").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(JSON.parse(row.before_json!)).toMatchObject({ smallGroupThreshold: 10 });
    expect(JSON.parse(row.after_json!)).toMatchObject({ smallGroupThreshold: 25 });
    // leaving it out keeps it
    expect(await updateEditionDetails(t.db, admin, "ed_2026", { name: before!.name, rulesText: before!.rulesText }, NOW)).toEqual({ ok: true });
    expect((await getEditionAdmin(t.db, "ed_2026"))!.smallGroupThreshold).toBe(25);
    const copied = await copyEdition(t.db, admin, "ed_2026", 2031, { dir: t.dir, now: NOW });
    expect(copied.ok).toBe(true);
    expect((await getEditionAdmin(t.db, "ed_2031"))!.smallGroupThreshold).toBe(25);
  });
});
