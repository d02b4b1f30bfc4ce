/**
 * The few writes and reads of a Pabulib replay (app/cli/replay.ts) that no set-up service offers:
 * a pool with the file's budget (its rules are then set through the pools page's service), the file's projects as proposals on the ballot
 * (the submission and verification workflow is not replayed), the register's voter ids, taking a
 * withdrawn project off the ballot after the vote, and the counted outcome of the pool.
 */
import type { Db } from "../../db/client";
import { searchText } from "~/domain/proposals";

/** Until `setPoolBallotRules` sets the file's rules: the rules every new pool starts with. */
const START_BALLOT_RULE = { kind: "approval", minTicks: 0, maxTicks: 3 } as const;
const START_SELECTION_RULE = { method: "greedy-no-skip", minScore: 0, tieBreak: "lower-cost" } as const;

export async function insertReplayPool(db: Db, p: { id: string; programmeId: string; budgetGrosze: number }): Promise<void> {
  await db
    .insertInto("pools")
    .values({
      id: p.id,
      programme_id: p.programmeId,
      district_id: null,
      kind: "city",
      budget_grosze: p.budgetGrosze,
      max_project_cost_grosze: null,
      ballot_rule: JSON.stringify(START_BALLOT_RULE),
      selection_rule: JSON.stringify(START_SELECTION_RULE),
      position: 0,
    })
    .execute();
}

/** The file's projects as accepted proposals of the pool; the proposal id is `prefix` + the file's project id. */
export async function insertReplayProjects(
  db: Db,
  p: { editionId: string; poolId: string; prefix: string; projects: readonly { id: string; cost: number; name?: string | undefined }[]; at: string },
): Promise<void> {
  for (let i = 0; i < p.projects.length; i += 200) {
    const rows = p.projects.slice(i, i + 200).map((x) => {
      const title = (x.name ?? x.id).slice(0, 200) || x.id;
      return {
        id: `${p.prefix}${x.id}`,
        edition_id: p.editionId,
        pool_id: p.poolId,
        number: x.id,
        title,
        summary: title,
        description: "",
        category: "culture",
        location: "",
        beneficiaries: "",
        cost_grosze: x.cost,
        status: "accepted",
        search_text: searchText(title),
        created_at: p.at,
        updated_at: p.at,
      };
    });
    await db.insertInto("proposals").values(rows).execute();
  }
}

/** Ids of the edition's register entries, in a stable order. */
export async function listRegisterVoterIds(db: Db, editionId: string): Promise<string[]> {
  const rows = await db.selectFrom("voters").select("id").where("edition_id", "=", editionId).orderBy("id").execute();
  return rows.map((r) => r.id);
}

/** Takes projects off the ballot after the vote (the file marks them withdrawn): the count skips them. */
export async function withdrawReplayProjects(db: Db, proposalIds: readonly string[], at: string): Promise<void> {
  if (proposalIds.length === 0) return;
  await db.updateTable("proposals").set({ status: "withdrawn", updated_at: at }).where("id", "in", [...proposalIds]).execute();
}

/** The counted outcome of a pool: rows in rank order, and the tally. */
export async function getPoolOutcome(db: Db, poolId: string) {
  const rows = await db
    .selectFrom("pool_results")
    .select(["proposal_id", "votes", "score", "rank", "selected", "decision"])
    .where("pool_id", "=", poolId)
    .orderBy("rank")
    .execute();
  const tally = await db.selectFrom("pool_tallies").select(["voters", "spent_grosze", "rule"]).where("pool_id", "=", poolId).executeTakeFirst();
  return { rows, tally: tally ?? null };
}
