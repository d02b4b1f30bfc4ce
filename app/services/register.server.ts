/**
 * The voter register: import of the city's CSV (validated row by row, with a report of what was
 * refused and why) and in-person residency declarations. Only keyed hashes of identifiers are
 * stored; the file itself is never kept.
 */
import { once } from "node:events";
import { parse as parseStream, type Options as CsvOptions } from "csv-parse";
import { parse } from "csv-parse/sync";
import { isUniqueViolation } from "../../db/client";
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { identityHash } from "~/auth/identity-hash.server";
import { insertAudit } from "~/data/audit.server";
import { currentEdition } from "./current-edition.server";
import { insertGuardianships } from "~/data/register.server";
import { calendarDateIn, declarationKeyString, parseKartaNumber, parsePesel, parseRegisterRow, type AgeBand, type RegisterRowReason } from "~/domain/voting";
import { searchText } from "~/domain/proposals";
import type { Actor } from "~/domain/permissions";
import { mayInEdition } from "./edition-scope.server";

export interface ImportReport {
  imported: number;
  /** Rows that joined a PESEL and a Karta number already in the register into one person. */
  linked: number;
  skipped: { line: number; reason: RegisterRowReason | "register_already" | "register_link_conflict" }[];
}

export class RegisterFileError extends Error {}

/**
 * Who changes the register: an official, who needs register.import in every programme of the
 * edition (checked here too, not only by the route), or "system" — the demo seed or an operator's
 * script, outside any web request.
 */
export type RegisterActor = Actor | "system";

const mayChangeRegister = (db: Db, by: RegisterActor) => (by === "system" ? Promise.resolve(true) : mayInEdition(db, by, "register.import"));
const auditActor = (by: RegisterActor) => (by === "system" ? { actorUserId: null, actorRole: "system" } : { actorUserId: by.id, actorRole: "official" });

/** The CSV's records with their line numbers (header names lower-cased); RegisterFileError when unreadable. */
export function readRegisterCsv(csv: string): { record: Record<string, string>; info: { lines: number } }[] {
  try {
    return parse(csv, REGISTER_CSV);
  } catch (e) {
    throw new RegisterFileError(e instanceof Error ? e.message : String(e));
  }
}

const REGISTER_CSV = {
  columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
  delimiter: [";", ","],
  bom: true,
  skip_empty_lines: true,
  trim: true,
  relax_column_count: true,
  info: true,
} satisfies CsvOptions;

/** Bytes of the file decoded and parsed between two turns of the event loop. */
const REGISTER_SLICE = 32 * 1024;

/**
 * The same records as readRegisterCsv, from the file's bytes, one at a time (issue #18): a city's
 * register (~250 000 rows) is never held as one string and one array of parsed rows, and the event
 * loop gets a turn after every 32 KB (about a thousand rows), so the other requests (voters, at a
 * voting point) are not held up for seconds while an official previews or imports it.
 * RegisterFileError when the file is not UTF-8 or not CSV.
 */
export async function* registerRecords(bytes: Uint8Array): AsyncGenerator<{ record: Record<string, string>; line: number }> {
  const parser = parseStream(REGISTER_CSV);
  const feed = async () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for (let at = 0; at < bytes.length; at += REGISTER_SLICE) {
      if (parser.destroyed) return; // the reader stopped early (its error, or it no longer wants rows)
      const last = at + REGISTER_SLICE >= bytes.length;
      const text = decoder.decode(bytes.subarray(at, at + REGISTER_SLICE), { stream: !last });
      if (!parser.write(text)) await once(parser, "drain");
      await new Promise((resolve) => setImmediate(resolve));
    }
    parser.end();
  };
  feed().catch((e: unknown) => parser.destroy(e instanceof Error ? e : new Error(String(e))));
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) yield { record, line: info.lines };
  } catch (e) {
    throw new RegisterFileError(e instanceof Error ? e.message : String(e));
  } finally {
    parser.destroy();
  }
}

