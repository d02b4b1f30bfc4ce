/**
 * Keyed hashes of voter identifiers. A PESEL or Karta number is never stored or logged in plain
 * text: only HMAC-SHA256 with IDENTITY_HASH_KEY, so a copy of the database cannot be reversed by
 * hashing all possible PESELs without also stealing the key.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "~/env.server";

export function identityHash(canonical: string, key: string = getEnv().IDENTITY_HASH_KEY): string {
  return createHmac("sha256", key).update(canonical, "utf8").digest("base64url");
}

export function sameHash(a: string | null | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
