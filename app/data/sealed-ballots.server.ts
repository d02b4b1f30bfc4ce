/**
 * The ballot box (issue #15): edition keys, sealed ballots as cast, and the clear ballots written
 * when the commission opens the box. Queries only; the rules are in app/services/ballot-box.server.ts.
 */
import type { Db } from "../../db/client";
import type { BallotLine } from "~/domain/voting";

export interface EditionKey {
  editionId: string;
  publicKey: string;
  threshold: number;
  members: string[];
  createdBy: string | null;
  createdAt: string;
}

export async function getEditionKey(db: Db, editionId: string): Promise<EditionKey | null> {
  const r = await db.selectFrom("edition_keys").selectAll().where("edition_id", "=", editionId).executeTakeFirst();
  return r
    ? { editionId: r.edition_id, publicKey: r.public_key, threshold: Number(r.threshold), members: JSON.parse(r.members) as string[], createdBy: r.created_by, createdAt: r.created_at }
    : null;
}

// Read at every cast: the key of an edition never changes once ballots exist, so a short cache is safe.
let keyCache = new WeakMap<Db, Map<string, { at: number; value: string | null }>>();
const KEY_CACHE_MS = 5_000;

/** The public key ballots of this programme are sealed to (null: the edition has no key yet). */
export async function publicKeyOfProgramme(db: Db, programmeId: string): Promise<string | null> {
  let mine = keyCache.get(db);
  if (!mine) keyCache.set(db, (mine = new Map()));
  const hit = mine.get(programmeId);
  if (hit && Date.now() - hit.at < KEY_CACHE_MS) return hit.value;
  const r = await db
    .selectFrom("programmes as pr")
    .innerJoin("edition_keys as k", "k.edition_id", "pr.edition_id")
    .select("k.public_key")
    .where("pr.id", "=", programmeId)
    .executeTakeFirst();
  const value = r?.public_key ?? null;
  mine.set(programmeId, { at: Date.now(), value });
  return value;
}

export function clearKeyCache(): void {
  keyCache = new WeakMap();
}

export async function saveEditionKey(db: Db, key: EditionKey): Promise<void> {
  await db.deleteFrom("edition_keys").where("edition_id", "=", key.editionId).execute();
  await db
    .insertInto("edition_keys")
    .values({ edition_id: key.editionId, public_key: key.publicKey, threshold: key.threshold, members: JSON.stringify(key.members), created_by: key.createdBy, created_at: key.createdAt })
    .execute();
  clearKeyCache();
}

export async function insertSealedBallot(db: Db, row: { id: string; programmeId: string; receiptHash: string; sealed: string }): Promise<void> {
  await db.insertInto("sealed_ballots").values({ id: row.id, programme_id: row.programmeId, receipt_hash: row.receiptHash, sealed: row.sealed }).execute();
}

/** Ballots still sealed, per programme of an edition. */
export async function countSealedByProgramme(db: Db, editionId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("sealed_ballots as s")
    .innerJoin("programmes as pr", "pr.id", "s.programme_id")
    .select((eb) => ["s.programme_id", eb.fn.countAll<number>().as("n")])
    .where("pr.edition_id", "=", editionId)
    .groupBy("s.programme_id")
    .execute();
  return new Map(rows.map((r) => [r.programme_id, Number(r.n)]));
}

