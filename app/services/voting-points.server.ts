/**
 * Voting points and the programme of a voting page: which point a device's session belongs to,
 * opening and closing points (audited), what an official may open. Plain inputs (tokens, actors);
 * the request, cookies and redirects are the glue in app/http/vote-flow.server.ts.
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import { randomToken, sha256 } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { currentEdition } from "./current-edition.server";
import { getDeviceByTokenHash, getVotingPoint, insertSession, listAssignedPointIds, listEditionPoints, touchDevice, type VotingPointRecord } from "~/data/voting-points.server";
import { canOpenPoint, type OpenPointRefusal } from "~/domain/voting-points";
import { getVoterDistrictId, getVotingProgramme, type VotingProgramme } from "~/data/ballots.server";
import { listDistricts } from "~/data/districts.server";
import { listUserRoles } from "~/data/users.server";
import { can, type Actor } from "~/domain/permissions";
import { mayInEdition } from "./edition-scope.server";

export const ProgrammeKindSchema = z.enum(["bo", "youth", "children"]);
export type ProgrammeKindParam = z.infer<typeof ProgrammeKindSchema>;

export async function programmeFromParams(db: Db, kind: string | undefined): Promise<VotingProgramme> {
  const k = ProgrammeKindSchema.safeParse(kind);
  if (!k.success) throw new Response("Not found", { status: 404 });
  const programme = await getVotingProgramme(db, k.data);
  if (!programme) throw new Response("Not found", { status: 404 });
  return programme;
}

/** The districts the ballot offers: all that are still offered, or under the "own district only" rule the voter's own. */
export async function ballotDistricts(db: Db, programme: VotingProgramme, voterId: string) {
  const all = await listDistricts(db);
  if (programme.districtChoice !== "own") return all;
  const own = await getVoterDistrictId(db, voterId);
  return all.filter((d) => d.id === own);
}

export interface ActivePoint {
  sessionId: string;
  pointId: string;
  name: string;
  officialUserId: string;
}

/** How long a voting point's device session lasts at most (env VOTING_POINT_SESSION_HOURS, default 12). */
export function pointSessionHours(): number {
  const v = Number(process.env.VOTING_POINT_SESSION_HOURS);
  return Number.isFinite(v) && v > 0 && v <= 24 ? v : 12;
}

/**
 * The voting point opened on this device by an official, if any: still open, not older than the
 * session limit, and its official still holds voting_point.run in every programme of the edition.
 * If they no longer do (a role revoked or narrowed), the point is closed here, with an audit row,
 * and the device falls back to plain online voting.
 */
export async function findActivePoint(db: Db, token: string | null, now = new Date()): Promise<ActivePoint | null> {
  if (!token || token.length > 100) return null;
  const openedAfter = new Date(now.getTime() - pointSessionHours() * 3600_000).toISOString();
  const row = await db
    .selectFrom("voting_point_sessions as s")
    .innerJoin("voting_points as p", "p.id", "s.voting_point_id")
    .select(["s.id", "s.voting_point_id", "s.official_user_id", "p.name"])
    .where("s.id", "=", sha256(token))
    .where("s.closed_at", "is", null)
    .where("s.opened_at", ">", openedAfter)
    .executeTakeFirst();
  if (!row) return null;
  const official: Actor = { id: row.official_user_id, roles: await listUserRoles(db, row.official_user_id) };
  if (!(await mayInEdition(db, official, "voting_point.run"))) {
    await closeSession(db, { sessionId: row.id, pointId: row.voting_point_id, officialUserId: row.official_user_id }, "role_revoked", now);
    return null;
  }
  return { sessionId: row.id, pointId: row.voting_point_id, name: row.name, officialUserId: row.official_user_id };
}

/** Closes one session (once: a second close of the same session writes nothing) with its audit row. */
async function closeSession(db: Db, s: { sessionId: string; pointId: string; officialUserId: string }, reason: "closed" | "role_revoked", now: Date, actor?: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const closed = await trx.updateTable("voting_point_sessions").set({ closed_at: now.toISOString() }).where("id", "=", s.sessionId).where("closed_at", "is", null).executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) return;
    await insertAudit(
      trx,
      {
        // closed by the system when the official lost the right to run it
        actorUserId: actor?.id ?? null,
        actorRole: actor ? "official" : "system",
        action: "voting_point.close",
        objectType: "voting_point",
        objectId: s.pointId,
        after: reason === "closed" ? undefined : { reason, officialUserId: s.officialUserId },
      },
      now,
    );
  });
}

