/**
 * Discussion use cases: comment and reply (one level), flag, and moderate (hide with a public
 * reason, or dismiss the flags). Moderation is written to the audit log; replies notify the
 * parent comment's author unless they opted out.
 */
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { getComment, hideComment, insertComment, insertFlag, resolveFlags, setNotifyReplies } from "~/data/comments.server";
import { insertOutbox } from "~/data/outbox.server";
import { getPublicProposal } from "~/data/proposals.server";
import { can, type Actor } from "~/domain/permissions";
import { checkReply, mayModerateComments, type CommentRefusal } from "~/domain/comments";
import { commentReplyMail } from "./proposal-emails.server";

export type CommentResult = { ok: true; id: string } | { ok: false; reason: CommentRefusal | "not_found" };

export async function postComment(
  db: Db,
  user: Actor,
  c: { proposalId: string; parentId: string | null; body: string; notifyReplies: boolean },
  origin: string,
  now = new Date(),
): Promise<CommentResult> {
  return db.transaction().execute(async (trx): Promise<CommentResult> => {
    const proposal = await getPublicProposal(trx, c.proposalId);
    if (!proposal) return { ok: false, reason: "not_found" };
    if (proposal.editionStatus === "archived") return { ok: false, reason: "comments_closed" };
    const parent = c.parentId ? await getComment(trx, c.parentId) : null;
    if (c.parentId) {
      const reply = checkReply(parent ? { parentId: parent.parentId, proposalId: parent.proposalId } : null, c.proposalId);
      if (!reply.ok) return reply;
    }
    const id = newId("cmt");
    await insertComment(trx, { id, proposalId: c.proposalId, parentId: c.parentId, authorUserId: user.id, body: c.body, notifyReplies: c.notifyReplies }, now);
    if (parent && parent.notifyReplies && parent.authorEmail && parent.authorUserId !== user.id && !parent.hidden) {
      const mail = commentReplyMail(parent.authorLocale, { origin, proposalId: c.proposalId, title: proposal.title, reply: c.body });
      await insertOutbox(trx, { id: newId("mail"), to: parent.authorEmail, ...mail }, now);
    }
    return { ok: true, id };
  });
}

export async function flagComment(db: Db, user: Actor, f: { commentId: string; reason: string }, now = new Date()): Promise<CommentResult> {
  return db.transaction().execute(async (trx): Promise<CommentResult> => {
    const c = await getComment(trx, f.commentId);
    if (!c || c.hidden) return { ok: false, reason: "not_found" };
    if (c.authorUserId === user.id) return { ok: false, reason: "own_comment" };
    if (!(await insertFlag(trx, { commentId: c.id, userId: user.id, reason: f.reason }, now))) return { ok: false, reason: "already_flagged" };
    return { ok: true, id: c.id };
  });
}

export async function setReplyNotifications(db: Db, user: Actor, commentId: string, on: boolean): Promise<CommentResult> {
  return (await setNotifyReplies(db, commentId, user.id, on)) ? { ok: true, id: commentId } : { ok: false, reason: "not_found" };
}

/** Hides a comment with a public reason (shown in its place) or dismisses its flags. */
export async function moderateComment(db: Db, user: Actor, m: { commentId: string; intent: "hide" | "dismiss"; reason: string | null }, now = new Date()): Promise<CommentResult> {
  return db.transaction().execute(async (trx): Promise<CommentResult> => {
    const c = await getComment(trx, m.commentId);
    if (!c) return { ok: false, reason: "not_found" };
    const allowed = mayModerateComments({
      moderation: c.programmeModeration,
      isOfficial: can(user, "proposals.verify", c.programmeKind),
      isYouthModerator: can(user, "youth.moderate", c.programmeKind),
    });
    if (!allowed) return { ok: false, reason: "not_allowed" };
    const role = c.programmeModeration === "youth_council" ? "youth_moderator" : "official";
    if (m.intent === "hide") {
      const reason = m.reason?.trim();
      if (!reason) return { ok: false, reason: "reason_required" };
      if (!(await hideComment(trx, c.id, user.id, reason, now))) return { ok: false, reason: "already_hidden" };
      await insertAudit(trx, { actorUserId: user.id, actorRole: role, action: "comment.hide", objectType: "comment", objectId: c.id, after: { programme: c.programmeKind }, reason }, now);
    } else {
      await resolveFlags(trx, c.id, now);
      await insertAudit(trx, { actorUserId: user.id, actorRole: role, action: "comment.dismiss_flags", objectType: "comment", objectId: c.id, after: { programme: c.programmeKind }, reason: m.reason?.trim() || null }, now);
    }
    return { ok: true, id: c.id };
  });
}
