/**
 * The voter register: import of the city's CSV (validated row by row, with a report of what was
 * refused and why) and in-person residency declarations. Only keyed hashes of identifiers are
 * stored; the file itself is never kept.
 */
import { parse } from "csv-parse/sync";
import type { Kysely } from "kysely";
import { isUniqueViolation } from "../../db/client";
import type { Database } from "../../db/schema";
import { newId } from "~/auth/crypto.server";
import { identityHash } from "~/auth/identity-hash.server";
import { insertAudit } from "~/data/audit.server";
import { calendarDateIn, declarationKeyString, parseRegisterRow, type AgeBand, type RegisterRowReason } from "~/domain/voting";
import { searchText } from "~/domain/proposals";

type Db = Kysely<Database>;

export interface ImportReport {
  imported: number;
  skipped: { line: number; reason: RegisterRowReason | "register_already" }[];
}

export class RegisterFileError extends Error {}

async function districtLookup(db: Db) {
  const rows = await db.selectFrom("districts").select(["id", "slug", "name"]).execute();
  const map = new Map<string, string>();
  for (const d of rows) {
    map.set(searchText(d.name), d.id);
    map.set(d.slug, d.id);
  }
  return (name: string) => map.get(searchText(name)) ?? null;
}

async function existing(db: Db, column: "pesel_hash" | "karta_hash", hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom("voters").select(column).where(column, "in", chunk).execute();
    for (const r of rows) found.add((r as Record<string, string>)[column]!);
  }
  return found;
}

/** Imports a register CSV. Rows already in the register are reported and left as they are. */
export async function importRegister(db: Db, csv: string, by: { userId: string | null; role: string }, now = new Date()): Promise<ImportReport> {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter: [";", ","],
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    });
  } catch (e) {
    throw new RegisterFileError(e instanceof Error ? e.message : String(e));
  }
  const districtIdByName = await districtLookup(db);
  const today = calendarDateIn(now);
  const report: ImportReport = { imported: 0, skipped: [] };
  type Pending = { line: number; row: Record<string, string | null> };
  const pending: Pending[] = [];
  const seen = new Set<string>();
  for (const { record, info } of records) {
    const parsed = parseRegisterRow(record, { districtIdByName, today });
    if (!parsed.ok) {
      report.skipped.push({ line: info.lines, reason: parsed.reason });
      continue;
    }
    const r = parsed.row;
    const peselHash = r.pesel ? identityHash(r.pesel.personKey) : null;
    const kartaHash = r.karta ? identityHash(r.karta.personKey) : null;
    if ((peselHash && seen.has(peselHash)) || (kartaHash && seen.has(kartaHash))) {
      report.skipped.push({ line: info.lines, reason: "register_duplicate_in_file" });
      continue;
    }
    if (peselHash) seen.add(peselHash);
    if (kartaHash) seen.add(kartaHash);
    pending.push({
      line: info.lines,
      row: {
        pesel_hash: peselHash,
        pesel_check_hash: r.pesel ? identityHash(r.pesel.checkKey) : null,
        karta_hash: kartaHash,
        karta_check_hash: r.karta ? identityHash(r.karta.checkKey) : null,
        district_id: r.districtId,
        age_band: r.ageBand,
        sex: r.sex,
      },
    });
  }
  await db.transaction().execute(async (trx) => {
    const knownPesel = await existing(trx, "pesel_hash", pending.flatMap((p) => (p.row.pesel_hash ? [p.row.pesel_hash] : [])));
    const knownKarta = await existing(trx, "karta_hash", pending.flatMap((p) => (p.row.karta_hash ? [p.row.karta_hash] : [])));
    const fresh = pending.filter((p) => {
      const known = (p.row.pesel_hash && knownPesel.has(p.row.pesel_hash)) || (p.row.karta_hash && knownKarta.has(p.row.karta_hash));
      if (known) report.skipped.push({ line: p.line, reason: "register_already" });
      return !known;
    });
    const at = now.toISOString();
    for (let i = 0; i < fresh.length; i += 400) {
      await trx
        .insertInto("voters")
        .values(
          fresh.slice(i, i + 400).map((p) => ({
            id: newId("vtr"),
            pesel_hash: p.row.pesel_hash,
            pesel_check_hash: p.row.pesel_check_hash,
            karta_hash: p.row.karta_hash,
            karta_check_hash: p.row.karta_check_hash,
            declaration_id: null,
            district_id: p.row.district_id,
            age_band: p.row.age_band,
            sex: p.row.sex,
            source: "import" as const,
            created_by: by.userId,
            created_at: at,
          })),
        )
        .execute();
    }
    report.imported = fresh.length;
    report.skipped.sort((a, b) => a.line - b.line);
    await insertAudit(
      trx,
      { actorUserId: by.userId, actorRole: by.role, action: "register.import", objectType: "register", objectId: "voters", after: { imported: report.imported, skipped: report.skipped.length } },
      now,
    );
  });
  return report;
}

/** Adds a person who declared residency in person at a voting point. */
export async function addDeclaration(
  db: Db,
  input: { declarationId: string; districtId: string | null; ageBand: AgeBand | null },
  officialUserId: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: "declaration_format" | "declaration_exists" }> {
  const key = declarationKeyString(input.declarationId);
  if (!key.ok) return { ok: false, reason: "declaration_format" };
  const id = input.declarationId.trim();
  const exists = { ok: false as const, reason: "declaration_exists" as const };
  return db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom("voters").select("id").where("declaration_id", "=", id).executeTakeFirst();
    if (dup) return exists;
    const voterId = newId("vtr");
    await trx
      .insertInto("voters")
      .values({ id: voterId, pesel_hash: null, pesel_check_hash: null, karta_hash: null, karta_check_hash: null, declaration_id: id, district_id: input.districtId, age_band: input.ageBand, sex: null, source: "declaration", created_by: officialUserId, created_at: now.toISOString() })
      .execute();
    await insertAudit(trx, { actorUserId: officialUserId, actorRole: "official", action: "register.declaration", objectType: "voter", objectId: voterId, after: { declarationId: id } }, now);
    return { ok: true as const };
  }).catch((e: unknown) => {
    // PostgreSQL: another official added it between our check and insert
    if (isUniqueViolation(e)) return exists;
    throw e;
  });
}