/** What the official's page offers on this device: the points they may open, and the device's enrolment. */
export async function pointChoices(db: Db, deviceToken: string | null, actor: Actor): Promise<{ points: VotingPointRecord[]; device: { pointId: string; label: string; revoked: boolean } | null }> {
  const edition = await currentEdition(db);
  const all = await listEditionPoints(db, edition?.id ?? null, { activeOnly: true });
  const assigned = can(actor, "edition.manage") ? all.map((p) => p.id) : await listAssignedPointIds(db, actor.id);
  const token = deviceToken;
  const device = token ? await getDeviceByTokenHash(db, sha256(token)) : null;
  return {
    points: all.filter((p) => assigned.includes(p.id)),
    device: device ? { pointId: device.pointId, label: device.label, revoked: device.revokedAt !== null } : null,
  };
}

/**
 * Opens a voting point on the official's device; returns the session token for its cookie (only its
 * hash is stored). The official needs voting_point.run in every programme of the edition, must be
 * assigned to the point (administrators need not be), and the request must carry the cookie of a
 * device enrolled for this point and not revoked (canOpenPoint). Refusals write nothing.
 */
export async function openVotingPoint(
  db: Db,
  input: { pointId: string; deviceToken: string | null },
  actor: Actor,
  now = new Date(),
): Promise<{ ok: true; token: string } | { ok: false; reason: "point_unknown" | "not_allowed" | OpenPointRefusal }> {
  if (!(await mayInEdition(db, actor, "voting_point.run"))) return { ok: false, reason: "not_allowed" };
  const officialUserId = actor.id;
  const [point, edition] = await Promise.all([getVotingPoint(db, input.pointId), currentEdition(db)]);
  if (!point || point.editionId !== (edition?.id ?? null)) return { ok: false, reason: "point_unknown" };
  const device = input.deviceToken && input.deviceToken.length <= 100 ? await getDeviceByTokenHash(db, sha256(input.deviceToken)) : null;
  const decision = canOpenPoint({
    point: { id: point.id, active: point.active },
    official: { assignedPointIds: await listAssignedPointIds(db, officialUserId), isAdmin: can(actor, "edition.manage") },
    device: device ? { votingPointId: device.pointId, revokedAt: device.revokedAt } : null,
  });
  if (!decision.ok) return decision;
  const token = randomToken();
  await db.transaction().execute(async (trx) => {
    await insertSession(trx, { id: sha256(token), pointId: point.id, officialUserId, deviceId: device!.id, openedAt: now.toISOString() });
    await touchDevice(trx, device!.id, now.toISOString());
    await insertAudit(trx, { actorUserId: officialUserId, actorRole: "official", action: "voting_point.open", objectType: "voting_point", objectId: point.id, after: { deviceId: device!.id } }, now);
  });
  return { ok: true, token };
}

/** Closes this device's voting point; the official needs voting_point.run in every programme of the edition. */
export async function closeVotingPoint(db: Db, point: ActivePoint, actor: Actor, now = new Date()): Promise<{ ok: true } | { ok: false; reason: "not_allowed" }> {
  if (!(await mayInEdition(db, actor, "voting_point.run"))) return { ok: false, reason: "not_allowed" };
  await closeSession(db, point, "closed", now, actor);
  return { ok: true };
}

/** The official signs out: every voting point they opened ends, on any device (called by /signout). */
export async function closeVotingPointsOf(db: Db, officialUserId: string, now = new Date()): Promise<number> {
  const open = await db.selectFrom("voting_point_sessions").select(["id", "voting_point_id"]).where("official_user_id", "=", officialUserId).where("closed_at", "is", null).execute();
  if (open.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("voting_point_sessions").set({ closed_at: now.toISOString() }).where("official_user_id", "=", officialUserId).where("closed_at", "is", null).execute();
    for (const s of open) {
      await insertAudit(trx, { actorUserId: officialUserId, actorRole: "official", action: "voting_point.close", objectType: "voting_point", objectId: s.voting_point_id, after: { reason: "signed_out" } }, now);
    }
  });
  return open.length;
}

