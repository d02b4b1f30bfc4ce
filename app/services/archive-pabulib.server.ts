/**
 * An archived edition imported from Pabulib publishes the original `.pb` file, byte for byte, with
 * Pabulib's attribution on the page (db/pabulib/README.md). The file is served for the pool it was
 * imported into: the one whose projects (cost and votes) are exactly those in the file.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePabulib } from "~/domain/counting/pabulib";
import type { PublishedPool } from "~/data/results.server";

const SOURCE = /^pabulib:([A-Za-z0-9_.-]{1,120}\.pb)$/;
const cache = new Map<string, { text: string; key: string } | null>();

function fingerprint(items: { cost: number; votes: number }[]): string {
  return items
    .map((p) => `${p.cost}:${p.votes}`)
    .sort()
    .join(",");
}

function load(name: string) {
  if (cache.has(name)) return cache.get(name)!;
  const file = join(process.cwd(), "db", "pabulib", name);
  let entry: { text: string; key: string } | null = null;
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    entry = { text, key: fingerprint(parsePabulib(text).projects.map((p) => ({ cost: p.cost, votes: p.votes ?? 0 }))) };
  }
  cache.set(name, entry);
  return entry;
}

/** The original Pabulib file of an archived pool: its name and text, or null when there is none. */
export function archivePabulibFile(source: string | null, pool: Pick<PublishedPool, "rule" | "rows">): { name: string; text: string } | null {
  const m = source ? SOURCE.exec(source) : null;
  if (!m || pool.rule !== null) return null;
  const entry = load(m[1]!);
  if (!entry || entry.key !== fingerprint(pool.rows.map((r) => ({ cost: r.costGrosze, votes: r.votes })))) return null;
  return { name: m[1]!, text: entry.text };
}
