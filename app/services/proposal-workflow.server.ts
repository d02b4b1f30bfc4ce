/**
 * Verification use cases beyond a single status change: assigning (or reassigning) the official
 * who reviews a proposal, and correcting a published final list before voting starts. Each loads,
 * asks the rule in app/domain/workflow/transitions.ts, then writes the change, its public decision
 * row, its audit row and the author's e-mail in one transaction. Refusals come back as reason codes
 * and change nothing.
 */
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { listPhaseWindows } from "~/data/editions.server";
import { insertOutbox } from "~/data/outbox.server";
import { insertDecision } from "~/data/decisions.server";
import { replaceCostItems } from "~/data/proposal-texts.server";
import { insertVersion } from "~/data/proposal-versions.server";
import { listOfficials } from "~/data/users.server";
import { getWorkflowProposal, updateProposalStatus, updateReviewer } from "~/data/workflow-proposals.server";
import { can, type Actor } from "~/domain/permissions";
import { currentPhase } from "~/domain/phases";
import { decideListCorrection, type ListCorrection, type ListCorrectionRefusal } from "~/domain/workflow/corrections";
import { checkCostBreakdown, type CostItem, type CostRefusal } from "~/domain/workflow/costs";
import { canAssignReviewer, type AssignRefusal } from "~/domain/workflow/verification";
import { listCorrectionMail } from "./proposal-emails.server";
import { isAdmin } from "./proposals.server";

export type AssignResult = { ok: true; reviewerUserId: string } | { ok: false; reason: AssignRefusal | "not_found" | "changed_meanwhile" };

/** An official (or an admin) assigns the proposal to an official of its programme; reassignments are audited with who it was before. */
export async function assignReviewer(db: Db, user: Actor, proposalId: string, reviewerId: string, now = new Date()): Promise<AssignResult> {
  return db.transaction().execute(async (trx): Promise<AssignResult> => {
    const p = await getWorkflowProposal(trx, proposalId);
    if (!p || p.status === "draft") return { ok: false, reason: "not_found" };
    const officials = await listOfficials(trx, p.programmeKind);
    const verdict = canAssignReviewer({
      actorIsOfficial: can(user, "proposals.verify", p.programmeKind),
      actorIsAdmin: isAdmin(user),
      assigneeIsOfficial: officials.some((o) => o.id === reviewerId),
      status: p.status,
      finalListPublished: p.finalListPublished,
      currentReviewerId: p.reviewerUserId,
      assigneeId: reviewerId,
    });
    if (!verdict.ok) return verdict;
    if (!(await updateReviewer(trx, p.id, p.reviewerUserId, reviewerId, now))) return { ok: false, reason: "changed_meanwhile" };
    await insertAudit(
      trx,
      {
        actorUserId: user.id,
        actorRole: can(user, "proposals.verify", p.programmeKind) ? "official" : "admin",
        action: verdict.reassignment ? "proposal.reassign" : "proposal.assign",
        objectType: "proposal",
        objectId: p.id,
        before: { reviewerUserId: p.reviewerUserId },
        after: { reviewerUserId: reviewerId, programme: p.programmeKind },
      },
      now,
    );
    return { ok: true, reviewerUserId: reviewerId };
  });
}

export type ListCorrectionResult = { ok: true; id: string; status: string } | { ok: false; reason: ListCorrectionRefusal | CostRefusal | "not_found" | "changed_meanwhile" };

/**
 * A correction of a published final list (remove from the ballot, put back, or correct the cost),
 * with a public reason; refused once voting has started. The decision row is what /final-list and
 * the proposal's history show.
 */
export async function correctFinalList(
  db: Db,
  user: Actor,
  c: { kind: ListCorrection; proposalId: string; reason: string; costItems?: readonly CostItem[] },
  origin: string,
  now = new Date(),
): Promise<ListCorrectionResult> {
  return db.transaction().execute(async (trx): Promise<ListCorrectionResult> => {
    const p = await getWorkflowProposal(trx, c.proposalId);
    if (!p || p.status === "draft") return { ok: false, reason: "not_found" };
    const phase = currentPhase(await listPhaseWindows(trx, p.editionId), now);
    const reason = c.reason.trim();
    const verdict = decideListCorrection(c.kind, { isOfficial: can(user, "proposals.verify", p.programmeKind), phase, finalListPublished: p.finalListPublished, status: p.status, reason });
    if (!verdict.ok) return verdict;
    let costAfter: number | null = null;
    if (c.kind === "list_cost") {
      const items = c.costItems ?? [];
      const cost = checkCostBreakdown(items, { budgetGrosze: p.poolBudgetGrosze, maxProjectCostGrosze: p.poolMaxProjectCostGrosze });
      if (!cost.ok) return { ok: false, reason: cost.reason };
      await replaceCostItems(trx, p.id, items);
      await insertVersion(trx, p.id, user.id, now);
      costAfter = cost.totalGrosze;
    } else if (!(await updateProposalStatus(trx, p.id, p.status, verdict.to, now))) {
      return { ok: false, reason: "changed_meanwhile" };
    }
    await insertDecision(
      trx,
      {
        id: newId("dec"),
        proposalId: p.id,
        action: c.kind,
        from: p.status,
        to: verdict.to,
        reason,
        actorUserId: user.id,
        actorRole: "official",
        costBeforeGrosze: costAfter === null ? null : p.costGrosze,
        costAfterGrosze: costAfter,
      },
      now,
    );
    await insertAudit(
      trx,
      {
        actorUserId: user.id,
        actorRole: "official",
        action: `final_list.${c.kind}`,
        objectType: "proposal",
        objectId: p.id,
        before: { status: p.status, costGrosze: p.costGrosze },
        after: { status: verdict.to, costGrosze: costAfter ?? p.costGrosze, programme: p.programmeKind },
        reason,
      },
      now,
    );
    if (p.authorEmail) {
      const mail = listCorrectionMail(p.authorLocale, { origin, proposalId: p.id, title: p.title, action: c.kind, reason });
      await insertOutbox(trx, { id: newId("mail"), to: p.authorEmail, ...mail }, now);
    }
    return { ok: true, id: p.id, status: verdict.to };
  });
}
