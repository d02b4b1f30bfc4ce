import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database>;

export interface PoolResultRow {
  proposalId: string;
  number: string;
  title: string;
  costGrosze: number;
  votes: number;
  rank: number;
  selected: number;
}

export interface PublishedPool {
  poolId: string;
  kind: string;
  districtName: string | null;
  budgetGrosze: number;
  voters: number;
  spentGrosze: number;
  rows: PoolResultRow[];
}

/** Published results of every pool in an edition, ranked. */
export async function listPublishedResults(db: Db, editionId: string): Promise<PublishedPool[]> {
  const pools = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("pool_tallies as t", "t.pool_id", "po.id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .select(["po.id", "po.kind", "po.budget_grosze", "t.voters", "t.spent_grosze", "d.name as district_name"])
    .where("pr.edition_id", "=", editionId)
    .where("t.published_at", "is not", null)
    .orderBy("pr.position")
    .orderBy("po.position")
    .execute();
  if (pools.length === 0) return [];
  const rows = await db
    .selectFrom("pool_results as r")
    .innerJoin("proposals as p", "p.id", "r.proposal_id")
    .select(["r.pool_id", "r.proposal_id", "p.number", "p.title", "p.cost_grosze", "r.votes", "r.rank", "r.selected"])
    .where(
      "r.pool_id",
      "in",
      pools.map((p) => p.id),
    )
    .orderBy("r.rank")
    .execute();
  return pools.map((p) => ({
    poolId: p.id,
    kind: p.kind,
    districtName: p.district_name,
    budgetGrosze: Number(p.budget_grosze),
    voters: p.voters,
    spentGrosze: Number(p.spent_grosze),
    rows: rows
      .filter((r) => r.pool_id === p.id)
      .map((r) => ({
        proposalId: r.proposal_id,
        number: r.number,
        title: r.title,
        costGrosze: Number(r.cost_grosze),
        votes: r.votes,
        rank: r.rank,
        selected: r.selected,
      })),
  }));
}
