/**
 * Editions as the administrator sets them up: the edition row with its rules document, its
 * programmes, its phase plan and the public timeline of changes to it. Queries only.
 */
import type { Db } from "../../db/client";
import type { PhaseWindow } from "~/domain/phases";
import { PHASES, type Phase } from "~/domain/rules";

type Status = "draft" | "active" | "archived";

export interface EditionAdminRow {
  id: string;
  year: number;
  name: string;
  status: Status;
  rulesText: string;
  rulesPdfKey: string | null;
  rulesPdfName: string | null;
  allowPhaseGaps: boolean;
  smallGroupThreshold: number;
}

const COLUMNS = ["id", "year", "name", "status", "rules_text", "rules_pdf_key", "rules_pdf_name", "allow_phase_gaps", "small_group_threshold"] as const;
function toEdition(r: { id: string; year: number; name: string; status: Status; rules_text: string; rules_pdf_key: string | null; rules_pdf_name: string | null; allow_phase_gaps: number; small_group_threshold: number }): EditionAdminRow {
  return { id: r.id, year: r.year, name: r.name, status: r.status, rulesText: r.rules_text, rulesPdfKey: r.rules_pdf_key, rulesPdfName: r.rules_pdf_name, allowPhaseGaps: Number(r.allow_phase_gaps) === 1, smallGroupThreshold: Number(r.small_group_threshold) };
}

export async function getEditionAdmin(db: Db, id: string): Promise<EditionAdminRow | null> {
  const r = await db.selectFrom("editions").select(COLUMNS).where("id", "=", id).executeTakeFirst();
  return r ? toEdition(r) : null;
}

export async function getEditionAdminByYear(db: Db, year: number): Promise<EditionAdminRow | null> {
  const r = await db.selectFrom("editions").select(COLUMNS).where("year", "=", year).executeTakeFirst();
  return r ? toEdition(r) : null;
}

export interface EditionListItem {
  id: string;
  year: number;
  name: string;
  status: Status;
  programmes: number;
  phases: number;
}

/** Every edition, newest first, with how far its set-up has come. */
export async function listEditionsAdmin(db: Db): Promise<EditionListItem[]> {
  const rows = await db
    .selectFrom("editions as e")
    .select((eb) => [
      "e.id",
      "e.year",
      "e.name",
      "e.status",
      eb.selectFrom("programmes as pr").select(eb.fn.countAll<number>().as("n")).whereRef("pr.edition_id", "=", "e.id").as("programmes"),
      eb.selectFrom("edition_phases as ph").select(eb.fn.countAll<number>().as("n")).whereRef("ph.edition_id", "=", "e.id").as("phases"),
    ])
    .orderBy("e.year", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, year: r.year, name: r.name, status: r.status, programmes: Number(r.programmes ?? 0), phases: Number(r.phases ?? 0) }));
}

export async function insertEdition(db: Db, e: { id: string; year: number; name: string }, now: Date): Promise<void> {
  await db.insertInto("editions").values({ id: e.id, year: e.year, name: e.name, status: "draft", source: null, created_at: now.toISOString() }).execute();
}

export async function updateEdition(db: Db, id: string, patch: Partial<{ name: string; rulesText: string; rulesPdfKey: string | null; rulesPdfName: string | null; allowPhaseGaps: boolean; status: Status; smallGroupThreshold: number }>): Promise<void> {
  const values = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.rulesText !== undefined ? { rules_text: patch.rulesText } : {}),
    ...(patch.rulesPdfKey !== undefined ? { rules_pdf_key: patch.rulesPdfKey } : {}),
    ...(patch.rulesPdfName !== undefined ? { rules_pdf_name: patch.rulesPdfName } : {}),
    ...(patch.allowPhaseGaps !== undefined ? { allow_phase_gaps: patch.allowPhaseGaps ? 1 : 0 } : {}),
    ...(patch.status !== undefined ? { status: patch.status } : {}),
    ...(patch.smallGroupThreshold !== undefined ? { small_group_threshold: patch.smallGroupThreshold } : {}),
  };
  if (Object.keys(values).length > 0) await db.updateTable("editions").set(values).where("id", "=", id).execute();
}

/** Whether an edition other than `exceptId` is active. */
export async function otherActiveEdition(db: Db, exceptId: string): Promise<boolean> {
  return !!(await db.selectFrom("editions").select("id").where("status", "=", "active").where("id", "<>", exceptId).executeTakeFirst());
}

export interface ProgrammeAdminRow {
  id: string;
  kind: "bo" | "youth" | "children";
  moderation: "officials" | "youth_council";
  minAge: number | null;
  maxAge: number | null;
  guardianBelowAge: number | null;
  supportsRequired: number;
  languages: string;
  position: number;
  /** How projects are ordered on the ballot (random per voter, by number, alphabetical). */
  ballotOrder?: string;
}

export async function listProgrammesAdmin(db: Db, editionId: string): Promise<ProgrammeAdminRow[]> {
  const rows = await db
    .selectFrom("programmes")
    .select(["id", "kind", "moderation", "min_age", "max_age", "guardian_below_age", "supports_required", "languages", "position", "ballot_order"])
    .where("edition_id", "=", editionId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, moderation: r.moderation, minAge: r.min_age, maxAge: r.max_age, guardianBelowAge: r.guardian_below_age, supportsRequired: r.supports_required, languages: r.languages, position: r.position, ballotOrder: r.ballot_order }));
}

