/**
 * The short-lived state of one voter between "identify" and "cast", kept in a signed HttpOnly
 * cookie (no database write until the ballot is cast, so identification scales like a page view).
 * Holds the register row id, never an identifier; expires after 30 minutes.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { GUARDIAN_RULES } from "~/domain/voting/guard";
import { getEnv } from "~/env.server";
import { cookieFromHeader, readCookie } from "~/i18n/locale.server";

export { VOTE_COOKIE } from "./cookie-names";
import { VOTE_COOKIE } from "./cookie-names";
export const RECEIPT_COOKIE = "bo_receipt";
const TTL_S = 30 * 60;

const VoteStateSchema = z.object({
  v: z.literal(1),
  programmeId: z.string(),
  voterId: z.string(),
  ageBand: z.string().nullable(),
  /** Only for PESEL identification: needed to check a guardian's age for a child's vote. */
  birthDate: z.object({ year: z.number(), month: z.number(), day: z.number() }).nullable(),
  onBehalf: z.enum(["self", "guardian"]),
  /** For a vote for a child: who votes and on what basis (audited when the ballot is cast). */
  guardian: z.object({ voterId: z.string(), basis: z.enum(GUARDIAN_RULES) }).nullable().optional(),
  exp: z.number(),
});
export type VoteState = z.infer<typeof VoteStateSchema>;

function sign(payload: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET).update(`vote:${payload}`).digest("base64url");
}

function cookie(name: string, value: string, maxAge: number): string {
  const secure = getEnv().NODE_ENV === "production" ? "; Secure" : "";
  return `${name}=${value}; Path=/vote; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

export function voteStateCookie(state: Omit<VoteState, "v" | "exp">, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...state, v: 1, exp: Math.floor(now / 1000) + TTL_S })).toString("base64url");
  return cookie(VOTE_COOKIE, `${payload}.${sign(payload)}`, TTL_S);
}

export function clearVoteStateCookie(): string {
  return cookie(VOTE_COOKIE, "", 0);
}

/** The payload of a signed cookie value "payload.mac", or null when it was not signed by us. */
function verified(raw: string | undefined, maxLength: number): string | null {
  if (!raw || raw.length > maxLength) return null;
  const [payload, mac] = raw.split(".");
  if (!payload || !mac) return null;
  const expected = sign(payload);
  return mac.length === expected.length && timingSafeEqual(Buffer.from(mac), Buffer.from(expected)) ? payload : null;
}

// A voter's browser shows the same cookie at every step: remember what a verified value said (by the
// exact value, so nothing unverified is ever taken from here), a few thousand at most.
const recentlyVerified = new Map<string, VoteState>();
const RECENT_MAX = 5000;

function voteStateFromCookieValue(raw: string | undefined, now: number): VoteState | null {
  if (!raw) return null;
  let state = recentlyVerified.get(raw);
  if (!state) {
    const payload = verified(raw, 2000);
    if (!payload) return null;
    try {
      state = VoteStateSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    } catch {
      return null;
    }
    recentlyVerified.set(raw, state);
    if (recentlyVerified.size > RECENT_MAX) recentlyVerified.delete(recentlyVerified.keys().next().value!);
  }
  return state.exp * 1000 > now ? state : null;
}

export function readVoteState(request: Request, now = Date.now()): VoteState | null {
  return voteStateFromCookieValue(readCookie(request, VOTE_COOKIE), now);
}

/**
 * What a voter's ballot pages may differ by (for the page cache): the programme and whether a parent
 * votes for a child — never who the voter is. Null unless the cookie is ours and still valid.
 */
export function voteStepVariant(cookieHeader: string | undefined, now = Date.now()): string | null {
  const state = voteStateFromCookieValue(cookieFromHeader(cookieHeader, VOTE_COOKIE), now);
  return state ? `${state.programmeId}|${state.onBehalf}` : null;
}

/** The receipt code, carried across the redirect only: the "done" page clears it when it shows it (once). */
export function receiptCookie(code: string): string {
  const payload = Buffer.from(code).toString("base64url");
  return cookie(RECEIPT_COOKIE, `${payload}.${sign(payload)}`, 60);
}

export function clearReceiptCookie(): string {
  return cookie(RECEIPT_COOKIE, "", 0);
}

export function readReceipt(request: Request): string | null {
  const payload = verified(readCookie(request, RECEIPT_COOKIE), 500);
  return payload ? Buffer.from(payload, "base64url").toString("utf8") : null;
}

export const CAST_COOKIE = "bo_voted";

/**
 * Set when a ballot is cast, for as long as a voter's state would have lasted: the browser's Back
 * button then lands on "your vote was cast" instead of "nothing was saved". Holds the programme
 * only — never the voter, the receipt or the choices — so the next person at a shared device learns
 * nothing but that someone voted here.
 */
export function castMarkerCookie(programmeId: string, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ cast: programmeId, exp: Math.floor(now / 1000) + TTL_S })).toString("base64url");
  return cookie(CAST_COOKIE, `${payload}.${sign(payload)}`, TTL_S);
}

const CastMarkerSchema = z.object({ cast: z.string(), exp: z.number() });

/** Whether a ballot of this programme was cast from this browser in the last half hour. */
export function readCastMarker(request: Request, programmeId: string, now = Date.now()): boolean {
  const payload = verified(readCookie(request, CAST_COOKIE), 500);
  if (!payload) return false;
  try {
    const m = CastMarkerSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return m.cast === programmeId && m.exp * 1000 > now;
  } catch {
    return false;
  }
}
