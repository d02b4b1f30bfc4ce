import type { Db } from "../../db/client";

export interface RegisterEntry {
  id: string;
  checkHash: string | null;
  ageBand: string | null;
  districtId: string | null;
  /** The person's identifier hashes (whichever the register holds): what guardian links point at. */
  identifierHashes: string[];
}

const COLUMNS = ["id", "pesel_hash", "karta_hash", "pesel_check_hash", "karta_check_hash", "age_band", "district_id"] as const;
type Row = { id: string; pesel_hash: string | null; karta_hash: string | null; pesel_check_hash: string | null; karta_check_hash: string | null; age_band: string | null; district_id: string | null };
const entry = (r: Row, checkHash: string | null): RegisterEntry => ({
  id: r.id,
  checkHash,
  ageBand: r.age_band,
  districtId: r.district_id,
  identifierHashes: [r.pesel_hash, r.karta_hash].filter((h): h is string => h !== null),
});

/** The edition's register only: a row of another edition, or one a later import dropped, identifies no one. */
const inRegister = (db: Db, editionId: string) => db.selectFrom("voters").select(COLUMNS).where("edition_id", "=", editionId).where("removed_at", "is", null);

export async function findVoterByPesel(db: Db, editionId: string, peselHash: string): Promise<RegisterEntry | null> {
  const r = await inRegister(db, editionId).where("pesel_hash", "=", peselHash).executeTakeFirst();
  return r ? entry(r, r.pesel_check_hash) : null;
}

export async function findVoterByKarta(db: Db, editionId: string, kartaHash: string): Promise<RegisterEntry | null> {
  const r = await inRegister(db, editionId).where("karta_hash", "=", kartaHash).executeTakeFirst();
  return r ? entry(r, r.karta_check_hash) : null;
}

/** Whether the register names one of these identifier hashes as a guardian of this child. */
export async function isGuardianOf(db: Db, childVoterId: string, guardianHashes: string[]): Promise<boolean> {
  if (guardianHashes.length === 0) return false;
  const r = await db.selectFrom("guardianships").select("child_voter_id").where("child_voter_id", "=", childVoterId).where("guardian_hash", "in", guardianHashes).executeTakeFirst();
  return r !== undefined;
}

export async function insertGuardianships(db: Db, rows: { childVoterId: string; guardianHash: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    await db
      .insertInto("guardianships")
      .values(rows.slice(i, i + 400).map((r) => ({ child_voter_id: r.childVoterId, guardian_hash: r.guardianHash })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function findVoterByDeclaration(db: Db, editionId: string, declarationId: string): Promise<RegisterEntry | null> {
  const r = await inRegister(db, editionId).where("declaration_id", "=", declarationId).executeTakeFirst();
  return r ? entry(r, null) : null;
}

export async function hasVoted(db: Db, voterId: string, programmeId: string): Promise<boolean> {
  const r = await db.selectFrom("participations").select("voter_id").where("voter_id", "=", voterId).where("programme_id", "=", programmeId).executeTakeFirst();
  return r !== undefined;
}

/** People in an edition's register (imported and declared; not those a later import dropped). */
export async function countRegister(db: Db, editionId: string): Promise<number> {
  const r = await db
    .selectFrom("voters")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("edition_id", "=", editionId)
    .where("removed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
