/**
 * Proposal use cases, from idea to ballot: save a draft or submit it, support it, decide on it
 * (officials, youth council), appeal, publish the final list. Each loads, asks the rule in
 * app/domain/workflow/transitions.ts, then writes the change, its public decision row, its audit row
 * and the author's e-mail in one transaction. Expected refusals come back as reason codes.
 */
import { listPhaseWindows } from "~/data/editions.server";
import { currentEdition } from "./current-edition.server";
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { insertOutbox } from "~/data/outbox.server";
import { decideAppeal, insertAppeal, insertDecision } from "~/data/decisions.server";
import { countInStatuses, insertFinalLists, listProgrammePools } from "~/data/final-lists.server";
import { insertProposal, nextProposalNumber, replaceCostItems, updateProposalText } from "~/data/proposal-texts.server";
import { insertVersion } from "~/data/proposal-versions.server";
import { hasSupported, insertSupport } from "~/data/supports.server";
import { getWorkflowProposal, updateProposalStatus, type WorkflowProposal } from "~/data/workflow-proposals.server";
import { can, type Actor, type ProgrammeKind } from "~/domain/permissions";
import { currentPhase } from "~/domain/phases";
import { appealWindow } from "~/domain/appeal-window";
import { canPublishFinalList, PENDING_STATUSES, type FinalListRefusal } from "~/domain/workflow/corrections";
import { checkCostBreakdown, type CostItem, type CostRefusal } from "~/domain/workflow/costs";
import type { ProposalInput } from "~/domain/workflow/inputs";
import { decideTransition, WORKFLOW_ACTIONS, type WorkflowAction, type WorkflowActor, type WorkflowRefusal } from "~/domain/workflow/transitions";
import { checkStepOutcome, isStepAction, type StepAction, type StepRefusal } from "~/domain/workflow/verification";
import type { Phase } from "~/domain/rules";
import { costCorrectionMail, proposalStatusMail } from "./proposal-emails.server";
import { relationTo } from "./proposal-access.server";
import { followOwnProposal } from "./follows.server";
import { notifyProposalDecision } from "./follow-notifications.server";

export type ProposalResult = { ok: true; id: string; status: string } | { ok: false; reason: WorkflowRefusal | CostRefusal | StepRefusal | "no_edition" | "not_found" | "pool_locked" | "changed_meanwhile" };

export const isAdmin = (user: Actor | null) => !!user?.roles.some((g) => g.role === "admin");

async function phaseOf(db: Db, editionId: string, now: Date): Promise<Phase | null> {
  return currentPhase(await listPhaseWindows(db, editionId), now);
}

function actorFor(user: Actor | null, p: Pick<WorkflowProposal, "authorUserId" | "programmeKind">): WorkflowActor {
  return {
    signedIn: user !== null,
    isAuthor: user !== null && p.authorUserId === user.id,
    isOfficial: can(user, "proposals.verify", p.programmeKind),
    isYouthModerator: can(user, "youth.moderate", p.programmeKind),
    userId: user?.id ?? null,
    isAdmin: isAdmin(user),
  };
}

function stateOf(p: WorkflowProposal, phase: Phase | null, alreadySupported = false) {
  return {
    status: p.status,
    phase,
    moderation: p.moderation,
    supportsRequired: p.supportsRequired,
    supportCount: p.supportCount,
    alreadySupported,
    appealUsed: p.appealUsed,
    changesRequestedBy: p.changesRequestedBy,
    finalListPublished: p.finalListPublished,
    reviewerUserId: p.reviewerUserId,
    formalPassed: p.formalPassed,
  };
}

/** Which actions `user` may take on the proposal now (for showing only the forms that would work). */
export async function allowedActions(db: Db, user: Actor | null, proposalId: string, now = new Date()): Promise<WorkflowAction[]> {
  const p = await getWorkflowProposal(db, proposalId);
  if (!p) return [];
  const phase = await phaseOf(db, p.editionId, now);
  const supported = user ? await hasSupported(db, p.id, user.id) : false;
  const actor = actorFor(user, p);
  const all: readonly WorkflowAction[] = WORKFLOW_ACTIONS;
  return all.filter((a) => decideTransition(a, stateOf(p, phase, supported), actor, { reason: "x" }).ok);
}

async function notifyAuthor(db: Db, p: WorkflowProposal, to: string, reason: string | null, origin: string, now: Date) {
  if (!p.authorEmail) return;
  const appeal = to === "rejected" ? appealWindow(await listPhaseWindows(db, p.editionId), now) : null;
  const mail = proposalStatusMail(p.authorLocale, { origin, proposalId: p.id, title: p.title, status: to, reason, appeal });
  await insertOutbox(db, { id: newId("mail"), to: p.authorEmail, ...mail }, now);
}

