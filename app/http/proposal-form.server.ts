/**
 * The submission form's request handling, shared by /proposals/new and /proposals/:id/edit:
 * parsing with the same zod schema the page uses (pools from loadFormContext), "add a row" without
 * JavaScript, saving through saveProposal (the author) or saveAsCoauthor (an accepted co-author),
 * and the 400 that keeps what was typed.
 */
import { data, redirect } from "@remix-run/node";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/db.server";
import type { Actor } from "~/domain/permissions";
import { DEFAULT_COST_ROWS, MAX_COST_ROWS, proposalInputSchema } from "~/domain/workflow/inputs";
import { parseForm } from "~/http/form";
import { saveAsCoauthor } from "~/services/coauthors.server";
import { loadFormContext } from "~/services/proposal-form.server";
import { saveProposal } from "~/services/proposals.server";
import { refusalStatus } from "~/http/refusal";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { ProposalStatusSchema, type ProposalStatus } from "~/domain/proposals";
import { noticeAfterSave, type SaveNotice } from "~/domain/workflow/notices";

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

/** The confirmation after a save, worded for the proposal's programme (noticeAfterSave). */
async function doneAfterSave(id: string, status: string, before: ProposalStatus | null): Promise<SaveNotice> {
  const parsed = ProposalStatusSchema.safeParse(status);
  if (!parsed.success) return "proposal_saved";
  const p = await getWorkflowProposal(db(), id);
  return p ? noticeAfterSave(parsed.data, before, p) : "proposal_saved";
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
  const before = proposalId ? await getWorkflowProposal(db(), proposalId) : null;
  const result = await saveProposal(db(), user, submission.value, proposalId);
  if (!result.ok) {
    const status = refusalStatus(result.reason);
    return data<FormReply>({ values, errors: { "": [`workflow.error.${result.reason}`] }, rows: rowsFor(values, false) }, { status });
  }
  const done = await doneAfterSave(result.id, result.status, before?.status ?? null);
  return redirect(result.status === "draft" ? `/account/proposals?done=${done}` : `/proposals/${result.id}?done=${done}`);
}

/** The edit form posted by a co-author: same schema and "add a row" as the author's form. */
export async function handleCoauthorForm(request: Request, user: Actor, proposalId: string) {
  const form = await request.formData();
  const values: FormValues = {};
  for (const [k, v] of form) if (typeof v === "string" && k.length < 40) values[k] = v.slice(0, 10_000);
  if (values.intent === "add_row") return data<FormReply>({ values, errors: {}, rows: rowsFor(values, true) });
  const { pools } = await loadFormContext();
  const submission = parseForm(form, proposalInputSchema(pools));
  if (submission.status !== "success") {
    return data<FormReply>({ values, errors: (submission.error ?? {}) as Record<string, string[]>, rows: rowsFor(values, false) }, { status: 400 });
  }
  const before = await getWorkflowProposal(db(), proposalId);
  const r = await saveAsCoauthor(db(), user, submission.value, proposalId);
  if (!r.ok) {
    return data<FormReply>({ values, errors: { "": [`workflow.error.${r.reason}`] }, rows: rowsFor(values, false) }, { status: refusalStatus(r.reason) });
  }
  const done = await doneAfterSave(r.id, r.status, before?.status ?? null);
  return redirect(r.status === "draft" ? `/proposals/${r.id}/edit?done=${done}` : `/proposals/${r.id}?done=${done}`);
}
