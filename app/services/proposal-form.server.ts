/**
 * The submission form's server side, shared by /proposals/new and /proposals/:id/edit: the pools
 * open for submission, parsing with the same zod schema the page uses, "add a row" without
 * JavaScript, and saving through saveProposal.
 */
import { parseForm } from "~/http/form";
import { data, redirect } from "@remix-run/node";
import type { CurrentUser } from "~/auth/session.server";
import { getCurrentEdition } from "~/data/editions.server";
import { listSubmissionPools, type SubmissionPool } from "~/data/pools.server";
import { db } from "~/db.server";
import { currentPhase } from "~/domain/phases";
import { DEFAULT_COST_ROWS, MAX_COST_ROWS, proposalInputSchema } from "~/domain/workflow/inputs";
import { saveProposal } from "./proposals.server";

export interface FormContext {
  pools: SubmissionPool[];
  phase: string | null;
}

export async function loadFormContext(now = new Date()): Promise<FormContext> {
  const edition = await getCurrentEdition(db());
  if (!edition) return { pools: [], phase: null };
  return { pools: await listSubmissionPools(db(), edition.id), phase: currentPhase(edition.phases, now) };
}

export type FormValues = Record<string, string>;

export interface FormReply {
  values: FormValues;
  errors: Record<string, string[]>;
  rows: number;
}

/** Rows to show: what was filled plus one when asked, at least the default, at most the maximum. */
export function rowsFor(values: FormValues, addOne: boolean): number {
  let filled = 0;
  for (const k of Object.keys(values)) {
    const m = /^costItems\[(\d+)\]/.exec(k);
    if (m) filled = Math.max(filled, Number(m[1]) + 1);
  }
  return Math.min(MAX_COST_ROWS, Math.max(DEFAULT_COST_ROWS, filled + (addOne ? 1 : 0)));
}

export async function handleProposalForm(request: Request, user: CurrentUser, proposalId: string | null) {
  const form = await request.formData();
  const values: FormValues = {};
  for (const [k, v] of form) if (typeof v === "string" && k.length < 40) values[k] = v.slice(0, 10_000);
  const { pools } = await loadFormContext();
  const schema = proposalInputSchema(pools);
  if (values.intent === "add_row") {
    return data<FormReply>({ values, errors: {}, rows: rowsFor(values, true) });
  }
  const submission = parseForm(form, schema);
  if (submission.status !== "success") {
    return data<FormReply>({ values, errors: (submission.error ?? {}) as Record<string, string[]>, rows: rowsFor(values, false) }, { status: 400 });
  }
  const result = await saveProposal(db(), user, submission.value, proposalId);
  if (!result.ok) {
    const status = result.reason === "not_author" || result.reason === "not_found" ? 403 : 400;
    return data<FormReply>({ values, errors: { "": [`workflow.error.${result.reason}`] }, rows: rowsFor(values, false) }, { status });
  }
  const done = result.status === "draft" ? "proposal_saved" : result.status === "submitted" && submission.value.intent === "submit" && proposalId === null ? "proposal_submitted" : result.status === "submitted" ? "proposal_submitted" : result.status === "in_verification" ? "proposal_resubmitted" : "proposal_saved";
  return redirect(result.status === "draft" ? `/account/proposals?done=${done}` : `/proposals/${result.id}?done=${done}`);
}
