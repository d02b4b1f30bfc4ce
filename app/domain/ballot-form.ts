/**
 * The ballot page's form fields → the ballot's selections, and back (what the page shows again).
 * Field names: `tick` = "pool|project" (approval, knapsack; a choose-one pool's choice is sent again
 * this way from the review step), `one|<pool>` = project (choose-one radio buttons),
 * `points|<pool>|<project>` = points typed, `rank|<pool>|<project>` = the rank chosen (1 = first).
 * What was typed is kept as text so a refusal shows it back unchanged; the ballot rule
 * (validateBallot) judges the numbers, this only reads them.
 * Gathered in Maps: a typed "__proto__" must never reach an object's key lookup.
 */
import type { BallotKind } from "./rules";

export type BallotEcho = {
  /** Ticked project ids per pool (approval, knapsack, choose-one). */
  ticks: Record<string, string[]>;
  /** Typed points or chosen ranks: "pool|project" → the text as sent. */
  marks: Record<string, string>;
};
export type ReadBallot = { selections: Record<string, string[] | Record<string, number>>; echo: BallotEcho };

const MAX_FIELDS = 500;
const ID_MAX = 100;

/** "3" → 3, "" → 0 (untouched), anything else → a number the rule refuses (NaN, 1.5, -2). */
export function markNumber(text: string): number {
  const t = text.trim();
  if (t === "") return 0;
  if (/^\d{1,6}$/.test(t)) return Number(t);
  const n = Number(t.replace(",", "."));
  return Number.isNaN(n) ? Number.NaN : n;
}

/** Reads the posted fields; `kinds` says which pools take numbers (points, ranked). */
export function readBallotForm(entries: Iterable<[string, unknown]>, kinds: ReadonlyMap<string, BallotKind>): ReadBallot {
  const ticks = new Map<string, string[]>();
  const marks = new Map<string, string>();
  let n = 0;
  const tick = (pool: string, project: string) => {
    const list = ticks.get(pool) ?? [];
    list.push(project.slice(0, ID_MAX));
    ticks.set(pool, list);
  };
  for (const [name, value] of entries) {
    if (typeof value !== "string" || ++n > MAX_FIELDS) continue;
    if (name === "tick") {
      const [pool, project] = value.split("|");
      if (pool && project) tick(pool.slice(0, ID_MAX), project);
      continue;
    }
    const parts = name.split("|");
    if (parts[0] === "one" && parts.length === 2 && parts[1]) {
      if (value !== "") tick(parts[1].slice(0, ID_MAX), value);
    } else if ((parts[0] === "points" || parts[0] === "rank") && parts.length === 3 && parts[1] && parts[2]) {
      marks.set(`${parts[1].slice(0, ID_MAX)}|${parts[2].slice(0, ID_MAX)}`, value.slice(0, 12));
    }
  }
  const numbers = new Map<string, Map<string, number>>();
  for (const [key, text] of marks) {
    const [pool, project] = key.split("|") as [string, string];
    const v = markNumber(text);
    if (v === 0) continue;
    const rec = numbers.get(pool) ?? new Map<string, number>();
    rec.set(project, v);
    numbers.set(pool, rec);
  }
  const selections = new Map<string, string[] | Record<string, number>>();
  for (const [pool, list] of ticks) selections.set(pool, list);
  for (const [pool, rec] of numbers) {
    const kind = kinds.get(pool);
    // a pool that takes numbers gets them; ticks sent to it too are a malformed ballot (the rule says so)
    if (kind === "points" || kind === "ranked" || !selections.has(pool)) selections.set(pool, Object.fromEntries(rec));
  }
  return { selections: Object.fromEntries(selections), echo: { ticks: Object.fromEntries(ticks), marks: Object.fromEntries(marks) } };
}

/** The hidden fields that send a ballot on from the review step unchanged. */
export function echoFields(echo: BallotEcho, kinds: ReadonlyMap<string, BallotKind>): [string, string][] {
  const out: [string, string][] = [];
  for (const [pool, ids] of Object.entries(echo.ticks)) for (const id of ids) out.push(["tick", `${pool}|${id}`]);
  for (const [key, text] of Object.entries(echo.marks)) {
    const [pool, project] = key.split("|") as [string, string];
    out.push([`${kinds.get(pool) === "ranked" ? "rank" : "points"}|${pool}|${project}`, text]);
  }
  return out;
}
