/**
 * Pools of an edition as the submission form offers them.
 */
import type { Db } from "../../db/client";
import type { PoolKind } from "~/domain/rules";
import type { ProgrammeKind } from "~/domain/permissions";

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
