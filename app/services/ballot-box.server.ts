/**
 * The ballot box of an edition (issue #15): the counting commission's key, opening the box with k
 * of its n shares, and receipts that prove inclusion without revealing a choice.
 *
 * - Setting up: an administrator names the commission and the threshold k; the server makes a key
 *   pair, splits the private key into one share per member, shows the shares once and keeps only
 *   the public key. A new key may replace the old only while no ballot has been cast.
 * - Opening: after voting has ended, k members type their shares on the results page; the key is
 *   rebuilt in memory, every sealed ballot is decrypted, the clear ballots are shuffled and written
 *   with fresh random ids, the receipts found inside them become the public inclusion list, the
 *   sealed ballots are deleted (and, on SQLite, overwritten and the log truncated), and the key is
 *   wiped. The audit records whose shares were used, by whom and when — never a choice.
 */
import { randomBytes } from "node:crypto";
import { sql, SqliteAdapter } from "kysely";
import type { Db } from "../../db/client";
import { generateCommissionKey, keyFingerprint, secureRandomInt, withBallotKey, type OpenRefusal } from "~/auth/ballot-seal.server";
import { insertAudit } from "~/data/audit.server";
import { listPhaseWindows } from "~/data/editions.server";
import {
  countParticipations,
  countSealedByProgramme,
  deleteSealed,
  getEditionKey,
  insertOpenedBallots,
  findReceipt,
  listCountedReceipts,
  listSealed,
  saveEditionKey,
  type ClearBallot,
} from "~/data/sealed-ballots.server";
import { currentPhase, phaseHasEnded } from "~/domain/phases";
import { can, type Actor } from "~/domain/permissions";
import { CommissionSchema, decodeSealedContent, formatFingerprint, shuffled } from "~/domain/voting";
import { mayCountEdition } from "./results.server";
import { getEditionAdmin } from "~/data/edition-admin.server";

export interface BallotBoxStatus {
  key: { fingerprint: string; threshold: number; members: string[]; createdAt: string } | null;
  /** Per programme of the edition: ballots still sealed, ballots already opened, people who voted. */
  programmes: { programmeId: string; kind: string; sealed: number; opened: number; participations: number }[];
  /** Someone has voted (or a ballot exists): the key can no longer be made or replaced. */
  locked: boolean;
}

export async function ballotBoxStatus(db: Db, editionId: string): Promise<BallotBoxStatus> {
  const key = await getEditionKey(db, editionId);
  const sealed = await countSealedByProgramme(db, editionId);
  const programmes = await db.selectFrom("programmes").select(["id", "kind"]).where("edition_id", "=", editionId).orderBy("kind").execute();
  const out = [];
  for (const p of programmes) {
    const opened = await db.selectFrom("ballots").select((eb) => eb.fn.countAll<number>().as("n")).where("programme_id", "=", p.id).executeTakeFirstOrThrow();
    out.push({ programmeId: p.id, kind: p.kind, sealed: sealed.get(p.id) ?? 0, opened: Number(opened.n), participations: await countParticipations(db, p.id) });
  }
  return {
    locked: out.some((p) => p.participations > 0 || p.sealed > 0 || p.opened > 0),
    key: key ? { fingerprint: formatFingerprint(keyFingerprint(key.publicKey)), threshold: key.threshold, members: key.members, createdAt: key.createdAt } : null,
    programmes: out,
  };
}

export type KeyRefusal = "not_allowed" | "edition_unknown" | "ballots_exist" | "invalid";

/** Makes the edition's key and returns the shares, to be shown once. Audited (names, k, fingerprint). */
export async function createCommissionKey(
  db: Db,
  editionId: string,
  input: { members: string[]; threshold: unknown },
  actor: Actor,
  now = new Date(),
): Promise<
  | { ok: true; fingerprint: string; threshold: number; shares: { member: string; position: number; code: string }[] }
  | { ok: false; reason: KeyRefusal; field?: "members" | "threshold"; code?: string }
