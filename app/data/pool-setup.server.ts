/** Queries for the districts and pools set-up pages (districts, an edition's programmes and pools, its allocation formula). */
import type { Insertable } from "kysely";
import type { PoolsTable } from "../../db/schema";
import type { Db } from "../../db/client";
import type { AllocationSettings, DistrictChoice } from "~/domain/pool-setup";
import type { PoolKind } from "~/domain/rules";

export interface DistrictRow {
  id: string;
  slug: string;
  name: string;
  population: number;
  areaHa: number;
  position: number;
  active: boolean;
  mergedIntoId: string | null;
}

const DISTRICT_COLUMNS = ["id", "slug", "name", "population", "area_ha", "position", "active", "merged_into_id"] as const;

function toDistrict(r: { id: string; slug: string; name: string; population: number; area_ha: number; position: number; active: number; merged_into_id: string | null }): DistrictRow {
  return { id: r.id, slug: r.slug, name: r.name, population: Number(r.population), areaHa: Number(r.area_ha), position: Number(r.position), active: Number(r.active) === 1, mergedIntoId: r.merged_into_id };
}

/** Every district, active and merged, in their order. */
export async function listAllDistricts(db: Db): Promise<DistrictRow[]> {
  return (await db.selectFrom("districts").select(DISTRICT_COLUMNS).orderBy("position").orderBy("id").execute()).map(toDistrict);
}

export async function getDistrict(db: Db, id: string): Promise<DistrictRow | null> {
  const r = await db.selectFrom("districts").select(DISTRICT_COLUMNS).where("id", "=", id).executeTakeFirst();
  return r ? toDistrict(r) : null;
}

export async function findDistrictBySlugOrName(db: Db, slug: string, name: string): Promise<{ id: string } | null> {
  return (await db.selectFrom("districts").select("id").where((eb) => eb.or([eb("slug", "=", slug), eb("name", "=", name)])).executeTakeFirst()) ?? null;
}

export async function insertDistrict(db: Db, d: { id: string; slug: string; name: string; population: number; areaHa: number }): Promise<void> {
  const max = await db.selectFrom("districts").select((eb) => eb.fn.max("position").as("p")).executeTakeFirst();
  await db
    .insertInto("districts")
    .values({ id: d.id, slug: d.slug, name: d.name, population: d.population, area_ha: d.areaHa, position: Number(max?.p ?? 0) + 1, active: 1 })
    .execute();
}

export async function updateDistrict(db: Db, id: string, set: { name?: string; slug?: string; active?: number; mergedIntoId?: string | null }): Promise<void> {
  await db
    .updateTable("districts")
    .set({ name: set.name, slug: set.slug, active: set.active, merged_into_id: set.mergedIntoId })
    .where("id", "=", id)
    .execute();
}

/** Whether anything refers to the district (pools, proposals through pools, ballots, voters): its slug is then in links and stays. */
export async function isDistrictUsed(db: Db, id: string): Promise<boolean> {
  const pool = await db.selectFrom("pools").select("id").where("district_id", "=", id).limit(1).executeTakeFirst();
  if (pool) return true;
  const ballot = await db.selectFrom("ballots").select("id").where("district_id", "=", id).limit(1).executeTakeFirst();
  return Boolean(ballot);
}

/** Proposals of one edition in a district's pools. */
export async function countDistrictProposals(db: Db, editionId: string, districtId: string): Promise<number> {
  const r = await db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("p.edition_id", "=", editionId)
    .where("po.district_id", "=", districtId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function getEditionRow(db: Db, id: string): Promise<{ id: string; year: number; status: "draft" | "active" | "archived" } | null> {
  return (await db.selectFrom("editions").select(["id", "year", "status"]).where("id", "=", id).executeTakeFirst()) ?? null;
}

export interface ProgrammeRow {
  id: string;
  kind: "bo" | "youth" | "children";
  supportsRequired: number;
  districtChoice: DistrictChoice;
  position: number;
}

export async function listEditionProgrammes(db: Db, editionId: string): Promise<ProgrammeRow[]> {
  const rows = await db.selectFrom("programmes").select(["id", "kind", "supports_required", "district_choice", "position"]).where("edition_id", "=", editionId).orderBy("position").execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, supportsRequired: Number(r.supports_required), districtChoice: r.district_choice === "own" ? "own" : "chosen", position: Number(r.position) }));
}

export async function updateProgrammeDistrictChoice(db: Db, id: string, choice: DistrictChoice): Promise<void> {
  await db.updateTable("programmes").set({ district_choice: choice }).where("id", "=", id).execute();
}

