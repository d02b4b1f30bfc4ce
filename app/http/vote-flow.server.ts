/**
 * The glue every step of the voting pages needs: the voter's signed state from the request (with
 * the redirects when it is missing), the voting point and device cookies. The decisions live in
 * ~/services/voting-points.server (re-exported here, so a route imports one module).
 */
import { redirect } from "@remix-run/node";
import type { Db } from "../../db/client";
import { readCastMarker, readVoteState, type VoteState } from "~/auth/vote-session.server";
import { getCurrentUser } from "~/auth/session.server";
import { readCookie } from "~/i18n/locale.server";
import { getEnv } from "~/env.server";
import type { Actor } from "~/domain/permissions";
import type { VotingProgramme } from "~/data/ballots.server";
import { closeVotingPointsOf, findActivePoint, pointChoices as pointChoicesFor, pointSessionHours, type ActivePoint } from "~/services/voting-points.server";

export * from "~/services/voting-points.server";

/**
 * The identified voter for this programme; without one, a step visited again after the ballot was
 * cast (the Back button) goes to "your vote was cast", any other to the first step with a notice.
 */
export function requireVoteState(request: Request, programme: VotingProgramme): VoteState {
  const state = readVoteState(request);
  if (!state || state.programmeId !== programme.programmeId) {
    if (readCastMarker(request, programme.programmeId)) throw redirect(`/vote/${programme.kind}/done`);
    throw redirect(`/vote/${programme.kind}?expired=1`);
  }
  return state;
}

export const POINT_COOKIE = "bo_point";

export function pointCookie(token: string | null): string {
  const secure = getEnv().NODE_ENV === "production" ? "; Secure" : "";
  return token
    ? `${POINT_COOKIE}=${token}; Path=/; Max-Age=${Math.round(pointSessionHours() * 3600)}; HttpOnly; SameSite=Lax${secure}`
    : `${POINT_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}

/** The voting point opened on this device (its cookie), if still valid: see findActivePoint. */
export async function activePoint(db: Db, request: Request, now = new Date()): Promise<ActivePoint | null> {
  return findActivePoint(db, readCookie(request, POINT_COOKIE) ?? null, now);
}

/** The cookie that marks a device enrolled by an administrator for one voting point (see voting-points-admin). */
export const DEVICE_COOKIE = "bo_device";

/**
 * The enrolled-device cookie, set on the administrator's browser when he enrols the device he is at:
 * long-lived (400 days, the most browsers keep), HttpOnly, SameSite=Strict, sent only to the
 * officials' pages.
 */
export function deviceCookie(token: string): string {
  const secure = getEnv().NODE_ENV === "production" ? "; Secure" : "";
  // Path=/official, not the page's own path: with single fetch the page posts to /official/voting-point.data
  return `${DEVICE_COOKIE}=${token}; Path=/official; Max-Age=${400 * 24 * 3600}; HttpOnly; SameSite=Strict${secure}`;
}

function deviceToken(request: Request): string | null {
  const token = readCookie(request, DEVICE_COOKIE);
  return token && token.length <= 100 ? token : null;
}

/** What the official's page offers on this device (its enrolment cookie): see the service. */
export async function pointChoices(db: Db, request: Request, actor: Actor) {
  return pointChoicesFor(db, deviceToken(request), actor);
}

/** Ends this device's voting point session on sign-out: closes the official's points and clears the device cookie. */
export async function endVotingPointsOnSignOut(db: Db, request: Request): Promise<string> {
  const user = await getCurrentUser(request);
  if (user) await closeVotingPointsOf(db, user.id);
  return pointCookie(null);
}
