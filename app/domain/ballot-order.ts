/**
 * The order of projects on a ballot, as the city chooses: random per voter (so no project wins by
 * its place on the list; Gdańsk does this), by reference number, or alphabetical. A random order
 * comes from a seed the server derives from the voter's session, so it stays the same across
 * reloads and steps of one voter and is never stored with the ballot.
 */
// no zod here: the voter's ballot page imports this module, and keeps zod out of the browser
export const BALLOT_ORDERS = ["random", "number", "alphabetical"] as const;
export type BallotOrder = (typeof BALLOT_ORDERS)[number];

export function isBallotOrder(v: unknown): v is BallotOrder {
  return typeof v === "string" && (BALLOT_ORDERS as readonly string[]).includes(v);
}

/** 32-bit FNV-1a of a string. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator, enough to shuffle a list (not for secrets). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "2026/ORL/D/10" after "2026/ORL/D/9": numbers inside compare as numbers. */
const byNumber = new Intl.Collator("pl", { numeric: true });
const byTitle = new Intl.Collator("pl");

/**
 * The projects in the order the voter sees them. `seed` (random order only) should differ per
 * voter and pool, e.g. a keyed hash of the session and the pool id.
 */
export function orderProjects<P extends { id: string; number: string; title: string }>(projects: readonly P[], order: BallotOrder, seed: string): P[] {
  if (order === "number") return [...projects].sort((a, b) => byNumber.compare(a.number, b.number) || a.id.localeCompare(b.id));
  const sorted = [...projects].sort((a, b) => byTitle.compare(a.title, b.title) || a.id.localeCompare(b.id));
  if (order === "alphabetical") return sorted;
  // Fisher–Yates from a fixed starting order, so the result depends on the seed only
  const next = generator(hash(seed));
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sorted[i], sorted[j]] = [sorted[j] as P, sorted[i] as P];
  }
  return sorted;
}
