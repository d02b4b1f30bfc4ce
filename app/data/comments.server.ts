/** Comments on proposals: one level of replies, flags, and hiding with a public reason. */
import type { Db } from "../../db/client";

export interface CommentView {
  id: string;
  parentId: string | null;
  authorUserId: string | null;
  authorName: string | null;
  /** The proposal's author or an official/youth council member speaking in that role. */
  authorIsProposalAuthor: boolean;
  authorIsStaff: boolean;
  body: string | null;
  notifyReplies: boolean;
  createdAt: string;
  hiddenReason: string | null;
  hidden: boolean;
  flagCount: number;
}

/** A proposal's thread. Hidden comments keep their place but lose their text. */
export async function listComments(db: Db, proposalId: string): Promise<CommentView[]> {
  const rows = await db
    .selectFrom("comments as c")
    .innerJoin("proposals as p", "p.id", "c.proposal_id")
    .leftJoin("users as u", "u.id", "c.author_user_id")
    .select((eb) => [
      "c.id",
      "c.parent_id",
      "c.author_user_id",
      "u.display_name",
      "c.body",
      "c.notify_replies",
      "c.created_at",
      "c.hidden_at",
      "c.hidden_reason",
      "c.flag_count",
      "p.author_user_id as proposal_author",
      eb
        .exists(eb.selectFrom("user_roles as r").select("r.user_id").whereRef("r.user_id", "=", "c.author_user_id").where("r.role", "in", ["official", "youth_moderator"]))
        .as("is_staff"),
    ])
    .where("c.proposal_id", "=", proposalId)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .execute();
  return rows.map((r) => {
    const hidden = r.hidden_at !== null;
    return {
      id: r.id,
      parentId: r.parent_id,
      authorUserId: r.author_user_id,
      authorName: r.display_name ?? null,
      authorIsProposalAuthor: r.author_user_id !== null && r.author_user_id === r.proposal_author,
      authorIsStaff: Boolean(r.is_staff),
      body: hidden ? null : r.body,
      notifyReplies: r.notify_replies === 1,
      createdAt: r.created_at,
      hidden,
      hiddenReason: r.hidden_reason,
      flagCount: r.flag_count,
    };
  });
}

export interface CommentRecord {
  id: string;
  proposalId: string;
  parentId: string | null;
  authorUserId: string | null;
  authorEmail: string | null;
  authorLocale: string;
  notifyReplies: boolean;
  hidden: boolean;
  programmeModeration: "officials" | "youth_council";
  programmeKind: "bo" | "youth" | "children";
  proposalTitle: string;
}

export async function getComment(db: Db, id: string): Promise<CommentRecord | null> {
  const r = await db
    .selectFrom("comments as c")
    .innerJoin("proposals as p", "p.id", "c.proposal_id")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("users as u", "u.id", "c.author_user_id")
    .select(["c.id", "c.proposal_id", "c.parent_id", "c.author_user_id", "u.email", "u.locale", "c.notify_replies", "c.hidden_at", "pr.moderation", "pr.kind", "p.title"])
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    proposalId: r.proposal_id,
    parentId: r.parent_id,
    authorUserId: r.author_user_id,
    authorEmail: r.email ?? null,
    authorLocale: r.locale ?? "pl",
    notifyReplies: r.notify_replies === 1,
    hidden: r.hidden_at !== null,
    programmeModeration: r.moderation,
    programmeKind: r.kind,
    proposalTitle: r.title,
  };
}

export async function insertComment(db: Db, c: { id: string; proposalId: string; parentId: string | null; authorUserId: string; body: string; notifyReplies: boolean }, at: Date): Promise<void> {
  await db
    .insertInto("comments")
    .values({ id: c.id, proposal_id: c.proposalId, parent_id: c.parentId, author_user_id: c.authorUserId, body: c.body, notify_replies: c.notifyReplies ? 1 : 0, created_at: at.toISOString(), hidden_at: null, hidden_by: null, hidden_reason: null })
    .execute();
}

export async function setNotifyReplies(db: Db, commentId: string, userId: string, on: boolean): Promise<boolean> {
  const r = await db.updateTable("comments").set({ notify_replies: on ? 1 : 0 }).where("id", "=", commentId).where("author_user_id", "=", userId).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Adds a flag once per person; returns false when this person already flagged the comment. */
export async function insertFlag(db: Db, f: { commentId: string; userId: string; reason: string }, at: Date): Promise<boolean> {
  const r = await db
    .insertInto("comment_flags")
    .values({ comment_id: f.commentId, user_id: f.userId, reason: f.reason, created_at: at.toISOString(), resolved_at: null })
    .onConflict((oc) => oc.columns(["comment_id", "user_id"]).doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await db
    .updateTable("comments")
    .set((eb) => ({ flag_count: eb("flag_count", "+", 1) }))
    .where("id", "=", f.commentId)
    .execute();
  return true;
}

export async function hideComment(db: Db, id: string, by: string, reason: string, at: Date): Promise<boolean> {
  const r = await db.updateTable("comments").set({ hidden_at: at.toISOString(), hidden_by: by, hidden_reason: reason }).where("id", "=", id).where("hidden_at", "is", null).executeTakeFirst();
  await resolveFlags(db, id, at);
  return Number(r.numUpdatedRows) === 1;
}

export async function resolveFlags(db: Db, commentId: string, at: Date): Promise<void> {
  await db.updateTable("comment_flags").set({ resolved_at: at.toISOString() }).where("comment_id", "=", commentId).where("resolved_at", "is", null).execute();
}

export interface FlaggedComment {
  id: string;
  proposalId: string;
  proposalTitle: string;
  programmeKind: "bo" | "youth" | "children";
  body: string;
  authorName: string | null;
  flags: { reason: string; createdAt: string }[];
}

/** Comments with unresolved flags in the given programmes, oldest flag first. */
export async function listFlaggedComments(db: Db, programmes: readonly ("bo" | "youth" | "children")[]): Promise<FlaggedComment[]> {
  if (programmes.length === 0) return [];
  const flags = await db
    .selectFrom("comment_flags as f")
    .innerJoin("comments as c", "c.id", "f.comment_id")
    .innerJoin("proposals as p", "p.id", "c.proposal_id")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("users as u", "u.id", "c.author_user_id")
    .select(["c.id", "c.proposal_id", "p.title", "pr.kind", "c.body", "u.display_name", "f.reason", "f.created_at"])
    .where("f.resolved_at", "is", null)
    .where("c.hidden_at", "is", null)
    .where("pr.kind", "in", programmes)
    .orderBy("f.created_at")
    .execute();
  const byId = new Map<string, FlaggedComment>();
  for (const f of flags) {
    let c = byId.get(f.id);
    if (!c) {
      c = { id: f.id, proposalId: f.proposal_id, proposalTitle: f.title, programmeKind: f.kind, body: f.body, authorName: f.display_name ?? null, flags: [] };
      byId.set(f.id, c);
    }
    c.flags.push({ reason: f.reason, createdAt: f.created_at });
  }
  return [...byId.values()];
}
