/**
 * The life of a proposal from idea to ballot, as pure rules: who may move a proposal from which
 * status to which, in which phase, with what justification; the cost breakdown checked against the
 * pool; and the forms residents, officials and the youth council fill in. No I/O, no clock: the
 * caller passes the phase and the facts it loaded.
 *
 *   draft ──submit──▶ submitted ──start_verification (officials, enough supports)──▶ in_verification
 *                        │  └─youth_approve (youth council)──▶ in_verification
 *                        └─youth_return (youth council, reason)──▶ needs_changes
 *   in_verification: two recorded steps by the assigned reviewer (or an admin), formal then merit
 *     formal_pass ──▶ in_verification (formal check passed)   formal_changes / merit_changes (reason) ──▶ needs_changes
 *     merit_pass (only after formal_pass) ──▶ accepted         formal_reject / merit_reject (reason) ──▶ rejected
 *   needs_changes ──resubmit (author)──▶ in_verification (or back to submitted when the youth council returned it);
 *     a passed formal check stands, so changes asked for on the merits go straight back to the merit step
 *   rejected ──appeal (once, appeals phase)──▶ appealed
 *   appealed ──appeal_accept / appeal_reject (public reason)──▶ appeal_accepted / appeal_rejected
 *   any open status ──withdraw (author)──▶ withdrawn
 * Once the final list of a pool is published, nothing moves any more (final_list_frozen): later
 * changes go through a recorded correction (decideListCorrection) until voting starts.
 */
import type { ProposalStatus } from "../proposals";
import type { Phase } from "../rules";

