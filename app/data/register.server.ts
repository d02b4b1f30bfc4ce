import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database>;

export interface RegisterEntry {
  id: string;
  checkHash: string | null;
  ageBand: string | null;
  districtId: string | null;
}

export async function findVoterByPesel(db: Db, peselHash: string): Promise<RegisterEntry | null> {
  const r = await db.selectFrom("voters").select(["id", "pesel_check_hash", "age_band", "district_id"]).where("pesel_hash", "=", peselHash).executeTakeFirst();
  return r ? { id: r.id, checkHash: r.pesel_check_hash, ageBand: r.age_band, districtId: r.district_id } : null;
}

export async function findVoterByKarta(db: Db, kartaHash: string): Promise<RegisterEntry | null> {
  const r = await db.selectFrom("voters").select(["id", "karta_check_hash", "age_band", "district_id"]).where("karta_hash", "=", kartaHash).executeTakeFirst();
  return r ? { id: r.id, checkHash: r.karta_check_hash, ageBand: r.age_band, districtId: r.district_id } : null;
}

export async function findVoterByDeclaration(db: Db, declarationId: string): Promise<RegisterEntry | null> {
  const r = await db.selectFrom("voters").select(["id", "age_band", "district_id"]).where("declaration_id", "=", declarationId).executeTakeFirst();
  return r ? { id: r.id, checkHash: null, ageBand: r.age_band, districtId: r.district_id } : null;
}

export async function hasVoted(db: Db, voterId: string, programmeId: string): Promise<boolean> {
  const r = await db.selectFrom("participations").select("voter_id").where("voter_id", "=", voterId).where("programme_id", "=", programmeId).executeTakeFirst();
  return r !== undefined;
}

export async function countRegister(db: Db): Promise<number> {
  const r = await db.selectFrom("voters").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
