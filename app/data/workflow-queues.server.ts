/**
 * Lists of proposals for the workflow pages: a person's own proposals and the officials' and youth
 * council's queues. Visibility lives in the `where`.
 */
import type { Db } from "../../db/client";
import { ProposalStatusSchema, type ProposalStatus } from "~/domain/proposals";
import type { PoolKind } from "~/domain/rules";
import type { ProgrammeKind } from "~/domain/permissions";

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
    .select(["p.id", "p.number", "p.title", "p.status", "p.cost_grosze", "po.kind as pool_kind", "pr.kind as programme_kind", "d.name as district_name", "p.support_count", "p.updated_at"])
    .select((eb) => eb.fn.coalesce("po.supports_required", "pr.supports_required").as("supports_required"));
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
