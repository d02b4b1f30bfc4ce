/**
 * Queries for the proposal workflow: drafts and their versions, supports, decisions, appeals,
 * verification queues and final lists. Ownership and visibility live in the `where`.
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import { ProposalStatusSchema, searchText, type ProposalStatus } from "~/domain/proposals";
import type { PoolKind } from "~/domain/rules";
import type { CostItem } from "~/domain/workflow/costs";

type ProgrammeKind = "bo" | "youth" | "children";

export interface SubmissionPool {
  id: string;
  kind: PoolKind;
  programmeKind: ProgrammeKind;
  districtName: string | null;
  budgetGrosze: number;
  maxProjectCostGrosze: number | null;
}

/** Every pool of an edition a proposal can be submitted to, in display order. */
export async function listSubmissionPools(db: Db, editionId: string): Promise<SubmissionPool[]> {
  const rows = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .select(["po.id", "po.kind", "pr.kind as programme_kind", "d.name as district_name", "po.budget_grosze", "po.max_project_cost_grosze"])
    .where("pr.edition_id", "=", editionId)
    .orderBy("pr.position")
    .orderBy("po.position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    programmeKind: r.programme_kind,
    districtName: r.district_name ?? null,
    budgetGrosze: Number(r.budget_grosze),
    maxProjectCostGrosze: r.max_project_cost_grosze === null ? null : Number(r.max_project_cost_grosze),
  }));
}

/** Everything the workflow rules need about one proposal (any status: callers decide who sees it). */
export interface WorkflowProposal {
  id: string;
  number: string;
  title: string;
  summary: string;
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
      "pr.supports_required",
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

export interface OfficialUser {
  id: string;
  name: string;
}

/** People who may verify proposals of a programme (official for every programme or this one). */
export async function listOfficials(db: Db, programme: ProgrammeKind): Promise<OfficialUser[]> {
  const rows = await db
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.id", "u.display_name", "u.email"])
    .where("r.role", "=", "official")
    .where("r.scope", "in", ["*", programme])
    .where("u.deleted_at", "is", null)
    .distinct()
    .orderBy("u.display_name")
    .orderBy("u.id")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name ?? r.email ?? r.id }));
}

export interface ProposalText {
  title: string;
  summary: string;
  description: string;
  category: string;
  location: string;
  beneficiaries: string;
  lat: number | null;
  lng: number | null;
  poolId: string;
  costItems: CostItem[];
  guardianName: string | null;
  guardianConsent: boolean;
}

const total = (items: readonly CostItem[]) => items.reduce((s, i) => s + i.amountGrosze, 0);

export async function insertProposal(
  db: Db,
  p: ProposalText & {
    id: string;
    editionId: string;
    number: string;
    /** Null for a proposal an official typed in from paper (no author account). */
    authorUserId: string | null;
    status: ProposalStatus;
    channel: "online" | "paper" | "in_person";
    enteredBy: string | null;
    /** Supports counted before the proposal is stored (signatures checked on a paper list). */
    supportCount?: number;
  },
  at: Date,
): Promise<void> {
  await db
    .insertInto("proposals")
    .values({
      id: p.id,
      edition_id: p.editionId,
      pool_id: p.poolId,
      number: p.number,
      title: p.title,
      summary: p.summary,
      description: p.description,
      category: p.category,
      location: p.location,
      beneficiaries: p.beneficiaries,
      cost_grosze: total(p.costItems),
      status: p.status,
      search_text: searchText(p.title, p.summary, p.location),
      created_at: at.toISOString(),
      updated_at: at.toISOString(),
      author_user_id: p.authorUserId,
      channel: p.channel,
      entered_by_user_id: p.enteredBy,
      guardian_name: p.guardianName,
      guardian_consent: p.guardianConsent ? 1 : 0,
      lat: p.lat,
      lng: p.lng,
      support_count: p.supportCount ?? 0,
      submitted_at: p.status === "submitted" ? at.toISOString() : null,
    })
    .execute();
  await replaceCostItems(db, p.id, p.costItems);
}

