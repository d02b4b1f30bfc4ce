/**
 * Co-authors: the author invites by e-mail (a single-use link in the outbox), the invitee signs in
 * and accepts or declines, the author may withdraw a pending invitation. Accepted co-authors edit
 * the proposal like its author (saveAsCoauthor); everyone else still gets "not_author" and
 * nothing changes. extrasAccess is the one gate for the author's extras (attachments, invitations):
 * they stay open after submission until verification starts.
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import { newId, randomToken, sha256 } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { listPhaseWindows } from "~/data/editions.server";
import { answerInvitation, countInvitationsSent, deleteAcceptedCoauthor, getInvitationByToken, listCoauthors, upsertInvitation, deletePendingInvitation } from "~/data/coauthors.server";
import { insertOutbox } from "~/data/outbox.server";
import { getWorkflowProposal, type WorkflowProposal } from "~/data/workflow-proposals.server";
import { getUserById } from "~/data/users.server";
import { MAX_COAUTHORS, MAX_INVITATIONS_SENT } from "~/domain/coauthors";
import type { Actor } from "~/domain/permissions";
import { currentPhase } from "~/domain/phases";
import type { ProposalInput } from "~/domain/workflow/inputs";
import { decideTransition, type WorkflowRefusal } from "~/domain/workflow/transitions";
import { decideExtrasChange } from "~/domain/workflow/extras";
import type { Phase } from "~/domain/rules";
import { getTranslator, isLocale } from "~/i18n";
import { saveProposal } from "./proposals.server";
import { relationTo, type ProposalRelation } from "./proposal-access.server";

export { relationTo } from "./proposal-access.server";

export { MAX_COAUTHORS };

export type CoauthorRefusal = WorkflowRefusal | "not_found" | "coauthor_self" | "coauthor_exists" | "coauthor_limit" | "invitation_invalid" | "invitation_expired" | "invitation_other_email" | "invitation_not_pending" | "invitations_exhausted" | "coauthor_missing";

/** An invitation link works for 14 days from when it was (last) sent; the author may send a new one after. */
export const INVITATION_TTL_MS = 14 * 24 * 3600_000;

/** Whether an unanswered invitation sent at `invitedAt` can no longer be used. */
export function invitationExpired(invitedAt: string, now: Date): boolean {
  return new Date(invitedAt).getTime() + INVITATION_TTL_MS <= now.getTime();
}

function stateOf(p: WorkflowProposal, phase: Phase | null) {
  return { status: p.status, phase, moderation: p.moderation, supportsRequired: p.supportsRequired, supportCount: p.supportCount, appealUsed: p.appealUsed, changesRequestedBy: p.changesRequestedBy, finalListPublished: p.finalListPublished };
}

/**
 * Whether the user may change the proposal now (edit its text, add or remove attachments): the
 * author or an accepted co-author, and the workflow's "edit" rule (status, phase, frozen list).
 */
export async function editAccess(db: Db, user: Actor, proposalId: string, now = new Date()): Promise<{ ok: true; p: WorkflowProposal; role: ProposalRelation; phase: Phase | null } | { ok: false; reason: CoauthorRefusal }> {
  const p = await getWorkflowProposal(db, proposalId);
  if (!p) return { ok: false, reason: "not_found" };
  const role = await relationTo(db, user, p);
  if (!role) return { ok: false, reason: "not_author" };
  const phase = currentPhase(await listPhaseWindows(db, p.editionId), now);
  const verdict = decideTransition("edit", stateOf(p, phase), { signedIn: true, isAuthor: true, isOfficial: false, isYouthModerator: false });
  if (!verdict.ok) return verdict;
  return { ok: true, p, role, phase };
}

/**
 * Whether the user may add or remove attachments and invite co-authors now: the same people as
 * editAccess, for longer — also after "Zgłoś projekt" until verification starts (decideExtrasChange).
 */
