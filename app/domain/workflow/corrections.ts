/**
 * The final list: publishing it (which freezes the workflow) and the recorded corrections allowed
 * after publication until voting starts.
 */
import type { ProposalStatus } from "../proposals";
import type { Phase } from "../rules";

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
