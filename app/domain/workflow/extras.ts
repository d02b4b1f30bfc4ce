/**
 * Photos, files and co-authors ("extras") may change longer than the text: while the text may be
 * edited (a draft, changes asked for), and also after "Zgłoś projekt" until verification starts —
 * a submitted proposal still gathering supports, in the submission or verification phase. Once an
 * official (or the youth council) starts verification, or the final list is out, they are fixed.
 */
import type { Phase } from "../rules";
import type { ProposalStatus } from "../proposals";
import { decideTransition, type WorkflowRefusal, type WorkflowState } from "./transitions";

export type ExtrasDecision = { ok: true } | { ok: false; reason: WorkflowRefusal };

const EXTRAS_PHASES: readonly (Phase | null)[] = ["submission", "verification"];

/** Whether the author (or an accepted co-author) may add or remove attachments and invite co-authors now. */
export function decideExtrasChange(s: WorkflowState, actor: { isAuthor: boolean }): ExtrasDecision {
  if (s.finalListPublished) return { ok: false, reason: "final_list_frozen" };
  if (!actor.isAuthor) return { ok: false, reason: "not_author" };
  if (s.status === ("submitted" satisfies ProposalStatus)) {
    return EXTRAS_PHASES.includes(s.phase) ? { ok: true } : { ok: false, reason: "not_verification_phase" };
  }
  const edit = decideTransition("edit", s, { signedIn: true, isAuthor: true, isOfficial: false, isYouthModerator: false });
  return edit.ok ? { ok: true } : edit;
}
