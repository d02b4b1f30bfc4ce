/**
 * Administrators set up voting points (#13): create, rename, opening hours, deactivate; assign the
 * officials who may run each; enrol the device they are sitting at (the token goes back once, for
 * the route's cookie; only its sha-256 is stored) and revoke devices. Every act is audited with
 * before/after; refusals write nothing.
 */
import type { Db } from "../../db/client";
import { newId, randomToken, sha256 } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { currentEdition, currentProgrammeKinds } from "./current-edition.server";
import {
  closeSessionRows,
  deletePointOfficial,
  editionExists,
  getDeviceById,
  getVotingPoint,
  insertDevice,
  insertPoint,
  insertPointOfficial,
  listEditionPoints,
  listOfficialCandidates,
  listOpenSessions,
  listPointOfficials,
  revokeDeviceRow,
  updatePoint,
  type OfficialCandidate,
} from "~/data/voting-points.server";
import { can, canInAll, editionScope, type Actor } from "~/domain/permissions";
import type { VotingPointFields } from "~/domain/voting-points";

type Refusal<R extends string> = { ok: false; reason: R | "not_allowed" };

const audit = (trx: Db, actor: Actor, action: string, objectId: string, before: unknown, after: unknown, now: Date) =>
  insertAudit(trx, { actorUserId: actor.id, actorRole: "admin", action, objectType: "voting_point", objectId, before, after }, now);

/** The officials who may be assigned to a point: they hold voting_point.run in every programme of the current edition. */
export async function listAssignableOfficials(db: Db): Promise<OfficialCandidate[]> {
  const scope = editionScope(await currentProgrammeKinds(db));
  return (await listOfficialCandidates(db)).filter((c) => canInAll(c, "voting_point.run", scope));
}

/** Creates a point in `editionId`, or in the current edition when none is given. */
export async function createVotingPoint(
  db: Db,
  actor: Actor,
  input: VotingPointFields & { editionId?: string; /** a fixed id (the demo's `vp_…`) */ id?: string },
  now = new Date(),
): Promise<{ ok: true; id: string } | Refusal<"edition_unknown">> {
  if (!can(actor, "edition.manage")) return { ok: false, reason: "not_allowed" };
  const editionId = input.editionId ?? (await currentEdition(db))?.id;
  if (!editionId || !(await editionExists(db, editionId))) return { ok: false, reason: "edition_unknown" };
  const point = { id: input.id ?? newId("vp"), editionId, name: input.name, address: input.address, openingHours: input.openingHours, active: true };
  await db.transaction().execute(async (trx) => {
    await insertPoint(trx, { ...point, createdAt: now.toISOString() });
    await audit(trx, actor, "voting_point.create", point.id, undefined, point, now);
  });
  return { ok: true, id: point.id };
}

/** Renames a point, changes its address or hours, or (de)activates it; deactivating ends its open sessions. */
export async function updateVotingPoint(
  db: Db,
  actor: Actor,
  pointId: string,
  change: VotingPointFields & { active: boolean },
  now = new Date(),
): Promise<{ ok: true } | Refusal<"point_unknown">> {
  if (!can(actor, "edition.manage")) return { ok: false, reason: "not_allowed" };
  const before = await getVotingPoint(db, pointId);
  if (!before) return { ok: false, reason: "point_unknown" };
  const after = { ...before, name: change.name, address: change.address, openingHours: change.openingHours, active: change.active };
  await db.transaction().execute(async (trx) => {
    await updatePoint(trx, pointId, after);
    await audit(trx, actor, before.active && !after.active ? "voting_point.deactivate" : "voting_point.update", pointId, before, after, now);
    if (!after.active) await closeSessions(trx, actor, await listOpenSessions(trx, { pointId }), "point_inactive", now);
  });
  return { ok: true };
}