/**
 * Creates or updates the author's proposal (or one the user co-authors) and, when asked, submits it
 * (a draft) or sends it back to verification (after changes were requested). Every save keeps a
 * version of the text.
 */
export async function saveProposal(db: Db, user: Actor, input: ProposalInput, proposalId: string | null, now = new Date()): Promise<ProposalResult> {
  return db.transaction().execute(async (trx): Promise<ProposalResult> => {
    const edition = await currentEdition(trx);
    if (!edition) return { ok: false, reason: "no_edition" };
    const phase = currentPhase(edition.phases, now);
    const pool = await trx
      .selectFrom("pools as po")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .select(["po.id", "po.budget_grosze", "po.max_project_cost_grosze", "pr.kind", "pr.moderation"])
      .select((eb) => eb.fn.coalesce("po.supports_required", "pr.supports_required").as("supports_required"))
      .where("po.id", "=", input.poolId)
      .where("pr.edition_id", "=", edition.id)
      .executeTakeFirst();
    if (!pool) return { ok: false, reason: "not_found" };
    // the server decides the cost again, whatever the page checked
    const cost = checkCostBreakdown(input.costItems, { budgetGrosze: Number(pool.budget_grosze), maxProjectCostGrosze: pool.max_project_cost_grosze === null ? null : Number(pool.max_project_cost_grosze) });
    if (!cost.ok) return { ok: false, reason: cost.reason };
    const wantsSubmit = input.intent === "submit";

    if (proposalId === null) {
      const draft = { status: "draft" as const, phase, moderation: pool.moderation, supportsRequired: pool.supports_required, supportCount: 0, appealUsed: false, changesRequestedBy: null, finalListPublished: false };
      const me: WorkflowActor = { signedIn: true, isAuthor: true, isOfficial: false, isYouthModerator: false };
      const edit = decideTransition("edit", draft, me);
      if (!edit.ok) return edit;
      const status = wantsSubmit ? decideTransition("submit", draft, me) : edit;
      if (!status.ok) return status;
      const id = newId("prp");
      const number = await nextProposalNumber(trx, edition.id, edition.year);
      await insertProposal(trx, { ...input, id, editionId: edition.id, number, authorUserId: user.id, status: status.to, channel: "online", enteredBy: null }, now);
      await insertVersion(trx, id, user.id, now);
      if (wantsSubmit) await insertDecision(trx, { id: newId("dec"), proposalId: id, action: "submit", from: "draft", to: "submitted", reason: null, actorUserId: user.id, actorRole: "resident" }, now);
      if (wantsSubmit) await followOwnProposal(trx, user.id, id, now); // authors follow their proposals by default
      await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: wantsSubmit ? "proposal.submit" : "proposal.create", objectType: "proposal", objectId: id, after: { status: status.to, costGrosze: cost.totalGrosze } }, now);
      return { ok: true, id, status: status.to };
    }

    const p = await getWorkflowProposal(trx, proposalId);
    if (!p || p.editionId !== edition.id) return { ok: false, reason: "not_found" };
    // an accepted co-author, or an official for a paper proposal, edits like the author (recorded as such)
    const relation = await relationTo(trx, user, p);
    const actor = relation ? { ...actorFor(user, p), isAuthor: true } : actorFor(user, p);
    const actorRole = relation === "on_behalf" ? ("official" as const) : ("resident" as const);
    const state = stateOf(p, phase);
    const edit = decideTransition("edit", state, actor);
    if (!edit.ok) return edit;
    if (p.status !== "draft" && input.poolId !== p.poolId) return { ok: false, reason: "pool_locked" };
    const move: WorkflowAction | null = wantsSubmit ? (p.status === "draft" ? "submit" : "resubmit") : null;
    const next = move ? decideTransition(move, state, actor) : edit;
    if (!next.ok) return next;
    await updateProposalText(trx, p.id, input, now);
    await insertVersion(trx, p.id, user.id, now);
    if (move && next.to !== p.status) {
      if (!(await updateProposalStatus(trx, p.id, p.status, next.to, now, { changesRequestedBy: null, submitted: move === "submit" }))) return { ok: false, reason: "changed_meanwhile" };
      await insertDecision(trx, { id: newId("dec"), proposalId: p.id, action: move, from: p.status, to: next.to, reason: null, actorUserId: user.id, actorRole }, now);
      if (move === "submit" && p.authorUserId) await followOwnProposal(trx, p.authorUserId, p.id, now);
    }
    await insertAudit(
      trx,
      { actorUserId: user.id, actorRole, action: move ? `proposal.${move}` : "proposal.edit", objectType: "proposal", objectId: p.id, before: { status: p.status, costGrosze: p.costGrosze }, after: { status: next.to, costGrosze: cost.totalGrosze, programme: p.programmeKind, ...(relation && relation !== "author" ? { editedAs: relation } : {}) } },
      now,
    );
    return { ok: true, id: p.id, status: next.to };
  });
}

