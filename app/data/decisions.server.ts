/**
 * The public record of decisions on proposals (workflow steps and final-list corrections) and
 * appeals against rejections.
 */
import { z } from "zod";
import type { Db } from "../../db/client";

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