/** Sets the officials of a point to exactly `userIds` (the tick list); each must be able to run points. */
export async function setPointOfficials(
  db: Db,
  actor: Actor,
  pointId: string,
  userIds: readonly string[],
  now = new Date(),
): Promise<{ ok: true } | Refusal<"point_unknown" | "official_not_eligible">> {
  if (!can(actor, "edition.manage")) return { ok: false, reason: "not_allowed" };
  if (!(await getVotingPoint(db, pointId))) return { ok: false, reason: "point_unknown" };
  const eligible = new Set((await listAssignableOfficials(db)).map((c) => c.id));
  const wanted = [...new Set(userIds)];
  const current = (await listPointOfficials(db, [pointId])).map((o) => o.userId);
  const added = wanted.filter((id) => !current.includes(id));
  // a newly ticked person must hold the role; one already assigned may stay unticked or ticked
  if (added.some((id) => !eligible.has(id))) return { ok: false, reason: "official_not_eligible" };
  const removed = current.filter((id) => !wanted.includes(id));
  if (added.length === 0 && removed.length === 0) return { ok: true };
  await db.transaction().execute(async (trx) => {
    for (const userId of added) await insertPointOfficial(trx, { pointId, userId, grantedBy: actor.id, grantedAt: now.toISOString() });
    for (const userId of removed) await deletePointOfficial(trx, pointId, userId);
    // an official taken off the point cannot keep it open
    await closeSessions(
      trx,
      actor,
      (await listOpenSessions(trx, { pointId })).filter((s) => removed.includes(s.officialUserId)),
      "official_unassigned",
      now,
    );
    await audit(trx, actor, "voting_point.officials", pointId, { officials: [...current].sort() }, { officials: [...wanted].sort() }, now);
  });
  return { ok: true };
}

/** Enrols the device the administrator is at for `pointId`; returns its token once (for the cookie). */
export async function enrolDevice(
  db: Db,
  actor: Actor,
  pointId: string,
  label: string,
  now = new Date(),
): Promise<{ ok: true; token: string; deviceId: string } | Refusal<"point_unknown">> {
  if (!can(actor, "edition.manage")) return { ok: false, reason: "not_allowed" };
  if (!(await getVotingPoint(db, pointId))) return { ok: false, reason: "point_unknown" };
  const token = randomToken(); // 32 random bytes
  const device = { id: newId("vpd"), pointId, label, enrolledBy: actor.id, enrolledAt: now.toISOString() };
  await db.transaction().execute(async (trx) => {
    await insertDevice(trx, { ...device, tokenHash: sha256(token) });
    await audit(trx, actor, "voting_point.device_enrol", pointId, undefined, device, now);
  });
  return { ok: true, token, deviceId: device.id };
}

/** Revokes a device of `pointId`: it opens nothing any more, and sessions opened on it end. */
export async function revokeDevice(
  db: Db,
  actor: Actor,
  pointId: string,
  deviceId: string,
  now = new Date(),
): Promise<{ ok: true } | Refusal<"device_unknown" | "device_already_revoked">> {
  if (!can(actor, "edition.manage")) return { ok: false, reason: "not_allowed" };
  const before = await getDeviceById(db, deviceId);
  if (!before || before.pointId !== pointId) return { ok: false, reason: "device_unknown" };
  if (before.revokedAt) return { ok: false, reason: "device_already_revoked" };
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await revokeDeviceRow(trx, deviceId, at);
    await audit(trx, actor, "voting_point.device_revoke", pointId, before, { ...before, revokedAt: at }, now);
    await closeSessions(trx, actor, await listOpenSessions(trx, { deviceId }), "device_revoked", now);
  });
  return { ok: true };
}

async function closeSessions(trx: Db, actor: Actor, sessions: { id: string; pointId: string; officialUserId: string }[], reason: string, now: Date): Promise<void> {
  await closeSessionRows(
    trx,
    sessions.map((s) => s.id),
    now.toISOString(),
  );
  for (const s of sessions) {
    await insertAudit(trx, { actorUserId: actor.id, actorRole: "admin", action: "voting_point.close", objectType: "voting_point", objectId: s.pointId, after: { reason, officialUserId: s.officialUserId } }, now);
  }
}

/**
 * Copies the voting points of one edition into another (for H1's copy of an edition): name,
 * address, hours, active flag and assigned officials, under new ids. Devices are not copied: each
 * computer is enrolled again for the new edition's point. Call inside the copy's transaction.
 */
export async function copyVotingPoints(trx: Db, fromEditionId: string, toEditionId: string, actor: Actor | null = null, now = new Date()): Promise<number> {
  const points = await listEditionPoints(trx, fromEditionId);
  const officials = await listPointOfficials(
    trx,
    points.map((p) => p.id),
  );
  for (const p of points) {
    const copy = { ...p, id: newId("vp"), editionId: toEditionId };
    await insertPoint(trx, { ...copy, createdAt: now.toISOString() });
    const mine = officials.filter((o) => o.pointId === p.id).map((o) => o.userId);
    for (const userId of mine) await insertPointOfficial(trx, { pointId: copy.id, userId, grantedBy: actor?.id ?? null, grantedAt: now.toISOString() });
    await insertAudit(
      trx,
      { actorUserId: actor?.id ?? null, actorRole: actor ? "admin" : "system", action: "voting_point.create", objectType: "voting_point", objectId: copy.id, after: { ...copy, copiedFrom: p.id, officials: mine } },
      now,
    );
  }
  return points.length;
}
