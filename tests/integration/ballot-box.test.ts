/**
 * Issue #15, the secret ballot, against a real SQLite file built by the migrations and seeded with
 * the demo: what a cast writes, what the files on disk (database, WAL, backup) reveal, opening the
 * ballot box with k of n commission shares (and refusing with fewer), the count that follows, and an
 * attacker who holds the files trying to pair voters with ballots.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPhases } from "../../app/cli/seed";
import { DEMO_COMMISSION } from "../../app/cli/seed-data/commission";
import { demoResident } from "../../app/cli/seed-voting";
import { backupDatabase } from "../../db/backup";
import { generateCommissionKey, sealBallot, withBallotKey } from "~/auth/ballot-seal.server";
import { sha256 } from "~/auth/crypto.server";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue, type VotingProgramme } from "~/data/ballots.server";
import { listAudit } from "~/data/audit.server";
import { listPublishedResults } from "~/data/results.server";
import { parsePabulib, tallyElection, type PbElection } from "~/domain/counting";
import type { Actor } from "~/domain/permissions";
import { decodeSealedContent, encodeSealedContent, formatShareCode, parseShareCode, shuffled } from "~/domain/voting";
import { createCommissionKey, lookupReceipt, openBallotBox } from "~/services/ballot-box.server";
import { countEdition } from "~/services/results.server";
import { castBallot, castPaperBallot, identifyVoter } from "~/services/voting.server";
import { createTestDb, onPostgres, type TestDb } from "../support/db";

let t: TestDb;
let bo: VotingProgramme;
const NOW = new Date();
const ED = "ed_2026";
const official: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
const youthOfficial: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "youth" }] };
const admin: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };
const [S1, S2, S3] = DEMO_COMMISSION.shares;

async function setPhase(phase: "voting" | "counting") {
  for (const w of demoPhases(NOW, phase)) {
    await t.db.updateTable("edition_phases").set({ starts_at: w.startsAt, ends_at: w.endsAt }).where("edition_id", "=", ED).where("phase", "=", w.phase).execute();
  }
  clearCatalogueCache();
  bo = (await getVotingProgramme(t.db, "bo"))!;
}

/** Every combination of 1..3 of the given ids: distinct ballots, so a pairing can be judged by content. */
function combos(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let a = 0; a < ids.length; a++) {
    out.push([ids[a]!]);
    for (let b = a + 1; b < ids.length; b++) {
      out.push([ids[a]!, ids[b]!]);
      for (let c = b + 1; c < ids.length; c++) out.push([ids[a]!, ids[b]!, ids[c]!]);
    }
  }
  return out;
}

interface Cast {
  voterId: string;
  receipt: string;
  /** The ballot's content as a comparable string: every chosen project, sorted. */
  content: string;
  selections: Record<string, string[]>;
}
const casts: Cast[] = [];
let districtId = "";
let largePool = "";
let cityPool = "";

async function columnsOf(table: string): Promise<string[]> {
  const rows = onPostgres
    ? await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = ${table}`.execute(t.db)
    : await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(t.db);
  return rows.rows.map((r) => r.name).sort();
}
async function tables(): Promise<string[]> {
  if (onPostgres) return (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(t.db)).rows.map((r) => r.name);
  const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(t.db);
  return rows.rows.map((r) => r.name);
}
async function snapshot(): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const name of await tables()) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.db);
    out.set(name, new Set(rows.rows.map((r) => JSON.stringify(r))));
  }
  return out;
}
/** The bytes an attacker copies: the database file and its write-ahead log. */
function diskBytes(path = t.path): Buffer {
  return Buffer.concat([readFileSync(path), existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`) : Buffer.alloc(0)]);
}

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
  await setPhase("voting");
  districtId = (await t.db.selectFrom("districts").select("id").where("slug", "=", "orlowo").executeTakeFirstOrThrow()).id;
  const catalogue = await loadCatalogue(t.db, bo.programmeId, districtId);
  const large = catalogue.find((p) => p.kind === "district_large")!;
  const city = catalogue.find((p) => p.kind === "city")!;
  largePool = large.poolId;
  cityPool = city.poolId;
  // every ballot different: a combination in the large pool crossed with one in the city pool
  const L = combos(large.projects.map((p) => p.id));
  const C = combos(city.projects.map((p) => p.id));
  const total = Math.min(44, L.length * C.length);
  expect(total).toBeGreaterThanOrEqual(30);
  for (let n = 0; n < total; n++) {
    const selections = { [largePool]: L[n % L.length]!, [cityPool]: C[Math.floor(n / L.length) % C.length]! };
    // a few on paper and a few assisted: the channel must not survive into the counted ballot
    const r =
      n % 11 === 3
        ? await castPaperBallot(t.db, { method: "pesel", ...demoResident(n) }, bo, { districtId, selections }, official.id, NOW)
        : await (async () => {
            const who = await identifyVoter(t.db, { method: "pesel", ...demoResident(n) }, bo, NOW);
            if (!who.ok) throw new Error(`${n}: ${who.reason}`);
            const ctx = n % 11 === 5 ? { channel: "assisted" as const, votingPointId: "vp_wymiennikownia", officialUserId: official.id } : { channel: "online" as const };
            return castBallot(t.db, who.voter, bo, { districtId, selections }, ctx, NOW);
          })();
    if (!r.ok) throw new Error(`${n}: ${JSON.stringify(r)}`);
    const part = await t.db.selectFrom("participations").select("voter_id").where("programme_id", "=", bo.programmeId).execute();
    const known = new Set(casts.map((c) => c.voterId));
    casts.push({ voterId: part.find((p) => !known.has(p.voter_id))!.voter_id, receipt: r.receipt, content: [...selections[largePool]!, ...selections[cityPool]!].sort().join(","), selections });
  }
});
afterAll(async () => t.cleanup());

