import type { Db } from "../../db/client";
import { RoleSchema, ScopeSchema, type ProgrammeKind, type RoleGrant } from "~/domain/permissions";
import { containsPattern, likeEscaped } from "../../db/like";

export interface UserRecord {
  id: string;
  email: string | null;
  displayName: string | null;
  emailVerifiedAt: string | null;
  passwordHash: string | null;
  locale: string;
  createdAt: string;
  deletedAt: string | null;
}

const columns = ["id", "email", "display_name", "email_verified_at", "password_hash", "locale", "created_at", "deleted_at"] as const;
type Row = { id: string; email: string | null; display_name: string | null; email_verified_at: string | null; password_hash: string | null; locale: string; created_at: string; deleted_at: string | null };
const toUser = (r: Row): UserRecord => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  emailVerifiedAt: r.email_verified_at,
  passwordHash: r.password_hash,
  locale: r.locale,
  createdAt: r.created_at,
  deletedAt: r.deleted_at,
});

export async function getUserByEmail(db: Db, email: string): Promise<UserRecord | null> {
  const r = await db.selectFrom("users").select(columns).where("email", "=", email).where("deleted_at", "is", null).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function getUserById(db: Db, id: string): Promise<UserRecord | null> {
  const r = await db.selectFrom("users").select(columns).where("id", "=", id).executeTakeFirst();
  return r ? toUser(r) : null;
}

export async function listUserRoles(db: Db, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom("user_roles").select(["role", "scope"]).where("user_id", "=", userId).orderBy("role").orderBy("scope").execute();
  return rows.flatMap((r) => {
    const role = RoleSchema.safeParse(r.role);
    const scope = ScopeSchema.safeParse(r.scope);
    return role.success && scope.success ? [{ role: role.data, scope: scope.data }] : [];
  });
}

export interface UserListItem {
  id: string;
  email: string;
  displayName: string | null;
  verified: boolean;
  roles: RoleGrant[];
}

/** Active accounts, optionally those whose e-mail or name contains `q`, with their roles (two queries, no N+1). */
export async function listUsers(db: Db, opts: { q?: string; limit: number }): Promise<UserListItem[]> {
  let q = db
    .selectFrom("users")
    .select(["id", "email", "display_name", "email_verified_at"])
    .where("deleted_at", "is", null)
    .where("email", "is not", null);
  if (opts.q) {
    const like = containsPattern(opts.q.toLowerCase());
    q = q.where((eb) => eb.or([likeEscaped("email", like), likeEscaped(eb.fn("lower", ["display_name"]), like)]));
  }
  const users = await q.orderBy("email").limit(opts.limit).execute();
  if (users.length === 0) return [];
  const roles = await db
    .selectFrom("user_roles")
    .select(["user_id", "role", "scope"])
    .where(
      "user_id",
      "in",
      users.map((u) => u.id),
    )
    .execute();
  return users.map((u) => ({
    id: u.id,
    email: u.email ?? "",
    displayName: u.display_name,
    verified: u.email_verified_at !== null,
    roles: roles
      .filter((r) => r.user_id === u.id)
      .flatMap((r) => {
        const role = RoleSchema.safeParse(r.role);
        const scope = ScopeSchema.safeParse(r.scope);
        return role.success && scope.success ? [{ role: role.data, scope: scope.data }] : [];
      }),
  }));
}

export interface OfficialUser {
  id: string;
  name: string;
}

/** People who may verify proposals of a programme (official for every programme or this one). */
export async function listOfficials(db: Db, programme: ProgrammeKind): Promise<OfficialUser[]> {
  const rows = await db
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.id", "u.display_name", "u.email"])
    .where("r.role", "=", "official")
    .where("r.scope", "in", ["*", programme])
    .where("u.deleted_at", "is", null)
    .distinct()
    .orderBy("u.display_name")
    .orderBy("u.id")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name ?? r.email ?? r.id }));
}