/** The edition whose register the seed's import and the voting points' declarations go to: the current one. */
async function registerEdition(db: Db): Promise<string | null> {
  return (await currentEdition(db))?.id ?? null;
}

export async function districtLookup(db: Db) {
  const rows = await db.selectFrom("districts").select(["id", "slug", "name"]).execute();
  const map = new Map<string, string>();
  for (const d of rows) {
    map.set(searchText(d.name), d.id);
    map.set(d.slug, d.id);
  }
  return (name: string) => map.get(searchText(name)) ?? null;
}

type VoterIds = { id: string; pesel_hash: string | null; karta_hash: string | null; removed_at: string | null };

async function votersBy(db: Db, editionId: string, column: "pesel_hash" | "karta_hash", hashes: string[]): Promise<Map<string, VoterIds>> {
  const found = new Map<string, VoterIds>();
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    if (chunk.length === 0) continue;
    const rows = await db.selectFrom("voters").select(["id", "pesel_hash", "karta_hash", "removed_at"]).where("edition_id", "=", editionId).where(column, "in", chunk).execute();
    for (const r of rows) found.set(r[column]!, r);
  }
  return found;
}

/**
 * Imports a register CSV. A row with both a PESEL and a Karta number makes them one person: if the
 * register already holds one of them (or both, as two people not yet voting in the same programme),
 * they are linked into one voter, so one person has one ballot whichever identifier they use.
 * Guardian columns add who may vote for a child. Other rows already in the register are reported
 * and left as they are. It only adds, to the current edition's register (the demo seed and scripts use
 * it; officials import through register-import.server.ts, which previews and replaces). Refused
 * ("not_allowed", nothing read or written) unless `by` may change the register, or with no current
 * edition ("edition_not_found").
 */
export async function importRegister(
  db: Db,
  csv: string,
  by: RegisterActor,
  now = new Date(),
): Promise<({ ok: true } & ImportReport) | { ok: false; reason: "not_allowed" | "edition_not_found" }> {
  if (!(await mayChangeRegister(db, by))) return { ok: false, reason: "not_allowed" };
  const editionId = await registerEdition(db);
  if (!editionId) return { ok: false, reason: "edition_not_found" };
  const records = readRegisterCsv(csv);
  const districtIdByName = await districtLookup(db);
  const today = calendarDateIn(now);
  const report: ImportReport = { imported: 0, linked: 0, skipped: [] };
  type Pending = {
    line: number;
    guardians: string[];
    row: { pesel_hash: string | null; pesel_check_hash: string | null; karta_hash: string | null; karta_check_hash: string | null; district_id: string | null; age_band: string | null };
  };
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
      guardians: r.guardians.map((g) => identityHash(g)),
      row: {
        pesel_hash: peselHash,
        pesel_check_hash: r.pesel ? identityHash(r.pesel.checkKey) : null,
        karta_hash: kartaHash,
        karta_check_hash: r.karta ? identityHash(r.karta.checkKey) : null,
        district_id: r.districtId,
        age_band: r.ageBand,
      },
    });
  }
  await db.transaction().execute(async (trx) => {
    const byPesel = await votersBy(trx, editionId, "pesel_hash", pending.flatMap((p) => (p.row.pesel_hash ? [p.row.pesel_hash] : [])));
    const byKarta = await votersBy(trx, editionId, "karta_hash", pending.flatMap((p) => (p.row.karta_hash ? [p.row.karta_hash] : [])));
    const fresh: (Pending & { id: string })[] = [];
    let revived = 0;
    const guardianships: { childVoterId: string; guardianHash: string }[] = [];
    for (const p of pending) {
      const a = p.row.pesel_hash ? byPesel.get(p.row.pesel_hash) : undefined;
      const b = p.row.karta_hash ? byKarta.get(p.row.karta_hash) : undefined;
      let voterId: string | null = null;
      if (!a && !b) {
        voterId = newId("vtr");
        fresh.push({ ...p, id: voterId });
      } else if (p.row.pesel_hash && p.row.karta_hash && !(a && b && a.id === b.id)) {
        const linked = await linkIdentifiers(trx, p.row, a ?? null, b ?? null);
        if (linked.ok) {
          voterId = linked.voterId;
          report.linked += 1;
        } else {
          report.skipped.push({ line: p.line, reason: linked.reason });
        }
      } else if ((a ?? b)!.removed_at !== null) {
        // dropped by an import after voting, listed again: the same row comes back (one ballot still)
        voterId = (a ?? b)!.id;
        await trx.updateTable("voters").set({ removed_at: null, district_id: p.row.district_id }).where("id", "=", voterId).execute();
        revived += 1;
      } else {
        voterId = (a ?? b)!.id;
        report.skipped.push({ line: p.line, reason: "register_already" });
      }
      if (voterId) for (const g of p.guardians) guardianships.push({ childVoterId: voterId, guardianHash: g });
    }
    const at = now.toISOString();
    for (let i = 0; i < fresh.length; i += 400) {
      await trx
        .insertInto("voters")
        .values(
          fresh.slice(i, i + 400).map((p) => ({
            id: p.id,
            ...p.row,
            declaration_id: null,
            edition_id: editionId,
            source: "import" as const,
            created_by: by === "system" ? null : by.id,
            created_at: at,
          })),
        )
        .execute();
    }
    await insertGuardianships(trx, guardianships);
    report.imported = fresh.length + revived;
    report.skipped.sort((a, b) => a.line - b.line);
    await insertAudit(
      trx,
      {
        ...auditActor(by),
        action: "register.import",
        objectType: "register",
        objectId: "voters",
        after: { imported: report.imported, linked: report.linked, skipped: report.skipped.length },
      },
      now,
    );
  });
  return { ok: true, ...report };
}

