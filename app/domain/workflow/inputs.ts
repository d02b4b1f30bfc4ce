/**
 * The workflow's forms: submission, decisions, cost corrections, reviewer assignment, final-list
 * corrections and appeals. Messages are translation keys; "key?var=value" carries variables.
 */
import { z } from "zod";
import { CATEGORIES } from "../proposals";
import { FORMAL_CRITERIA, MERIT_CRITERIA, STEP_ACTIONS, type Criterion } from "./verification";
import { LIST_CORRECTIONS } from "./corrections";
import { checkCostBreakdown, parseAmount, type CostItem, type PoolLimits } from "./costs";
import { MARKUP, line, optionalLine, publicReason, text } from "./text";
import { idSchema } from "../ids";
import { ContentLangSchema } from "../translations";

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
      contentLang: ContentLangSchema.optional(),
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
      ...(v.contentLang ? { contentLang: v.contentLang } : {}),
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
  reviewerId: idSchema("review.error.reviewer"),
});

/** A correction of a published final list: what, for which proposal, why (public), confirmed. */
export const ListCorrectionInputSchema = z.object({
  kind: z.enum(LIST_CORRECTIONS, { error: "form.error.invalid" }),
  proposalId: idSchema("review.error.proposal"),
  reason: publicReason,
  confirm: z.literal("on", { error: "proposal.error.confirm" }),
});

export const AppealInputSchema = z.object({
  justification: text(20, 4000),
});