/** One click: the signed-in resident supports a submitted proposal (once). */
export async function supportProposal(db: Db, user: Actor, proposalId: string, now = new Date()): Promise<ProposalResult> {
  return db.transaction().execute(async (trx): Promise<ProposalResult> => {
    const p = await getWorkflowProposal(trx, proposalId);
    if (!p) return { ok: false, reason: "not_found" };
    const phase = await phaseOf(trx, p.editionId, now);
    const verdict = decideTransition("support", stateOf(p, phase, await hasSupported(trx, p.id, user.id)), actorFor(user, p));
    if (!verdict.ok) return verdict;
    if (!(await insertSupport(trx, p.id, user.id, now))) return { ok: false, reason: "already_supported" };
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "proposal.support", objectType: "proposal", objectId: p.id }, now);
    return { ok: true, id: p.id, status: p.status };
  });
}

export type DecisionIntent = "start_verification" | StepAction | "youth_approve" | "youth_return" | "appeal_accept" | "appeal_reject" | "withdraw";

/** The role an official's decision is recorded under: an admin standing in for the reviewer is shown as such. */
function officialRole(user: Actor, p: WorkflowProposal): "official" | "admin" {
  return can(user, "proposals.verify", p.programmeKind) ? "official" : "admin";
}

/**
 * A decision by an official or the youth council (or the author's withdrawal): status change,
 * public reason, audit row and an e-mail to the author. The formal and merit steps also keep the
 * criteria the reviewer ticked as met (`met`), which must fit the outcome.
 */
export async function decideProposal(db: Db, user: Actor, proposalId: string, d: { intent: DecisionIntent; reason?: string | null; met?: readonly string[] }, origin: string, now = new Date()): Promise<ProposalResult> {
  return db.transaction().execute(async (trx): Promise<ProposalResult> => {
    const p = await getWorkflowProposal(trx, proposalId);
    if (!p) return { ok: false, reason: "not_found" };
    const phase = await phaseOf(trx, p.editionId, now);
    const actor = actorFor(user, p);
    const reason = d.reason?.trim() || null;
    const verdict = decideTransition(d.intent, stateOf(p, phase), actor, { reason });
    if (!verdict.ok) return verdict;
    let checks: Record<string, boolean> | null = null;
    if (isStepAction(d.intent)) {
      const step = checkStepOutcome(d.intent, d.met ?? []);
      if (!step.ok) return step;
      checks = step.checks;
    }
    const role = d.intent === "withdraw" ? "resident" : d.intent.startsWith("youth_") ? "youth_moderator" : officialRole(user, p);
    const changesRequestedBy = d.intent === "formal_changes" || d.intent === "merit_changes" ? ("official" as const) : d.intent === "youth_return" ? ("youth_council" as const) : undefined;
    // whoever starts the verification reviews it unless someone was assigned already
    const selfAssign = d.intent === "start_verification" && p.reviewerUserId === null;
    const moved = await updateProposalStatus(trx, p.id, p.status, verdict.to, now, {
      changesRequestedBy,
      reviewerUserId: selfAssign ? user.id : undefined,
    });
    if (!moved) return { ok: false, reason: "changed_meanwhile" };
    if (d.intent === "appeal_accept" || d.intent === "appeal_reject") {
      await decideAppeal(trx, p.id, { outcome: d.intent === "appeal_accept" ? "accepted" : "rejected", reason: reason ?? "", by: user.id }, now);
    }
    await insertDecision(trx, { id: newId("dec"), proposalId: p.id, action: d.intent, from: p.status, to: verdict.to, reason, actorUserId: user.id, actorRole: role, checks }, now);
    await insertAudit(
      trx,
      {
        actorUserId: user.id,
        actorRole: role,
        action: `proposal.${d.intent}`,
        objectType: "proposal",
        objectId: p.id,
        before: { status: p.status, reviewerUserId: p.reviewerUserId },
        after: { status: verdict.to, programme: p.programmeKind, ...(checks ? { checks } : {}), ...(selfAssign ? { reviewerUserId: user.id } : {}) },
        reason,
      },
      now,
    );
    if (role !== "resident") await notifyAuthor(trx, p, verdict.to, reason, origin, now);
    await notifyProposalDecision(trx, { proposalId: p.id, intent: d.intent, status: verdict.to, reason }, now, origin);
    return { ok: true, id: p.id, status: verdict.to };
  });
}

