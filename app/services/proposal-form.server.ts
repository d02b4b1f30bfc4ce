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
}

export async function loadFormContext(now = new Date()): Promise<FormContext> {
  const edition = await currentEdition(db());
  if (!edition) return { pools: [], phase: null };
  return { pools: await listSubmissionPools(db(), edition.id), phase: currentPhase(edition.phases, now) };
}
