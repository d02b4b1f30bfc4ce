/**
 * How ties are broken, and the public lottery used for `lot`.
 *
 *  - `lower-cost` (default): the cheaper project first, then the project id compared as a string
 *    (UTF-16 code units; equal to code-point order for every id seen in Pabulib).
 *  - `voters`: the project supported by more voters first, then as `lower-cost`.
 *  - `lot`: a public, repeatable draw. Every project gets the lottery number
 *    `lotteryNumber(seed, id)` = SplitMix64(FNV-1a-64(UTF-8(seed) ‖ 0x00 ‖ UTF-8(id))), an unsigned
 *    64-bit integer; lower number first (then id). Anyone with the seed (e.g. drawn publicly and
 *    announced before the count) can recompute the order with any language.
 */
import type { Profile } from "./scores";
import { CountingError } from "./scores";

export type TieRule = "lower-cost" | "voters" | "lot";
export const TIE_RULES: readonly TieRule[] = ["lower-cost", "voters", "lot"];

export interface TieOptions {
  tie?: TieRule;
  /** seed of the lottery for `tie: "lot"` (required then) */
  seed?: string;
}

const MASK64 = (1n << 64n) - 1n;
const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;

function fnv1a64(bytes: Uint8Array): bigint {
  let h = FNV_OFFSET;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * FNV_PRIME) & MASK64;
  }
  return h;
}

/** SplitMix64 output function (Steele, Lea, Flood 2014), one step from state `x`. */
export function splitmix64(x: bigint): bigint {
  let z = (x + 0x9e3779b97f4a7c15n) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** The lottery number of a project for a given public seed (see module header). */
export function lotteryNumber(seed: string, projectId: string): bigint {
  const enc = new TextEncoder();
  const a = enc.encode(seed);
  const b = enc.encode(projectId);
  const bytes = new Uint8Array(a.length + 1 + b.length);
  bytes.set(a, 0);
  bytes[a.length] = 0;
  bytes.set(b, a.length + 1);
  return splitmix64(fnv1a64(bytes));
}

/** The order in which `lot` ranks the given project ids for `seed`. */
export function lotteryOrder(seed: string, ids: readonly string[]): string[] {
  const keyed = ids.map((id) => ({ id, key: lotteryNumber(seed, id) }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : compareIds(x.id, y.id)));
  return keyed.map((k) => k.id);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface TieItem {
  id: string;
  /** integer grosze */
  cost: number;
  /** number of voters supporting the project */
  voters: number;
}

/**
 * A comparator over indices into `items`: negative when item `a` wins the tie against `b`.
 * It is a strict total order when ids are unique, so every tie is broken.
 */
export function makeTieComparator(items: readonly TieItem[], opts: TieOptions = {}): (a: number, b: number) => number {
  const rule = opts.tie ?? "lower-cost";
  const byCostThenId = (a: number, b: number): number => {
    const pa = items[a]!, pb = items[b]!;
    return pa.cost - pb.cost || compareIds(pa.id, pb.id);
  };
  if (rule === "lower-cost") return byCostThenId;
  if (rule === "voters") return (a, b) => items[b]!.voters - items[a]!.voters || byCostThenId(a, b);
  if (rule !== "lot") throw new CountingError("unknown_tie_rule", `unknown tie rule ${JSON.stringify(rule)}`);
  if (opts.seed === undefined || opts.seed === "") {
    throw new CountingError("lot_needs_seed", "tie rule 'lot' needs a seed");
  }
  const seed = opts.seed;
  const keys = items.map((p) => lotteryNumber(seed, p.id));
  return (a, b) => {
    const ka = keys[a]!, kb = keys[b]!;
    return ka < kb ? -1 : ka > kb ? 1 : compareIds(items[a]!.id, items[b]!.id);
  };
}

/** `makeTieComparator` over the projects of a profile (voters = ballots listing the project). */
export function tieComparator(profile: Profile, opts: TieOptions = {}): (a: number, b: number) => number {
  return makeTieComparator(
    profile.projects.map((p, i) => ({ id: p.id, cost: p.cost, voters: profile.projectVoters[i] as number })),
    opts,
  );
}