/** The author appeals a rejection: once, in the appeals phase, with a justification. */
export async function appealProposal(db: Db, user: Actor, proposalId: string, justification: string, now = new Date()): Promise<ProposalResult> {
  return db.transaction().execute(async (trx): Promise<ProposalResult> => {
    const p = await getWorkflowProposal(trx, proposalId);
    if (!p) return { ok: false, reason: "not_found" };
    const phase = await phaseOf(trx, p.editionId, now);
    const verdict = decideTransition("appeal", stateOf(p, phase), actorFor(user, p), { reason: justification });
    if (!verdict.ok) return verdict;
    if (!(await updateProposalStatus(trx, p.id, p.status, verdict.to, now))) return { ok: false, reason: "changed_meanwhile" };
    await insertAppeal(trx, { id: newId("apl"), proposalId: p.id, authorUserId: user.id, justification }, now);
    await insertDecision(trx, { id: newId("dec"), proposalId: p.id, action: "appeal", from: p.status, to: verdict.to, reason: justification, actorUserId: user.id, actorRole: "resident" }, now);
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "proposal.appeal", objectType: "proposal", objectId: p.id, before: { status: p.status }, after: { status: verdict.to }, reason: justification }, now);
    return { ok: true, id: p.id, status: verdict.to };
  });
}

/** An official corrects the cost breakdown during verification, with a public reason. */
export async function correctCost(db: Db, user: Actor, proposalId: string, items: CostItem[], reason: string, origin: string, now = new Date()): Promise<ProposalResult> {
  return db.transaction().execute(async (trx): Promise<ProposalResult> => {
    const p = await getWorkflowProposal(trx, proposalId);
    if (!p) return { ok: false, reason: "not_found" };
    const phase = await phaseOf(trx, p.editionId, now);
    const verdict = decideTransition("correct_cost", stateOf(p, phase), actorFor(user, p), { reason });
    if (!verdict.ok) return verdict;
    const cost = checkCostBreakdown(items, { budgetGrosze: p.poolBudgetGrosze, maxProjectCostGrosze: p.poolMaxProjectCostGrosze });
    if (!cost.ok) return { ok: false, reason: cost.reason };
    const role = officialRole(user, p);
    await replaceCostItems(trx, p.id, items);
    await insertVersion(trx, p.id, user.id, now);
    await insertDecision(
      trx,
      { id: newId("dec"), proposalId: p.id, action: "correct_cost", from: p.status, to: p.status, reason: reason.trim(), actorUserId: user.id, actorRole: role, costBeforeGrosze: p.costGrosze, costAfterGrosze: cost.totalGrosze },
      now,
    );
    await insertAudit(trx, { actorUserId: user.id, actorRole: role, action: "proposal.correct_cost", objectType: "proposal", objectId: p.id, before: { costGrosze: p.costGrosze, items: p.costItems }, after: { costGrosze: cost.totalGrosze, items, programme: p.programmeKind }, reason: reason.trim() }, now);
    if (p.authorEmail) {
      const mail = costCorrectionMail(p.authorLocale, { origin, proposalId: p.id, title: p.title, fromGrosze: p.costGrosze, toGrosze: cost.totalGrosze, reason: reason.trim() });
      await insertOutbox(trx, { id: newId("mail"), to: p.authorEmail, ...mail }, now);
    }
    return { ok: true, id: p.id, status: p.status };
  });
}

export type PublishResult = { ok: true; pools: number } | { ok: false; reason: FinalListRefusal | "no_edition" };

/** Publishes (and freezes) the final list of every pool of a programme. Irreversible. */
export async function publishFinalList(db: Db, user: Actor, programme: ProgrammeKind, now = new Date()): Promise<PublishResult> {
  return db.transaction().execute(async (trx): Promise<PublishResult> => {
    const edition = await currentEdition(trx);
    if (!edition) return { ok: false, reason: "no_edition" };
    const pools = await listProgrammePools(trx, edition.id, programme);
    const verdict = canPublishFinalList({
      isOfficial: can(user, "proposals.verify", programme),
      phase: currentPhase(edition.phases, now),
      alreadyPublished: pools.length > 0 && pools.every((p) => p.publishedAt !== null),
      pendingCount: await countInStatuses(
        trx,
        pools.map((p) => p.id),
        PENDING_STATUSES,
      ),
    });
    if (!verdict.ok) return verdict;
    const open = pools.filter((p) => p.publishedAt === null).map((p) => p.id);
    await insertFinalLists(trx, open, user.id, now);
    await insertAudit(trx, { actorUserId: user.id, actorRole: "official", action: "final_list.publish", objectType: "programme", objectId: `${edition.id}:${programme}`, after: { pools: open.length } }, now);
    return { ok: true, pools: open.length };
  });
}