export async function updateProposalText(db: Db, id: string, p: ProposalText, at: Date): Promise<void> {
  await db
    .updateTable("proposals")
    .set({
      pool_id: p.poolId,
      title: p.title,
      summary: p.summary,
      description: p.description,
      category: p.category,
      location: p.location,
      beneficiaries: p.beneficiaries,
      cost_grosze: total(p.costItems),
      search_text: searchText(p.title, p.summary, p.location),
      guardian_name: p.guardianName,
      guardian_consent: p.guardianConsent ? 1 : 0,
      lat: p.lat,
      lng: p.lng,
      updated_at: at.toISOString(),
    })
    .where("id", "=", id)
    .execute();
  await replaceCostItems(db, id, p.costItems);
}

export async function replaceCostItems(db: Db, proposalId: string, items: readonly CostItem[]): Promise<void> {
  await db.deleteFrom("proposal_cost_items").where("proposal_id", "=", proposalId).execute();
  if (items.length === 0) return;
  await db
    .insertInto("proposal_cost_items")
    .values(items.map((c, i) => ({ id: `${proposalId}_c${i + 1}`, proposal_id: proposalId, position: i, label: c.label, amount_grosze: c.amountGrosze })))
    .execute();
  await db.updateTable("proposals").set({ cost_grosze: total(items) }).where("id", "=", proposalId).execute();
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

export async function nextProposalNumber(db: Db, editionId: string, year: number): Promise<string> {
  const r = await db
    .selectFrom("proposals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("edition_id", "=", editionId)
    .where("author_user_id", "is not", null)
    .executeTakeFirstOrThrow();
  return `${year}/Z/${Number(r.n) + 1}`;
}

// ---- versions

export interface ProposalVersion {
  version: number;
  title: string;
  summary: string;
  description: string;
  location: string;
  beneficiaries: string;
  costGrosze: number;
  costItems: CostItem[];
  createdAt: string;
  byOfficial: boolean;
}

const CostItemsJson = z.array(z.object({ label: z.string(), amountGrosze: z.number().int().nonnegative() }));

export async function insertVersion(db: Db, proposalId: string, by: string | null, at: Date): Promise<number> {
  const p = await db
    .selectFrom("proposals")
    .select(["title", "summary", "description", "location", "beneficiaries", "cost_grosze"])
    .where("id", "=", proposalId)
    .executeTakeFirstOrThrow();
  const items = await db.selectFrom("proposal_cost_items").select(["label", "amount_grosze"]).where("proposal_id", "=", proposalId).orderBy("position").execute();
  const last = await db
    .selectFrom("proposal_versions")
    .select((eb) => eb.fn.max("version").as("v"))
    .where("proposal_id", "=", proposalId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db
    .insertInto("proposal_versions")
    .values({
      id: `${proposalId}_v${version}`,
      proposal_id: proposalId,
      version,
      title: p.title,
      summary: p.summary,
      description: p.description,
      location: p.location,
      beneficiaries: p.beneficiaries,
      cost_grosze: Number(p.cost_grosze),
      cost_items_json: JSON.stringify(items.map((i) => ({ label: i.label, amountGrosze: Number(i.amount_grosze) }))),
      created_by: by,
      created_at: at.toISOString(),
    })
    .execute();
  return version;
}

export async function listVersions(db: Db, proposalId: string): Promise<ProposalVersion[]> {
  const rows = await db
    .selectFrom("proposal_versions as v")
    .innerJoin("proposals as p", "p.id", "v.proposal_id")
    .select(["v.version", "v.title", "v.summary", "v.description", "v.location", "v.beneficiaries", "v.cost_grosze", "v.cost_items_json", "v.created_at", "v.created_by", "p.author_user_id"])
    .where("v.proposal_id", "=", proposalId)
    .orderBy("v.version", "desc")
    .execute();
  return rows.map((r) => {
    const items = CostItemsJson.safeParse(JSON.parse(r.cost_items_json));
    return {
      version: r.version,
      title: r.title,
      summary: r.summary,
      description: r.description,
      location: r.location,
      beneficiaries: r.beneficiaries,
      costGrosze: Number(r.cost_grosze),
      costItems: items.success ? items.data : [],
      createdAt: r.created_at,
      byOfficial: r.created_by !== null && r.created_by !== r.author_user_id,
    };
  });
}

// ---- supports

/** Adds a support once; returns false when this person already supports the proposal. */
export async function insertSupport(db: Db, proposalId: string, userId: string, at: Date): Promise<boolean> {
  const res = await db
    .insertInto("proposal_supports")
    .values({ proposal_id: proposalId, user_id: userId, created_at: at.toISOString() })
    .onConflict((oc) => oc.columns(["proposal_id", "user_id"]).doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  await db
    .updateTable("proposals")
    .set((eb) => ({ support_count: eb("support_count", "+", 1) }))
    .where("id", "=", proposalId)
    .execute();
  return true;
}

export async function hasSupported(db: Db, proposalId: string, userId: string): Promise<boolean> {
  const r = await db.selectFrom("proposal_supports").select("user_id").where("proposal_id", "=", proposalId).where("user_id", "=", userId).executeTakeFirst();
  return !!r;
}

// ---- decisions and appeals

export interface PublicDecision {
  action: string;
  fromStatus: string;
  toStatus: string;
  publicReason: string | null;
  actorRole: string;
  createdAt: string;
  /** The criteria of a formal or merit step and whether each was met. */
  checks: Record<string, boolean> | null;
  costBeforeGrosze: number | null;
  costAfterGrosze: number | null;
}

const ChecksJson = z.record(z.string(), z.boolean());
function parseChecks(json: string | null): Record<string, boolean> | null {
  if (!json) return null;
  try {
    const r = ChecksJson.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export async function insertDecision(
  db: Db,
  d: {
    id: string;
    proposalId: string;
    action: string;
    from: string;
    to: string;
    reason: string | null;
    actorUserId: string | null;
    actorRole: string;
    checks?: Record<string, boolean> | null;
    costBeforeGrosze?: number | null;
    costAfterGrosze?: number | null;
  },
  at: Date,
): Promise<void> {
  await db
    .insertInto("proposal_decisions")
    .values({
      id: d.id,
      proposal_id: d.proposalId,
      action: d.action,
      from_status: d.from,
      to_status: d.to,
      public_reason: d.reason,
      actor_user_id: d.actorUserId,
      actor_role: d.actorRole,
      created_at: at.toISOString(),
      checks_json: d.checks ? JSON.stringify(d.checks) : null,
      cost_before_grosze: d.costBeforeGrosze ?? null,
      cost_after_grosze: d.costAfterGrosze ?? null,
    })
    .execute();
}

/** The public history of decisions (who acted is shown by role, not by name). */
export async function listDecisions(db: Db, proposalId: string): Promise<PublicDecision[]> {
  const rows = await db
    .selectFrom("proposal_decisions")
    .select(["action", "from_status", "to_status", "public_reason", "actor_role", "created_at", "checks_json", "cost_before_grosze", "cost_after_grosze"])
    .where("proposal_id", "=", proposalId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    publicReason: r.public_reason,
    actorRole: r.actor_role,
    createdAt: r.created_at,
    checks: parseChecks(r.checks_json),
    costBeforeGrosze: r.cost_before_grosze === null ? null : Number(r.cost_before_grosze),
    costAfterGrosze: r.cost_after_grosze === null ? null : Number(r.cost_after_grosze),
  }));
}

export interface ListCorrectionRow {
  proposalId: string;
  number: string;
  title: string;
  poolId: string;
  action: string;
  publicReason: string | null;
  costBeforeGrosze: number | null;
  costAfterGrosze: number | null;
  createdAt: string;
}

/** Corrections recorded after the final lists were published, newest first (public). */
export async function listListCorrections(db: Db, editionId: string, actions: readonly string[]): Promise<ListCorrectionRow[]> {
  if (actions.length === 0) return [];
  const rows = await db
    .selectFrom("proposal_decisions as d")
    .innerJoin("proposals as p", "p.id", "d.proposal_id")
    .innerJoin("final_lists as fl", "fl.pool_id", "p.pool_id")
    .select(["p.id", "p.number", "p.title", "p.pool_id", "d.action", "d.public_reason", "d.cost_before_grosze", "d.cost_after_grosze", "d.created_at"])
    .where("p.edition_id", "=", editionId)
    .where("d.action", "in", actions)
    .orderBy("d.created_at", "desc")
    .orderBy("d.id", "desc")
    .execute();
  return rows.map((r) => ({
    proposalId: r.id,
    number: r.number,
    title: r.title,
    poolId: r.pool_id,
    action: r.action,
    publicReason: r.public_reason,
    costBeforeGrosze: r.cost_before_grosze === null ? null : Number(r.cost_before_grosze),
    costAfterGrosze: r.cost_after_grosze === null ? null : Number(r.cost_after_grosze),
    createdAt: r.created_at,
  }));
}

export interface AppealRecord {
  justification: string;
  createdAt: string;
  outcome: "accepted" | "rejected" | null;
  decisionReason: string | null;
  decidedAt: string | null;
}

export async function getAppeal(db: Db, proposalId: string): Promise<AppealRecord | null> {
  const r = await db
    .selectFrom("proposal_appeals")
    .select(["justification", "created_at", "outcome", "decision_reason", "decided_at"])
    .where("proposal_id", "=", proposalId)
    .executeTakeFirst();
  return r ? { justification: r.justification, createdAt: r.created_at, outcome: r.outcome, decisionReason: r.decision_reason, decidedAt: r.decided_at } : null;
}

export async function insertAppeal(db: Db, a: { id: string; proposalId: string; authorUserId: string; justification: string }, at: Date): Promise<void> {
  await db
    .insertInto("proposal_appeals")
    .values({ id: a.id, proposal_id: a.proposalId, author_user_id: a.authorUserId, justification: a.justification, created_at: at.toISOString(), outcome: null, decision_reason: null, decided_by: null, decided_at: null })
    .execute();
}

export async function decideAppeal(db: Db, proposalId: string, d: { outcome: "accepted" | "rejected"; reason: string; by: string }, at: Date): Promise<void> {
  await db
    .updateTable("proposal_appeals")
    .set({ outcome: d.outcome, decision_reason: d.reason, decided_by: d.by, decided_at: at.toISOString() })
    .where("proposal_id", "=", proposalId)
    .where("outcome", "is", null)
    .execute();
}

// ---- lists

export interface WorkflowCard {
  id: string;
  number: string;
  title: string;
  status: ProposalStatus;
  costGrosze: number;
  poolKind: PoolKind;
  programmeKind: ProgrammeKind;
  districtName: string | null;
  supportCount: number;
  supportsRequired: number;
  updatedAt: string;
}

function baseList(db: Db) {
  return db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .select(["p.id", "p.number", "p.title", "p.status", "p.cost_grosze", "po.kind as pool_kind", "pr.kind as programme_kind", "d.name as district_name", "p.support_count", "pr.supports_required", "p.updated_at"]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof baseList>["execute"]>>[number];
const toCard = (r: BaseRow): WorkflowCard => ({
  id: r.id,
  number: r.number,
  title: r.title,
  status: ProposalStatusSchema.catch("draft").parse(r.status),
  costGrosze: Number(r.cost_grosze),
  poolKind: r.pool_kind,
  programmeKind: r.programme_kind,
  districtName: r.district_name ?? null,
  supportCount: r.support_count,
  supportsRequired: r.supports_required,
  updatedAt: r.updated_at,
});

/** The proposals a person wrote or co-authors (every status, drafts included). */
export async function listMyProposals(db: Db, userId: string): Promise<WorkflowCard[]> {
  const rows = await baseList(db)
    .where((eb) =>
      eb.or([
        eb("p.author_user_id", "=", userId),
        eb("p.id", "in", eb.selectFrom("proposal_coauthors").select("proposal_id").where("user_id", "=", userId).where("accepted_at", "is not", null)),
      ]),
    )
    .orderBy("p.updated_at", "desc")
    .execute();
  return rows.map(toCard);
}

/** A queue: proposals of some programmes in some statuses, oldest change first. */
export async function listQueue(db: Db, editionId: string, programmes: readonly ProgrammeKind[], statuses: readonly ProposalStatus[]): Promise<WorkflowCard[]> {
  if (programmes.length === 0 || statuses.length === 0) return [];
  const rows = await baseList(db)
    .where("p.edition_id", "=", editionId)
    .where("pr.kind", "in", programmes)
    .where("p.status", "in", statuses)
    .orderBy("p.updated_at")
    .orderBy("p.number")
    .execute();
  return rows.map(toCard);
}

export interface QueueFilter {
  programmes: readonly ProgrammeKind[];
  statuses: readonly ProposalStatus[];
  poolId?: string;
  /** a user id: assigned to them; "none": nobody assigned yet. */
  reviewer?: string;
}

export interface QueueCard extends WorkflowCard {
  poolId: string;
  reviewerUserId: string | null;
  reviewerName: string | null;
}

/** The verification queue with its filters (programme, pool, status, reviewer), oldest change first. */
export async function listVerificationQueue(db: Db, editionId: string, f: QueueFilter): Promise<QueueCard[]> {
  if (f.programmes.length === 0 || f.statuses.length === 0) return [];
  let q = baseList(db)
    .leftJoin("users as rv", "rv.id", "p.reviewer_user_id")
    .select(["p.pool_id", "p.reviewer_user_id", "rv.display_name as reviewer_name"])
    .where("p.edition_id", "=", editionId)
    .where("pr.kind", "in", f.programmes)
    .where("p.status", "in", f.statuses);
  if (f.poolId) q = q.where("p.pool_id", "=", f.poolId);
  if (f.reviewer === "none") q = q.where("p.reviewer_user_id", "is", null);
  else if (f.reviewer) q = q.where("p.reviewer_user_id", "=", f.reviewer);
  const rows = await q.orderBy("p.updated_at").orderBy("p.number").execute();
  return rows.map((r) => ({ ...toCard(r), poolId: r.pool_id, reviewerUserId: r.reviewer_user_id ?? null, reviewerName: r.reviewer_name ?? null }));
}

// ---- final lists

export interface FinalListPool {
  poolId: string;
  poolKind: PoolKind;
  programmeKind: ProgrammeKind;
  districtName: string | null;
  publishedAt: string | null;
  proposals: { id: string; number: string; title: string; costGrosze: number; status: ProposalStatus }[];
}

/** Pools of an edition with their proposals in the given statuses and whether their list is published. */
export async function listFinalLists(db: Db, editionId: string, statuses: readonly ProposalStatus[], opts: { publishedOnly?: boolean; programmes?: readonly ProgrammeKind[] } = {}): Promise<FinalListPool[]> {
  let q = db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .leftJoin("final_lists as fl", "fl.pool_id", "po.id")
    .select(["po.id", "po.kind", "pr.kind as programme_kind", "d.name as district_name", "fl.published_at"])
    .where("pr.edition_id", "=", editionId);
  if (opts.publishedOnly) q = q.where("fl.published_at", "is not", null);
  if (opts.programmes) q = q.where("pr.kind", "in", opts.programmes.length ? opts.programmes : ["__none__" as ProgrammeKind]);
  const pools = await q.orderBy("pr.position").orderBy("po.position").execute();
  if (pools.length === 0) return [];
  const props = await db
    .selectFrom("proposals")
    .select(["id", "number", "title", "cost_grosze", "status", "pool_id"])
    .where(
      "pool_id",
      "in",
      pools.map((p) => p.id),
    )
    .where("status", "in", statuses)
    .orderBy("number")
    .execute();
  return pools.map((p) => ({
    poolId: p.id,
    poolKind: p.kind,
    programmeKind: p.programme_kind,
    districtName: p.district_name ?? null,
    publishedAt: p.published_at ?? null,
    proposals: props
      .filter((x) => x.pool_id === p.id)
      .map((x) => ({ id: x.id, number: x.number, title: x.title, costGrosze: Number(x.cost_grosze), status: ProposalStatusSchema.catch("draft").parse(x.status) })),
  }));
}

export async function listProgrammePools(db: Db, editionId: string, programme: ProgrammeKind): Promise<{ id: string; publishedAt: string | null }[]> {
  const rows = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("final_lists as fl", "fl.pool_id", "po.id")
    .select(["po.id", "fl.published_at"])
    .where("pr.edition_id", "=", editionId)
    .where("pr.kind", "=", programme)
    .execute();
  return rows.map((r) => ({ id: r.id, publishedAt: r.published_at ?? null }));
}

export async function countInStatuses(db: Db, poolIds: readonly string[], statuses: readonly ProposalStatus[]): Promise<number> {
  if (poolIds.length === 0) return 0;
  const r = await db
    .selectFrom("proposals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("pool_id", "in", poolIds)
    .where("status", "in", statuses)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertFinalLists(db: Db, poolIds: readonly string[], by: string, at: Date): Promise<void> {
  if (poolIds.length === 0) return;
  await db
    .insertInto("final_lists")
    .values(poolIds.map((id) => ({ pool_id: id, published_at: at.toISOString(), published_by: by })))
    .execute();
}
