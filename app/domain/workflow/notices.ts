/**
 * The confirmation a resident reads after saving the proposal form, worded for the programme: only
 * a proposal that needs supports says others may now support it; a youth proposal goes to the youth
 * council, one needing no supports straight to the officials.
 */
import type { ProposalStatus } from "../proposals";

/** Codes of ?done= after the form: the first three are the proposal pages' own ("done.*"), the rest "ux2.done.*". */
export const SAVE_NOTICES = ["proposal_saved", "proposal_submitted", "proposal_resubmitted", "submitted_council", "submitted_officials", "resubmitted_council"] as const;
export type SaveNotice = (typeof SAVE_NOTICES)[number];
/** The notices worded per programme (shown with the "ux2.done." prefix). */
export const PROGRAMME_NOTICES = ["submitted_council", "submitted_officials", "resubmitted_council"] as const;

export function noticeAfterSave(after: ProposalStatus, before: ProposalStatus | null, p: { moderation: "officials" | "youth_council"; supportsRequired: number }): SaveNotice {
  if (after === "in_verification") return "proposal_resubmitted";
  if (after !== "submitted") return "proposal_saved";
  if (p.moderation === "youth_council") return before === "needs_changes" ? "resubmitted_council" : "submitted_council";
  return p.supportsRequired > 0 ? "proposal_submitted" : "submitted_officials";
}
