/**
 * Pabulib `.pb` files (http://pabulib.org): parser and writer. Pure functions over strings.
 *
 * The format: three sections, in order `META`, `PROJECTS`, `VOTES`; each is a title line, a header
 * line and rows. It is CSV with `;` as the delimiter and `"` quoting (an embedded quote is doubled).
 *
 * What the parser tolerates (all seen in real files):
 *  - CRLF, LF or lone CR line ends, a missing final newline, blank lines, a UTF-8 BOM;
 *  - whitespace around cells (trimmed; whitespace *inside* quotes is kept);
 *  - a quoted field followed by more text (`"Odkupmy" i my…`, Częstochowa 2020): kept literally;
 *  - columns in any order and unknown columns / META keys (kept in `extra` / `meta`);
 *  - decimal budgets and costs (`2458488.22`), parsed exactly into integer grosze;
 *  - string ids (`L10/07/X`, `2025/OGM/0007`); a missing `selected`, `votes` or `score` column.
 *
 * The data model (`PbElection`):
 *  - `meta`: every META key → value, as written (trimmed). Read typed values with `pbBudget`,
 *    `pbVoteType`, `pbRule`, `pbThreshold`.
 *  - `projects[]`: `id`, `cost` (integer grosze), and the well-known columns already typed:
 *    `name`, `votes` (number of voters), `score` (total points), `selected` (0–3). Every other
 *    column is in `extra` under its header name, as a string. A field is `undefined` when its
 *    column is absent or its cell empty.
 *  - `votes[]`: `voterId`, `vote` (project ids in the order written; for ordinal ballots the
 *    order is the ranking), `points` (the parallel points list when present), `extra`.
 *  - `projectColumns` / `voteColumns`: the header lines, kept so the writer can reproduce the
 *    column order. `writePabulib(parsePabulib(s))` is not byte-identical to `s` (quoting, number
 *    spelling and line ends are normalised), but it parses back to an equal `PbElection`.
 *
 * Errors are thrown as `PabulibFormatError` with a snake_case `code` and a 1-based `line`.
 */
import { formatMoney, MoneyFormatError, parseMoney } from "./money";

export interface PbProject {
  id: string;
  /** Integer grosze. The Pabulib sentinel for a withdrawn project is 999999999 zł (see `isWithdrawnCost`). */
  cost: number;
  name?: string;
  /** The file's `votes` column: number of voters who supported the project. */
  votes?: number;
  /** The file's `score` column: total points (cumulative / ordinal files). */
  score?: number;
  /** 0 = not funded, 1 = chosen by the META rule, 2 / 3 = funded by an extra mechanism (see META comment). */
  selected?: number;
  /** Every other column, by header name, raw (trimmed) text. */
  extra: Record<string, string>;
}

export interface PbVote {
  voterId: string;
  /** Project ids in the order written. */
  vote: string[];
  /** The `points` list, parallel to `vote`, when the file has one. */
  points?: number[];
  extra: Record<string, string>;
}

export interface PbElection {
  meta: Record<string, string>;
  projects: PbProject[];
  votes: PbVote[];
  /** PROJECTS header, in file order. */
  projectColumns: string[];
  /** VOTES header, in file order. */
  voteColumns: string[];
}

export type PabulibErrorCode =
  | "empty_file"
  | "content_before_meta"
  | "missing_section"
  | "section_out_of_order"
  | "missing_header"
  | "missing_column"
  | "duplicate_column"
  | "too_many_cells"
  | "missing_project_id"
  | "duplicate_project_id"
  | "missing_voter_id"
  | "bad_cost"
  | "bad_budget"
  | "bad_number"
  | "bad_points"
  | "points_length_mismatch"
  | "unterminated_quote";

export class PabulibFormatError extends Error {
  constructor(
    readonly code: PabulibErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(line !== undefined ? `line ${line}: ${message}` : message);
    this.name = "PabulibFormatError";
  }
}

/** Cost used by Pabulib for a project withdrawn after the vote: 999999999 zł, in grosze. */
export const WITHDRAWN_COST = 999_999_999 * 100;
export const isWithdrawnCost = (cost: number): boolean => cost === WITHDRAWN_COST;