/** `ballotOrder`: a copied programme keeps its source's; a new one gets random per voter (#14: so the first project does not win by position). */
export async function insertProgramme(db: Db, editionId: string, p: Omit<ProgrammeAdminRow, "id"> & { id: string }): Promise<void> {
  await db
    .insertInto("programmes")
    .values({ id: p.id, edition_id: editionId, kind: p.kind, moderation: p.moderation, min_age: p.minAge, max_age: p.maxAge, guardian_below_age: p.guardianBelowAge, supports_required: p.supportsRequired, languages: p.languages, position: p.position, ballot_order: p.ballotOrder ?? "random" })
    .execute();
}

export async function updateProgramme(db: Db, id: string, p: Omit<ProgrammeAdminRow, "id" | "kind" | "position">): Promise<void> {
  await db
    .updateTable("programmes")
    .set({ moderation: p.moderation, min_age: p.minAge, max_age: p.maxAge, guardian_below_age: p.guardianBelowAge, supports_required: p.supportsRequired, languages: p.languages })
    .where("id", "=", id)
    .execute();
}

/** The pools of every programme of an edition, as stored (for copying). */
export async function listEditionPools(db: Db, editionId: string) {
  return db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .select(["po.id", "po.programme_id", "po.district_id", "po.kind", "po.budget_grosze", "po.max_project_cost_grosze", "po.ballot_rule", "po.selection_rule", "po.position"])
    .where("pr.edition_id", "=", editionId)
    .orderBy("po.position")
    .execute();
}

export async function insertPool(db: Db, p: { id: string; programmeId: string; districtId: string | null; kind: "city" | "district_large" | "district_small" | "programme"; budgetGrosze: number; maxProjectCostGrosze: number | null; ballotRule: string; selectionRule: string; position: number }): Promise<void> {
  await db
    .insertInto("pools")
    .values({ id: p.id, programme_id: p.programmeId, district_id: p.districtId, kind: p.kind, budget_grosze: p.budgetGrosze, max_project_cost_grosze: p.maxProjectCostGrosze, carried_over_grosze: 0, ballot_rule: p.ballotRule, selection_rule: p.selectionRule, position: p.position })
    .execute();
}

export async function countEditionPools(db: Db, editionId: string): Promise<number> {
  const r = await db.selectFrom("pools as po").innerJoin("programmes as pr", "pr.id", "po.programme_id").select((eb) => eb.fn.countAll<number>().as("n")).where("pr.edition_id", "=", editionId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Replaces the edition's phase rows with `plan`. */
export async function replacePhases(db: Db, editionId: string, plan: readonly PhaseWindow[]): Promise<void> {
  await db.deleteFrom("edition_phases").where("edition_id", "=", editionId).execute();
  if (plan.length > 0) await db.insertInto("edition_phases").values(plan.map((w) => ({ edition_id: editionId, phase: w.phase, starts_at: w.startsAt, ends_at: w.endsAt }))).execute();
}

export interface PhaseChange {
  id: string;
  phase: Phase;
  startsBefore: string | null;
  endsBefore: string | null;
  startsAfter: string;
  endsAfter: string;
  publicReason: string | null;
  kind: "change" | "close_early" | "extend";
  changedAt: string;
}

export async function insertPhaseChange(db: Db, editionId: string, c: PhaseChange, by: string): Promise<void> {
  await db
    .insertInto("edition_phase_changes")
    .values({ id: c.id, edition_id: editionId, phase: c.phase, starts_before: c.startsBefore, ends_before: c.endsBefore, starts_after: c.startsAfter, ends_after: c.endsAfter, public_reason: c.publicReason, kind: c.kind, changed_by: by, changed_at: c.changedAt })
    .execute();
}

/** The public timeline of an edition's date changes, newest first (who changed it is not public). */
export async function listPhaseChanges(db: Db, editionId: string): Promise<PhaseChange[]> {
  const rows = await db
    .selectFrom("edition_phase_changes")
    .select(["id", "phase", "starts_before", "ends_before", "starts_after", "ends_after", "public_reason", "kind", "changed_at"])
    .where("edition_id", "=", editionId)
    .orderBy("changed_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.flatMap((r) =>
    (PHASES as readonly string[]).includes(r.phase)
      ? [{ id: r.id, phase: r.phase as Phase, startsBefore: r.starts_before, endsBefore: r.ends_before, startsAfter: r.starts_after, endsAfter: r.ends_after, publicReason: r.public_reason, kind: r.kind, changedAt: r.changed_at }]
      : [],
  );
}

/** What residents see of an edition's set-up: whether it has a rules document, and the changes to its dates. */
export async function getEditionPublicInfo(db: Db, editionId: string): Promise<{ hasRules: boolean; hasPdf: boolean; changes: PhaseChange[] }> {
  const e = await getEditionAdmin(db, editionId);
  return { hasRules: !!e && e.rulesText.trim() !== "", hasPdf: !!e?.rulesPdfKey, changes: e ? await listPhaseChanges(db, editionId) : [] };
}