> {
  if (!can(actor, "edition.manage")) return { ok: false, reason: "not_allowed" };
  const edition = await getEditionAdmin(db, editionId);
  if (!edition) return { ok: false, reason: "edition_unknown" };
  const parsed = CommissionSchema.safeParse({ members: input.members.map((m) => m.trim()).filter((m) => m !== ""), threshold: input.threshold });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: "invalid", field: issue.path[0] === "threshold" ? "threshold" : "members", code: issue.message };
  }
  const status = await ballotBoxStatus(db, editionId);
  if (status.locked) return { ok: false, reason: "ballots_exist" };
  const { members, threshold } = parsed.data;
  const made = await generateCommissionKey(members.length, threshold);
  const before = status.key ? { fingerprint: status.key.fingerprint, threshold: status.key.threshold, members: status.key.members } : null;
  const fingerprint = formatFingerprint(keyFingerprint(made.publicKey));
  await db.transaction().execute(async (trx) => {
    await saveEditionKey(trx, { editionId, publicKey: made.publicKey, threshold, members, createdBy: actor.id, createdAt: now.toISOString() });
    await insertAudit(
      trx,
      { actorUserId: actor.id, actorRole: "admin", action: "edition.commission_key", objectType: "edition", objectId: editionId, before, after: { fingerprint, threshold, members } },
      now,
    );
  });
  return { ok: true, fingerprint, threshold, shares: made.shares.map((code, i) => ({ member: members[i]!, position: i + 1, code })) };
}

export type OpenBoxRefusal = "not_allowed" | "voting_not_finished" | "no_key" | "nothing_sealed" | OpenRefusal;

export interface OpenBoxResult {
  ok: true;
  opened: number;
  /** Ciphertexts that did not decrypt to a well-formed ballot of their programme (tampering or damage): not counted. */
  unreadable: number;
  /** Programmes where ballots (sealed + already opened) and participations differ, with both numbers. */
  mismatches: { kind: string; ballots: number; participations: number }[];
}

/**
 * Opens the edition's ballot box with the shares typed by commission members (`codes[i]` is the
 * share of member i+1, empty when that member is not providing one).
 */
export async function openBallotBox(
  db: Db,
  editionId: string,
  codes: (string | null)[],
  actor: Actor,
  now = new Date(),
): Promise<OpenBoxResult | { ok: false; reason: OpenBoxRefusal; member?: number; threshold?: number }> {
  if (!(await mayCountEdition(db, editionId, actor))) return { ok: false, reason: "not_allowed" };
  const phases = await listPhaseWindows(db, editionId);
  if (!phaseHasEnded(phases, "voting", now) || currentPhase(phases, now) === "voting") return { ok: false, reason: "voting_not_finished" };
  const key = await getEditionKey(db, editionId);
  if (!key) return { ok: false, reason: "no_key" };
  const status = await ballotBoxStatus(db, editionId);
  if (status.programmes.every((p) => p.sealed === 0)) return { ok: false, reason: "nothing_sealed" };
  const given = codes.map((c, i) => ({ code: (c ?? "").trim(), member: i + 1 })).filter((c) => c.code !== "" && c.member <= key.members.length);

  const opened = await withBallotKey(key, given.map((g) => g.code), async (open) => {
    const ballots: ClearBallot[] = [];
    const receipts: { programmeId: string; receiptHash: string }[] = [];
    const sealedIds: string[] = [];
    let unreadable = 0;
    for (const p of status.programmes) {
      for (const row of await listSealed(db, p.programmeId)) {
        sealedIds.push(row.id);
        const text = open(row.sealed);
        const decoded = text === null ? null : decodeSealedContent(text);
        if (!decoded?.ok || decoded.content.programmeId !== p.programmeId || decoded.content.receiptHash !== row.receiptHash) {
          unreadable++;
          continue;
        }
        const c = decoded.content;
        ballots.push({ id: `blt_${randomBytes(16).toString("base64url")}`, programmeId: p.programmeId, districtId: c.ballot.districtId, lines: c.ballot.lines, invalidPools: c.invalidPools });
        receipts.push({ programmeId: p.programmeId, receiptHash: c.receiptHash });
      }
    }
    return { ballots: shuffled(ballots, secureRandomInt), receipts, sealedIds, unreadable };
  });
  if (!opened.ok) {
    if (opened.reason === "shares_too_few") return { ok: false, reason: opened.reason, threshold: key.threshold };
    return { ok: false, reason: opened.reason, member: opened.index === undefined ? undefined : given[opened.index]?.member };
  }

  const { ballots, receipts, sealedIds, unreadable } = opened.value;
  const mismatches = status.programmes
    .filter((p) => p.sealed + p.opened !== p.participations)
    .map((p) => ({ kind: p.kind, ballots: p.sealed + p.opened, participations: p.participations }));
  await db.transaction().execute(async (trx) => {
    await insertOpenedBallots(trx, ballots, receipts);
    await deleteSealed(trx, sealedIds);
    await insertAudit(
      trx,
      {
        actorUserId: actor.id,
        actorRole: "official",
        action: "ballot_box.open",
        objectType: "edition",
        objectId: editionId,
        after: { sharesOf: given.map((g) => ({ position: g.member, name: key.members[g.member - 1] })), opened: ballots.length, unreadable, mismatches },
      },
      now,
    );
  });
  // SQLite: the deleted pages were zeroed (secure_delete); move the log into the file and empty it,
  // so the order in which sealed ballots and participations were written is gone from disk too
  // PostgreSQL: the deleted tuples stay in the heap until vacuumed; VACUUM FULL rewrites the (now
  // empty) table, so no dead ciphertext with its transaction id is left beside the participations
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  else await sql`vacuum full sealed_ballots`.execute(db);
  return { ok: true, opened: ballots.length, unreadable, mismatches };
}