export interface PoolRow {
  id: string;
  programmeId: string;
  programmeKind: "bo" | "youth" | "children";
  districtId: string | null;
  kind: PoolKind;
  budgetGrosze: number;
  maxProjectCostGrosze: number | null;
  carriedOverGrosze: number;
  supportsRequired: number | null;
  ballotRule: string;
  selectionRule: string;
  position: number;
  publishedAt: string | null;
}

/** Every pool of an edition with whether its final list is published. */
export async function listEditionPools(db: Db, editionId: string, poolId?: string): Promise<PoolRow[]> {
  let q = db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("final_lists as fl", "fl.pool_id", "po.id")
    .select([
      "po.id",
      "po.programme_id",
      "pr.kind as programme_kind",
      "po.district_id",
      "po.kind",
      "po.budget_grosze",
      "po.max_project_cost_grosze",
      "po.carried_over_grosze",
      "po.supports_required",
      "po.ballot_rule",
      "po.selection_rule",
      "po.position",
      "fl.published_at",
    ])
    .where("pr.edition_id", "=", editionId);
  if (poolId !== undefined) q = q.where("po.id", "=", poolId);
  const rows = await q.orderBy("pr.position").orderBy("po.position").execute();
  return rows.map((r) => ({
    id: r.id,
    programmeId: r.programme_id,
    programmeKind: r.programme_kind,
    districtId: r.district_id,
    kind: r.kind,
    budgetGrosze: Number(r.budget_grosze),
    maxProjectCostGrosze: r.max_project_cost_grosze === null ? null : Number(r.max_project_cost_grosze),
    carriedOverGrosze: Number(r.carried_over_grosze),
    supportsRequired: r.supports_required === null ? null : Number(r.supports_required),
    ballotRule: r.ballot_rule,
    selectionRule: r.selection_rule,
    position: Number(r.position),
    publishedAt: r.published_at ?? null,
  }));
}

/** The edition a pool belongs to. */
export async function getPoolEditionId(db: Db, poolId: string): Promise<string | null> {
  const r = await db.selectFrom("pools as po").innerJoin("programmes as pr", "pr.id", "po.programme_id").select("pr.edition_id").where("po.id", "=", poolId).executeTakeFirst();
  return r?.edition_id ?? null;
}

export async function insertPool(db: Db, row: Insertable<PoolsTable>): Promise<void> {
  await db.insertInto("pools").values(row).execute();
}

export async function updatePool(
  db: Db,
  id: string,
  set: { budgetGrosze?: number; maxProjectCostGrosze?: number | null; supportsRequired?: number | null; ballotRule?: string; selectionRule?: string },
): Promise<void> {
  await db
    .updateTable("pools")
    .set({ budget_grosze: set.budgetGrosze, max_project_cost_grosze: set.maxProjectCostGrosze, supports_required: set.supportsRequired, ballot_rule: set.ballotRule, selection_rule: set.selectionRule })
    .where("id", "=", id)
    .execute();
}

/** When the edition's voting phase starts, if it has one. */
export async function getVotingStart(db: Db, editionId: string): Promise<string | null> {
  const r = await db.selectFrom("edition_phases").select("starts_at").where("edition_id", "=", editionId).where("phase", "=", "voting").executeTakeFirst();
  return r?.starts_at ?? null;
}

export async function getAllocation(db: Db, editionId: string): Promise<(AllocationSettings & { savedAt: string }) | null> {
  const r = await db.selectFrom("edition_allocations").selectAll().where("edition_id", "=", editionId).executeTakeFirst();
  if (!r) return null;
  return {
    totalGrosze: Number(r.total_grosze),
    cityGrosze: Number(r.city_grosze),
    cityCapGrosze: Number(r.city_cap_grosze),
    baseGrosze: Number(r.base_grosze),
    populationWeightPermille: Number(r.population_weight_permille),
    smallSharePermille: Number(r.small_share_permille),
    smallCapGrosze: Number(r.small_cap_grosze),
    largeCapPermille: Number(r.large_cap_permille),
    roundingGrosze: Number(r.rounding_grosze),
    savedAt: r.saved_at,
  };
}

export async function saveAllocation(db: Db, editionId: string, s: AllocationSettings, by: string | null, at: string): Promise<void> {
  const row = {
    total_grosze: s.totalGrosze,
    city_grosze: s.cityGrosze,
    city_cap_grosze: s.cityCapGrosze,
    base_grosze: s.baseGrosze,
    population_weight_permille: s.populationWeightPermille,
    small_share_permille: s.smallSharePermille,
    small_cap_grosze: s.smallCapGrosze,
    large_cap_permille: s.largeCapPermille,
    rounding_grosze: s.roundingGrosze,
    saved_by: by,
    saved_at: at,
  };
  await db
    .insertInto("edition_allocations")
    .values({ edition_id: editionId, ...row })
    .onConflict((oc) => oc.column("edition_id").doUpdateSet(row))
    .execute();
}