/**
 * One person's PESEL and Karta, found in the register as (a) the PESEL's row and/or (b) the card's
 * row: afterwards one row holds both. Two existing rows are merged only when they have not both
 * voted in the same programme (then an official must look at it: the row is reported).
 */
async function linkIdentifiers(
  trx: Db,
  row: { pesel_hash: string | null; pesel_check_hash: string | null; karta_hash: string | null; karta_check_hash: string | null; age_band: string | null },
  a: VoterIds | null,
  b: VoterIds | null,
): Promise<{ ok: true; voterId: string } | { ok: false; reason: "register_link_conflict" }> {
  const conflict = { ok: false as const, reason: "register_link_conflict" as const };
  if (a && a.karta_hash && a.karta_hash !== row.karta_hash) return conflict;
  if (b && b.pesel_hash && b.pesel_hash !== row.pesel_hash) return conflict;
  if (a && b) {
    const votedA = await trx.selectFrom("participations").select("programme_id").where("voter_id", "=", a.id).execute();
    const votedB = await trx.selectFrom("participations").select("programme_id").where("voter_id", "=", b.id).execute();
    const inA = new Set(votedA.map((r) => r.programme_id));
    if (votedB.some((r) => inA.has(r.programme_id))) return conflict;
    await trx.updateTable("participations").set({ voter_id: a.id }).where("voter_id", "=", b.id).execute();
    const gs = await trx.selectFrom("guardianships").select("guardian_hash").where("child_voter_id", "=", b.id).execute();
    await trx.deleteFrom("guardianships").where("child_voter_id", "=", b.id).execute();
    await insertGuardianships(trx, gs.map((g) => ({ childVoterId: a.id, guardianHash: g.guardian_hash })));
    await trx.deleteFrom("voters").where("id", "=", b.id).execute();
  }
  const target = (a ?? b)!;
  await trx
    .updateTable("voters")
    .set({ pesel_hash: row.pesel_hash, pesel_check_hash: row.pesel_check_hash, karta_hash: row.karta_hash, karta_check_hash: row.karta_check_hash, ...(row.age_band ? { age_band: row.age_band } : {}) })
    .where("id", "=", target.id)
    .execute();
  return { ok: true, voterId: target.id };
}

