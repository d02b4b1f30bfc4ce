/**
 * One-click unsubscribe links (#17): the token names a follow and carries an HMAC-SHA256 of it under
 * a key derived from SESSION_SECRET, so it works without signing in and cannot be forged for
 * another person's follow. Checked in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "~/env.server";

const key = (secret: string) => createHmac("sha256", secret).update("bo-gdynia/unsubscribe/v1").digest();
const mac = (secret: string, followId: string) => createHmac("sha256", key(secret)).update(followId).digest("base64url");

export function unsubscribeToken(followId: string, secret = getEnv().SESSION_SECRET): string {
  return `${followId}.${mac(secret, followId)}`;
}

/** The follow a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(token: unknown, secret = getEnv().SESSION_SECRET): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const m = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(mac(secret, m[1]!));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
}

export function unsubscribeUrl(origin: string, followId: string): string {
  return `${origin}/unsubscribe?t=${encodeURIComponent(unsubscribeToken(followId))}`;
}
