/**
 * Receipt codes shown to a voter after casting, e.g. "7KQM-3XHD-RW9A-2PTN-F".
 * 16 data characters from a 31-letter alphabet without 0, O, 1, I, L (≈ 79 bits), plus one check
 * character. 31 is prime, so the weighted check (weights 1..17, sum ≡ 0 mod 31) catches every
 * single-character substitution and every swap of two adjacent different characters.
 * The random bytes come from the caller (crypto stays out of the domain).
 */

export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const BASE = RECEIPT_ALPHABET.length; // 31
export const RECEIPT_DATA_LENGTH = 16;
/** Bytes needed: 96 bits reduced mod 31^16 (≈ 2^79.3) leaves a bias below 1e-5. */
export const RECEIPT_BYTES = 12;

export type ReceiptReason = "receipt_format" | "receipt_checksum";

const CHECK_WEIGHT_INVERSE = 11; // 17 * 11 = 187 ≡ 1 (mod 31)

function checkValue(values: readonly number[]): number {
  let sum = 0;
  values.forEach((v, i) => (sum += (i + 1) * v));
  // Choose c so that sum + 17c ≡ 0 (mod 31).
  return (((-sum * CHECK_WEIGHT_INVERSE) % BASE) + BASE) % BASE;
}

function group(chars: string): string {
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4)).join("-") + "-" + chars.slice(16);
}

/** Formats caller-supplied random bytes (at least RECEIPT_BYTES) as a receipt code. */
export function formatReceiptCode(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_BYTES) throw new RangeError(`formatReceiptCode: need at least ${RECEIPT_BYTES} bytes`);
  let n = 0n;
  for (let i = 0; i < RECEIPT_BYTES; i++) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  const values: number[] = [];
  for (let i = 0; i < RECEIPT_DATA_LENGTH; i++) {
    values.unshift(Number(n % BigInt(BASE)));
    n /= BigInt(BASE);
  }
  values.push(checkValue(values));
  return group(values.map((v) => RECEIPT_ALPHABET[v]).join(""));
}

/** Accepts any case, spaces and hyphens; returns the canonical form. */
export function parseReceiptCode(input: string): { ok: true; code: string } | { ok: false; reason: ReceiptReason } {
  const chars = input.replace(/[\s\-\u2010-\u2015\u2212]+/g, "").toUpperCase();
  if (chars.length !== RECEIPT_DATA_LENGTH + 1) return { ok: false, reason: "receipt_format" };
  const values: number[] = [];
  for (const ch of chars) {
    const v = RECEIPT_ALPHABET.indexOf(ch);
    if (v < 0) return { ok: false, reason: "receipt_format" };
    values.push(v);
  }
  const check = values.pop();
  if (check !== checkValue(values)) return { ok: false, reason: "receipt_checksum" };
  return { ok: true, code: group(chars) };
}