export async function extrasAccess(db: Db, user: Actor, proposalId: string, now = new Date()): Promise<{ ok: true; p: WorkflowProposal; role: ProposalRelation; phase: Phase | null } | { ok: false; reason: CoauthorRefusal }> {
  const p = await getWorkflowProposal(db, proposalId);
  if (!p) return { ok: false, reason: "not_found" };
  const role = await relationTo(db, user, p);
  if (!role) return { ok: false, reason: "not_author" };
  const phase = currentPhase(await listPhaseWindows(db, p.editionId), now);
  const verdict = decideExtrasChange(stateOf(p, phase), { isAuthor: true });
  if (!verdict.ok) return verdict;
  return { ok: true, p, role, phase };
}

export const InviteInputSchema = z.object({
  email: z
    .string({ error: "submission.error.email" })
    .trim()
    .toLowerCase()
    .max(254, { error: "submission.error.email" })
    .pipe(z.email({ error: "submission.error.email" })),
});

function invitationMail(locale: string, v: { origin: string; token: string; title: string; inviter: string }) {
  const { t } = getTranslator(isLocale(locale) ? locale : "pl");
  const link = `${v.origin}/invitations/${v.token}`;
  return { subject: t("mail.coauthor.subject", { title: v.title }), body: `${t("mail.coauthor.body", { title: v.title, inviter: v.inviter, link })}\n\n${t("mail.coauthor.ignore")}\n\n— ${t("site.name")}` };
}

/** Only the author invites (a co-author cannot hand the proposal on). */
export async function inviteCoauthor(db: Db, user: Actor, proposalId: string, email: string, origin: string, now = new Date()): Promise<{ ok: true; token: string } | { ok: false; reason: CoauthorRefusal }> {
  return db.transaction().execute(async (trx) => {
    const access = await extrasAccess(trx, user, proposalId, now);
    if (!access.ok) return access;
    if (access.role !== "author") return { ok: false as const, reason: "not_author" as const };
    const me = await getUserById(trx, user.id);
    if (me?.email && me.email.toLowerCase() === email) return { ok: false as const, reason: "coauthor_self" as const };
    const all = await listCoauthors(trx, proposalId);
    // an invitation nobody answered in time holds no place: it may be sent again
    const open = (c: (typeof all)[number]) => c.declinedAt === null && (c.acceptedAt !== null || !invitationExpired(c.invitedAt, now));
    const existing = all.find((c) => c.email === email);
    if (existing && open(existing)) return { ok: false as const, reason: "coauthor_exists" as const };
    if (all.filter(open).length >= MAX_COAUTHORS) return { ok: false as const, reason: "coauthor_limit" as const };
    if ((await countInvitationsSent(trx, proposalId)) >= MAX_INVITATIONS_SENT) return { ok: false as const, reason: "invitations_exhausted" as const };
    const token = randomToken();
    await upsertInvitation(trx, { proposalId, email, tokenHash: sha256(token), invitedBy: user.id }, now);
    const mail = invitationMail(me?.locale ?? "pl", { origin, token, title: access.p.title, inviter: me?.displayName || me?.email || "" });
    await insertOutbox(trx, { id: newId("mail"), to: email, kind: "coauthor_invite", ...mail }, now);
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "proposal.coauthor_invite", objectType: "proposal", objectId: proposalId, after: { invited: true } }, now);
    return { ok: true as const, token };
  });
}

export async function withdrawInvitation(db: Db, user: Actor, proposalId: string, email: string, now = new Date()): Promise<{ ok: true } | { ok: false; reason: CoauthorRefusal }> {
  return db.transaction().execute(async (trx) => {
    const p = await getWorkflowProposal(trx, proposalId);
    if (!p) return { ok: false as const, reason: "not_found" as const };
    if (p.authorUserId !== user.id) return { ok: false as const, reason: "not_author" as const };
    if (!(await deletePendingInvitation(trx, proposalId, email))) return { ok: false as const, reason: "invitation_not_pending" as const };
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "proposal.coauthor_withdraw", objectType: "proposal", objectId: proposalId }, now);
    return { ok: true as const };
  });
}