/** The public inclusion list of a counted edition: one line per counted receipt hash, sorted. */
export async function inclusionList(db: Db, editionId: string): Promise<string> {
  const rows = await listCountedReceipts(db, editionId);
  return rows.map((r) => `${r.kind} ${r.receiptHash}`).join("\n") + (rows.length ? "\n" : "");
}

/** What a receipt code proves: the ballot is in the sealed box, or among the N counted — never which ballot it is. */
export async function lookupReceipt(db: Db, receiptHash: string) {
  const found = await findReceipt(db, receiptHash);
  return found ? { state: found.state, programmeKind: found.programmeKind, year: found.year, counted: found.counted } : null;
}

/**
 * Installs a public key whose shares were made elsewhere (the demo's fixed key; a commission that
 * holds its key ceremony offline). Same rules as createCommissionKey: not once ballots exist; audited.
 */
export async function installCommissionKey(
  db: Db,
  editionId: string,
  input: { publicKey: string; threshold: number; members: readonly string[] },
  actor: Actor,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: KeyRefusal }> {
  if (!can(actor, "edition.manage")) return { ok: false, reason: "not_allowed" };
  if (!(await getEditionAdmin(db, editionId))) return { ok: false, reason: "edition_unknown" };
  const parsed = CommissionSchema.safeParse({ members: [...input.members], threshold: input.threshold });
  if (!parsed.success || !/^[A-Za-z0-9_-]{43}$/.test(input.publicKey)) return { ok: false, reason: "invalid" };
  const status = await ballotBoxStatus(db, editionId);
  if (status.locked) return { ok: false, reason: "ballots_exist" };
  const fingerprint = formatFingerprint(keyFingerprint(input.publicKey));
  await db.transaction().execute(async (trx) => {
    await saveEditionKey(trx, { editionId, publicKey: input.publicKey, threshold: parsed.data.threshold, members: parsed.data.members, createdBy: actor.id, createdAt: now.toISOString() });
    await insertAudit(trx, { actorUserId: actor.id, actorRole: "admin", action: "edition.commission_key", objectType: "edition", objectId: editionId, after: { fingerprint, threshold: parsed.data.threshold, members: parsed.data.members, installed: true } }, now);
  });
  return { ok: true };
}