// ---------------------------------------------------------------------------------------------
// CSV tokenizer
// ---------------------------------------------------------------------------------------------

const QUOTE = 34; // "
const SEMI = 59; // ;
const LF = 10;
const CR = 13;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Splits the text into rows of trimmed cells and hands each to `onRow`. Fast path: a physical line
 * without quotes or stray CRs is cut at its `;`s — or handed whole to `onPlainLine`, which may
 * consume it without building cells (VOTES rows). Otherwise a small state machine reads one record
 * (which may span lines inside quotes).
 */
function tokenize(
  text: string,
  onRow: (cells: string[], line: number) => void,
  onPlainLine?: (start: number, end: number, line: number) => boolean,
): void {
  const len = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // next `"` / CR at or after pos (-1: none left); searched lazily so the scan stays linear
  let nextQuote = -2;
  let nextCr = -2;
  const nextSemi: NextOf = { ch: ";", at: -2 };
  const nextLf: NextOf = { ch: "\n", at: -2 };
  while (pos < len) {
    let nl = nextAt(nextLf, text, pos);
    if (nl < 0) nl = len;
    let end = nl;
    if (end > pos && text.charCodeAt(end - 1) === CR) end--;
    // fast path: no quote and no stray CR on this physical line
    if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    if (nextCr !== -1 && nextCr < pos) nextCr = text.indexOf("\r", pos);
    if ((nextQuote < 0 || nextQuote >= end) && (nextCr < 0 || nextCr >= end)) {
      if (onPlainLine !== undefined && onPlainLine(pos, end, line)) {
        pos = nl + 1;
        line++;
        continue;
      }
      const cells: string[] = [];
      let a = pos;
      for (;;) {
        let b = nextAt(nextSemi, text, a);
        if (b < 0 || b > end) b = end;
        cells.push(cellAt(text, a, b));
        if (b >= end) break;
        a = b + 1;
      }
      onRow(cells, line);
      pos = nl + 1;
      line++;
      continue;
    }
    const r = readRecord(text, pos, line);
    onRow(r.cells, line);
    pos = r.next;
    line = r.line;
  }
}

/** text[a, b) trimmed, without allocating twice in the common untrimmed case */
function cellAt(text: string, a: number, b: number): string {
  if (a < b && (text.charCodeAt(a) <= 32 || text.charCodeAt(b - 1) <= 32)) return text.slice(a, b).trim();
  return text.slice(a, b);
}

function readRecord(text: string, start: number, startLine: number): { cells: string[]; next: number; line: number } {
  const len = text.length;
  const cells: string[] = [];
  let pos = start;
  let line = startLine;
  for (;;) {
    // one field
    const fieldStart = pos;
    while (pos < len && isBlank(text.charCodeAt(pos))) pos++;
    let value: string;
    if (pos < len && text.charCodeAt(pos) === QUOTE) {
      const quoteLine = line;
      pos++;
      let acc = "";
      let chunk = pos;
      let closed = false;
      while (pos < len) {
        const c = text.charCodeAt(pos);
        if (c === QUOTE) {
          if (text.charCodeAt(pos + 1) === QUOTE) {
            acc += text.slice(chunk, pos + 1);
            pos += 2;
            chunk = pos;
            continue;
          }
          acc += text.slice(chunk, pos);
          pos++;
          closed = true;
          break;
        }
        if (c === LF || (c === CR && text.charCodeAt(pos + 1) !== LF)) line++;
        pos++;
      }
      if (!closed) throw new PabulibFormatError("unterminated_quote", "a quoted field is never closed", quoteLine);
      let after = pos;
      while (after < len && isBlank(text.charCodeAt(after))) after++;
      const c = after < len ? text.charCodeAt(after) : -1;
      if (c === -1 || c === SEMI || c === LF || c === CR) {
        value = acc;
        pos = after;
      } else {
        // Text after the closing quote (`"Odkupmy" i my`): not valid CSV. Keep the field literally,
        // from its first non-blank character up to the next `;` or line end.
        let stop = after;
        while (stop < len) {
          const d = text.charCodeAt(stop);
          if (d === SEMI || d === LF || d === CR) break;
          stop++;
        }
        value = text.slice(fieldStart, stop).trim();
        pos = stop;
      }
    } else {
      let stop = pos;
      while (stop < len) {
        const d = text.charCodeAt(stop);
        if (d === SEMI || d === LF || d === CR) break;
        stop++;
      }
      value = text.slice(pos, stop).trim();
      pos = stop;
    }
    cells.push(value);
    if (pos >= len) return { cells, next: len, line };
    const c = text.charCodeAt(pos);
    if (c === SEMI) {
      pos++;
      continue;
    }
    // line break
    if (c === CR && text.charCodeAt(pos + 1) === LF) pos += 2;
    else pos += 1;
    return { cells, next: pos, line: line + 1 };
  }
}

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

