/**
 * What the submission form offers (/proposals/new, /proposals/:id/edit, the officials' paper form):
 * the pools open for submission in the current edition and its phase. The form's request handling
 * is in app/http/proposal-form.server.ts.
 */
import { currentEdition } from "./current-edition.server";
import { listSubmissionPools, type SubmissionPool } from "~/data/pools.server";
import { db } from "~/db.server";
import { currentPhase } from "~/domain/phases";

export interface FormContext {
  pools: SubmissionPool[];
  phase: string | null;
  /** The submission window of the current edition, so a closed form can say when it opens. */
  submission: { startsAt: string; endsAt: string; state: "upcoming" | "open" | "ended" } | null;
}

export async function loadFormContext(now = new Date()): Promise<FormContext> {
  const edition = await currentEdition(db());
  if (!edition) return { pools: [], phase: null, submission: null };
  const w = edition.phases.find((p) => p.phase === "submission");
  const state = !w ? null : now.getTime() < Date.parse(w.startsAt) ? "upcoming" : now.getTime() >= Date.parse(w.endsAt) ? "ended" : "open";
  return {
    pools: await listSubmissionPools(db(), edition.id),
    phase: currentPhase(edition.phases, now),
    submission: w && state ? { startsAt: w.startsAt, endsAt: w.endsAt, state } : null,
  };
}