/**
 * Adds a person who declared residency in person at a voting point. If they have a PESEL or a Karta
 * number, it is recorded (as the keyed hash only): a person already in the register gets the
 * declaration linked to their row, so they cannot vote once online and again by declaration.
 * Refused ("not_allowed", nothing written) unless the official may change the register.
 */
export async function addDeclaration(
  db: Db,
  input: { declarationId: string; districtId: string | null; ageBand: AgeBand | null; pesel?: string | null; cardNumber?: string | null },
  official: Actor,
  now = new Date(),
): Promise<{ ok: true; linked: boolean } | { ok: false; reason: "not_allowed" | "edition_not_found" | "declaration_format" | "declaration_exists" | "declaration_identifier_invalid" }> {
  if (!(await mayInEdition(db, official, "register.import"))) return { ok: false, reason: "not_allowed" };
  const editionId = await registerEdition(db);
  if (!editionId) return { ok: false, reason: "edition_not_found" };
  const officialUserId = official.id;
  const key = declarationKeyString(input.declarationId);
  if (!key.ok) return { ok: false, reason: "declaration_format" };
  const id = input.declarationId.trim();
  let peselHash: string | null = null;
  let kartaHash: string | null = null;
  if (input.pesel?.trim()) {
    const p = parsePesel(input.pesel);
    if (!p.ok) return { ok: false, reason: "declaration_identifier_invalid" };
    peselHash = identityHash(`pesel:${p.pesel}`);
  }
  if (input.cardNumber?.trim()) {
    const k = parseKartaNumber(input.cardNumber);
    if (!k.ok) return { ok: false, reason: "declaration_identifier_invalid" };
    kartaHash = identityHash(`karta:${k.cardNumber}`);
  }
  const exists = { ok: false as const, reason: "declaration_exists" as const };
  return db.transaction().execute(async (trx) => {
    const dup = await trx.selectFrom("voters").select("id").where("edition_id", "=", editionId).where("declaration_id", "=", id).executeTakeFirst();
    if (dup) return exists;
    const hashes = [peselHash, kartaHash].filter((h): h is string => h !== null);
    const known = hashes.length
      ? await trx
          .selectFrom("voters")
          .select(["id", "declaration_id"])
          .where("edition_id", "=", editionId)
          .where((eb) => eb.or([...(peselHash ? [eb("pesel_hash", "=", peselHash)] : []), ...(kartaHash ? [eb("karta_hash", "=", kartaHash)] : [])]))
          .execute()
      : [];
    if (known.length > 1) return exists; // the PESEL and the card are two people in the register: an official must sort it out
    if (known[0]) {
      if (known[0].declaration_id !== null) return exists;
      await trx.updateTable("voters").set({ declaration_id: id }).where("id", "=", known[0].id).execute();
      await insertAudit(trx, { actorUserId: officialUserId, actorRole: "official", action: "register.declaration", objectType: "voter", objectId: known[0].id, after: { declarationId: id, linked: true } }, now);
      return { ok: true as const, linked: true };
    }
    const voterId = newId("vtr");
    await trx
      .insertInto("voters")
      .values({ id: voterId, pesel_hash: peselHash, pesel_check_hash: null, karta_hash: kartaHash, karta_check_hash: null, declaration_id: id, edition_id: editionId, district_id: input.districtId, age_band: input.ageBand, source: "declaration", created_by: officialUserId, created_at: now.toISOString() })
      .execute();
    await insertAudit(trx, { actorUserId: officialUserId, actorRole: "official", action: "register.declaration", objectType: "voter", objectId: voterId, after: { declarationId: id, linked: false, identifier: hashes.length > 0 } }, now);
    return { ok: true as const, linked: false };
  }).catch((e: unknown) => {
    // PostgreSQL: another official added it between our check and insert
    if (isUniqueViolation(e)) return exists;
    throw e;
  });
}
