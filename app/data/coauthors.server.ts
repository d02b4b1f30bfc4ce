/** Co-author invitations and accepted co-authors of proposals. Emails are stored lower-cased. */
import type { Db } from "../../db/client";

export interface CoauthorRow {
  proposalId: string;
  email: string;
  userId: string | null;
  displayName: string | null;
  invitedAt: string;
  acceptedAt: string | null;
  declinedAt: string | null;
}

export async function listCoauthors(db: Db, proposalId: string): Promise<CoauthorRow[]> {
  const rows = await db
    .selectFrom("proposal_coauthors as c")
    .leftJoin("users as u", "u.id", "c.user_id")
    .select(["c.proposal_id", "c.email", "c.user_id", "u.display_name", "c.invited_at", "c.accepted_at", "c.declined_at"])
    .where("c.proposal_id", "=", proposalId)
    .orderBy("c.invited_at")
    .execute();
  return rows.map((r) => ({ proposalId: r.proposal_id, email: r.email, userId: r.user_id, displayName: r.display_name ?? null, invitedAt: r.invited_at, acceptedAt: r.accepted_at, declinedAt: r.declined_at }));
}

/** Whether the user is an accepted co-author of the proposal. */
export async function isCoauthor(db: Db, proposalId: string, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom("proposal_coauthors")
    .select("proposal_id")
    .where("proposal_id", "=", proposalId)
    .where("user_id", "=", userId)
    .where("accepted_at", "is not", null)
    .executeTakeFirst();
  return r !== undefined;
}

export async function getInvitationByToken(db: Db, tokenHash: string): Promise<(CoauthorRow & { invitedBy: string | null }) | null> {
  const r = await db
    .selectFrom("proposal_coauthors")
    .select(["proposal_id", "email", "user_id", "invited_by", "invited_at", "accepted_at", "declined_at"])
    .where("token_hash", "=", tokenHash)
    .executeTakeFirst();
  return r ? { proposalId: r.proposal_id, email: r.email, userId: r.user_id, displayName: null, invitedAt: r.invited_at, acceptedAt: r.accepted_at, declinedAt: r.declined_at, invitedBy: r.invited_by } : null;
}

/** A new invitation, or a fresh link for a declined one. */
export async function upsertInvitation(db: Db, i: { proposalId: string; email: string; tokenHash: string; invitedBy: string }, at: Date): Promise<void> {
  const existing = await db.selectFrom("proposal_coauthors").select("email").where("proposal_id", "=", i.proposalId).where("email", "=", i.email).executeTakeFirst();
  if (existing) {
    await db
      .updateTable("proposal_coauthors")
      .set({ token_hash: i.tokenHash, invited_by: i.invitedBy, invited_at: at.toISOString(), declined_at: null, user_id: null, accepted_at: null })
      .where("proposal_id", "=", i.proposalId)
      .where("email", "=", i.email)
      .execute();
    return;
  }
  await db
    .insertInto("proposal_coauthors")
    .values({ proposal_id: i.proposalId, email: i.email, token_hash: i.tokenHash, invited_by: i.invitedBy, invited_at: at.toISOString(), user_id: null, accepted_at: null, declined_at: null })
    .execute();
}

/** Uses the token: accept (user joins) or decline. Only an open invitation changes; returns whether it did. */
export async function answerInvitation(db: Db, tokenHash: string, answer: { accept: true; userId: string } | { accept: false; userId: string | null }, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("proposal_coauthors")
    .set(answer.accept ? { token_hash: null, user_id: answer.userId, accepted_at: at.toISOString() } : { token_hash: null, declined_at: at.toISOString() })
    .where("token_hash", "=", tokenHash)
    .where("accepted_at", "is", null)
    .where("declined_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Withdraws a pending (not accepted) invitation; returns whether there was one. */
export async function deletePendingInvitation(db: Db, proposalId: string, email: string): Promise<boolean> {
  const r = await db.deleteFrom("proposal_coauthors").where("proposal_id", "=", proposalId).where("email", "=", email).where("accepted_at", "is", null).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function deleteAcceptedCoauthor(db: Db, proposalId: string, email: string): Promise<boolean> {
  const r = await db.deleteFrom("proposal_coauthors").where("proposal_id", "=", proposalId).where("email", "=", email).where("accepted_at", "is not", null).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** How many invitations were ever sent for the proposal (from the audit trail), withdrawn ones included. */
export async function countInvitationsSent(db: Db, proposalId: string): Promise<number> {
  const r = await db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("object_type", "=", "proposal")
    .where("object_id", "=", proposalId)
    .where("action", "=", "proposal.coauthor_invite")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
