import type { Db } from "../../db/client";
import { PhaseSchema, type PoolKind } from "~/domain/rules";
import type { PhaseWindow } from "~/domain/phases";

export interface EditionSummary {
  id: string;
  year: number;
  status: "draft" | "active" | "archived";
  source: string | null;
  phases: PhaseWindow[];
}

/** Stored phase rows as typed windows; a row with an unknown phase name is ignored. */
function toWindows(rows: readonly { phase: string; starts_at: string; ends_at: string }[]): PhaseWindow[] {
  return rows.flatMap((r) => {
    const phase = PhaseSchema.safeParse(r.phase);
    return phase.success ? [{ phase: phase.data, startsAt: r.starts_at, endsAt: r.ends_at }] : [];
  });
}

/** The phase windows of one edition. */
export async function listPhaseWindows(db: Db, editionId: string): Promise<PhaseWindow[]> {
  return toWindows(await db.selectFrom("edition_phases").select(["phase", "starts_at", "ends_at"]).where("edition_id", "=", editionId).execute());
}

async function withPhases(db: Db, rows: { id: string; year: number; status: EditionSummary["status"]; source: string | null }[]) {
  if (rows.length === 0) return [];
  const phases = await db
    .selectFrom("edition_phases")
    .select(["edition_id", "phase", "starts_at", "ends_at"])
    .where(
      "edition_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({ ...r, phases: toWindows(phases.filter((p) => p.edition_id === r.id)) }));
}

/** The edition residents are working on now: the newest active one. */
export async function getCurrentEdition(db: Db): Promise<EditionSummary | null> {
  const row = await db
    .selectFrom("editions")
    .select(["id", "year", "status", "source"])
    .where("status", "=", "active")
    .orderBy("year", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const [e] = await withPhases(db, [row]);
  return e ?? null;
}

export async function listArchivedEditions(db: Db): Promise<EditionSummary[]> {
  const rows = await db
    .selectFrom("editions")
    .select(["id", "year", "status", "source"])
    .where("status", "=", "archived")
    .orderBy("year", "desc")
    .execute();
  return withPhases(db, rows);
}

/** The edition of `year`, whatever its status (results pages look editions up by year). */
export async function getEditionByYear(db: Db, year: number): Promise<{ id: string; year: number; source: string | null } | null> {
  return (await db.selectFrom("editions").select(["id", "year", "source"]).where("year", "=", year).executeTakeFirst()) ?? null;
}

/** The programme kinds of the current edition (the newest active one); empty when there is none. */
export async function listCurrentProgrammeKinds(db: Db): Promise<ProgrammeSummary["kind"][]> {
  const edition = await db.selectFrom("editions").select("id").where("status", "=", "active").orderBy("year", "desc").limit(1).executeTakeFirst();
  if (!edition) return [];
  const rows = await db.selectFrom("programmes").select("kind").where("edition_id", "=", edition.id).orderBy("position").execute();
  return rows.map((r) => r.kind);
}

export interface ProgrammeSummary {
  id: string;
  kind: "bo" | "youth" | "children";
  moderation: "officials" | "youth_council";
  minAge: number | null;
  maxAge: number | null;
  budgetGrosze: number;
}

export async function listProgrammes(db: Db, editionId: string): Promise<ProgrammeSummary[]> {
  const rows = await db
    .selectFrom("programmes as pr")
    .leftJoin("pools as po", "po.programme_id", "pr.id")
    .select((eb) => [
      "pr.id",
      "pr.kind",
      "pr.moderation",
      "pr.min_age",
      "pr.max_age",
      eb.fn.coalesce(eb.fn.sum<number>("po.budget_grosze"), eb.lit(0)).as("budget"),
    ])
    .where("pr.edition_id", "=", editionId)
    .groupBy(["pr.id", "pr.kind", "pr.moderation", "pr.min_age", "pr.max_age", "pr.position"])
    .orderBy("pr.position")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    moderation: r.moderation,
    minAge: r.min_age,
    maxAge: r.max_age,
    budgetGrosze: Number(r.budget),
  }));
}

export interface PoolSummary {
  id: string;
  kind: PoolKind;
  districtId: string | null;
  budgetGrosze: number;
  maxProjectCostGrosze: number | null;
  carriedOverGrosze: number;
}

/** Pools of one programme kind in an edition (optionally of one district). */
export async function listPools(
  db: Db,
  editionId: string,
  programmeKind: "bo" | "youth" | "children",
  opts: { districtId?: string | null } = {},
): Promise<PoolSummary[]> {
  let q = db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .select([
      "po.id",
      "po.kind",
      "po.district_id",
      "po.budget_grosze",
      "po.max_project_cost_grosze",
      "po.carried_over_grosze",
    ])
    .where("pr.edition_id", "=", editionId)
    .where("pr.kind", "=", programmeKind);
  if (opts.districtId === null) q = q.where("po.district_id", "is", null);
  else if (opts.districtId !== undefined) q = q.where("po.district_id", "=", opts.districtId);
  const rows = await q.orderBy("po.position").execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    districtId: r.district_id,
    budgetGrosze: Number(r.budget_grosze),
    maxProjectCostGrosze: r.max_project_cost_grosze === null ? null : Number(r.max_project_cost_grosze),
    carriedOverGrosze: Number(r.carried_over_grosze),
  }));
}
