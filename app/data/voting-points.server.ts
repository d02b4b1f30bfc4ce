/**
 * Voting points as administrators set them up: the points of an edition, the officials assigned
 * to each and the devices enrolled for each (only a token's sha-256 is stored).
 */
import type { Db } from "../../db/client";
import { RoleSchema, ScopeSchema, type RoleGrant } from "~/domain/permissions";

export interface VotingPointRecord {
  id: string;
  editionId: string | null;
  name: string;
  address: string;
  openingHours: string;
  active: boolean;
}

const POINT_COLUMNS = ["id", "edition_id", "name", "address", "opening_hours", "active"] as const;

function toPoint(r: { id: string; edition_id: string | null; name: string; address: string; opening_hours: string; active: number }): VotingPointRecord {
  return { id: r.id, editionId: r.edition_id, name: r.name, address: r.address, openingHours: r.opening_hours, active: r.active === 1 };
}

export async function editionExists(db: Db, editionId: string): Promise<boolean> {
  return Boolean(await db.selectFrom("editions").select("id").where("id", "=", editionId).executeTakeFirst());
}

export async function getVotingPoint(db: Db, id: string): Promise<VotingPointRecord | null> {
  const r = await db.selectFrom("voting_points").select(POINT_COLUMNS).where("id", "=", id).executeTakeFirst();
  return r ? toPoint(r) : null;
}

/** The points of one edition (or those without an edition when `editionId` is null), by name. */
export async function listEditionPoints(db: Db, editionId: string | null, opts: { activeOnly?: boolean } = {}): Promise<VotingPointRecord[]> {
  let q = db.selectFrom("voting_points").select(POINT_COLUMNS).where("edition_id", editionId === null ? "is" : "=", editionId);
  if (opts.activeOnly) q = q.where("active", "=", 1);
  return (await q.orderBy("name").orderBy("id").execute()).map(toPoint);
}

export interface PointOfficial {
  pointId: string;
  userId: string;
  email: string | null;
  displayName: string | null;
}

/** The officials assigned to the given points. */
export async function listPointOfficials(db: Db, pointIds: readonly string[]): Promise<PointOfficial[]> {
  if (pointIds.length === 0) return [];
  const rows = await db
    .selectFrom("voting_point_officials as o")
    .innerJoin("users as u", "u.id", "o.user_id")
    .select(["o.voting_point_id", "o.user_id", "u.email", "u.display_name"])
    .where("o.voting_point_id", "in", pointIds)
    .orderBy("u.email")
    .execute();
  return rows.map((r) => ({ pointId: r.voting_point_id, userId: r.user_id, email: r.email, displayName: r.display_name }));
}

/** The points `userId` is assigned to. */
export async function listAssignedPointIds(db: Db, userId: string): Promise<string[]> {
  return (await db.selectFrom("voting_point_officials").select("voting_point_id").where("user_id", "=", userId).execute()).map((r) => r.voting_point_id);
}

export async function insertPointOfficial(db: Db, row: { pointId: string; userId: string; grantedBy: string | null; grantedAt: string }): Promise<void> {
  await db
    .insertInto("voting_point_officials")
    .values({ voting_point_id: row.pointId, user_id: row.userId, granted_by: row.grantedBy, granted_at: row.grantedAt })
    .onConflict((oc) => oc.columns(["voting_point_id", "user_id"]).doNothing())
    .execute();
}

export async function deletePointOfficial(db: Db, pointId: string, userId: string): Promise<void> {
  await db.deleteFrom("voting_point_officials").where("voting_point_id", "=", pointId).where("user_id", "=", userId).execute();
}

export interface OfficialCandidate {
  id: string;
  email: string;
  displayName: string | null;
  roles: RoleGrant[];
}

/** Active accounts holding the official role (any scope), with their grants: who could run a point. */
export async function listOfficialCandidates(db: Db): Promise<OfficialCandidate[]> {
  const rows = await db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", "r.user_id", "u.id")
    .select(["u.id", "u.email", "u.display_name", "r.role", "r.scope"])
    .where("u.deleted_at", "is", null)
    .where("u.email", "is not", null)
    .where("r.role", "=", "official")
    .orderBy("u.email")
    .execute();
  const byId = new Map<string, OfficialCandidate>();
  for (const r of rows) {
    const role = RoleSchema.safeParse(r.role);
    const scope = ScopeSchema.safeParse(r.scope);
    const c = byId.get(r.id) ?? { id: r.id, email: r.email ?? "", displayName: r.display_name, roles: [] };
    if (role.success && scope.success) c.roles.push({ role: role.data, scope: scope.data });
    byId.set(r.id, c);
  }
  return [...byId.values()];
}

