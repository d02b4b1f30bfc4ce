/**
 * The register of one edition as the import sees it (every row, with its hashes), the history of
 * applied imports, and the retention job's deletion of archived editions' registers.
 */
import type { Db } from "../../db/client";

export interface RegisterEditionOption {
  id: string;
  year: number;
  status: "draft" | "active" | "archived";
}

/** Editions a register may be imported into: drafts (a city imports before activating) and active ones, newest first. */
export async function listRegisterEditions(db: Db): Promise<RegisterEditionOption[]> {
  return db.selectFrom("editions").select(["id", "year", "status"]).where("status", "in", ["draft", "active"]).orderBy("year", "desc").execute();
}

export async function getRegisterEdition(db: Db, editionId: string): Promise<RegisterEditionOption | null> {
  return (await db.selectFrom("editions").select(["id", "year", "status"]).where("id", "=", editionId).executeTakeFirst()) ?? null;
}

export interface RegisterRowFull {
  id: string;
  pesel_hash: string | null;
  pesel_check_hash: string | null;
  karta_hash: string | null;
  karta_check_hash: string | null;
  district_id: string | null;
  age_band: string | null;
  source: "import" | "declaration";
  removed_at: string | null;
}

/** Every row of the edition's register, dropped ones included (a file may list them again). */
export async function listEditionRegister(db: Db, editionId: string): Promise<RegisterRowFull[]> {
  return db
    .selectFrom("voters")
    .select(["id", "pesel_hash", "pesel_check_hash", "karta_hash", "karta_check_hash", "district_id", "age_band", "source", "removed_at"])
    .where("edition_id", "=", editionId)
    .execute();
}

/** Which of these voters have a participation (voted in some programme): they are kept, marked. */
export async function votersWhoVoted(db: Db, voterIds: string[]): Promise<Set<string>> {
  const voted = new Set<string>();
  for (let i = 0; i < voterIds.length; i += 500) {
    const chunk = voterIds.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom("participations").select("voter_id").distinct().where("voter_id", "in", chunk).execute();
    for (const r of rows) voted.add(r.voter_id);
  }
  return voted;
}

export async function deleteGuardianshipsOf(db: Db, voterIds: string[]): Promise<void> {
  for (let i = 0; i < voterIds.length; i += 500) {
    const chunk = voterIds.slice(i, i + 500);
    if (chunk.length > 0) await db.deleteFrom("guardianships").where("child_voter_id", "in", chunk).execute();
  }
}

export async function deleteVoters(db: Db, voterIds: string[]): Promise<void> {
  for (let i = 0; i < voterIds.length; i += 500) {
    const chunk = voterIds.slice(i, i + 500);
    if (chunk.length > 0) await db.deleteFrom("voters").where("id", "in", chunk).execute();
  }
}

export async function markVotersRemoved(db: Db, voterIds: string[], at: string): Promise<void> {
  for (let i = 0; i < voterIds.length; i += 500) {
    const chunk = voterIds.slice(i, i + 500);
    if (chunk.length > 0) await db.updateTable("voters").set({ removed_at: at }).where("id", "in", chunk).execute();
  }
}

export interface RegisterImportRecord {
  id: string;
  editionId: string;
  fileName: string;
  rowsTotal: number;
  added: number;
  removed: number;
  moved: number;
  unchanged: number;
  invalid: number;
  appliedBy: string | null;
  appliedAt: string;
}

export async function insertRegisterImport(db: Db, r: RegisterImportRecord & { fileSha256: string }): Promise<void> {
  await db
    .insertInto("register_imports")
    .values({
      id: r.id,
      edition_id: r.editionId,
      file_name: r.fileName,
      file_sha256: r.fileSha256,
      rows_total: r.rowsTotal,
      added: r.added,
      removed: r.removed,
      moved: r.moved,
      unchanged: r.unchanged,
      invalid: r.invalid,
      applied_by: r.appliedBy,
      applied_at: r.appliedAt,
    })
    .execute();
}

/** The edition's applied imports, newest first, with who applied them (display name). */
export async function listRegisterImports(db: Db, editionId: string): Promise<(RegisterImportRecord & { appliedByName: string | null })[]> {
  const rows = await db
    .selectFrom("register_imports as ri")
    .leftJoin("users as u", "u.id", "ri.applied_by")
    .select(["ri.id", "ri.edition_id", "ri.file_name", "ri.rows_total", "ri.added", "ri.removed", "ri.moved", "ri.unchanged", "ri.invalid", "ri.applied_by", "ri.applied_at", "u.display_name"])
    .where("ri.edition_id", "=", editionId)
    .orderBy("ri.applied_at", "desc")
    .orderBy("ri.id", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    editionId: r.edition_id,
    fileName: r.file_name,
    rowsTotal: Number(r.rows_total),
    added: Number(r.added),
    removed: Number(r.removed),
    moved: Number(r.moved),
    unchanged: Number(r.unchanged),
    invalid: Number(r.invalid),
    appliedBy: r.applied_by,
    appliedAt: r.applied_at,
    appliedByName: r.display_name ?? null,
  }));
}

/**
 * Retention: the registers of archived editions go. Guardian links and everyone who did not vote
 * are deleted; a person who voted keeps an empty row (no identifier, district, age band or
 * declaration: nothing that names them) because their participation points at it, and the
 * participations feed the archived edition's turnout statistics (/results/:year/stats).
 * Idempotent; returns how many rows were deleted and how many emptied.
 */
export async function deleteArchivedRegisters(db: Db, at: string): Promise<{ deleted: number; emptied: number }> {
  const archived = db.selectFrom("editions").select("id").where("status", "=", "archived");
  await db
    .deleteFrom("guardianships")
    .where("child_voter_id", "in", db.selectFrom("voters").select("id").where("edition_id", "in", archived))
    .execute();
  const deleted = await db
    .deleteFrom("voters")
    .where("edition_id", "in", archived)
    .where("id", "not in", db.selectFrom("participations").select("voter_id"))
    .executeTakeFirst();
  const emptied = await db
    .updateTable("voters")
    .set({ pesel_hash: null, pesel_check_hash: null, karta_hash: null, karta_check_hash: null, declaration_id: null, district_id: null, age_band: null, created_by: null, removed_at: at })
    .where("edition_id", "in", archived)
    .where((eb) => eb.or([eb("pesel_hash", "is not", null), eb("karta_hash", "is not", null), eb("declaration_id", "is not", null), eb("district_id", "is not", null), eb("age_band", "is not", null)]))
    .executeTakeFirst();
  return { deleted: Number(deleted.numDeletedRows ?? 0), emptied: Number(emptied.numUpdatedRows ?? 0) };
}
