/**
 * The secret ballot (issue #15), the rules without the cryptography: what a sealed ballot carries,
 * how it is padded so that its length says nothing, how a commission member's key share is written
 * down (a code with a checksum and the edition's key fingerprint), how the commission is described,
 * and the shuffle that separates the order of decryption from the order of casting.
 * The encryption itself (libsodium sealed boxes, Shamir shares) lives in app/auth/ballot-seal.server.ts.
 */
import { z } from "zod";
import type { NormalisedBallot } from "./ballot";

/** What is encrypted for one ballot. The receipt hash inside proves, after opening, that this ballot was counted. */
export interface SealedContent {
  programmeId: string;
  ballot: NormalisedBallot;
  /** Categories of a paper ballot that broke their limit: invalid there only. */
  invalidPools: { poolId: string; reason: string }[];
  receiptHash: string;
}

const PayloadSchema = z.object({
  v: z.literal(1),
  p: z.string().min(1).max(80),
  d: z.string().max(80).nullable(),
  l: z.array(z.tuple([z.string().min(1).max(80), z.string().min(1).max(80), z.number().int().min(0).max(1000)])).max(500),
  x: z.array(z.tuple([z.string().min(1).max(80), z.string().min(1).max(80)])).max(100),
  r: z.string().min(16).max(128),
  pad: z.string(),
});

/**
 * Plaintexts are padded to a multiple of this many bytes, so the ciphertext's length does not tell
 * how many projects were ticked (every Gdynia-sized ballot fits in one block).
 */
export const PAD_BLOCK = 1024;

export function encodeSealedContent(c: SealedContent): string {
  const body = {
    v: 1 as const,
    p: c.programmeId,
    d: c.ballot.districtId,
    l: c.ballot.lines.map((l) => [l.poolId, l.projectId, l.points] as const),
    x: c.invalidPools.map((i) => [i.poolId, i.reason] as const),
    r: c.receiptHash,
    pad: "",
  };
  const bare = JSON.stringify(body).length; // ASCII ids only: characters = bytes
  const target = Math.ceil((bare + 1) / PAD_BLOCK) * PAD_BLOCK;
  return JSON.stringify({ ...body, pad: " ".repeat(target - bare) });
}

export function decodeSealedContent(text: string): { ok: true; content: SealedContent } | { ok: false } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const parsed = PayloadSchema.safeParse(raw);
  if (!parsed.success) return { ok: false };
  const b = parsed.data;
  return {
    ok: true,
    content: {
      programmeId: b.p,
      ballot: { districtId: b.d, lines: b.l.map(([poolId, projectId, points]) => ({ poolId, projectId, points })) },
      invalidPools: b.x.map(([poolId, reason]) => ({ poolId, reason })),
      receiptHash: b.r,
    },
  };
}

/** Fisher–Yates with the caller's uniform random integer in [0, n): a fresh order, independent of the input's. */
export function shuffled<T>(items: readonly T[], randomInt: (n: number) => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/* ---------- the commission ---------- */

export const MAX_COMMISSION = 12;

export const CommissionSchema = z
  .object({
    members: z.array(z.string().trim().min(2, "commission_name").max(120, "commission_name")).min(2, "commission_size").max(MAX_COMMISSION, "commission_size"),
    threshold: z.coerce.number().int("commission_threshold").min(2, "commission_threshold"),
  })
  .refine((c) => c.threshold <= c.members.length, { message: "commission_threshold", path: ["threshold"] });
export type Commission = z.infer<typeof CommissionSchema>;

/* ---------- share codes ---------- */

/** Crockford's base 32: no I, L, O, U; read back case-insensitively with I/L → 1 and O → 0. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const FINGERPRINT_BYTES = 4;
const PREFIX = "K1";

export type ShareCodeRefusal = "share_format" | "share_checksum" | "share_other_edition";

function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string, byteLength: number): Uint8Array | null {
  const out = new Uint8Array(byteLength);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      if (i >= byteLength) return null;
      out[i++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  // the last character's spare bits must be zero: one code per share, so a typo there is caught too
  return i === byteLength && value === 0 ? out : null;
}

/**
 * One member's share as a code to print or save: the edition key's fingerprint (so a share of
 * another edition is recognised), the share, and a CRC-16 (so a typo is caught before decryption).
 */
export function formatShareCode(share: Uint8Array, fingerprint: Uint8Array): string {
  const body = new Uint8Array(FINGERPRINT_BYTES + share.length + 2);
  body.set(fingerprint.subarray(0, FINGERPRINT_BYTES), 0);
  body.set(share, FINGERPRINT_BYTES);
  const crc = crc16(body.subarray(0, body.length - 2));
  body[body.length - 2] = crc >> 8;
  body[body.length - 1] = crc & 255;
  const chars = toBase32(body);
  return `${PREFIX}-${chars.match(/.{1,4}/g)!.join("-")}`;
}

/** Reads a share code as typed or pasted (any case, spaces, hyphens, line breaks). */
export function parseShareCode(
  input: string,
  shareLength: number,
  fingerprint: Uint8Array,
): { ok: true; share: Uint8Array } | { ok: false; reason: ShareCodeRefusal } {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]+/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (!cleaned.startsWith(PREFIX)) return { ok: false, reason: "share_format" };
  const total = FINGERPRINT_BYTES + shareLength + 2;
  const bytes = fromBase32(cleaned.slice(PREFIX.length), total);
  if (!bytes || cleaned.length - PREFIX.length !== Math.ceil((total * 8) / 5)) return { ok: false, reason: "share_format" };
  const crc = crc16(bytes.subarray(0, total - 2));
  if (bytes[total - 2] !== crc >> 8 || bytes[total - 1] !== (crc & 255)) return { ok: false, reason: "share_checksum" };
  for (let i = 0; i < FINGERPRINT_BYTES; i++) if (bytes[i] !== fingerprint[i]) return { ok: false, reason: "share_other_edition" };
  return { ok: true, share: bytes.slice(FINGERPRINT_BYTES, FINGERPRINT_BYTES + shareLength) };
}

/** The fingerprint as people compare it on paper: 8 hex digits in two groups. */
export function formatFingerprint(fingerprint: Uint8Array): string {
  const hex = [...fingerprint.subarray(0, FINGERPRINT_BYTES)].map((b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
  return `${hex.slice(0, 4)} ${hex.slice(4, 8)}`;
}
