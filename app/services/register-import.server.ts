/**
 * Importing the city's register file into one edition, in two steps: a preview of what the file
 * would change (added, removed, moved district, unchanged, invalid rows with reasons), then the
 * import itself, which replaces the edition's imported register with the file.
 *
 * - The file is read in memory and never kept. Between the two steps the official chooses the same
 *   file again (pages work without JavaScript, and a PESEL must not travel in a hidden field or sit
 *   in a temporary folder); the import checks it is the very file previewed (its SHA-256).
 * - Nothing shows a PESEL: rows are named by their line number and a masked identifier.
 * - Declarations (voters added at a voting point) stay. A person the file no longer lists is
 *   deleted, unless they already voted in the edition: then the row stays, marked removed (their
 *   participation points at it, and listing them again later revives the same row, so they cannot
 *   vote twice), and identification no longer finds them.
 * - A file without a single valid row is refused: it would empty the register.
 */
import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { identityHash } from "~/auth/identity-hash.server";
import { insertAudit } from "~/data/audit.server";
import { listDistricts } from "~/data/districts.server";
import { insertGuardianships } from "~/data/register.server";
import {
  deleteGuardianshipsOf,
  deleteVoters,
  getRegisterEdition,
  insertRegisterImport,
  listEditionRegister,
  markVotersRemoved,
  votersWhoVoted,
  type RegisterRowFull,
} from "~/data/register-imports.server";
import type { Actor } from "~/domain/permissions";
import { calendarDateIn, parseRegisterRow } from "~/domain/voting";
import { diffCounts, diffRegister, maskIdentifier, type RegisterDiff, type RegisterDiffCounts, type RegisterFileRow, type RegisterInvalidReason } from "~/domain/voting/register-diff";
import { mayInEdition } from "./edition-scope.server";
import { districtLookup, registerRecords, RegisterFileError } from "./register.server";

export interface RegisterFile {
  name: string;
  bytes: Uint8Array;
}

export type RegisterImportRefusal = "not_allowed" | "edition_not_found" | "edition_archived" | "file_unreadable" | "file_changed" | "file_no_valid_rows";

/** How many rows of each kind the preview lists (the counts are always complete). */
export const PREVIEW_SAMPLE = 50;

export interface RegisterPreview {
  editionId: string;
  year: number;
  fileName: string;
  /** SHA-256 of the file's bytes (hex): the import must be given the same file. */
  fingerprint: string;
  counts: RegisterDiffCounts;
  added: { line: number; masked: string; district: string | null }[];
  moved: { line: number; masked: string; from: string | null; to: string | null }[];
  removed: { district: string | null; ageBand: string | null }[];
  invalid: { line: number; masked: string; reason: RegisterInvalidReason }[];
}

