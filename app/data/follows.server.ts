/**
 * Follows (#17) and the notification choices of followers. Queries only; the rules are in
 * app/domain/follows.ts, the use cases in app/services/follows.server.ts.
 */
import type { Db } from "../../db/client";
import { PUBLIC_STATUSES } from "~/domain/proposals";
import { ALL_NOTIFICATIONS, type FollowerRow, type FollowTarget, type NotificationChoices } from "~/domain/follows";

export interface Follow {
  id: string;
  userId: string;
  kind: FollowTarget;
  targetId: string;
  createdAt: string;
}

const toFollow = (r: { id: string; user_id: string; target_kind: FollowTarget; target_id: string; created_at: string }): Follow => ({
  id: r.id,
  userId: r.user_id,
  kind: r.target_kind,
  targetId: r.target_id,
  createdAt: r.created_at,
});

/** Adds the follow unless it exists; true when it was added. */
export async function insertFollow(db: Db, f: { id: string; userId: string; kind: FollowTarget; targetId: string }, at: Date): Promise<boolean> {
  const r = await db
    .insertInto("follows")
    .values({ id: f.id, user_id: f.userId, target_kind: f.kind, target_id: f.targetId, created_at: at.toISOString() })
    .onConflict((oc) => oc.columns(["user_id", "target_kind", "target_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return r !== undefined;
}

export async function getFollow(db: Db, userId: string, kind: FollowTarget, targetId: string): Promise<Follow | null> {
  const r = await db.selectFrom("follows").selectAll().where("user_id", "=", userId).where("target_kind", "=", kind).where("target_id", "=", targetId).executeTakeFirst();
  return r ? toFollow(r) : null;
}

/** What a person follows, as "kind:id" in a stable order (the signed-in page cache's variant). */
export async function listFollowKeysOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom("follows").select(["target_kind", "target_id"]).where("user_id", "=", userId).orderBy("target_kind").orderBy("target_id").execute();
  return rows.map((r) => `${r.target_kind}:${r.target_id}`);
}

export async function getFollowById(db: Db, id: string): Promise<Follow | null> {
  const r = await db.selectFrom("follows").selectAll().where("id", "=", id).executeTakeFirst();
  return r ? toFollow(r) : null;
}

export async function deleteFollow(db: Db, id: string): Promise<boolean> {
  const r = await db.deleteFrom("follows").where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Whether the follow target exists and may be followed: a public proposal, a district, a published (not draft) edition. */
export async function followTargetExists(db: Db, kind: FollowTarget, id: string): Promise<boolean> {
  const r =
    kind === "proposal"
      ? await db.selectFrom("proposals").select("id").where("id", "=", id).where("status", "in", PUBLIC_STATUSES).executeTakeFirst()
      : kind === "district"
        ? await db.selectFrom("districts").select("id").where("id", "=", id).executeTakeFirst()
        : await db.selectFrom("editions").select("id").where("id", "=", id).where("status", "<>", "draft").executeTakeFirst();
  return r !== undefined;
}

export interface FollowListItem extends Follow {
  /** The proposal's title, the district's or the edition's name. */
  label: string;
  /** A path to the followed page (district: its slug; edition: its year). */
  slug: string;
}

/** What a person follows, newest first, with names for the list. */
export async function listFollowsOfUser(db: Db, userId: string): Promise<FollowListItem[]> {
  const rows = await db
    .selectFrom("follows as f")
    .leftJoin("proposals as p", (j) => j.onRef("p.id", "=", "f.target_id").on("f.target_kind", "=", "proposal"))
    .leftJoin("districts as d", (j) => j.onRef("d.id", "=", "f.target_id").on("f.target_kind", "=", "district"))
    .leftJoin("editions as e", (j) => j.onRef("e.id", "=", "f.target_id").on("f.target_kind", "=", "edition"))
    .select(["f.id", "f.user_id", "f.target_kind", "f.target_id", "f.created_at", "p.title", "d.name as district_name", "d.slug", "e.name as edition_name", "e.year"])
    .where("f.user_id", "=", userId)
    .orderBy("f.created_at", "desc")
    .orderBy("f.id")
    .execute();
  return rows.map((r) => ({
    ...toFollow(r),
    label: r.title ?? r.district_name ?? r.edition_name ?? r.target_id,
    slug: r.target_kind === "district" ? (r.slug ?? "") : r.target_kind === "edition" ? String(r.year ?? "") : r.target_id,
  }));
}

const toChoices = (r: { status_changes: number; verification: number; results: number; implementation: number } | undefined): NotificationChoices =>
  r ? { status_changes: r.status_changes === 1, verification: r.verification === 1, results: r.results === 1, implementation: r.implementation === 1 } : { ...ALL_NOTIFICATIONS };

export async function getFollowSettings(db: Db, userId: string): Promise<NotificationChoices> {
  return toChoices(await db.selectFrom("follow_settings").select(["status_changes", "verification", "results", "implementation"]).where("user_id", "=", userId).executeTakeFirst());
}

export async function upsertFollowSettings(db: Db, userId: string, c: NotificationChoices, at: Date): Promise<void> {
  const v = { status_changes: c.status_changes ? 1 : 0, verification: c.verification ? 1 : 0, results: c.results ? 1 : 0, implementation: c.implementation ? 1 : 0, updated_at: at.toISOString() };
  await db
    .insertInto("follow_settings")
    .values({ user_id: userId, ...v })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(v))
    .execute();
}

export interface Follower extends FollowerRow {
  email: string;
  locale: string;
}

/** Followers of any of the targets who can receive mail (a verified address, a live account), with their choices. */
export async function listFollowers(db: Db, targets: readonly { kind: FollowTarget; id: string }[]): Promise<Follower[]> {
  if (targets.length === 0) return [];
  const rows = await db
    .selectFrom("follows as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .leftJoin("follow_settings as s", "s.user_id", "f.user_id")
    .select(["f.id", "f.user_id", "f.target_kind", "u.email", "u.locale", "s.status_changes", "s.verification", "s.results", "s.implementation"])
    .where((eb) => eb.or(targets.map((t) => eb.and([eb("f.target_kind", "=", t.kind), eb("f.target_id", "=", t.id)]))))
    .where("u.deleted_at", "is", null)
    .where("u.email", "is not", null)
    .where("u.email_verified_at", "is not", null)
    .orderBy("f.id")
    .execute();
  return rows.map((r) => ({
    followId: r.id,
    userId: r.user_id,
    targetKind: r.target_kind,
    email: r.email!,
    locale: r.locale,
    choices: r.status_changes === null ? { ...ALL_NOTIFICATIONS } : toChoices({ status_changes: r.status_changes, verification: r.verification ?? 1, results: r.results ?? 1, implementation: r.implementation ?? 1 }),
  }));
}

/** For a follow button: whether someone is signed in and follows the target. */
export async function followState(db: Db, userId: string | null, kind: FollowTarget, targetId: string): Promise<{ signedIn: boolean; following: boolean }> {
  if (!userId) return { signedIn: false, following: false };
  return { signedIn: true, following: (await getFollow(db, userId, kind, targetId)) !== null };
}