type Section = "meta" | "projects" | "votes";
const SECTION_ORDER: Section[] = ["meta", "projects", "votes"];

function sectionTitle(cells: string[]): Section | null {
  const raw = cells[0] ?? "";
  if (raw.length !== 4 && raw.length !== 5 && raw.length !== 8) return null;
  const first = raw.toLowerCase();
  if (first !== "meta" && first !== "projects" && first !== "votes") return null;
  for (let i = 1; i < cells.length; i++) if (cells[i] !== "") return null;
  return first;
}

function isBlankRow(cells: string[]): boolean {
  for (const c of cells) if (c !== "") return false;
  return true;
}

const NUM_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function parseNumberCell(s: string, line: number, what: string): number {
  const t = s.replace(",", ".");
  if (!NUM_RE.test(t)) throw new PabulibFormatError("bad_number", `${what} is not a number: ${JSON.stringify(s)}`, line);
  return Number(t);
}

function parseIntCell(s: string, line: number, what: string): number {
  const n = parseNumberCell(s, line, what);
  if (!Number.isSafeInteger(n)) throw new PabulibFormatError("bad_number", `${what} is not a whole number: ${JSON.stringify(s)}`, line);
  return n;
}

/** Splits a comma list of ids, trimming items, dropping empty ones, reusing known id strings. */
function splitIds(s: string, known: ReadonlyMap<string, string>): string[] {
  if (s === "") return [];
  const ids = s.split(",");
  let w = 0;
  for (let i = 0; i < ids.length; i++) {
    let id = ids[i] as string;
    if (id.length === 0 || id.charCodeAt(0) <= 32 || id.charCodeAt(id.length - 1) <= 32) {
      id = id.trim();
      if (id === "") continue;
    }
    ids[w++] = known.get(id) ?? id;
  }
  ids.length = w;
  return ids;
}

function parsePoints(cell: string, expected: number, line: number): number[] {
  const parts = splitList(cell);
  const pts = new Array<number>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const t = parts[i] as string;
    const n = Number(t);
    if (!Number.isFinite(n) || !NUM_RE.test(t)) {
      throw new PabulibFormatError("bad_points", `points are not numbers: ${JSON.stringify(cell)}`, line);
    }
    pts[i] = n;
  }
  if (pts.length !== expected) {
    throw new PabulibFormatError("points_length_mismatch", `${expected} projects but ${pts.length} points`, line);
  }
  return pts;
}

/**
 * Position of the next occurrence of a character at or after `from`, remembered between calls so
 * that scanning a whole file stays linear even when the character is rare (`String.indexOf`
 * cannot be told to stop at the end of the line).
 */
interface NextOf {
  ch: string;
  at: number; // -2: not searched yet, -1: none left
}

function nextAt(n: NextOf, text: string, from: number): number {
  if (n.at !== -1 && n.at < from) n.at = text.indexOf(n.ch, from);
  return n.at;
}

/** FNV-1a hash of text[a, b), kept to 30 bits so it is a small integer (cheap Map key) */
function hashAt(text: string, a: number, b: number): number {
  let h = 0x811c9dc5 ^ (b - a);
  for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h & 0x3fffffff;
}

function sameAt(text: string, a: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (text.charCodeAt(a + i) !== s.charCodeAt(i)) return false;
  return true;
}

/**
 * The comma list text[a, b) as known project id strings (no slicing), or null if an item is not a
 * known id or needs trimming (the generic path then handles the line).
 */