export const WORKFLOW_ACTIONS = [
  "edit",
  "submit",
  "withdraw",
  "support",
  "start_verification",
  "resubmit",
  "formal_pass",
  "formal_changes",
  "formal_reject",
  "merit_pass",
  "merit_changes",
  "merit_reject",
  "correct_cost",
  "youth_approve",
  "youth_return",
  "appeal",
  "appeal_accept",
  "appeal_reject",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export const WORKFLOW_REFUSALS = [
  "not_signed_in",
  "not_allowed",
  "not_author",
  "own_proposal",
  "wrong_status",
  "not_submission_phase",
  "not_verification_phase",
  "not_appeals_phase",
  "reason_required",
  "not_enough_support",
  "already_supported",
  "support_not_required",
  "appeal_already_used",
  "youth_council_first",
  "not_youth_programme",
  "final_list_frozen",
  "reviewer_not_assigned",
  "not_assigned_reviewer",
  "formal_check_first",
  "formal_check_done",
] as const;
export type WorkflowRefusal = (typeof WORKFLOW_REFUSALS)[number];

/** Who is acting, as far as this proposal is concerned. */
export interface WorkflowActor {
  signedIn: boolean;
  /** The author or an accepted co-author. */
  isAuthor: boolean;
  /** An official allowed to verify proposals of this programme. */
  isOfficial: boolean;
  /** A youth council member allowed to moderate this programme. */
  isYouthModerator: boolean;
  /** Who is acting (to compare with the assigned reviewer). */
  userId?: string | null;
  /** Administrators may stand in for the assigned reviewer. */
  isAdmin?: boolean;
}

/** What the rules need to know about the proposal and the edition. */
export interface WorkflowState {
  status: ProposalStatus;
  phase: Phase | null;
  moderation: "officials" | "youth_council";
  supportsRequired: number;
  supportCount: number;
  /** Whether this actor already supports the proposal (only asked for "support"). */
  alreadySupported?: boolean;
  /** Whether the author has lodged an appeal for this proposal before. */
  appealUsed: boolean;
  /** Who asked for the changes now pending (decides where a resubmitted proposal goes). */
  changesRequestedBy: "official" | "youth_council" | null;
  finalListPublished: boolean;
  /** The official the proposal is assigned to for verification. */
  reviewerUserId?: string | null;
  /** Whether the formal check has been passed (the merit check may then be recorded). */
  formalPassed?: boolean;
}

export type WorkflowDecision = { ok: true; to: ProposalStatus } | { ok: false; reason: WorkflowRefusal };

const ACTOR_OF: Record<WorkflowAction, "author" | "official" | "reviewer" | "youth" | "resident"> = {
  edit: "author",
  submit: "author",
  withdraw: "author",
  resubmit: "author",
  appeal: "author",
  support: "resident",
  start_verification: "official",
  formal_pass: "reviewer",
  formal_changes: "reviewer",
  formal_reject: "reviewer",
  merit_pass: "reviewer",
  merit_changes: "reviewer",
  merit_reject: "reviewer",
  correct_cost: "reviewer",
  appeal_accept: "official",
  appeal_reject: "official",
  youth_approve: "youth",
  youth_return: "youth",
};

/** Statuses each action starts from. */
const FROM: Record<WorkflowAction, readonly ProposalStatus[]> = {
  edit: ["draft", "needs_changes"],
  submit: ["draft"],
  withdraw: ["draft", "submitted", "in_verification", "needs_changes", "accepted", "appeal_accepted"],
  resubmit: ["needs_changes"],
  appeal: ["rejected"],
  support: ["submitted"],
  start_verification: ["submitted"],
  formal_pass: ["in_verification"],
  formal_changes: ["in_verification"],
  formal_reject: ["in_verification"],
  merit_pass: ["in_verification"],
  merit_changes: ["in_verification"],
  merit_reject: ["in_verification"],
  correct_cost: ["in_verification", "appealed"],
  appeal_accept: ["appealed"],
  appeal_reject: ["appealed"],
  youth_approve: ["submitted"],
  youth_return: ["submitted"],
};

const NEEDS_REASON: ReadonlySet<WorkflowAction> = new Set([
  "formal_changes",
  "formal_reject",
  "merit_changes",
  "merit_reject",
  "correct_cost",
  "youth_return",
  "appeal",
  "appeal_accept",
  "appeal_reject",
]);

const VERIFYING: readonly (Phase | null)[] = ["submission", "verification"];

function phaseRefusal(action: WorkflowAction, s: WorkflowState): WorkflowRefusal | null {
  switch (action) {
    case "submit":
    case "support":
      return s.phase === "submission" ? null : "not_submission_phase";
    case "edit":
      if (s.status === "draft") return s.phase === "submission" ? null : "not_submission_phase";
      return VERIFYING.includes(s.phase) ? null : "not_verification_phase";
    case "resubmit":
    case "start_verification":
    case "formal_pass":
    case "formal_changes":
    case "formal_reject":
    case "merit_pass":
    case "merit_changes":
    case "merit_reject":
    case "youth_approve":
    case "youth_return":
      return VERIFYING.includes(s.phase) ? null : "not_verification_phase";
    case "correct_cost":
      return s.status === "appealed"
        ? s.phase === "appeals" || s.phase === "final_list"
          ? null
          : "not_appeals_phase"
        : VERIFYING.includes(s.phase)
          ? null
          : "not_verification_phase";
    case "appeal":
      return s.phase === "appeals" ? null : "not_appeals_phase";
    case "appeal_accept":
    case "appeal_reject":
      // officials may still decide appeals lodged in time while the final list is being prepared
      return s.phase === "appeals" || s.phase === "final_list" ? null : "not_appeals_phase";
    case "withdraw":
      return null;
  }
}

function target(action: WorkflowAction, s: WorkflowState): ProposalStatus {
  switch (action) {
    case "submit":
      return "submitted";
    case "withdraw":
      return "withdrawn";
    case "resubmit":
      return s.moderation === "youth_council" && s.changesRequestedBy === "youth_council" ? "submitted" : "in_verification";
    case "appeal":
      return "appealed";
    case "start_verification":
    case "youth_approve":
      return "in_verification";
    case "formal_changes":
    case "merit_changes":
    case "youth_return":
      return "needs_changes";
    case "merit_pass":
      return "accepted";
    case "formal_reject":
    case "merit_reject":
      return "rejected";
    case "formal_pass":
      return "in_verification";
    case "appeal_accept":
      return "appeal_accepted";
    case "appeal_reject":
      return "appeal_rejected";
    case "edit":
    case "support":
    case "correct_cost":
      return s.status;
  }
}

/**
 * Whether `actor` may do `action` to a proposal in state `s`. Checks, in order: the frozen final
 * list, who acts, the status, the phase, the justification, and the rule particular to the action.
 */
export function decideTransition(action: WorkflowAction, s: WorkflowState, actor: WorkflowActor, input: { reason?: string | null } = {}): WorkflowDecision {
  const no = (reason: WorkflowRefusal): WorkflowDecision => ({ ok: false, reason });
  if (s.finalListPublished) return no("final_list_frozen");
  if (!actor.signedIn) return no("not_signed_in");

  switch (ACTOR_OF[action]) {
    case "author":
      if (!actor.isAuthor) return no("not_author");
      break;
    case "official":
      if (!actor.isOfficial) return no("not_allowed");
      break;
    case "reviewer":
      if (!actor.isOfficial && !actor.isAdmin) return no("not_allowed");
      break;
    case "youth":
      if (!actor.isYouthModerator) return no("not_allowed");
      if (s.moderation !== "youth_council") return no("not_youth_programme");
      break;
    case "resident":
      if (actor.isAuthor) return no("own_proposal");
      break;
  }

  // an appeal is once only: say so rather than "wrong status" once it has been used
  if (action === "appeal" && (s.appealUsed || s.status === "appealed" || s.status === "appeal_accepted" || s.status === "appeal_rejected")) {
    return no("appeal_already_used");
  }
  if (!FROM[action].includes(s.status)) return no("wrong_status");
  if (action === "start_verification" && s.moderation === "youth_council") return no("youth_council_first");
  if (action === "support" && s.supportsRequired <= 0) return no("support_not_required");

  const phase = phaseRefusal(action, s);
  if (phase) return no(phase);

  // verification decisions belong to the assigned reviewer (an admin may stand in); appeals are the office's
  if (ACTOR_OF[action] === "reviewer" && s.status === "in_verification") {
    if (!s.reviewerUserId) return no("reviewer_not_assigned");
    if (s.reviewerUserId !== actor.userId && !actor.isAdmin) return no("not_assigned_reviewer");
    const merit = action === "correct_cost" || action.startsWith("merit_");
    if (merit && !s.formalPassed) return no("formal_check_first");
    if (action.startsWith("formal_") && s.formalPassed) return no("formal_check_done");
  } else if (ACTOR_OF[action] === "reviewer" && !actor.isOfficial) {
    return no("not_allowed");
  }

  if (NEEDS_REASON.has(action) && !(input.reason && input.reason.trim().length > 0)) return no("reason_required");

  if (action === "support" && s.alreadySupported) return no("already_supported");
  if ((action === "start_verification" || action === "youth_approve") && s.supportCount < s.supportsRequired) return no("not_enough_support");

  return { ok: true, to: target(action, s) };
}
