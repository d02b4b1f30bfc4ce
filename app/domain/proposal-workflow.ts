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
import { z } from "zod";
import { CATEGORIES, type ProposalStatus } from "./proposals";
import type { Phase } from "./rules";

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

// ---------------------------------------------------------------------------------------------
// Verification in two steps: what each step checks, and whether an outcome fits the ticks

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

// ---------------------------------------------------------------------------------------------
// Corrections after the final list is published (and before voting starts)

export const LIST_CORRECTIONS = ["list_remove", "list_restore", "list_cost"] as const;
export type ListCorrection = (typeof LIST_CORRECTIONS)[number];
/** Statuses a correction may put back on the ballot (a rejection found to be wrong). */
export const RESTORABLE_STATUSES: readonly ProposalStatus[] = ["rejected", "appeal_rejected"];
export type ListCorrectionRefusal = "not_allowed" | "final_list_not_published" | "voting_started" | "not_final_list_phase" | "not_on_ballot" | "already_on_ballot" | "not_restorable" | "reason_required";
const VOTING_OR_LATER: readonly (Phase | null)[] = ["voting", "counting", "results"];

/**
 * Whether an official may record `kind` on a published final list: only while the final-list phase
 * lasts (never once voting has started), with a public reason; remove and cost corrections apply
 * to proposals on the ballot, restore to rejected ones. Returns the status the proposal gets.
 */
export function decideListCorrection(
  kind: ListCorrection,
  x: { isOfficial: boolean; phase: Phase | null; finalListPublished: boolean; status: ProposalStatus; reason: string | null | undefined },
): { ok: true; to: ProposalStatus } | { ok: false; reason: ListCorrectionRefusal } {
  const no = (reason: ListCorrectionRefusal) => ({ ok: false as const, reason });
  if (!x.isOfficial) return no("not_allowed");
  if (!x.finalListPublished) return no("final_list_not_published");
  if (VOTING_OR_LATER.includes(x.phase)) return no("voting_started");
  if (x.phase !== "final_list") return no("not_final_list_phase");
  const onBallot = ON_BALLOT_STATUSES.includes(x.status);
  if (kind === "list_restore") {
    if (onBallot) return no("already_on_ballot");
    if (!RESTORABLE_STATUSES.includes(x.status)) return no("not_restorable");
  } else if (!onBallot) return no("not_on_ballot");
  if (!(x.reason && x.reason.trim().length > 0)) return no("reason_required");
  return { ok: true, to: kind === "list_remove" ? "rejected" : kind === "list_restore" ? "accepted" : x.status };
}

/** Statuses that put a proposal on the ballot once the final list is published. */
export const ON_BALLOT_STATUSES: readonly ProposalStatus[] = ["accepted", "appeal_accepted"];
/** Statuses still waiting for someone's decision: the final list cannot be published while any remain. */
export const PENDING_STATUSES: readonly ProposalStatus[] = ["submitted", "in_verification", "needs_changes", "appealed"];

export type FinalListRefusal = "not_allowed" | "not_final_list_phase" | "final_list_frozen" | "proposals_pending";

/** Whether an official may publish (and so freeze) the final list of a programme's pools. */
export function canPublishFinalList(x: { isOfficial: boolean; phase: Phase | null; alreadyPublished: boolean; pendingCount: number }): { ok: true } | { ok: false; reason: FinalListRefusal } {
  if (!x.isOfficial) return { ok: false, reason: "not_allowed" };
  if (x.alreadyPublished) return { ok: false, reason: "final_list_frozen" };
  if (x.phase !== "final_list") return { ok: false, reason: "not_final_list_phase" };
  if (x.pendingCount > 0) return { ok: false, reason: "proposals_pending" };
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Cost breakdown

export interface CostItem {
  label: string;
  amountGrosze: number;
}

export interface PoolLimits {
  budgetGrosze: number;
  maxProjectCostGrosze: number | null;
}

export type CostRefusal = "cost_items_required" | "cost_zero" | "cost_over_cap" | "cost_over_pool";

export function costTotal(items: readonly CostItem[]): number {
  return items.reduce((s, i) => s + i.amountGrosze, 0);
}

/** The total of the breakdown, or why it cannot be accepted for the pool. */
export function checkCostBreakdown(items: readonly CostItem[], pool: PoolLimits): { ok: true; totalGrosze: number } | { ok: false; reason: CostRefusal; totalGrosze: number; limitGrosze: number } {
  const totalGrosze = costTotal(items);
  if (items.length === 0) return { ok: false, reason: "cost_items_required", totalGrosze, limitGrosze: 0 };
  if (totalGrosze <= 0) return { ok: false, reason: "cost_zero", totalGrosze, limitGrosze: 0 };
  if (pool.maxProjectCostGrosze !== null && totalGrosze > pool.maxProjectCostGrosze) {
    return { ok: false, reason: "cost_over_cap", totalGrosze, limitGrosze: pool.maxProjectCostGrosze };
  }
  if (totalGrosze > pool.budgetGrosze) return { ok: false, reason: "cost_over_pool", totalGrosze, limitGrosze: pool.budgetGrosze };
  return { ok: true, totalGrosze };
}

/** "1 234,56", "1234.5", "20000" → grosze; null for anything else (letters, signs, 3 decimals). */
export function parseAmount(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, "").replace(/zł$/i, "");
  const m = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const grosze = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  return Number.isSafeInteger(grosze) ? grosze : null;
}