function idsAt(text: string, a: number, b: number, index: Map<number, string>, next: NextOf): string[] | null {
  const out: string[] = [];
  if (a === b) return out;
  for (;;) {
    let c = nextAt(next, text, a);
    if (c < 0 || c > b) c = b;
    if (c === a) return null;
    const hit = index.get(hashAt(text, a, c));
    if (hit === undefined || !sameAt(text, a, hit)) return null;
    out.push(hit);
    if (c >= b) return out;
    a = c + 1;
  }
}

/** text[a, b), reusing an equal string from `pool` (short values repeat: sex, district, method…) */
function internAt(pool: Map<number, string>, text: string, a: number, b: number): string {
  const n = b - a;
  if (n === 0) return "";
  if (n > 40) return text.slice(a, b);
  const h = hashAt(text, a, b);
  const hit = pool.get(h);
  if (hit !== undefined && sameAt(text, a, hit)) return hit;
  const v = text.slice(a, b);
  if (hit === undefined && pool.size < 4096) pool.set(h, v);
  return v;
}

/** Shares one string object for repeated short values (sex, voting_method, district…). */
function internValue(pool: Map<string, string>, v: string): string {
  if (v.length > 40) return v;
  const hit = pool.get(v);
  if (hit !== undefined) return hit;
  if (pool.size < 4096) pool.set(v, v);
  return v;
}

function splitList(s: string): string[] {
  if (s === "") return [];
  const out: string[] = [];
  for (const part of s.split(",")) {
    const t = part.trim();
    if (t !== "") out.push(t);
  }
  return out;
}

interface Header {
  names: string[];
  /** lower-cased name → column index */
  index: Map<string, number>;
}

function readHeader(cells: string[], line: number): Header {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === "") n--; // a trailing `;` on the header line
  const names = cells.slice(0, n);
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    if (index.has(key)) throw new PabulibFormatError("duplicate_column", `column ${JSON.stringify(name)} appears twice`, line);
    index.set(key, i);
  });
  return { names, index };
}

function checkWidth(cells: string[], header: Header, line: number): void {
  for (let i = header.names.length; i < cells.length; i++) {
    if (cells[i] !== "") throw new PabulibFormatError("too_many_cells", `row has more cells than the header`, line);
  }
}

const PROJECT_KNOWN = new Set(["project_id", "cost", "name", "votes", "score", "selected"]);
const VOTE_KNOWN = new Set(["voter_id", "vote", "points"]);