describe("casting writes no choice in clear", () => {
  it("no row written or changed by a cast contains the chosen projects", async () => {
    const before = await snapshot();
    const n = 300;
    const who = await identifyVoter(t.db, { method: "pesel", ...demoResident(n) }, bo, NOW);
    if (!who.ok) throw new Error(who.reason);
    const chosen = [casts[0]!.selections[largePool]![0]!, casts[1]!.selections[cityPool]![0]!];
    const r = await castBallot(t.db, who.voter, bo, { districtId, selections: { [largePool]: [chosen[0]!], [cityPool]: [chosen[1]!] } }, { channel: "online" }, NOW);
    expect(r.ok).toBe(true);
    const after = await snapshot();
    const written: string[] = [];
    for (const [name, rows] of after) for (const row of rows) if (!before.get(name)?.has(row)) written.push(`${name}: ${row}`);
    expect(written.some((w) => w.startsWith("sealed_ballots:"))).toBe(true);
    expect(written.some((w) => w.startsWith("participations:"))).toBe(true);
    for (const w of written) for (const id of chosen) expect(w).not.toContain(id);
    casts.push({ voterId: who.voter.voterId, receipt: r.ok ? r.receipt : "", content: [...chosen].sort().join(","), selections: { [largePool]: [chosen[0]!], [cityPool]: [chosen[1]!] } });
  });

  it.skipIf(onPostgres)("the database, its log and a backup hold ciphertext only: no ballot content, and all sealed ballots are the same length", async () => {
    const dir = t.dir;
    const backup = await backupDatabase(t.path, join(dir, "backup.sqlite"));
    expect(backup).toBeTruthy();
    for (const bytes of [diskBytes(), readFileSync(join(dir, "backup.sqlite"))]) {
      // the plaintext's own markers: a sealed ballot's JSON would carry them
      expect(bytes.includes(Buffer.from('"l":[['))).toBe(false);
      expect(bytes.includes(Buffer.from('"pad":'))).toBe(false);
    }
    expect(Number((await t.db.selectFrom("ballot_lines").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)).toBe(0);
    const lengths = new Set((await t.db.selectFrom("sealed_ballots").select("sealed").execute()).map((r) => r.sealed.length));
    expect(lengths.size).toBe(1);
    expect(await columnsOf("sealed_ballots")).toEqual(["id", "programme_id", "receipt_hash", "sealed"]);
  });

  it("a receipt says the ballot is sealed, and what programme — nothing else", async () => {
    const found = await lookupReceipt(t.db, sha256(casts[0]!.receipt));
    expect(found).toEqual({ state: "sealed", programmeKind: "bo", year: 2026, counted: 0 });
  });
});

describe("opening the ballot box", () => {
  const counts = async () => ({
    sealed: Number((await t.db.selectFrom("sealed_ballots").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    ballots: Number((await t.db.selectFrom("ballots").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    audit: Number((await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
  });

  it("is impossible while voting runs, and nothing can be counted while ballots are sealed", async () => {
    const before = await counts();
    expect(await openBallotBox(t.db, ED, [S1, S2], official, NOW)).toEqual({ ok: false, reason: "voting_not_finished" });
    await setPhase("counting");
    expect(await countEdition(t.db, ED, official, {}, NOW)).toEqual({ ok: false, reason: "ballot_box_sealed" });
    expect(await counts()).toEqual(before);
  });

  it("refuses k-1 shares, a typo, another key's share, a repeated share, a forged share and an official of one programme — changing nothing", async () => {
    const before = await counts();
    expect(await openBallotBox(t.db, ED, [S1], official, NOW)).toEqual({ ok: false, reason: "shares_too_few", threshold: 2 });
    expect(await openBallotBox(t.db, ED, [null, S2, ""], official, NOW)).toEqual({ ok: false, reason: "shares_too_few", threshold: 2 });
    const typo = S2.slice(0, 10) + (S2[10] === "A" ? "B" : "A") + S2.slice(11);
    expect(await openBallotBox(t.db, ED, [S1, typo], official, NOW)).toEqual({ ok: false, reason: "share_checksum", member: 2 });
    const other = await generateCommissionKey(3, 2);
    expect(await openBallotBox(t.db, ED, [S1, other.shares[1]!], official, NOW)).toEqual({ ok: false, reason: "share_other_edition", member: 2 });
    expect(await openBallotBox(t.db, ED, [S1, S1], official, NOW)).toEqual({ ok: false, reason: "shares_duplicate" });
    // a well-formed share of this edition's key whose bytes are not the member's: the rebuilt key is checked
    const fp = (await import("~/auth/ballot-seal.server")).keyFingerprint(DEMO_COMMISSION.publicKey);
    const real = parseShareCode(S2, 33, fp);
    if (!real.ok) throw new Error("demo share unreadable");
    const forged = real.share.slice();
    forged[0] = forged[0]! ^ 0x5a;
    expect(await openBallotBox(t.db, ED, [S1, formatShareCode(forged, fp)], official, NOW)).toEqual({ ok: false, reason: "shares_wrong" });
    expect(await openBallotBox(t.db, ED, [S1, S2], youthOfficial, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await counts()).toEqual(before);
  });

  it("with k shares: every ballot decrypted exactly, shuffled under fresh ids, receipts listed, the box emptied, the audit naming whose shares", async () => {
    const sealedIds = (await t.db.selectFrom("sealed_ballots").select(["id", "receipt_hash"]).execute()).map((r) => r.id);
    const beforeOpen = onPostgres ? Buffer.alloc(0) : diskBytes();
    const r = await openBallotBox(t.db, ED, [S1, null, S3], official, NOW);
    expect(r).toEqual({ ok: true, opened: casts.length, unreadable: 0, mismatches: [] });
    // what was cast is exactly what is now in clear
    const lines = await t.db.selectFrom("ballot_lines").select(["ballot_id", "proposal_id"]).execute();
    const byBallot = new Map<string, string[]>();
    for (const l of lines) byBallot.set(l.ballot_id, [...(byBallot.get(l.ballot_id) ?? []), l.proposal_id]);
    expect([...byBallot.values()].map((v) => v.sort().join(",")).sort()).toEqual(casts.map((c) => c.content).sort());
    expect(await t.db.selectFrom("sealed_ballots").select("id").execute()).toEqual([]);
    expect(await columnsOf("ballots")).toEqual(["district_id", "id", "programme_id"]);
    // nothing of the sealed rows is left on disk: secure_delete zeroed them and the log was truncated
    if (!onPostgres) {
      const afterOpen = diskBytes();
      expect(sealedIds.some((id) => beforeOpen.includes(Buffer.from(id)))).toBe(true);
      for (const id of sealedIds) expect(afterOpen.includes(Buffer.from(id))).toBe(false);
    }
    // every voter's receipt is among the counted, and the receipt says only that
    for (const c of casts) expect(await lookupReceipt(t.db, sha256(c.receipt))).toEqual({ state: "counted", programmeKind: "bo", year: 2026, counted: casts.length });
    const audit = (await listAudit(t.db, { action: "ballot_box.open" }, 5))[0]!;
    expect(JSON.parse(audit.after!)).toMatchObject({ sharesOf: [{ position: 1, name: DEMO_COMMISSION.members[0] }, { position: 3, name: DEMO_COMMISSION.members[2] }], opened: casts.length, unreadable: 0 });
    expect(await openBallotBox(t.db, ED, [S1, S2], official, NOW)).toEqual({ ok: false, reason: "nothing_sealed" });
  });

  it.skipIf(onPostgres)("an attacker holding the files cannot pair participations with ballots better than chance", async () => {
    const castOrder = casts.map((c) => c.content); // the strongest assumption: the attacker knows the order voters cast in
    const contentOf = new Map<string, string>();
    for (const l of await t.db.selectFrom("ballot_lines").select(["ballot_id", "proposal_id"]).execute()) contentOf.set(l.ballot_id, [contentOf.get(l.ballot_id), l.proposal_id].filter(Boolean).join(","));
    const norm = (s: string) => s.split(",").sort().join(",");
    const stored = (await sql<{ id: string }>`select id from ballots`.execute(t.db)).rows.map((r) => r.id); // physical order
    const bytes = diskBytes();
    const byOffset = [...stored].sort((a, b) => bytes.indexOf(Buffer.from(a)) - bytes.indexOf(Buffer.from(b))); // order of writing on disk
    for (const order of [stored, byOffset]) {
      const hits = order.filter((id, i) => norm(contentOf.get(id)!) === castOrder[i]).length;
      // a random permutation has on average 1 fixed point; 7 or more has probability < 1e-4
      expect(hits).toBeLessThanOrEqual(6);
    }
    // the channel is gone: paper and assisted ballots look like any other
    const participationsByChannel = await t.db.selectFrom("participations").select(["channel"]).where("programme_id", "=", bo.programmeId).execute();
    expect(new Set(participationsByChannel.map((p) => p.channel))).toEqual(new Set(["online", "paper", "assisted"]));
  });

  it("the count of the opened box equals a count of the same ballots in clear", async () => {
    const r = await countEdition(t.db, ED, official, {}, NOW);
    expect(r.ok).toBe(true);
    const drafts = await listPublishedResults(t.db, ED, { includeDrafts: true });
    for (const poolId of [largePool, cityPool]) {
      const pool = drafts.find((p) => p.poolId === poolId)!;
      const expected = new Map<string, number>();
      for (const c of casts) for (const id of c.selections[poolId] ?? []) expected.set(id, (expected.get(id) ?? 0) + 1);
      for (const row of pool.rows) expect(row.votes, row.proposalId).toBe(expected.get(row.proposalId) ?? 0);
      expect(pool.voters).toBe(casts.length);
    }
  });

  it("the key cannot be replaced once ballots exist", async () => {
    expect(await createCommissionKey(t.db, ED, { members: ["Anna Nowak", "Jan Kowalski"], threshold: 2 }, admin, NOW)).toEqual({ ok: false, reason: "ballots_exist" });
  });
});

describe("real Polish elections through the seal", () => {
  const dir = join(__dirname, "../fixtures/pabulib");
  const files = readdirSync(dir).filter((f) => f.endsWith(".pb")).slice(0, onPostgres ? 2 : 6);

  it.each(files)("%s: sealed, opened with k of n shares, shuffled — the same votes and the same winners", async (file) => {
    const election = parsePabulib(readFileSync(join(dir, file), "utf8"));
    const made = await generateCommissionKey(5, 3);
    const key = { ...made, threshold: 3 };
    const sealed = await Promise.all(
      election.votes.map((v, i) =>
        sealBallot(
          key.publicKey,
          encodeSealedContent({ programmeId: "pb", ballot: { districtId: null, lines: v.vote.map((p, j) => ({ poolId: "pool", projectId: p, points: v.points?.[j] ?? 1 })) }, invalidPools: [], receiptHash: sha256(String(i)) }),
        ),
      ),
    );
    expect(await withBallotKey(key, key.shares.slice(0, 2), async () => 0)).toEqual({ ok: false, reason: "shares_too_few" }); // k-1
    // and k-1 shares combined anyway (a tool that ignores the threshold) do not rebuild the key
    expect(await withBallotKey({ ...key, threshold: 2 }, key.shares.slice(0, 2), async () => 0)).toEqual({ ok: false, reason: "shares_wrong" });
    const opened = await withBallotKey(key, [key.shares[4]!, key.shares[0]!, key.shares[2]!], async (open) => sealed.map((s) => decodeSealedContent(open(s)!)));
    if (!opened.ok) throw new Error(opened.reason);
    const votes = shuffled(opened.value, (n) => Math.floor(Math.random() * n)).map((d, i) => {
      if (!d.ok) throw new Error("unreadable");
      const lines = d.content.ballot.lines;
      return { voterId: `v${i}`, vote: lines.map((l) => l.projectId), ...(election.votes[0]?.points ? { points: lines.map((l) => l.points) } : {}), extra: {} };
    });
    const reopened: PbElection = { ...election, votes };
    const key2 = (e: PbElection) => e.votes.map((v) => `${v.vote.join(",")}|${(v.points ?? []).join(",")}`).sort();
    expect(key2(reopened)).toEqual(key2(election));
    expect(tallyElection(reopened, "greedy").selected).toEqual(tallyElection(election, "greedy").selected);
  });
});

