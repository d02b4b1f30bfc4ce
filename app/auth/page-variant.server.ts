/**
 * What a signed-in visitor's copy of a shared public page may differ by (issue #18, "signed-in
 * pages"): the page cache keeps pages marked `signedIn: "shared"` (app/http/route-meta.server.ts)
 * once per variant rather than rendering them for every signed-in visit. Those pages show a person
 * nothing of their own but what follows from
 * - their roles (which links the header offers: administration, the office, moderation), and
 * - what they follow ("follow" / "stop following" on district, proposal and edition pages).
 * The variant is a digest of exactly that, so two people with the same roles and follows share one
 * copy, and nobody gets a page made for another set. The session is checked as a page would check
 * it (valid, e-mail verified); anything else means no variant, and the page is rendered.
 *
 * A variant is remembered per session for at most the page cache's lifetime, and forgotten at every
 * write the cache forgets pages for (a follow, a role granted): `forgetPageVariants`.
 */
import { createHash } from "node:crypto";
import { listFollowKeysOfUser } from "~/data/follows.server";
import { listUserRoles } from "~/data/users.server";
import { db } from "~/db.server";
import { lucia } from "./session.server";

const MAX_REMEMBERED = 5_000;
const remembered = new Map<string, { variant: string | null; at: number }>();

/** Forgets every remembered variant (a role or a follow may have changed). */
export function forgetPageVariants(): void {
  remembered.clear();
}

/** The digest of what a shared page may show differently to this person. */
export function variantOf(roles: readonly { role: string; scope: string }[], follows: readonly string[]): string {
  const canonical = JSON.stringify({ roles: roles.map((r) => `${r.role}@${r.scope}`).sort(), follows: [...follows].sort() });
  return createHash("sha256").update(canonical).digest("base64url").slice(0, 22);
}

/**
 * The variant for a session token, or null when the token is no valid session of a verified
 * person (the page is then rendered, and shows what it shows to whoever that is).
 */
export async function signedInPageVariant(token: string, now: number, maxAgeMs: number): Promise<string | null> {
  if (!token || token.length > 100) return null;
  const known = remembered.get(token);
  if (known && now - known.at < maxAgeMs) return known.variant;
  const { session, user } = await lucia().validateSession(token);
  let variant: string | null = null;
  // a session lucia has just extended wants its cookie set again: that page is rendered, not shared
  if (session && user && user.emailVerified && !session.fresh) {
    const [roles, follows] = await Promise.all([listUserRoles(db(), user.id), listFollowKeysOfUser(db(), user.id)]);
    variant = variantOf(roles, follows);
  }
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(token, { variant, at: now });
  return variant;
}
