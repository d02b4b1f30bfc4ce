/**
 * What a new register file would change in an edition's register: who is added, who is removed,
 * who moved to another district, who stays as they are, and which rows are invalid (with the row
 * number and the reason). Pure: people are compared by their keyed identifier hashes, which the
 * caller computes; nothing here sees a PESEL except `maskIdentifier`, which hides all but the
 * birth-date part.
 */
import type { RegisterRowReason } from "./register";

/** A person already in the edition's register. */
export interface RegisterEntryForDiff {
  id: string;
  peselHash: string | null;
  kartaHash: string | null;
  districtId: string | null;
  source: "import" | "declaration";
  /** Dropped by an earlier import after voting: kept for the participation, not in the register. */
  removed: boolean;
}

/** One data row of the file, checked and hashed (or refused with a reason). */
export type RegisterFileRow =
  | { line: number; masked: string; ok: true; peselHash: string | null; kartaHash: string | null; districtId: string | null }
  | { line: number; masked: string; ok: false; reason: RegisterRowReason };

export type RegisterInvalidReason = RegisterRowReason | "register_link_conflict";

export interface RegisterDiff {
  /** New people; `voterId` when the row revives a person an earlier import dropped after voting. */
  added: { line: number; masked: string; districtId: string | null; voterId: string | null }[];
  moved: { line: number; masked: string; voterId: string; fromDistrictId: string | null; toDistrictId: string | null }[];
  unchanged: { line: number; masked: string; voterId: string }[];
  /** Imported people the file no longer lists (declarations are never removed by an import). */
  removed: { voterId: string; districtId: string | null }[];
  invalid: { line: number; masked: string; reason: RegisterInvalidReason }[];
}

export interface RegisterDiffCounts {
  rowsTotal: number;
  added: number;
  removed: number;
  moved: number;
  unchanged: number;
  invalid: number;
}

export function diffCounts(d: RegisterDiff): RegisterDiffCounts {
  return {
    rowsTotal: d.added.length + d.moved.length + d.unchanged.length + d.invalid.length,
    added: d.added.length,
    removed: d.removed.length,
    moved: d.moved.length,
    unchanged: d.unchanged.length,
    invalid: d.invalid.length,
  };
}

/**
 * Compares the file with the register. A row matches the person holding its PESEL hash or its
 * Karta hash; a row whose two identifiers belong to two different people is a link conflict, and
 * a second row for one person (in the file, or through the register) a duplicate. Rows are
 * reported in file order.
 */
export function diffRegister(current: readonly RegisterEntryForDiff[], rows: readonly RegisterFileRow[]): RegisterDiff {
  const byPesel = new Map<string, RegisterEntryForDiff>();
  const byKarta = new Map<string, RegisterEntryForDiff>();
  for (const e of current) {
    if (e.peselHash) byPesel.set(e.peselHash, e);
    if (e.kartaHash) byKarta.set(e.kartaHash, e);
  }
  const out: RegisterDiff = { added: [], moved: [], unchanged: [], removed: [], invalid: [] };
  const seen = new Set<string>();
  const matched = new Set<string>();
  for (const row of [...rows].sort((a, b) => a.line - b.line)) {
    if (!row.ok) {
      out.invalid.push({ line: row.line, masked: row.masked, reason: row.reason });
      continue;
    }
    const keys = [row.peselHash ? `p:${row.peselHash}` : null, row.kartaHash ? `k:${row.kartaHash}` : null].filter((k): k is string => k !== null);
    if (keys.length === 0) {
      out.invalid.push({ line: row.line, masked: row.masked, reason: "register_no_identifier" });
      continue;
    }
    if (keys.some((k) => seen.has(k))) {
      out.invalid.push({ line: row.line, masked: row.masked, reason: "register_duplicate_in_file" });
      continue;
    }
    const a = row.peselHash ? byPesel.get(row.peselHash) : undefined;
    const b = row.kartaHash ? byKarta.get(row.kartaHash) : undefined;
    if (a && b && a.id !== b.id) {
      out.invalid.push({ line: row.line, masked: row.masked, reason: "register_link_conflict" });
      continue;
    }
    // one identifier names someone who already holds another one: the file disagrees with the register
    const hit = a ?? b;
    if (hit && ((row.peselHash && hit.peselHash && hit.peselHash !== row.peselHash) || (row.kartaHash && hit.kartaHash && hit.kartaHash !== row.kartaHash))) {
      out.invalid.push({ line: row.line, masked: row.masked, reason: "register_link_conflict" });
      continue;
    }
    if (hit && matched.has(hit.id)) {
      out.invalid.push({ line: row.line, masked: row.masked, reason: "register_duplicate_in_file" });
      continue;
    }
    for (const k of keys) seen.add(k);
    if (!hit) {
      out.added.push({ line: row.line, masked: row.masked, districtId: row.districtId, voterId: null });
      continue;
    }
    matched.add(hit.id);
    if (hit.removed) out.added.push({ line: row.line, masked: row.masked, districtId: row.districtId, voterId: hit.id });
    else if (hit.districtId !== row.districtId) out.moved.push({ line: row.line, masked: row.masked, voterId: hit.id, fromDistrictId: hit.districtId, toDistrictId: row.districtId });
    else out.unchanged.push({ line: row.line, masked: row.masked, voterId: hit.id });
  }
  for (const e of current) {
    if (e.source === "import" && !e.removed && !matched.has(e.id)) out.removed.push({ voterId: e.id, districtId: e.districtId });
  }
  return out;
}

/**
 * A row's identifier as the preview shows it: a PESEL's first six digits (the birth date) and
 * stars, a card number's first two characters and stars — never the whole number.
 */
export function maskIdentifier(raw: { pesel?: string; karta_number?: string }): string {
  const pesel = (raw.pesel ?? "").replace(/\s/g, "");
  if (pesel) return pesel.length >= 11 ? `${pesel.slice(0, 6)}*****` : "*".repeat(Math.min(pesel.length, 11));
  const karta = (raw.karta_number ?? "").replace(/\s/g, "");
  if (karta) return `${karta.slice(0, 2)}${"*".repeat(Math.max(1, Math.min(karta.length - 2, 12)))}`;
  return "—";
}
