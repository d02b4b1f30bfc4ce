/**
 * Small groups (#15): public statistics of who voted must not expose a group smaller than the
 * threshold the city sets per edition (`editions.small_group_threshold`, default 10, 2–100).
 *
 * What is published, and what is protected:
 * - The number of voters of a programme and of each district (the row totals) are published at any
 *   size. They say how many people voted in a district, not how, through which channel or at what
 *   age; the same numbers are public anyway as the voter count of each district pool on the results
 *   page, and they decide the turnout award. A district with 3 voters therefore shows "3".
 * - Breakdowns by district × channel and by district × age band are protected, together with their
 *   city-wide column totals (the "by channel" and "by age band" lists of the statistics page):
 *   1. every cell of 1 to k−1 people is hidden (primary suppression);
 *   2. in every line whose total is published, the hidden cells together hold 0 or at least k
 *      people (so "total minus what is shown" never names a small group); a line whose own total
 *      is below k shows no split at all;
 *   3. no hidden cell can be worked out exactly from the published totals and cells by any
 *      combination of sums and differences (checked by linear algebra over the hidden cells; more
 *      cells are hidden until none can).
 *   Hidden cells of a list are shown merged into one "other" line: its number is the published
 *   total minus the shown cells, which rule 2 keeps at 0 or ≥ k.
 * - A 0 is shown as 0: it names nobody, and hiding zeros would only make the tables unreadable.
 *   (Inside a line whose total is below k the zeros are hidden too: together with the total they
 *   would name the channel of everyone in it.)
 * The cross-page view is consistent because every page computes the same table from the same
 * numbers with this one deterministic function. A table of one column is shown as it is: each cell
 * is its row total. With two or more columns the search always ends: once every cell is hidden,
 * each can still move (+1 here and in its column total, −1 in a neighbour and its total).
 */
import { z } from "zod";

export const SMALL_GROUP_DEFAULT = 10;
/** The ways of voting, in the order every statistics table uses (the same order keeps the protection the same). */
export const STAT_CHANNELS = ["online", "assisted", "paper"] as const;
export const SMALL_GROUP_MIN = 2;
export const SMALL_GROUP_MAX = 100;

export const SmallGroupThresholdSchema = z.coerce
  .number({ error: "smallGroups.error.threshold" })
  .int({ error: "smallGroups.error.threshold" })
  .min(SMALL_GROUP_MIN, { error: "smallGroups.error.threshold" })
  .max(SMALL_GROUP_MAX, { error: "smallGroups.error.threshold" });

/** A protected cross table: `null` marks a hidden cell. */
export interface ProtectedTable {
  cells: (number | null)[][];
  /** Always published (see the module comment). */
  rowTotals: number[];
  colTotals: (number | null)[];
  total: number;
  /** How many cells (including column totals) are hidden. */
  hidden: number;
}

type Line = { cells: number[]; total: number | null };

/**
 * Protects a table of counts (rows × columns, e.g. districts × channels) for threshold `k`.
 * Row totals and the grand total are published; cells and column totals are shown or hidden.
 */
export function protectTable(values: readonly (readonly number[])[], k: number): ProtectedTable {
  const R = values.length;
  const C = R === 0 ? 0 : values[0]!.length;
  // cells 0..R*C-1 are the table, R*C..R*C+C-1 the column totals (the "totals row")
  const value: number[] = [];
  for (const row of values) {
    if (row.length !== C) throw new Error("protectTable: ragged table");
    for (const v of row) {
      if (!Number.isSafeInteger(v) || v < 0) throw new Error("protectTable: counts are non-negative integers");
      value.push(v);
    }
  }
  const rowTotals = values.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = Array.from({ length: C }, (_, c) => values.reduce((s, row) => s + row[c]!, 0));
  for (const t of colTotals) value.push(t);
  const total = rowTotals.reduce((a, b) => a + b, 0);
  // one column: every cell is its row total, published anyway
  if (C < 2) return { cells: values.map((row) => [...row]), rowTotals, colTotals, total, hidden: 0 };
  const hidden = value.map((v) => v > 0 && v < k);

  const rowLines: Line[] = [
    ...rowTotals.map((t, r) => ({ cells: Array.from({ length: C }, (_, c) => r * C + c), total: t })),
    { cells: Array.from({ length: C }, (_, c) => R * C + c), total },
  ];
  const columnCells = (c: number) => Array.from({ length: R }, (_, r) => r * C + c);
  const smallest = (cells: number[]) => {
    let best = -1;
    for (const i of cells) if (!hidden[i] && value[i]! > 0 && (best < 0 || value[i]! < value[best]!)) best = i;
    if (best < 0) best = cells.find((i) => !hidden[i]) ?? -1;
    return best;
  };

  for (let guard = 0; guard <= value.length + 1; guard++) {
    let changed = false;
    for (const line of rowLines) {
      const t = line.total!;
      if (t > 0 && t < k) {
        for (const i of line.cells) {
          if (hidden[i]) continue;
          hidden[i] = true;
          changed = true;
        }
        continue;
      }
      const s = line.cells.reduce((a, i) => a + (hidden[i] ? value[i]! : 0), 0);
      if (s > 0 && s < k) {
        const i = smallest(line.cells);
        if (i >= 0) {
          hidden[i] = true;
          changed = true;
        }
      }
    }
    for (let c = 0; c < C; c++) {
      const tc = R * C + c;
      if (hidden[tc]) continue;
      const cells = columnCells(c);
      const s = cells.reduce((a, i) => a + (hidden[i] ? value[i]! : 0), 0);
      if (s > 0 && s < k) {
        const i = smallest(cells);
        hidden[i >= 0 ? i : tc] = true;
        changed = true;
      }
    }
    if (changed) continue;
    const exposed = determinedCells(hidden, R, C);
    if (exposed.length === 0) break;
    // hide a partner of an exposed cell: from its row line first, then its column; failing that
    // the smallest shown cell anywhere (with every cell hidden nothing is exposed, see above)
    let partner = -1;
    for (const x of exposed) {
      const rowLine = x < R * C ? rowLines[Math.floor(x / C)]! : rowLines[R]!;
      partner = smallest(rowLine.cells);
      if (partner < 0) partner = smallest([...columnCells(x % C), R * C + (x % C)]);
      if (partner >= 0) break;
    }
    if (partner < 0) partner = smallest(value.map((_, i) => i));
    if (partner < 0) break;
    hidden[partner] = true;
  }

  const cells = values.map((row, r) => row.map((v, c) => (hidden[r * C + c] ? null : v)));
  return {
    cells,
    rowTotals,
    colTotals: colTotals.map((v, c) => (hidden[R * C + c] ? null : v)),
    total,
    hidden: hidden.filter(Boolean).length,
  };
}

