/**
 * What a printed paper ballot shows: the edition, the programme, the district, and each pool on
 * that ballot with its published-or-not final list and the projects on it. Queries only.
 */
import type { Db } from "../../db/client";
import type { PoolKind } from "~/domain/rules";
import type { ProgrammeKind } from "~/domain/permissions";
import { ON_BALLOT_STATUSES } from "~/domain/workflow/corrections";

export interface PrintEdition {
  id: string;
  year: number;
  name: string;
  status: "draft" | "active" | "archived";
}

export async function getPrintEditionByYear(db: Db, year: number): Promise<PrintEdition | null> {
  const r = await db.selectFrom("editions").select(["id", "year", "name", "status"]).where("year", "=", year).executeTakeFirst();
  return r ? { id: r.id, year: Number(r.year), name: r.name, status: r.status } : null;
}

export async function getPrintEdition(db: Db, id: string): Promise<PrintEdition | null> {
  const r = await db.selectFrom("editions").select(["id", "year", "name", "status"]).where("id", "=", id).executeTakeFirst();
  return r ? { id: r.id, year: Number(r.year), name: r.name, status: r.status } : null;
}

export async function getPrintDistrict(db: Db, id: string): Promise<{ id: string; slug: string; name: string } | null> {
  const r = await db.selectFrom("districts").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirst();
  return r ?? null;
}

export interface PrintProgramme {
  id: string;
  kind: ProgrammeKind;
  guardianBelowAge: number | null;
  minAge: number | null;
  maxAge: number | null;
}

export async function getPrintProgramme(db: Db, editionId: string, kind: ProgrammeKind): Promise<PrintProgramme | null> {
  const r = await db
    .selectFrom("programmes")
    .select(["id", "kind", "guardian_below_age", "min_age", "max_age"])
    .where("edition_id", "=", editionId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  return r ? { id: r.id, kind: r.kind, guardianBelowAge: r.guardian_below_age, minAge: r.min_age, maxAge: r.max_age } : null;
}

/** Whether a programme has pools of its own per district (its ballots are then a district's). */
export async function hasDistrictPools(db: Db, programmeId: string): Promise<boolean> {
  const r = await db.selectFrom("pools").select("id").where("programme_id", "=", programmeId).where("district_id", "is not", null).executeTakeFirst();
  return r !== undefined;
}

export interface PrintPool {
  id: string;
  kind: PoolKind;
  budgetGrosze: number;
  /** JSON as stored; the service parses it with the domain schema. */
  ballotRule: string;
  published: boolean;
  projects: { number: string; title: string; costGrosze: number }[];
}

/** The pools of one ballot (programme-wide ones, plus the district's when a district is given), in ballot order. */
export async function listBallotPools(db: Db, programmeId: string, districtId: string | null): Promise<PrintPool[]> {
  let q = db
    .selectFrom("pools as po")
    .leftJoin("final_lists as fl", "fl.pool_id", "po.id")
    .select(["po.id", "po.kind", "po.budget_grosze", "po.ballot_rule", "fl.published_at"])
    .where("po.programme_id", "=", programmeId);
  q = districtId ? q.where((eb) => eb.or([eb("po.district_id", "is", null), eb("po.district_id", "=", districtId)])) : q.where("po.district_id", "is", null);
  const pools = await q.orderBy("po.position").execute();
  if (pools.length === 0) return [];
  const projects = await db
    .selectFrom("proposals")
    .select(["pool_id", "number", "title", "cost_grosze"])
    .where(
      "pool_id",
      "in",
      pools.map((p) => p.id),
    )
    .where("status", "in", ON_BALLOT_STATUSES)
    .orderBy("number")
    .execute();
  return pools.map((p) => ({
    id: p.id,
    kind: p.kind,
    budgetGrosze: Number(p.budget_grosze),
    ballotRule: p.ballot_rule,
    published: p.published_at !== null && p.published_at !== undefined,
    projects: projects.filter((x) => x.pool_id === p.id).map((x) => ({ number: x.number, title: x.title, costGrosze: Number(x.cost_grosze) })),
  }));
}