/** Parses the text of a `.pb` file. Throws `PabulibFormatError` on malformed input. */
export function parsePabulib(text: string): PbElection {
  const meta: Record<string, string> = {};
  const projects: PbProject[] = [];
  const votes: PbVote[] = [];
  let projectColumns: string[] = [];
  let voteColumns: string[] = [];
  const seen = new Set<Section>();
  let section: Section | null = null;
  let header: Header | null = null;
  let lastSectionIdx = -1;
  /** project id → the same string, to share one string object across all ballots */
  const projectIds = new Map<string, string>();

  // column positions for the current section
  let pId = -1, pCost = -1, pName = -1, pVotes = -1, pScore = -1, pSel = -1;
  let pExtra: Array<[string, number]> = [];
  let vId = -1, vVote = -1, vPoints = -1;
  let vExtra: Array<[string, number]> = [];
  let vExtraValues: Array<Map<string, string>> = [];

  // Fast path for VOTES lines without quotes: read the fields straight from the text, reuse the
  // project id strings and repeated extra values without slicing them. Returns false (and the
  // generic path handles the line) whenever the line is anything but a plain, well-formed row.
  let idIndex: Map<number, string> | null = null;
  let vExtraCol: Int32Array = new Int32Array(0);
  let vPools: Array<Map<number, string>> = [];
  const nextComma: NextOf = { ch: ",", at: -2 };
  const nextSemi: NextOf = { ch: ";", at: -2 };
  const plainVote = (start: number, end: number, line: number): boolean => {
    if (section !== "votes" || header === null) return false;
    if (start >= end || text.charCodeAt(start) <= 32) return false; // blank or padded
    {
      // a section title (META / PROJECTS / VOTES, maybe with empty cells) goes the generic way
      let f = nextAt(nextSemi, text, start);
      if (f < 0 || f > end) f = end;
      const n = f - start;
      const c = text.charCodeAt(start) | 32; // m, p, v
      if ((n === 4 || n === 5 || n === 8) && (c === 109 || c === 112 || c === 118) && sectionTitle([text.slice(start, f)]) !== null) return false;
    }
    if (idIndex === null) {
      idIndex = new Map();
      const dup = new Set<number>();
      for (const id of projectIds.keys()) {
        const k = hashAt(id, 0, id.length);
        if (idIndex.has(k)) dup.add(k);
        idIndex.set(k, id);
      }
      for (const k of dup) idIndex.delete(k); // colliding ids go the generic way
      vExtraCol = new Int32Array(Math.max(header.names.length, 1)).fill(-1);
      vExtra.forEach(([, i], x) => (vExtraCol[i] = x));
      vPools = vExtra.map(() => new Map<number, string>());
    }
    const ncols = header.names.length;
    let voterId = "";
    let vote: string[] = [];
    let ptsCell = "";
    const extra: Record<string, string> = {};
    let a = start;
    let col = 0;
    for (;;) {
      let b = nextAt(nextSemi, text, a);
      if (b < 0 || b > end) b = end;
      if (a < b && (text.charCodeAt(a) <= 32 || text.charCodeAt(b - 1) <= 32)) return false;
      if (col === vId) voterId = text.slice(a, b);
      else if (col === vVote) {
        const ids = idsAt(text, a, b, idIndex, nextComma);
        if (ids === null) return false;
        vote = ids;
      } else if (col === vPoints) ptsCell = text.slice(a, b);
      else if (col < ncols) {
        const x = vExtraCol[col]!;
        extra[vExtra[x]![0]] = internAt(vPools[x]!, text, a, b);
      } else if (a < b) return false; // more cells than the header: let the generic path report it
      if (b >= end) break;
      a = b + 1;
      col++;
    }
    if (voterId === "") return false;
    for (let x = 0; x < vExtra.length; x++) {
      const name = vExtra[x]![0];
      if (!(name in extra)) extra[name] = "";
    }
    const v: PbVote = { voterId, vote, extra };
    if (ptsCell !== "") v.points = parsePoints(ptsCell, vote.length, line);
    votes.push(v);
    return true;
  };

  let sawAnything = false;
  tokenize(text, (cells, line) => {
    if (isBlankRow(cells)) return;
    sawAnything = true;
    const title = sectionTitle(cells);
    if (title) {
      const idx = SECTION_ORDER.indexOf(title);
      if (seen.has(title) || idx < lastSectionIdx) {
        throw new PabulibFormatError("section_out_of_order", `section ${title.toUpperCase()} is repeated or out of order`, line);
      }
      seen.add(title);
      lastSectionIdx = idx;
      section = title;
      header = null;
      return;
    }
    if (section === null) throw new PabulibFormatError("content_before_meta", "the file must start with META", line);
    if (header === null && section === "meta" && (cells[0] ?? "").toLowerCase() !== "key") {
      // META without its `key;value` header line: treat the row as data.
      header = { names: ["key", "value"], index: new Map([["key", 0], ["value", 1]]) };
    }
    if (header === null) {
      header = readHeader(cells, line);
      const h = header;
      const col = (name: string): number => h.index.get(name) ?? -1;
      if (section === "meta") {
        // `key;value` — nothing to look up
      } else if (section === "projects") {
        projectColumns = h.names;
        pId = col("project_id");
        pCost = col("cost");
        if (pId < 0) throw new PabulibFormatError("missing_column", "PROJECTS has no project_id column", line);
        if (pCost < 0) throw new PabulibFormatError("missing_column", "PROJECTS has no cost column", line);
        pName = col("name");
        pVotes = col("votes");
        pScore = col("score");
        pSel = col("selected");
        pExtra = h.names.map((n, i) => [n, i] as [string, number]).filter(([n]) => !PROJECT_KNOWN.has(n.toLowerCase()));
      } else {
        voteColumns = h.names;
        vId = col("voter_id");
        vVote = col("vote");
        if (vId < 0) throw new PabulibFormatError("missing_column", "VOTES has no voter_id column", line);
        if (vVote < 0) throw new PabulibFormatError("missing_column", "VOTES has no vote column", line);
        vPoints = col("points");
        vExtra = h.names.map((n, i) => [n, i] as [string, number]).filter(([n]) => !VOTE_KNOWN.has(n.toLowerCase()));
        vExtraValues = vExtra.map(() => new Map<string, string>());
      }
      return;
    }
    if (section === "meta") {
      const key = cells[0] as string;
      let end = cells.length;
      while (end > 2 && cells[end - 1] === "") end--;
      meta[key] = cells.slice(1, end).join(";");
    } else if (section === "projects") {
      checkWidth(cells, header, line);
      const id = cells[pId] ?? "";
      if (id === "") throw new PabulibFormatError("missing_project_id", "project without project_id", line);
      if (projectIds.has(id)) throw new PabulibFormatError("duplicate_project_id", `project ${JSON.stringify(id)} appears twice`, line);
      projectIds.set(id, id);
      let cost: number;
      try {
        cost = parseMoney(cells[pCost] ?? "");
      } catch (e) {
        if (e instanceof MoneyFormatError) {
          throw new PabulibFormatError("bad_cost", `cost of project ${JSON.stringify(id)} is not an amount: ${JSON.stringify(cells[pCost] ?? "")}`, line);
        }
        throw e;
      }
      const p: PbProject = { id, cost, extra: {} };
      if (pName >= 0) p.name = cells[pName] ?? "";
      const votesCell = pVotes >= 0 ? cells[pVotes] ?? "" : "";
      if (votesCell !== "") p.votes = parseIntCell(votesCell, line, "votes");
      const scoreCell = pScore >= 0 ? cells[pScore] ?? "" : "";
      if (scoreCell !== "") p.score = parseNumberCell(scoreCell, line, "score");
      const selCell = pSel >= 0 ? cells[pSel] ?? "" : "";
      if (selCell !== "") p.selected = parseIntCell(selCell, line, "selected");
      for (const [name, i] of pExtra) p.extra[name] = cells[i] ?? "";
      projects.push(p);
    } else {
      checkWidth(cells, header, line);
      const voterId = cells[vId] ?? "";
      if (voterId === "") throw new PabulibFormatError("missing_voter_id", "vote without voter_id", line);
      const v: PbVote = { voterId, vote: splitIds(cells[vVote] ?? "", projectIds), extra: {} };
      const ptsCell = vPoints >= 0 ? cells[vPoints] ?? "" : "";
      if (ptsCell !== "") v.points = parsePoints(ptsCell, v.vote.length, line);
      for (let x = 0; x < vExtra.length; x++) {
        const [name, i] = vExtra[x] as [string, number];
        v.extra[name] = internValue(vExtraValues[x] as Map<string, string>, cells[i] ?? "");
      }
      votes.push(v);
    }
  }, plainVote);
  if (!sawAnything) throw new PabulibFormatError("empty_file", "the file is empty");
  for (const s of SECTION_ORDER) {
    if (!seen.has(s)) throw new PabulibFormatError("missing_section", `section ${s.toUpperCase()} is missing`);
  }
  if (projectColumns.length === 0) throw new PabulibFormatError("missing_header", "PROJECTS has no header line");
  if (voteColumns.length === 0) throw new PabulibFormatError("missing_header", "VOTES has no header line");
  return { meta, projects, votes, projectColumns, voteColumns };
}

