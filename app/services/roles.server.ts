/** Granting and revoking roles: checked by the domain rule, written with an audit row. */
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import { getUserById, listUserRoles } from "~/data/users.server";
import { can, checkRoleChange, type Actor, type Role, type RoleChangeRefusal, type Scope } from "~/domain/permissions";

export type RoleChangeResult = { ok: true } | { ok: false; reason: "not_allowed" | "user_missing" | RoleChangeRefusal };

export async function changeRole(
  db: Db,
  by: Actor,
  change: { kind: "grant" | "revoke"; userId: string; role: Role; scope: Scope; reason?: string | null },
  now = new Date(),
): Promise<RoleChangeResult> {
  if (!can(by, "roles.manage")) return { ok: false, reason: "not_allowed" };
  return db.transaction().execute(async (trx) => {
    const target = await getUserById(trx, change.userId);
    if (!target || target.deletedAt) return { ok: false as const, reason: "user_missing" as const };
    const before = await listUserRoles(trx, change.userId);
    const verdict = checkRoleChange({ kind: change.kind, by, targetUserId: change.userId, role: change.role, scope: change.scope }, before);
    if (!verdict.ok) return verdict;
    if (change.kind === "grant") {
      await trx.insertInto("user_roles").values({ user_id: change.userId, role: change.role, scope: change.scope, granted_by: by.id, granted_at: now.toISOString() }).execute();
    } else {
      await trx.deleteFrom("user_roles").where("user_id", "=", change.userId).where("role", "=", change.role).where("scope", "=", change.scope).execute();
    }
    const after = await listUserRoles(trx, change.userId);
    await insertAudit(
      trx,
      { actorUserId: by.id, actorRole: "admin", action: `role.${change.kind}`, objectType: "user", objectId: change.userId, before, after, reason: change.reason ?? null },
      now,
    );
    return { ok: true as const };
  });
}

/**
 * The first administrator, from the command line (`npm run admin:create`, the demo seed): nobody
 * in the application can grant it yet. Returns whether the grant is new.
 */
export async function grantAdministratorFromCli(db: Db, userId: string, reason: string, now = new Date()): Promise<{ ok: true; granted: boolean } | { ok: false; reason: "user_missing" }> {
  return db.transaction().execute(async (trx) => {
    const target = await getUserById(trx, userId);
    if (!target || target.deletedAt) return { ok: false as const, reason: "user_missing" as const };
    const before = await listUserRoles(trx, userId);
    if (before.some((g) => g.role === "admin" && g.scope === "*")) return { ok: true as const, granted: false };
    await trx.insertInto("user_roles").values({ user_id: userId, role: "admin", scope: "*", granted_by: null, granted_at: now.toISOString() }).execute();
    await insertAudit(trx, { actorUserId: null, actorRole: "cli", action: "role.grant", objectType: "user", objectId: userId, before, after: await listUserRoles(trx, userId), reason }, now);
    return { ok: true as const, granted: true };
  });
}