/** The amount as the form shows it back: "1234,56" / "1234". */
export function amountText(grosze: number): string {
  const zl = Math.floor(grosze / 100);
  const gr = grosze % 100;
  return gr === 0 ? String(zl) : `${zl},${String(gr).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// Forms. Messages are translation keys; "key?var=value" carries variables.

const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\p{Cf}]/u;
/** Anything that looks like HTML markup: text stays plain, links are made safe on display. */
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|<\s*script|javascript:/i;

const line = (min: number, max: number) =>
  z
    .string({ error: "form.error.required" })
    .trim()
    .min(min, { error: min <= 1 ? "form.error.required" : `proposal.error.too_short?min=${min}` })
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !INVISIBLE.test(v), { error: "proposal.error.chars" })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

const text = (min: number, max: number) =>
  z
    .string({ error: "form.error.required" })
    .trim()
    .min(min, { error: min <= 1 ? "form.error.required" : `proposal.error.too_short?min=${min}` })
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !CONTROL_EXCEPT_NEWLINES.test(v), { error: "proposal.error.chars" })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

const optionalLine = (max: number) =>
  z
    .string({ error: "form.error.invalid" })
    .trim()
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !INVISIBLE.test(v) && !MARKUP.test(v), { error: "proposal.error.markup" })
    .optional();

export const MAX_COST_ROWS = 30;
/** Rows offered when the page has no JavaScript (and the minimum shown). */
export const DEFAULT_COST_ROWS = 8;

const CostRowSchema = z
  .object({ label: optionalLine(200), amount: z.string({ error: "proposal.error.amount" }).trim().max(30, { error: "proposal.error.amount" }).optional() }, { error: "form.error.invalid" })
  .superRefine((row, ctx) => {
    const hasLabel = !!row.label;
    const hasAmount = !!row.amount;
    if (hasLabel && !hasAmount) ctx.addIssue({ code: "custom", path: ["amount"], message: "proposal.error.amount_required" });
    if (!hasLabel && hasAmount) ctx.addIssue({ code: "custom", path: ["label"], message: "proposal.error.label_required" });
    if (hasAmount && parseAmount(row.amount!) === null) ctx.addIssue({ code: "custom", path: ["amount"], message: "proposal.error.amount" });
  });

const coordinate = (min: number, max: number) =>
  z
    .string({ error: "proposal.error.coordinate" })
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,7})?$/, { error: "proposal.error.coordinate" })
    .transform(Number)
    .refine((v) => v >= min && v <= max, { error: "proposal.error.coordinate_gdynia" })
    .optional();

export interface PoolChoice extends PoolLimits {
  id: string;
}

/**
 * The submission form (draft, submit and "add a row" share it). `pools` are the pools open for
 * submission; the page and the server build the same schema from the same list, so the cost is
 * checked against the chosen pool's cap on both sides (the server decides).
 */
export function proposalInputSchema(pools: readonly PoolChoice[]) {
  return z
    .object({
      intent: z.enum(["draft", "submit", "add_row"], { error: "form.error.invalid" }).default("draft"),
      title: line(5, 120),
      summary: line(10, 300),
      description: text(30, 8000),
      poolId: z.string({ error: "proposal.error.pool" }).refine((id) => pools.some((p) => p.id === id), { error: "proposal.error.pool" }),
      category: z.enum(CATEGORIES, { error: "proposal.error.category" }),
      location: line(3, 300),
      lat: coordinate(54.4, 54.6),
      lng: coordinate(18.35, 18.6),
      beneficiaries: text(3, 1000),
      costItems: z.array(CostRowSchema.optional(), { error: "form.error.invalid" }).max(MAX_COST_ROWS, { error: "proposal.error.too_many_rows" }).optional(),
      minor: z.literal("on", { error: "form.error.invalid" }).optional(),
      guardianName: optionalLine(120),
      guardianConsent: z.literal("on", { error: "proposal.error.guardian_consent" }).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.minor) {
        if (!v.guardianName || v.guardianName.length < 3) ctx.addIssue({ code: "custom", path: ["guardianName"], message: "proposal.error.guardian_name" });
        if (!v.guardianConsent) ctx.addIssue({ code: "custom", path: ["guardianConsent"], message: "proposal.error.guardian_consent" });
      }
      if ((v.lat === undefined) !== (v.lng === undefined)) ctx.addIssue({ code: "custom", path: ["lng"], message: "proposal.error.coordinate_pair" });
      const pool = pools.find((p) => p.id === v.poolId);
      const items = costItemsOf(v.costItems);
      if (!pool || items === null) return;
      const check = checkCostBreakdown(items, pool);
      if (!check.ok) {
        ctx.addIssue({ code: "custom", path: ["costItems"], message: `proposal.error.${check.reason}?total=${check.totalGrosze}&limit=${check.limitGrosze}` });
      }
    })
    .transform((v) => ({
      intent: v.intent,
      title: v.title,
      summary: v.summary,
      description: v.description,
      poolId: v.poolId,
      category: v.category,
      location: v.location,
      lat: v.lat ?? null,
      lng: v.lng ?? null,
      beneficiaries: v.beneficiaries,
      costItems: costItemsOf(v.costItems) ?? [],
      guardianName: v.minor ? (v.guardianName ?? null) : null,
      guardianConsent: !!(v.minor && v.guardianConsent),
    }));
}
export type ProposalInput = z.output<ReturnType<typeof proposalInputSchema>>;

/** The filled rows of the breakdown as items, or null when a row is invalid. */
function costItemsOf(rows: readonly ({ label?: string; amount?: string } | undefined)[] | undefined): CostItem[] | null {
  const out: CostItem[] = [];
  for (const r of rows ?? []) {
    if (!r || (!r.label && !r.amount)) continue;
    const g = r.amount ? parseAmount(r.amount) : null;
    if (!r.label || g === null) return null;
    out.push({ label: r.label, amountGrosze: g });
  }
  return out;
}

const ticked = z.literal("on", { error: "form.error.invalid" }).optional();
/** A decision of an official or the youth council: the action, the criteria ticked as met (formal and merit steps) and, where required, its public reason. */
export const DecisionInputSchema = z.object({
  intent: z.enum(["start_verification", ...STEP_ACTIONS, "youth_approve", "youth_return", "appeal_accept", "appeal_reject"], { error: "form.error.invalid" }),
  checks: z
    .object(Object.fromEntries([...FORMAL_CRITERIA, ...MERIT_CRITERIA].map((c) => [c, ticked])) as Record<Criterion, typeof ticked>, { error: "form.error.invalid" })
    .partial()
    .optional(),
  reason: z
    .string({ error: "form.error.invalid" })
    .trim()
    .max(2000, { error: "proposal.error.too_long?max=2000" })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" })
    .optional(),
  /** Irreversible acts (reject, appeal decisions) are confirmed with a tick. */
  confirm: z.literal("on", { error: "proposal.error.confirm" }).optional(),
});

const publicReason = z
  .string({ error: "workflow.error.reason_required" })
  .trim()
  .min(1, { error: "workflow.error.reason_required" })
  .max(2000, { error: "proposal.error.too_long?max=2000" })
  .refine((v) => !CONTROL_EXCEPT_NEWLINES.test(v), { error: "proposal.error.chars" })
  .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

/** The official's cost correction: the same rows as the submission form, checked against the pool, with a public reason. */
export function costCorrectionInputSchema(pool: PoolLimits) {
  return z
    .object({
      costItems: z.array(CostRowSchema.optional(), { error: "form.error.invalid" }).max(MAX_COST_ROWS, { error: "proposal.error.too_many_rows" }).optional(),
      reason: publicReason,
    })
    .superRefine((v, ctx) => {
      const items = costItemsOf(v.costItems);
      if (items === null) return;
      const check = checkCostBreakdown(items, pool);
      if (!check.ok) ctx.addIssue({ code: "custom", path: ["costItems"], message: `proposal.error.${check.reason}?total=${check.totalGrosze}&limit=${check.limitGrosze}` });
    })
    .transform((v) => ({ costItems: costItemsOf(v.costItems) ?? [], reason: v.reason }));
}

/** Assigning a reviewer: the official's user id (the "assign to me" button sends the official's own). */
export const AssignInputSchema = z.object({
  reviewerId: z.string({ error: "review.error.reviewer" }).regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "review.error.reviewer" }),
});

/** A correction of a published final list: what, for which proposal, why (public), confirmed. */
export const ListCorrectionInputSchema = z.object({
  kind: z.enum(LIST_CORRECTIONS, { error: "form.error.invalid" }),
  proposalId: z.string({ error: "review.error.proposal" }).regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "review.error.proposal" }),
  reason: publicReason,
  confirm: z.literal("on", { error: "proposal.error.confirm" }),
});

export const AppealInputSchema = z.object({
  justification: text(20, 4000),
});

export const COMMENT_MAX = 2000;

export const CommentInputSchema = z.object({
  body: text(2, COMMENT_MAX),
  parentId: z
    .string({ error: "workflow.error.parent_missing" })
    .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "workflow.error.parent_missing" })
    .optional(),
  notifyReplies: z.literal("on", { error: "form.error.invalid" }).optional(),
});

export const FLAG_REASONS = ["spam", "offensive", "personal_data", "off_topic", "other"] as const;
export const FlagInputSchema = z.object({
  commentId: z.string({ error: "form.error.invalid" }).regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "form.error.invalid" }),
  reason: z.enum(FLAG_REASONS, { error: "proposal.error.flag_reason" }),
});

export const HideCommentInputSchema = z.object({
  commentId: z.string({ error: "form.error.invalid" }).regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "form.error.invalid" }),
  intent: z.enum(["hide", "dismiss"], { error: "form.error.invalid" }),
  reason: z
    .string({ error: "form.error.invalid" })
    .trim()
    .max(500, { error: "proposal.error.too_long?max=500" })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" })
    .optional(),
});

export type CommentRefusal = "not_signed_in" | "parent_missing" | "reply_depth" | "comments_closed" | "already_flagged" | "own_comment" | "not_allowed" | "reason_required" | "already_hidden";

/** Whether a reply may go under `parent`: one level of replies only. */
export function checkReply(parent: { parentId: string | null; proposalId: string } | null, proposalId: string): { ok: true } | { ok: false; reason: CommentRefusal } {
  if (!parent || parent.proposalId !== proposalId) return { ok: false, reason: "parent_missing" };
  if (parent.parentId !== null) return { ok: false, reason: "reply_depth" };
  return { ok: true };
}

/** Who moderates the comments of a programme: the youth council for its programme, officials elsewhere. */
export function mayModerateComments(x: { moderation: "officials" | "youth_council"; isOfficial: boolean; isYouthModerator: boolean }): boolean {
  return x.moderation === "youth_council" ? x.isYouthModerator : x.isOfficial;
}

/** Splits plain text into text and http(s) links, for display without any HTML from the author. */
export function linkify(s: string): ({ kind: "text"; text: string } | { kind: "link"; href: string; text: string })[] {
  const out: ({ kind: "text"; text: string } | { kind: "link"; href: string; text: string })[] = [];
  const re = /\bhttps?:\/\/[^\s<>"']+/gi;
  let last = 0;
  for (const m of s.matchAll(re)) {
    let url = m[0];
    // trailing punctuation belongs to the sentence, not the link
    const trail = /[.,;:!?)]+$/.exec(url)?.[0] ?? "";
    url = url.slice(0, url.length - trail.length);
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: "text", text: s.slice(last, at) });
    out.push({ kind: "link", href: url, text: url });
    last = at + url.length;
  }
  if (last < s.length) out.push({ kind: "text", text: s.slice(last) });
  return out;
}