// ---------------------------------------------------------------------------------------------
// Typed META accessors
// ---------------------------------------------------------------------------------------------

/** META `budget` in grosze. Throws `PabulibFormatError("bad_budget")` if missing or malformed. */
export function pbBudget(e: PbElection): number {
  const raw = e.meta["budget"];
  if (raw === undefined) throw new PabulibFormatError("bad_budget", "META has no budget");
  try {
    return parseMoney(raw);
  } catch {
    throw new PabulibFormatError("bad_budget", `META budget is not an amount: ${JSON.stringify(raw)}`);
  }
}

export function pbVoteType(e: PbElection): string | undefined {
  return e.meta["vote_type"];
}

export function pbRule(e: PbElection): string | undefined {
  return e.meta["rule"];
}

/** META `min_project_score_threshold`, or undefined when absent/empty. */
export function pbThreshold(e: PbElection): number | undefined {
  const raw = e.meta["min_project_score_threshold"];
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw.trim().replace(",", "."));
  if (!Number.isFinite(n)) throw new PabulibFormatError("bad_number", `min_project_score_threshold is not a number: ${JSON.stringify(raw)}`);
  return n;
}

/** A META integer (e.g. `max_length`, `max_sum_points`), or undefined when absent/empty/not an integer. */
export function pbMetaInt(e: PbElection, key: string): number | undefined {
  const raw = e.meta[key];
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  return raw.trim() !== "" && Number.isSafeInteger(n) ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------

function quoteCell(s: string): string {
  if (s === "") return s;
  const needs =
    /[;"\r\n]/.test(s) || s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32;
  return needs ? `"${s.replace(/"/g, '""')}"` : s;
}

function formatNumber(n: number): string {
  return String(n);
}

function withColumn(cols: string[], name: string, present: boolean): string[] {
  const key = name.toLowerCase();
  if (!present || cols.some((c) => c.toLowerCase() === key)) return cols;
  return [...cols, name];
}

/**
 * Writes an election as `.pb` text (LF line ends, final newline, `;` delimiter, quoting only where
 * needed). Columns follow `projectColumns` / `voteColumns`; a column missing there but needed by the
 * data (e.g. `name` set on a project) is appended, as are extra keys not listed.
 */
export function writePabulib(e: PbElection): string {
  const out: string[] = [];
  const row = (cells: string[]): void => {
    out.push(cells.map(quoteCell).join(";"));
  };
  out.push("META");
  row(["key", "value"]);
  for (const [k, v] of Object.entries(e.meta)) row([k, v]);

  let pcols = e.projectColumns.length > 0 ? [...e.projectColumns] : ["project_id", "cost"];
  pcols = withColumn(pcols, "project_id", true);
  pcols = withColumn(pcols, "cost", true);
  pcols = withColumn(pcols, "name", e.projects.some((p) => p.name !== undefined));
  pcols = withColumn(pcols, "votes", e.projects.some((p) => p.votes !== undefined));
  pcols = withColumn(pcols, "score", e.projects.some((p) => p.score !== undefined));
  pcols = withColumn(pcols, "selected", e.projects.some((p) => p.selected !== undefined));
  for (const p of e.projects) for (const k of Object.keys(p.extra)) pcols = withColumn(pcols, k, true);
  out.push("PROJECTS");
  row(pcols);
  for (const p of e.projects) {
    row(
      pcols.map((c) => {
        switch (c.toLowerCase()) {
          case "project_id":
            return p.id;
          case "cost":
            return formatMoney(p.cost, { compact: true });
          case "name":
            return p.name ?? "";
          case "votes":
            return p.votes === undefined ? "" : String(p.votes);
          case "score":
            return p.score === undefined ? "" : formatNumber(p.score);
          case "selected":
            return p.selected === undefined ? "" : String(p.selected);
          default:
            return p.extra[c] ?? "";
        }
      }),
    );
  }

  let vcols = e.voteColumns.length > 0 ? [...e.voteColumns] : ["voter_id", "vote"];
  vcols = withColumn(vcols, "voter_id", true);
  vcols = withColumn(vcols, "vote", true);
  vcols = withColumn(vcols, "points", e.votes.some((v) => v.points !== undefined));
  for (const v of e.votes) for (const k of Object.keys(v.extra)) vcols = withColumn(vcols, k, true);
  out.push("VOTES");
  row(vcols);
  for (const v of e.votes) {
    row(
      vcols.map((c) => {
        switch (c.toLowerCase()) {
          case "voter_id":
            return v.voterId;
          case "vote":
            return v.vote.join(",");
          case "points":
            return v.points === undefined ? "" : v.points.map(formatNumber).join(",");
          default:
            return v.extra[c] ?? "";
        }
      }),
    );
  }
  return out.join("\n") + "\n";
}
