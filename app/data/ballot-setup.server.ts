/** A programme's ballot order and pools' ballot and selection rules (the pools page's ballot forms). */
import type { Db } from "../../db/client";
import { isBallotOrder, type BallotOrder } from "~/domain/ballot-order";
import { SelectionRuleSchema, type SelectionRule } from "~/domain/rules";
import { ON_BALLOT_STATUSES } from "~/domain/workflow/corrections";

/** The programme's ballot order; an unknown stored value reads as alphabetical (what ballots always had). */
export async function getBallotOrder(db: Db, programmeId: string): Promise<BallotOrder> {
  const r = await db.selectFrom("programmes").select("ballot_order").where("id", "=", programmeId).executeTakeFirst();
  return isBallotOrder(r?.ballot_order) ? r.ballot_order : "alphabetical";
}

export async function listBallotOrders(db: Db, editionId: string): Promise<Record<string, BallotOrder>> {
  const rows = await db.selectFrom("programmes").select(["id", "ballot_order"]).where("edition_id", "=", editionId).execute();
  return Object.fromEntries(rows.map((r) => [r.id, isBallotOrder(r.ballot_order) ? r.ballot_order : "alphabetical"]));
}

export async function getProgrammeOfEdition(db: Db, editionId: string, programmeId: string): Promise<{ id: string; ballotOrder: string } | null> {
  const r = await db.selectFrom("programmes").select(["id", "ballot_order"]).where("id", "=", programmeId).where("edition_id", "=", editionId).executeTakeFirst();
  return r ? { id: r.id, ballotOrder: r.ballot_order } : null;
}

export async function updateBallotOrder(db: Db, programmeId: string, order: BallotOrder): Promise<void> {
  await db.updateTable("programmes").set({ ballot_order: order }).where("id", "=", programmeId).execute();
}

/** Pools of the same programme and kind (every district's large pools, say), for "apply to all of this kind". */
export async function listSameKindPoolIds(db: Db, programmeId: string, kind: string): Promise<string[]> {
  const rows = await db.selectFrom("pools").select("id").where("programme_id", "=", programmeId).where("kind", "=", kind as never).orderBy("position").execute();
  return rows.map((r) => r.id);
}

export async function listPoolRules(db: Db, poolIds: readonly string[]): Promise<{ id: string; ballotRule: string; selectionRule: string }[]> {
  if (poolIds.length === 0) return [];
  const rows = await db.selectFrom("pools").select(["id", "ballot_rule", "selection_rule"]).where("id", "in", poolIds).execute();
  return rows.map((r) => ({ id: r.id, ballotRule: r.ballot_rule, selectionRule: r.selection_rule }));
}

export async function updatePoolRules(db: Db, poolId: string, ballotRule: string, selectionRule: string): Promise<void> {
  await db.updateTable("pools").set({ ballot_rule: ballotRule, selection_rule: selectionRule }).where("id", "=", poolId).execute();
}

/** Each pool's selection rule, for telling voters how the winners are chosen; a row that does not parse: null. */
export async function listSelectionRules(db: Db, poolIds: readonly string[]): Promise<Record<string, SelectionRule | null>> {
  if (poolIds.length === 0) return {};
  const rows = await db.selectFrom("pools").select(["id", "selection_rule"]).where("id", "in", poolIds).execute();
  const parse = (json: string) => {
    try {
      return SelectionRuleSchema.safeParse(JSON.parse(json)).data ?? null;
    } catch {
      return null;
    }
  };
  return Object.fromEntries(rows.map((r) => [r.id, parse(r.selection_rule)]));
}

/** A pool's proposals for choosing mutually exclusive groups: on the ballot or not (a saved group may name one that left it). */
export async function listPoolProposals(db: Db, poolId: string): Promise<{ id: string; number: string; title: string; costGrosze: number; onBallot: boolean }[]> {
  const rows = await db.selectFrom("proposals").select(["id", "number", "title", "cost_grosze", "status"]).where("pool_id", "=", poolId).where("status", "!=", "draft").orderBy("title").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, number: r.number, title: r.title, costGrosze: Number(r.cost_grosze), onBallot: (ON_BALLOT_STATUSES as readonly string[]).includes(r.status) }));
}
