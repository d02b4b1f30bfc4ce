/**
 * Following (#17): follow and unfollow a proposal, a district or an edition, choose notifications,
 * and the one-click unsubscribe from a mail (a signed link, no sign-in). Each change is written with
 * its audit row in one transaction; refusals come back as reason codes and change nothing.
 */
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { readUnsubscribeToken } from "~/auth/unsubscribe.server";
import { insertAudit } from "~/data/audit.server";
import { deleteFollow, followTargetExists, type Follow, getFollow, getFollowById, getFollowSettings, insertFollow, upsertFollowSettings } from "~/data/follows.server";
import type { FollowTarget, NotificationChoices } from "~/domain/follows";
import type { Actor } from "~/domain/permissions";

export type FollowResult = { ok: true; changed: boolean } | { ok: false; reason: "not_found" | "not_following" | "invalid_token" };

export async function followTarget(db: Db, user: Actor, kind: FollowTarget, targetId: string, now = new Date()): Promise<FollowResult> {
  return db.transaction().execute(async (trx): Promise<FollowResult> => {
    if (!(await followTargetExists(trx, kind, targetId))) return { ok: false, reason: "not_found" };
    const id = newId("fol");
    if (!(await insertFollow(trx, { id, userId: user.id, kind, targetId }, now))) return { ok: true, changed: false };
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "follow.add", objectType: kind, objectId: targetId, before: null, after: { followId: id } }, now);
    return { ok: true, changed: true };
  });
}

export async function unfollowTarget(db: Db, user: Actor, kind: FollowTarget, targetId: string, now = new Date()): Promise<FollowResult> {
  return db.transaction().execute(async (trx): Promise<FollowResult> => {
    const f = await getFollow(trx, user.id, kind, targetId);
    if (!f) return { ok: false, reason: "not_following" };
    await deleteFollow(trx, f.id);
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "follow.remove", objectType: kind, objectId: targetId, before: { followId: f.id }, after: null }, now);
    return { ok: true, changed: true };
  });
}

/** What an unsubscribe link names (for the confirmation page): invalid, a follow that is gone (used already), or the follow. */
export async function followOfToken(db: Db, token: unknown): Promise<{ valid: false } | { valid: true; follow: Follow | null }> {
  const id = readUnsubscribeToken(token);
  return id ? { valid: true, follow: await getFollowById(db, id) } : { valid: false };
}

/**
 * The one-click unsubscribe: ends the follow the signed link names. Using a link twice is not an
 * error (the follow is simply gone); a link whose signature does not match changes nothing.
 */
export async function unsubscribeWithToken(db: Db, token: unknown, now = new Date()): Promise<FollowResult> {
  const id = readUnsubscribeToken(token);
  if (!id) return { ok: false, reason: "invalid_token" };
  return db.transaction().execute(async (trx): Promise<FollowResult> => {
    const f = await getFollowById(trx, id);
    if (!f) return { ok: true, changed: false };
    await deleteFollow(trx, f.id);
    await insertAudit(trx, { actorUserId: f.userId, actorRole: "resident", action: "follow.unsubscribe", objectType: f.kind, objectId: f.targetId, before: { followId: f.id }, after: null }, now);
    return { ok: true, changed: true };
  });
}

export async function saveFollowSettings(db: Db, user: Actor, choices: NotificationChoices, now = new Date()): Promise<{ ok: true }> {
  return db.transaction().execute(async (trx) => {
    const before = await getFollowSettings(trx, user.id);
    await upsertFollowSettings(trx, user.id, choices, now);
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "follow.settings", objectType: "user", objectId: user.id, before, after: choices }, now);
    return { ok: true as const };
  });
}

/** The author follows their proposal from its submission (called inside the submission's transaction). */
export async function followOwnProposal(trx: Db, userId: string, proposalId: string, now: Date): Promise<void> {
  const id = newId("fol");
  if (await insertFollow(trx, { id, userId, kind: "proposal", targetId: proposalId }, now)) {
    await insertAudit(trx, { actorUserId: userId, actorRole: "system", action: "follow.add", objectType: "proposal", objectId: proposalId, before: null, after: { followId: id, author: true } }, now);
  }
}
