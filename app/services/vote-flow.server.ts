/**
 * What every step of the voting pages needs: the programme from the URL, the voter's signed state,
 * and the voting point this device is open for (assisted voting).
 */
import { redirect } from "@remix-run/node";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import { sha256 } from "~/auth/crypto.server";
import { readVoteState, type VoteState } from "~/auth/vote-session.server";
import { getVotingProgramme, type VotingProgramme } from "~/data/ballots.server";
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
