/**
 * Residents' supports for a proposal (one each), with the proposal's support counter.
 */
import type { Db } from "../../db/client";

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