export interface PointDevice {
  id: string;
  pointId: string;
  label: string;
  enrolledAt: string;
  enrolledBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toDevice(r: { id: string; voting_point_id: string; label: string; enrolled_at: string; enrolled_by: string | null; last_used_at: string | null; revoked_at: string | null }): PointDevice {
  return { id: r.id, pointId: r.voting_point_id, label: r.label, enrolledAt: r.enrolled_at, enrolledBy: r.enrolled_by, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

const DEVICE_COLUMNS = ["id", "voting_point_id", "label", "enrolled_at", "enrolled_by", "last_used_at", "revoked_at"] as const;

/** The devices of the given points, newest first (revoked ones too: the history stays visible). */
export async function listPointDevices(db: Db, pointIds: readonly string[]): Promise<PointDevice[]> {
  if (pointIds.length === 0) return [];
  return (await db.selectFrom("voting_point_devices").select(DEVICE_COLUMNS).where("voting_point_id", "in", pointIds).orderBy("enrolled_at", "desc").orderBy("id").execute()).map(toDevice);
}

export async function getDeviceById(db: Db, id: string): Promise<PointDevice | null> {
  const r = await db.selectFrom("voting_point_devices").select(DEVICE_COLUMNS).where("id", "=", id).executeTakeFirst();
  return r ? toDevice(r) : null;
}

export async function getDeviceByTokenHash(db: Db, tokenHash: string): Promise<PointDevice | null> {
  const r = await db.selectFrom("voting_point_devices").select(DEVICE_COLUMNS).where("token_hash", "=", tokenHash).executeTakeFirst();
  return r ? toDevice(r) : null;
}

export async function insertDevice(db: Db, row: { id: string; pointId: string; tokenHash: string; label: string; enrolledBy: string | null; enrolledAt: string }): Promise<void> {
  await db
    .insertInto("voting_point_devices")
    .values({ id: row.id, voting_point_id: row.pointId, token_hash: row.tokenHash, label: row.label, enrolled_by: row.enrolledBy, enrolled_at: row.enrolledAt, last_used_at: null, revoked_at: null })
    .execute();
}

/** Marks a device revoked (once: returns false when it already was). */
export async function revokeDeviceRow(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable("voting_point_devices").set({ revoked_at: at }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function touchDevice(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable("voting_point_devices").set({ last_used_at: at }).where("id", "=", id).execute();
}

export async function insertPoint(db: Db, row: VotingPointRecord & { createdAt: string }): Promise<void> {
  await db
    .insertInto("voting_points")
    .values({ id: row.id, edition_id: row.editionId, name: row.name, address: row.address, opening_hours: row.openingHours, active: row.active ? 1 : 0, created_at: row.createdAt })
    .execute();
}

export async function updatePoint(db: Db, id: string, change: { name: string; address: string; openingHours: string; active: boolean }): Promise<void> {
  await db.updateTable("voting_points").set({ name: change.name, address: change.address, opening_hours: change.openingHours, active: change.active ? 1 : 0 }).where("id", "=", id).execute();
}

/** Open sessions at a point (optionally only those opened on one device). */
export async function listOpenSessions(db: Db, filter: { pointId?: string; deviceId?: string }): Promise<{ id: string; pointId: string; officialUserId: string }[]> {
  let q = db.selectFrom("voting_point_sessions").select(["id", "voting_point_id", "official_user_id"]).where("closed_at", "is", null);
  if (filter.pointId) q = q.where("voting_point_id", "=", filter.pointId);
  if (filter.deviceId) q = q.where("device_id", "=", filter.deviceId);
  return (await q.execute()).map((r) => ({ id: r.id, pointId: r.voting_point_id, officialUserId: r.official_user_id }));
}

export async function closeSessionRows(db: Db, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("voting_point_sessions").set({ closed_at: at }).where("id", "in", ids).where("closed_at", "is", null).execute();
}

export async function insertSession(db: Db, row: { id: string; pointId: string; officialUserId: string; deviceId: string; openedAt: string }): Promise<void> {
  await db
    .insertInto("voting_point_sessions")
    .values({ id: row.id, voting_point_id: row.pointId, official_user_id: row.officialUserId, device_id: row.deviceId, opened_at: row.openedAt, closed_at: null })
    .execute();
}

/** An edition's id and year, by id (the admin pages accept ?edition=). */
export async function getEditionRef(db: Db, editionId: string): Promise<{ id: string; year: number } | null> {
  return (await db.selectFrom("editions").select(["id", "year"]).where("id", "=", editionId).executeTakeFirst()) ?? null;
}