type Hashed = {
  pesel_hash: string | null;
  pesel_check_hash: string | null;
  karta_hash: string | null;
  karta_check_hash: string | null;
  district_id: string | null;
  age_band: string | null;
  guardians: string[];
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Reads and hashes the file, record by record, and compares it with the edition's register (reads only). */
async function prepare(db: Db, editionId: string, file: RegisterFile, now: Date) {
  const edition = await getRegisterEdition(db, editionId);
  if (!edition) return { ok: false as const, reason: "edition_not_found" as const };
  if (edition.status === "archived") return { ok: false as const, reason: "edition_archived" as const };
  const districtIdByName = await districtLookup(db);
  const today = calendarDateIn(now);
  const rows: RegisterFileRow[] = [];
  const hashed = new Map<number, Hashed>();
  try {
    for await (const { record, line } of registerRecords(file.bytes)) {
      const masked = maskIdentifier(record);
      const parsed = parseRegisterRow(record, { districtIdByName, today });
      if (!parsed.ok) {
        rows.push({ line, masked, ok: false, reason: parsed.reason });
        continue;
      }
      const r = parsed.row;
      const h: Hashed = {
        pesel_hash: r.pesel ? identityHash(r.pesel.personKey) : null,
        pesel_check_hash: r.pesel ? identityHash(r.pesel.checkKey) : null,
        karta_hash: r.karta ? identityHash(r.karta.personKey) : null,
        karta_check_hash: r.karta ? identityHash(r.karta.checkKey) : null,
        district_id: r.districtId,
        age_band: r.ageBand,
        guardians: r.guardians.map((g) => identityHash(g)),
      };
      hashed.set(line, h);
      rows.push({ line, masked, ok: true, peselHash: h.pesel_hash, kartaHash: h.karta_hash, districtId: h.district_id });
    }
  } catch (e) {
    if (e instanceof RegisterFileError) return { ok: false as const, reason: "file_unreadable" as const };
    throw e;
  }
  const current = await listEditionRegister(db, editionId);
  const diff = diffRegister(
    current.map((c) => ({ id: c.id, peselHash: c.pesel_hash, kartaHash: c.karta_hash, districtId: c.district_id, source: c.source, removed: c.removed_at !== null })),
    rows,
  );
  return { ok: true as const, edition, diff, hashed, current, fingerprint: sha256(file.bytes) };
}

/** What importing `file` into the edition would change. Reads only; refused like the import. */
export async function previewRegisterImport(
  db: Db,
  editionId: string,
  file: RegisterFile,
  by: Actor,
  now = new Date(),
): Promise<({ ok: true } & RegisterPreview) | { ok: false; reason: RegisterImportRefusal }> {
  if (!(await mayInEdition(db, by, "register.import"))) return { ok: false, reason: "not_allowed" };
  const p = await prepare(db, editionId, file, now);
  if (!p.ok) return p;
  const names = new Map((await listDistricts(db)).map((d) => [d.id, d.name]));
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const byId = new Map(p.current.map((c) => [c.id, c]));
  const { diff } = p;
  return {
    ok: true,
    editionId,
    year: p.edition.year,
    fileName: file.name,
    fingerprint: p.fingerprint,
    counts: diffCounts(diff),
    added: diff.added.slice(0, PREVIEW_SAMPLE).map((a) => ({ line: a.line, masked: a.masked, district: name(a.districtId) })),
    moved: diff.moved.slice(0, PREVIEW_SAMPLE).map((m) => ({ line: m.line, masked: m.masked, from: name(m.fromDistrictId), to: name(m.toDistrictId) })),
    removed: diff.removed.slice(0, PREVIEW_SAMPLE).map((r) => ({ district: name(r.districtId), ageBand: byId.get(r.voterId)?.age_band ?? null })),
    invalid: diff.invalid.slice(0, PREVIEW_SAMPLE),
  };
}

/**
 * Imports the previewed file: the edition's imported register becomes the file's valid rows
 * (declarations stay; see the top of this file for people who already voted). Refused, nothing
 * written, when `expectedFingerprint` is not this file's, or the file has no valid row.
 */
export async function applyRegisterImport(
  db: Db,
  editionId: string,
  file: RegisterFile,
  expectedFingerprint: string,
  by: Actor | "system",
  now = new Date(),
): Promise<{ ok: true; importId: string; counts: RegisterDiffCounts } | { ok: false; reason: RegisterImportRefusal }> {
  if (by !== "system" && !(await mayInEdition(db, by, "register.import"))) return { ok: false, reason: "not_allowed" };
  if (sha256(file.bytes) !== expectedFingerprint) return { ok: false, reason: "file_changed" };
  return db.transaction().execute(async (trx) => {
    const p = await prepare(trx, editionId, file, now);
    if (!p.ok) return p;
    const counts = diffCounts(p.diff);
    if (counts.added + counts.moved + counts.unchanged === 0) return { ok: false as const, reason: "file_no_valid_rows" as const };
    const at = now.toISOString();
    const voterOfLine = await writeRows(trx, editionId, p.diff, p.hashed, p.current, by === "system" ? null : by.id, at);
    const goneIds = p.diff.removed.map((r) => r.voterId);
    // guardian links follow the file: those of everyone imported before go, the file's are written
    await deleteGuardianshipsOf(
      trx,
      p.current.filter((c) => c.source === "import").map((c) => c.id),
    );
    await insertGuardianships(
      trx,
      [...voterOfLine].flatMap(([line, voterId]) => (p.hashed.get(line)?.guardians ?? []).map((g) => ({ childVoterId: voterId, guardianHash: g }))),
    );
    const voted = await votersWhoVoted(trx, goneIds);
    await markVotersRemoved(trx, [...voted], at);
    await deleteGuardianshipsOf(trx, [...voted]);
    await deleteVoters(
      trx,
      goneIds.filter((id) => !voted.has(id)),
    );
    const importId = newId("rim");
    const appliedBy = by === "system" ? null : by.id;
    await insertRegisterImport(trx, { id: importId, editionId, fileName: file.name.slice(0, 200), fileSha256: p.fingerprint, ...counts, appliedBy, appliedAt: at });
    await insertAudit(
      trx,
      {
        actorUserId: appliedBy,
        actorRole: by === "system" ? "system" : "official",
        action: "register.import",
        objectType: "edition",
        objectId: editionId,
        before: { imported: p.current.filter((c) => c.source === "import" && c.removed_at === null).length },
        after: { importId, ...counts, keptBecauseVoted: voted.size },
      },
      now,
    );
    return { ok: true as const, importId, counts };
  });
}

/** Inserts the added, revives the re-listed, updates the moved and changed; returns line → voter id. */
async function writeRows(trx: Db, editionId: string, diff: RegisterDiff, hashed: Map<number, Hashed>, current: RegisterRowFull[], createdBy: string | null, at: string) {
  const byId = new Map(current.map((c) => [c.id, c]));
  const voterOfLine = new Map<number, string>();
  const fresh: (Omit<Hashed, "guardians"> & { id: string })[] = [];
  for (const a of diff.added) {
    const { guardians: _g, ...h } = hashed.get(a.line)!;
    if (a.voterId) {
      await trx.updateTable("voters").set({ ...h, removed_at: null }).where("id", "=", a.voterId).execute();
      voterOfLine.set(a.line, a.voterId);
    } else {
      const id = newId("vtr");
      fresh.push({ id, ...h });
      voterOfLine.set(a.line, id);
    }
  }
  for (let i = 0; i < fresh.length; i += 400) {
    await trx
      .insertInto("voters")
      .values(fresh.slice(i, i + 400).map((f) => ({ ...f, declaration_id: null, edition_id: editionId, source: "import" as const, created_by: createdBy, created_at: at })))
      .execute();
  }
  for (const m of [...diff.moved, ...diff.unchanged]) {
    voterOfLine.set(m.line, m.voterId);
    const h = hashed.get(m.line)!;
    const c = byId.get(m.voterId)!;
    // a row may add the second identifier or correct the names (check hashes): keep what it does not say
    const next = {
      pesel_hash: h.pesel_hash ?? c.pesel_hash,
      pesel_check_hash: h.pesel_check_hash ?? c.pesel_check_hash,
      karta_hash: h.karta_hash ?? c.karta_hash,
      karta_check_hash: h.karta_check_hash ?? c.karta_check_hash,
      district_id: h.district_id,
      age_band: h.age_band ?? c.age_band,
    };
    const same = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === c[k]);
    if (!same) await trx.updateTable("voters").set(next).where("id", "=", m.voterId).execute();
  }
  return voterOfLine;
}
