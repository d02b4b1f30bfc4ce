/**
 * Verification of a proposal in two steps by its assigned reviewer: what the formal and the merit
 * checks cover, whether an outcome fits the criteria ticked, and who may be assigned as reviewer.
 */
import type { ProposalStatus } from "../proposals";

/** Formal check: complete, eligible location/scope, within the pool's caps, supports collected. */
export const FORMAL_CRITERIA = ["complete", "location", "pool_caps", "support"] as const;
/** Merit check: feasible, cost estimate realistic, city-owned land, compliant with plans and law. */
export const MERIT_CRITERIA = ["feasibility", "cost_estimate", "land", "compliance"] as const;
export type Criterion = (typeof FORMAL_CRITERIA)[number] | (typeof MERIT_CRITERIA)[number];
export const STEP_ACTIONS = ["formal_pass", "formal_changes", "formal_reject", "merit_pass", "merit_changes", "merit_reject"] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
export type StepRefusal = "criteria_not_met" | "failed_criterion_required";

export function isStepAction(a: string): a is StepAction {
  return (STEP_ACTIONS as readonly string[]).includes(a);
}

export function criteriaOf(action: StepAction): readonly Criterion[] {
  return action.startsWith("formal_") ? FORMAL_CRITERIA : MERIT_CRITERIA;
}

/**
 * Whether the outcome of a step fits what the official ticked: a pass needs every criterion of the
 * step met; asking for changes or rejecting needs at least one criterion marked as not met.
 * Returns the full record of the step's criteria (to keep with the decision).
 */
export function checkStepOutcome(action: StepAction, met: readonly string[]): { ok: true; checks: Record<string, boolean> } | { ok: false; reason: StepRefusal } {
  const criteria = criteriaOf(action);
  const checks = Object.fromEntries(criteria.map((c) => [c, met.includes(c)]));
  const failed = criteria.filter((c) => !checks[c]);
  if (action.endsWith("_pass")) return failed.length === 0 ? { ok: true, checks } : { ok: false, reason: "criteria_not_met" };
  return failed.length > 0 ? { ok: true, checks } : { ok: false, reason: "failed_criterion_required" };
}

// ---------------------------------------------------------------------------------------------
// Reviewer assignment

/** Statuses whose proposals can still be (re)assigned to a reviewer. */
export const ASSIGNABLE_STATUSES: readonly ProposalStatus[] = ["submitted", "in_verification", "needs_changes", "appealed"];
export type AssignRefusal = "not_allowed" | "final_list_frozen" | "wrong_status" | "assignee_not_official" | "already_assigned";

/** Whether an official (or an admin) may assign the proposal to `assignee` (themself included). */
export function canAssignReviewer(x: {
  actorIsOfficial: boolean;
  actorIsAdmin: boolean;
  assigneeIsOfficial: boolean;
  status: ProposalStatus;
  finalListPublished: boolean;
  currentReviewerId: string | null;
  assigneeId: string;
}): { ok: true; reassignment: boolean } | { ok: false; reason: AssignRefusal } {
  if (!x.actorIsOfficial && !x.actorIsAdmin) return { ok: false, reason: "not_allowed" };
  if (x.finalListPublished) return { ok: false, reason: "final_list_frozen" };
  if (!ASSIGNABLE_STATUSES.includes(x.status)) return { ok: false, reason: "wrong_status" };
  if (!x.assigneeIsOfficial) return { ok: false, reason: "assignee_not_official" };
  if (x.currentReviewerId === x.assigneeId) return { ok: false, reason: "already_assigned" };
  return { ok: true, reassignment: x.currentReviewerId !== null };
}