/**
 * The hidden cells that the published numbers determine exactly: a hidden cell is determined when
 * the unit vector on it lies in the row space of the equations (row sums, the sum of the column
 * totals, and "column = its total") restricted to the hidden cells.
 */
export function determinedCells(hidden: readonly boolean[], R: number, C: number): number[] {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  if (unknowns.length === 0) return [];
  const col = new Map(unknowns.map((i, j) => [i, j]));
  const eqs: number[][] = [];
  const add = (terms: [cell: number, coef: number][]) => {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const [cell, coef] of terms) {
      const j = col.get(cell);
      if (j === undefined) continue;
      row[j] = row[j]! + coef;
      any = true;
    }
    if (any) eqs.push(row);
  };
  for (let r = 0; r <= R; r++) add(Array.from({ length: C }, (_, c) => [r * C + c, 1]));
  for (let c = 0; c < C; c++) add([...Array.from({ length: R }, (_, r): [number, number] => [r * C + c, 1]), [R * C + c, -1]]);
  // reduced row echelon form (entries stay small: the equations are 0/±1 and well conditioned)
  const EPS = 1e-9;
  let lead = 0;
  const n = unknowns.length;
  for (let r = 0; r < eqs.length && lead < n; lead++) {
    let p = -1;
    for (let i = r; i < eqs.length; i++) if (Math.abs(eqs[i]![lead]!) > EPS && (p < 0 || Math.abs(eqs[i]![lead]!) > Math.abs(eqs[p]![lead]!))) p = i;
    if (p < 0) continue;
    [eqs[r], eqs[p]] = [eqs[p]!, eqs[r]!];
    const pr = eqs[r]!;
    const pv = pr[lead]!;
    for (let j = 0; j < n; j++) pr[j] = pr[j]! / pv;
    for (let i = 0; i < eqs.length; i++) {
      if (i === r) continue;
      const f = eqs[i]![lead]!;
      if (Math.abs(f) > EPS) for (let j = 0; j < n; j++) eqs[i]![j] = eqs[i]![j]! - f * pr[j]!;
    }
    r++;
  }
  const out: number[] = [];
  for (const row of eqs) {
    const nz = row.flatMap((v, j) => (Math.abs(v) > EPS ? [j] : []));
    if (nz.length === 1) out.push(unknowns[nz[0]!]!);
  }
  return out.sort((a, b) => a - b);
}

/** Builds a rows × columns table from grouped counts; groups missing from `rows`/`cols` are added in order of appearance. */
export function crossTab<R, C>(counts: readonly { row: R; col: C; voters: number }[], rows: readonly R[], cols: readonly C[]): { rows: R[]; cols: C[]; values: number[][] } {
  const rs = [...rows];
  const cs = [...cols];
  for (const x of counts) {
    if (!rs.includes(x.row)) rs.push(x.row);
    if (!cs.includes(x.col)) cs.push(x.col);
  }
  const values = rs.map(() => cs.map(() => 0));
  for (const x of counts) values[rs.indexOf(x.row)]![cs.indexOf(x.col)]! += x.voters;
  return { rows: rs, cols: cs, values };
}

/**
 * A list (e.g. voters by channel) for the page: the shown groups, and the hidden ones merged into
 * one "other" line (the total minus the shown groups; 0 or at least k by construction).
 */
export function mergedList<G>(groups: readonly G[], shown: readonly (number | null)[], total: number): { groups: { group: G; voters: number }[]; other: number | null } {
  const out: { group: G; voters: number }[] = [];
  let rest = total;
  let anyHidden = false;
  groups.forEach((g, i) => {
    const v = shown[i];
    if (v === null || v === undefined) anyHidden = true;
    else if (v > 0) {
      out.push({ group: g, voters: v });
      rest -= v;
    }
  });
  return { groups: out, other: anyHidden ? rest : null };
}

/**
 * A single count beside a published total (e.g. votes cast by guardians): shown only when neither
 * it nor the rest is a small group.
 */
export function showCount(count: number, total: number, k: number): number | null {
  const ok = (n: number) => n === 0 || n >= k;
  return ok(count) && ok(total - count) ? count : null;
}

/**
 * Whether the open data of a pool withholds its ballot lines: some people voted in it, but fewer
 * than k (a pool nobody voted in has no lines to withhold, and says nothing about anyone).
 */
export function withholdsBallots(voters: number, k: number): boolean {
  return voters > 0 && voters < k;
}