/** The author takes an accepted co-author off the proposal (they can no longer edit it); audited. */
export async function removeCoauthor(db: Db, user: Actor, proposalId: string, email: string, now = new Date()): Promise<{ ok: true } | { ok: false; reason: CoauthorRefusal }> {
  return db.transaction().execute(async (trx) => {
    const p = await getWorkflowProposal(trx, proposalId);
    if (!p) return { ok: false as const, reason: "not_found" as const };
    if (p.authorUserId !== user.id) return { ok: false as const, reason: "not_author" as const };
    if (!(await deleteAcceptedCoauthor(trx, proposalId, email))) return { ok: false as const, reason: "coauthor_missing" as const };
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "proposal.coauthor_remove", objectType: "proposal", objectId: proposalId }, now);
    return { ok: true as const };
  });
}

/** What the invitation page shows: the proposal's title and whether the link still works. */
export async function lookUpInvitation(db: Db, token: string, now = new Date()): Promise<{ proposalId: string; title: string; email: string; pending: boolean; expired: boolean } | null> {
  const inv = await getInvitationByToken(db, sha256(token));
  if (!inv) return null;
  const p = await getWorkflowProposal(db, inv.proposalId);
  if (!p) return null;
  const pending = inv.acceptedAt === null && inv.declinedAt === null;
  return { proposalId: p.id, title: p.title, email: inv.email, pending, expired: pending && invitationExpired(inv.invitedAt, now) };
}

/**
 * The invitee answers. Accepting needs the account whose e-mail was invited (a forwarded link
 * does not make someone else a co-author); declining works for whoever holds the link. Either
 * way the link is used up, and the author is told by e-mail.
 */
export async function answerCoauthorInvitation(db: Db, user: Actor, token: string, accept: boolean, origin: string, now = new Date()): Promise<{ ok: true; proposalId: string } | { ok: false; reason: CoauthorRefusal }> {
  return db.transaction().execute(async (trx) => {
    const hash = sha256(token);
    const inv = await getInvitationByToken(trx, hash);
    if (!inv) return { ok: false as const, reason: "invitation_invalid" as const };
    if (inv.acceptedAt === null && inv.declinedAt === null && invitationExpired(inv.invitedAt, now)) return { ok: false as const, reason: "invitation_expired" as const };
    const me = await getUserById(trx, user.id);
    if (accept && (!me?.email || me.email.toLowerCase() !== inv.email)) return { ok: false as const, reason: "invitation_other_email" as const };
    const p = await getWorkflowProposal(trx, inv.proposalId);
    if (!p) return { ok: false as const, reason: "invitation_invalid" as const };
    if (accept && p.authorUserId === user.id) return { ok: false as const, reason: "coauthor_self" as const };
    if (!(await answerInvitation(trx, hash, accept ? { accept: true, userId: user.id } : { accept: false, userId: user.id }, now))) return { ok: false as const, reason: "invitation_not_pending" as const };
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: accept ? "proposal.coauthor_accept" : "proposal.coauthor_decline", objectType: "proposal", objectId: p.id }, now);
    if (p.authorEmail) {
      const { t } = getTranslator(isLocale(p.authorLocale) ? p.authorLocale : "pl");
      const key = accept ? "mail.coauthor.accepted" : "mail.coauthor.declined";
      await insertOutbox(trx, { id: newId("mail"), to: p.authorEmail, kind: accept ? "coauthor_accepted" : "coauthor_declined", subject: t(`${key}.subject`, { title: p.title }), body: `${t(`${key}.body`, { title: p.title, email: inv.email, link: `${origin}/proposals/${p.id}/coauthors` })}\n\n— ${t("site.name")}` }, now);
    }
    return { ok: true as const, proposalId: p.id };
  });
}

export type SaveResult = { ok: true; id: string; status: string } | { ok: false; reason: CoauthorRefusal | "pool_locked" | "changed_meanwhile" | "cost_items_required" | "cost_zero" | "cost_over_cap" | "cost_over_pool" };

/** A co-author's save is the author's save: `saveProposal` lets accepted co-authors edit, nobody else. */
export function saveAsCoauthor(db: Db, user: Actor, input: ProposalInput, proposalId: string, now = new Date()): Promise<SaveResult> {
  return saveProposal(db, user, input, proposalId, now) as Promise<SaveResult>;
}
