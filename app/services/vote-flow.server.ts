/**
 * What every step of the voting pages needs: the programme from the URL, the voter's signed state,
 * and the voting point this device is open for (assisted voting).
 */
import { redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import { randomToken, sha256 } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { readVoteState, type VoteState } from "~/auth/vote-session.server";
import { getVotingProgramme, listVotingPoints, type VotingProgramme } from "~/data/ballots.server";
import { readCookie } from "~/i18n/locale.server";
import { getEnv } from "~/env.server";

type Db = Kysely<Database>;

export const ProgrammeKindSchema = z.enum(["bo", "youth", "children"]);
export type ProgrammeKindParam = z.infer<typeof ProgrammeKindSchema>;

export async function programmeFromParams(db: Db, kind: string | undefined): Promise<VotingProgramme> {
  const k = ProgrammeKindSchema.safeParse(kind);
  if (!k.success) throw new Response("Not found", { status: 404 });
  const programme = await getVotingProgramme(db, k.data);
  if (!programme) throw new Response("Not found", { status: 404 });
  return programme;
}

/** The identified voter for this programme, or back to the first step with a notice. */
export function requireVoteState(request: Request, programme: VotingProgramme): VoteState {
  const state = readVoteState(request);
  if (!state || state.programmeId !== programme.programmeId) {
    throw redirect(`/vote/${programme.kind}?expired=1`);
  }
  return state;
}

export const POINT_COOKIE = "bo_point";

export function pointCookie(token: string | null): string {
  const secure = getEnv().NODE_ENV === "production" ? "; Secure" : "";
  return token
    ? `${POINT_COOKIE}=${token}; Path=/; Max-Age=${14 * 3600}; HttpOnly; SameSite=Lax${secure}`
    : `${POINT_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}

export interface ActivePoint {
  sessionId: string;
  pointId: string;
  name: string;
  officialUserId: string;
}

/** The voting point opened on this device by an official, if any (and still open). */
export async function activePoint(db: Db, request: Request): Promise<ActivePoint | null> {
  const token = readCookie(request, POINT_COOKIE);
  if (!token || token.length > 100) return null;
  const row = await db
    .selectFrom("voting_point_sessions as s")
    .innerJoin("voting_points as p", "p.id", "s.voting_point_id")
    .select(["s.id", "s.voting_point_id", "s.official_user_id", "p.name"])
    .where("s.id", "=", sha256(token))
    .where("s.closed_at", "is", null)
    .executeTakeFirst();
  return row ? { sessionId: row.id, pointId: row.voting_point_id, name: row.name, officialUserId: row.official_user_id } : null;
}

/** Opens a voting point on the official's device; returns the device token for its cookie (only its hash is stored). */
export async function openVotingPoint(db: Db, pointId: string, officialUserId: string, now = new Date()): Promise<{ ok: true; token: string } | { ok: false; reason: "point_unknown" }> {
  const point = (await listVotingPoints(db)).find((p) => p.id === pointId);
  if (!point) return { ok: false, reason: "point_unknown" };
  const token = randomToken();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("voting_point_sessions").values({ id: sha256(token), voting_point_id: point.id, official_user_id: officialUserId, opened_at: now.toISOString(), closed_at: null }).execute();
    await insertAudit(trx, { actorUserId: officialUserId, actorRole: "official", action: "voting_point.open", objectType: "voting_point", objectId: point.id }, now);
  });
  return { ok: true, token };
}

export async function closeVotingPoint(db: Db, point: ActivePoint, officialUserId: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("voting_point_sessions").set({ closed_at: now.toISOString() }).where("id", "=", point.sessionId).execute();
    await insertAudit(trx, { actorUserId: officialUserId, actorRole: "official", action: "voting_point.close", objectType: "voting_point", objectId: point.pointId }, now);
  });
}
