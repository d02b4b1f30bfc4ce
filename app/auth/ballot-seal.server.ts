/**
 * The ballot box's cryptography, with established, audited libraries only (issue #15):
 * - libsodium's sealed boxes (`crypto_box_seal`: X25519 + XSalsa20-Poly1305, an ephemeral key per
 *   ballot) encrypt each ballot to the edition's public key. Chosen over an HPKE package because
 *   libsodium is the most widely deployed and audited of the two, the wasm build needs no native
 *   compilation, and a sealed box is exactly "anonymous sender, one recipient".
 * - privy-io's `shamir-secret-sharing` (audited by Cure53 and Zellic) splits the private key into
 *   k-of-n shares for the counting commission. It does not check what it reconstructs, so the key
 *   rebuilt from shares is verified against the stored public key before use.
 * The private key exists only inside `generateCommissionKey` (until split) and inside
 * `withBallotKey` (while the box is opened); both wipe it (sodium.memzero) before returning.
 */
import { createHash, randomInt } from "node:crypto";
import sodium from "libsodium-wrappers";
import { combine, split } from "shamir-secret-sharing";
import { formatShareCode, parseShareCode, type ShareCodeRefusal } from "~/domain/voting";

/** Bytes of one Shamir share of a 32-byte key (the key's bytes plus the share's x coordinate). */
export const SHARE_BYTES = 33;

const B64 = () => sodium.base64_variants.URLSAFE_NO_PADDING;

/** The edition key's fingerprint: the first bytes of SHA-256 of the public key, printed on every share. */
export function keyFingerprint(publicKey: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(publicKey).digest());
}

export async function generateCommissionKey(members: number, threshold: number): Promise<{ publicKey: string; shares: string[] }> {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  try {
    const publicKey = sodium.to_base64(pair.publicKey, B64());
    const parts = await split(pair.privateKey, members, threshold);
    const fingerprint = keyFingerprint(publicKey);
    return { publicKey, shares: parts.map((s) => formatShareCode(s, fingerprint)) };
  } finally {
    sodium.memzero(pair.privateKey);
  }
}

/** Encrypts one ballot's plaintext to the edition's public key; base64url ciphertext. */
export async function sealBallot(publicKey: string, plaintext: string): Promise<string> {
  await sodium.ready;
  return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(plaintext), sodium.from_base64(publicKey, B64())), B64());
}

export type OpenRefusal = ShareCodeRefusal | "shares_too_few" | "shares_duplicate" | "shares_wrong";

/**
 * Rebuilds the private key from the typed share codes, checks it against the public key, and lends
 * a decrypting function to `work`; the key is wiped when `work` settles. Fewer than `threshold`
 * shares are refused before anything is combined; shares that combine to a key whose public half
 * is not the edition's (a wrong or a missing share) are refused as "shares_wrong".
 */
export async function withBallotKey<T>(
  key: { publicKey: string; threshold: number },
  codes: string[],
  work: (open: (sealed: string) => string | null) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; reason: OpenRefusal; index?: number }> {
  await sodium.ready;
  const fingerprint = keyFingerprint(key.publicKey);
  const shares: Uint8Array[] = [];
  for (let i = 0; i < codes.length; i++) {
    const parsed = parseShareCode(codes[i]!, SHARE_BYTES, fingerprint);
    if (!parsed.ok) return { ok: false, reason: parsed.reason, index: i };
    shares.push(parsed.share);
  }
  if (shares.length < key.threshold) return { ok: false, reason: "shares_too_few" };
  if (new Set(shares.map((s) => s[SHARE_BYTES - 1])).size !== shares.length) return { ok: false, reason: "shares_duplicate" };
  const privateKey = await combine(shares);
  try {
    const publicKey = sodium.from_base64(key.publicKey, B64());
    if (!sodium.memcmp(sodium.crypto_scalarmult_base(privateKey), publicKey)) return { ok: false, reason: "shares_wrong" };
    const open = (sealed: string): string | null => {
      try {
        return sodium.to_string(sodium.crypto_box_seal_open(sodium.from_base64(sealed, B64()), publicKey, privateKey));
      } catch {
        return null;
      }
    };
    return { ok: true, value: await work(open) };
  } finally {
    sodium.memzero(privateKey);
    for (const s of shares) sodium.memzero(s);
  }
}

/** A uniform random integer in [0, n) from the operating system's CSPRNG (for the shuffle). */
export function secureRandomInt(n: number): number {
  return randomInt(n);
}