export async function countParticipations(db: Db, programmeId: string): Promise<number> {
  const r = await db.selectFrom("participations").select((eb) => eb.fn.countAll<number>().as("n")).where("programme_id", "=", programmeId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listSealed(db: Db, programmeId: string): Promise<{ id: string; receiptHash: string; sealed: string }[]> {
  const rows = await db.selectFrom("sealed_ballots").select(["id", "receipt_hash", "sealed"]).where("programme_id", "=", programmeId).execute();
  return rows.map((r) => ({ id: r.id, receiptHash: r.receipt_hash, sealed: r.sealed }));
}

export interface ClearBallot {
  id: string;
  programmeId: string;
  districtId: string | null;
  lines: BallotLine[];
  invalidPools: { poolId: string; reason: string }[];
}

/** Writes opened ballots in the order given (already shuffled) and the receipts found in them. */
export async function insertOpenedBallots(db: Db, ballots: ClearBallot[], receipts: { programmeId: string; receiptHash: string }[]): Promise<void> {
  const CHUNK = 200;
  for (let i = 0; i < ballots.length; i += CHUNK) {
    const part = ballots.slice(i, i + CHUNK);
    await db.insertInto("ballots").values(part.map((b) => ({ id: b.id, programme_id: b.programmeId, district_id: b.districtId }))).execute();
    const lines = part.flatMap((b) => b.lines.map((l) => ({ ballot_id: b.id, pool_id: l.poolId, proposal_id: l.projectId, points: l.points })));
    for (let j = 0; j < lines.length; j += CHUNK) await db.insertInto("ballot_lines").values(lines.slice(j, j + CHUNK)).execute();
    const invalid = part.flatMap((b) => b.invalidPools.map((p) => ({ ballot_id: b.id, pool_id: p.poolId, reason: p.reason })));
    if (invalid.length > 0) await db.insertInto("ballot_invalid_pools").values(invalid).execute();
  }
  for (let i = 0; i < receipts.length; i += CHUNK) {
    await db
      .insertInto("counted_receipts")
      .values(receipts.slice(i, i + CHUNK).map((r) => ({ programme_id: r.programmeId, receipt_hash: r.receiptHash })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function deleteSealed(db: Db, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await db.deleteFrom("sealed_ballots").where("id", "in", ids.slice(i, i + 500)).execute();
}

/** Where a receipt stands: still sealed in the box, found among the counted ballots, or unknown. */
export async function findReceipt(
  db: Db,
  receiptHash: string,
): Promise<{ state: "sealed" | "counted"; programmeId: string; programmeKind: "bo" | "youth" | "children"; year: number; counted: number } | null> {
  const counted = await db
    .selectFrom("counted_receipts as r")
    .innerJoin("programmes as pr", "pr.id", "r.programme_id")
    .innerJoin("editions as e", "e.id", "pr.edition_id")
    .select(["r.programme_id", "pr.kind", "e.year"])
    .where("r.receipt_hash", "=", receiptHash)
    .executeTakeFirst();
  if (counted) {
    const n = await db.selectFrom("counted_receipts").select((eb) => eb.fn.countAll<number>().as("n")).where("programme_id", "=", counted.programme_id).executeTakeFirstOrThrow();
    return { state: "counted", programmeId: counted.programme_id, programmeKind: counted.kind, year: counted.year, counted: Number(n.n) };
  }
  const sealed = await db
    .selectFrom("sealed_ballots as r")
    .innerJoin("programmes as pr", "pr.id", "r.programme_id")
    .innerJoin("editions as e", "e.id", "pr.edition_id")
    .select(["r.programme_id", "pr.kind", "e.year"])
    .where("r.receipt_hash", "=", receiptHash)
    .executeTakeFirst();
  return sealed ? { state: "sealed", programmeId: sealed.programme_id, programmeKind: sealed.kind, year: sealed.year, counted: 0 } : null;
}

/** The public inclusion list of one edition: every counted receipt hash, per programme, sorted. */
export async function listCountedReceipts(db: Db, editionId: string): Promise<{ kind: string; receiptHash: string }[]> {
  return db
    .selectFrom("counted_receipts as r")
    .innerJoin("programmes as pr", "pr.id", "r.programme_id")
    .select(["pr.kind", "r.receipt_hash as receiptHash"])
    .where("pr.edition_id", "=", editionId)
    .orderBy("pr.kind")
    .orderBy("r.receipt_hash")
    .execute();
}
