/**
 * One proposal as the workflow rules see it, and the writes that move it: status (optimistic,
 * only from the status the caller saw) and reviewer.
 */
import type { Db } from "../../db/client";
import { ProposalStatusSchema, type ProposalStatus } from "~/domain/proposals";
import type { PoolKind } from "~/domain/rules";
import type { ProgrammeKind } from "~/domain/permissions";
import type { CostItem } from "~/domain/workflow/costs";

/** Everything the workflow rules need about one proposal (any status: callers decide who sees it). */
export interface WorkflowProposal {
  id: string;
  number: string;
  title: string;
  summary: string;
  /** 2026-12-03T08-40: the language the text is written in. */
  contentLang: "pl" | "uk" | "en";
  description: string;
  category: string;
  location: string;
  beneficiaries: string;
  lat: number | null;
  lng: number | null;
  status: ProposalStatus;
  costGrosze: number;
  authorUserId: string | null;
  authorEmail: string | null;
  authorName: string | null;
  authorLocale: string;
  channel: string;
  guardianName: string | null;
  supportCount: number;
  changesRequestedBy: "official" | "youth_council" | null;
  editionId: string;
  editionYear: number;
  poolId: string;
  poolKind: PoolKind;
  poolBudgetGrosze: number;
  poolMaxProjectCostGrosze: number | null;
  districtName: string | null;
  programmeKind: ProgrammeKind;
  moderation: "officials" | "youth_council";
  supportsRequired: number;
  finalListPublished: boolean;
  appealUsed: boolean;
  costItems: CostItem[];
  /** The official assigned to verify it, if any. */
  reviewerUserId: string | null;
  reviewerName: string | null;
  /** Whether a formal check has been passed (the merit check may follow). */
  formalPassed: boolean;
}

export async function getWorkflowProposal(db: Db, id: string): Promise<WorkflowProposal | null> {
  const r = await db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("editions as e", "e.id", "p.edition_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .leftJoin("users as u", "u.id", "p.author_user_id")
    .leftJoin("final_lists as fl", "fl.pool_id", "po.id")
    .leftJoin("proposal_appeals as ap", "ap.proposal_id", "p.id")
    .leftJoin("users as rv", "rv.id", "p.reviewer_user_id")
    .select([
      "p.id",
      "p.number",
      "p.title",
      "p.summary",
      "p.content_lang",
      "p.description",
      "p.category",
      "p.location",
      "p.beneficiaries",
      "p.lat",
      "p.lng",
      "p.status",
      "p.cost_grosze",
      "p.author_user_id",
      "u.email as author_email",
      "u.display_name as author_name",
      "u.locale as author_locale",
      "p.channel",
      "p.guardian_name",
      "p.support_count",
      "p.changes_requested_by",
      "e.id as edition_id",
      "e.year",
      "po.id as pool_id",
      "po.kind as pool_kind",
      "po.budget_grosze",
      "po.max_project_cost_grosze",
      "d.name as district_name",
      "pr.kind as programme_kind",
      "pr.moderation",
      // a pool's own threshold overrides its programme's (2026-12-03T01-10)
      (eb) => eb.fn.coalesce("po.supports_required", "pr.supports_required").as("supports_required"),
      "fl.published_at",
      "ap.id as appeal_id",
      "p.reviewer_user_id",
      "rv.display_name as reviewer_name",
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  const status = ProposalStatusSchema.safeParse(r.status);
  if (!status.success) return null;
  const items = await db.selectFrom("proposal_cost_items").select(["label", "amount_grosze"]).where("proposal_id", "=", id).orderBy("position").execute();
  const formal = await db.selectFrom("proposal_decisions").select("id").where("proposal_id", "=", id).where("action", "=", "formal_pass").executeTakeFirst();
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    summary: r.summary,
    contentLang: r.content_lang,
    description: r.description,
    category: r.category,
    location: r.location,
    beneficiaries: r.beneficiaries,
    lat: r.lat,
    lng: r.lng,
    status: status.data,
    costGrosze: Number(r.cost_grosze),
    authorUserId: r.author_user_id,
    authorEmail: r.author_email ?? null,
    authorName: r.author_name ?? null,
    authorLocale: r.author_locale ?? "pl",
    channel: r.channel,
    guardianName: r.guardian_name,
    supportCount: r.support_count,
    changesRequestedBy: r.changes_requested_by,
    editionId: r.edition_id,
    editionYear: r.year,
    poolId: r.pool_id,
    poolKind: r.pool_kind,
    poolBudgetGrosze: Number(r.budget_grosze),
    poolMaxProjectCostGrosze: r.max_project_cost_grosze === null ? null : Number(r.max_project_cost_grosze),
    districtName: r.district_name ?? null,
    programmeKind: r.programme_kind,
    moderation: r.moderation,
    supportsRequired: r.supports_required,
    finalListPublished: r.published_at !== null && r.published_at !== undefined,
    appealUsed: r.appeal_id !== null && r.appeal_id !== undefined,
    costItems: items.map((i) => ({ label: i.label, amountGrosze: Number(i.amount_grosze) })),
    reviewerUserId: r.reviewer_user_id ?? null,
    reviewerName: r.reviewer_name ?? null,
    formalPassed: formal !== undefined,
  };
}

/** Sets (or clears) the reviewer; only if the reviewer is still the one the caller saw. */
export async function updateReviewer(db: Db, id: string, from: string | null, to: string | null, at: Date): Promise<boolean> {
  const res = await db
    .updateTable("proposals")
    .set({ reviewer_user_id: to, updated_at: at.toISOString() })
    .where("id", "=", id)
    .where((eb) => (from === null ? eb("reviewer_user_id", "is", null) : eb("reviewer_user_id", "=", from)))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateProposalStatus(
  db: Db,
  id: string,
  from: ProposalStatus,
  to: ProposalStatus,
  at: Date,
  extra: { changesRequestedBy?: "official" | "youth_council" | null; reviewerUserId?: string; submitted?: boolean } = {},
): Promise<boolean> {
  const res = await db
    .updateTable("proposals")
    .set({
      status: to,
      updated_at: at.toISOString(),
      ...(extra.changesRequestedBy !== undefined ? { changes_requested_by: extra.changesRequestedBy } : {}),
      ...(extra.reviewerUserId ? { reviewer_user_id: extra.reviewerUserId } : {}),
      ...(extra.submitted ? { submitted_at: at.toISOString() } : {}),
    })
    .where("id", "=", id)
    // optimistic: only if nobody moved it meanwhile
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
