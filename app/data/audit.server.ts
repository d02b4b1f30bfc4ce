/**
 * The audit trail: one row for every decision an official, moderator or administrator makes
 * (and for account events that matter). Written in the same transaction as the change it records.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { containsPattern, likeEscaped } from "../../db/like";

export interface AuditEntry {
  actorUserId: string | null;
  /** The role the actor acted in: admin, official, youth_moderator, resident, system, cli. */
  actorRole: string;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function insertAudit(db: Db, e: AuditEntry, at: Date = new Date()): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      // time-ordered id: ISO time + randomness, so ids sort like the log
      id: `aud_${at.toISOString()}_${randomBytes(6).toString("hex")}`,
      at: at.toISOString(),
      actor_user_id: e.actorUserId,
      actor_role: e.actorRole,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  objectType?: string;
  actor?: string; // e-mail fragment
  from?: string; // YYYY-MM-DD
  to?: string; // YYYY-MM-DD (inclusive)
  before?: string; // id cursor for the next page
}

export interface AuditRow {
  id: string;
  at: string;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  objectType: string;
  objectId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

export async function listAudit(db: Db, f: AuditFilter, limit = 50): Promise<AuditRow[]> {
  let q = db
    .selectFrom("audit_log as a")
    .leftJoin("users as u", "u.id", "a.actor_user_id")
    .select(["a.id", "a.at", "u.email", "a.actor_role", "a.action", "a.object_type", "a.object_id", "a.before_json", "a.after_json", "a.reason"]);
  if (f.action) q = q.where("a.action", "=", f.action);
  if (f.objectType) q = q.where("a.object_type", "=", f.objectType);
  if (f.actor) q = q.where(likeEscaped("u.email", containsPattern(f.actor.toLowerCase())));
  if (f.from) q = q.where("a.at", ">=", `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where("a.at", "<=", `${f.to}T23:59:59.999Z`);
  if (f.before) q = q.where("a.id", "<", f.before);
  const rows = await q.orderBy("a.id", "desc").limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorEmail: r.email ?? null,
    actorRole: r.actor_role,
    action: r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    before: r.before_json,
    after: r.after_json,
    reason: r.reason,
  }));
}

export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  return rows.map((r) => r.action);
}
