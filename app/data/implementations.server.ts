/**
 * Implementations of winning projects (see app/domain/implementation.ts): the rows, the public
 * timeline and its files. A winner is a proposal selected (pool_results.selected > 0) in a pool
 * whose results are published.
 */
import type { Db } from "../../db/client";
import type { ContentLang, TranslatedText } from "~/domain/translations";
import { listTranslationsOf } from "./proposal-translations.server";
import type { ImplementationStatus } from "~/domain/implementation";
import type { ProgrammeKind } from "~/domain/permissions";

/** Winners of the edition's published pools that have no implementation row yet. */
export async function listUntrackedWinners(db: Db, editionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("pool_results as r")
    .innerJoin("pool_tallies as t", "t.pool_id", "r.pool_id")
    .innerJoin("pools as po", "po.id", "r.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("implementations as i", "i.proposal_id", "r.proposal_id")
    .select("r.proposal_id")
    .where("pr.edition_id", "=", editionId)
    .where("r.selected", ">", 0)
    .where("t.published_at", "is not", null)
    .where("i.id", "is", null)
    .orderBy("r.proposal_id")
    .execute();
  return rows.map((r) => r.proposal_id);
}

export async function insertImplementation(db: Db, x: { id: string; proposalId: string; editionId: string }, at: Date): Promise<void> {
  const iso = at.toISOString();
  await db.insertInto("implementations").values({ id: x.id, proposal_id: x.proposalId, edition_id: x.editionId, status: "planned", progress_pct: 0, not_feasible_reason: null, planned_start: null, planned_end: null, actual_start: null, actual_end: null, actual_cost_grosze: null, created_at: iso, updated_at: iso, updated_by: null }).execute();
}

export interface ImplementationRow {
  id: string;
  proposalId: string;
  proposalNumber: string;
  title: string;
  /** The proposal's summary, its language and translations (#16 item 4). */
  summary: string;
  contentLang: ContentLang;
  translations: TranslatedText[];
  votedGrosze: number;
  editionId: string;
  editionYear: number;
  programmeKind: ProgrammeKind;
  districtName: string | null;
  districtSlug: string | null;
  cityUnit: string;
  contact: string;
  status: ImplementationStatus;
  notFeasibleReason: string | null;
  progressPct: number;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  actualCostGrosze: number | null;
  updatedAt: string;
}

function base(db: Db) {
  return db
    .selectFrom("implementations as i")
    .innerJoin("proposals as p", "p.id", "i.proposal_id")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("editions as e", "e.id", "i.edition_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .select([
      "i.id",
      "i.proposal_id",
      "p.number",
      "p.title",
      "p.summary",
      "p.content_lang",
      "p.cost_grosze",
      "i.edition_id",
      "e.year",
      "pr.kind",
      "d.name as district_name",
      "d.slug as district_slug",
      "i.city_unit",
      "i.contact",
      "i.status",
      "i.not_feasible_reason",
      "i.progress_pct",
      "i.planned_start",
      "i.planned_end",
      "i.actual_start",
      "i.actual_end",
      "i.actual_cost_grosze",
      "i.updated_at",
      "po.position",
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>["executeTakeFirstOrThrow"]>>;

function toRow(r: BaseRow): ImplementationRow {
  return {
    id: r.id,
    proposalId: r.proposal_id,
    proposalNumber: r.number,
    title: r.title,
    summary: r.summary,
    contentLang: r.content_lang,
    translations: [],
    votedGrosze: Number(r.cost_grosze),
    editionId: r.edition_id,
    editionYear: Number(r.year),
    programmeKind: r.kind,
    districtName: r.district_name,
    districtSlug: r.district_slug,
    cityUnit: r.city_unit,
    contact: r.contact,
    status: r.status,
    notFeasibleReason: r.not_feasible_reason,
    progressPct: Number(r.progress_pct),
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    actualCostGrosze: r.actual_cost_grosze === null ? null : Number(r.actual_cost_grosze),
    updatedAt: r.updated_at,
  };
}

export async function getImplementation(db: Db, id: string): Promise<ImplementationRow | null> {
  const r = await base(db).where("i.id", "=", id).executeTakeFirst();
  return r ? { ...toRow(r), translations: (await listTranslationsOf(db, [r.proposal_id])).get(r.proposal_id) ?? [] } : null;
}

export async function getImplementationOfProposal(db: Db, proposalId: string): Promise<{ id: string } | null> {
  return (await db.selectFrom("implementations").select("id").where("proposal_id", "=", proposalId).executeTakeFirst()) ?? null;
}

export interface ImplementationFilter {
  editionYear?: number;
  districtSlug?: string;
  /** "city": the pools without a district. */
  city?: boolean;
  status?: ImplementationStatus;
  programmes?: readonly ProgrammeKind[];
}

/** Newest edition first, then by pool and number. */
export async function listImplementations(db: Db, f: ImplementationFilter = {}): Promise<ImplementationRow[]> {
  let q = base(db);
  if (f.editionYear !== undefined) q = q.where("e.year", "=", f.editionYear);
  if (f.districtSlug) q = q.where("d.slug", "=", f.districtSlug);
  if (f.city) q = q.where("po.district_id", "is", null);
  if (f.status) q = q.where("i.status", "=", f.status);
  if (f.programmes) {
    if (f.programmes.length === 0) return [];
    q = q.where("pr.kind", "in", [...f.programmes]);
  }
  const rows = await q.orderBy("e.year", "desc").orderBy("po.position").orderBy("p.number").execute();
  const translations = await listTranslationsOf(db, rows.map((r) => r.proposal_id));
  return rows.map((r) => ({ ...toRow(r), translations: translations.get(r.proposal_id) ?? [] }));
}

/** Years and districts that have implementations: the filter's choices. */
export async function listImplementationFacets(db: Db): Promise<{ years: number[]; districts: { slug: string; name: string }[] }> {
  const years = await db.selectFrom("implementations as i").innerJoin("editions as e", "e.id", "i.edition_id").select("e.year").distinct().orderBy("e.year", "desc").execute();
  const districts = await db
    .selectFrom("implementations as i")
    .innerJoin("proposals as p", "p.id", "i.proposal_id")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("districts as d", "d.id", "po.district_id")
    .select(["d.slug", "d.name"])
    .distinct()
    .orderBy("d.name")
    .execute();
  return { years: years.map((y) => Number(y.year)), districts };
}

export interface ImplementationChange {
  status: ImplementationStatus;
  progressPct: number;
  notFeasibleReason: string | null;
  cityUnit: string;
  contact: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  actualCostGrosze: number | null;
}

export async function updateImplementation(db: Db, id: string, c: ImplementationChange, by: string | null, at: Date): Promise<void> {
  await db
    .updateTable("implementations")
    .set({
      status: c.status,
      progress_pct: c.progressPct,
      not_feasible_reason: c.notFeasibleReason,
      city_unit: c.cityUnit,
      contact: c.contact,
      planned_start: c.plannedStart,
      planned_end: c.plannedEnd,
      actual_start: c.actualStart,
      actual_end: c.actualEnd,
      actual_cost_grosze: c.actualCostGrosze,
      updated_at: at.toISOString(),
      updated_by: by,
    })
    .where("id", "=", id)
    .execute();
}

export interface EntryFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  kind: "photo" | "document";
  caption: string;
}

export interface Entry {
  id: string;
  entryDate: string;
  text: string;
  files: EntryFile[];
}

export async function insertEntry(db: Db, e: { id: string; implementationId: string; entryDate: string; text: string; createdBy: string | null }, at: Date): Promise<void> {
  await db.insertInto("implementation_entries").values({ id: e.id, implementation_id: e.implementationId, entry_date: e.entryDate, text: e.text, created_by: e.createdBy, created_at: at.toISOString() }).execute();
}

export async function insertEntryFile(db: Db, f: EntryFile & { entryId: string; storageKey: string; position: number }): Promise<void> {
  await db
    .insertInto("implementation_entry_files")
    .values({ id: f.id, entry_id: f.entryId, storage_key: f.storageKey, file_name: f.fileName, content_type: f.contentType, size_bytes: f.sizeBytes, kind: f.kind, caption: f.caption, position: f.position })
    .execute();
}

/** The timeline, newest first, with its files. */
export async function listEntries(db: Db, implementationId: string): Promise<Entry[]> {
  const entries = await db.selectFrom("implementation_entries").select(["id", "entry_date", "text"]).where("implementation_id", "=", implementationId).orderBy("entry_date", "desc").orderBy("created_at", "desc").execute();
  if (entries.length === 0) return [];
  const files = await db
    .selectFrom("implementation_entry_files")
    .select(["id", "entry_id", "file_name", "content_type", "size_bytes", "kind", "caption"])
    .where(
      "entry_id",
      "in",
      entries.map((e) => e.id),
    )
    .orderBy("position")
    .execute();
  return entries.map((e) => ({
    id: e.id,
    entryDate: e.entry_date,
    text: e.text,
    files: files.filter((f) => f.entry_id === e.id).map((f) => ({ id: f.id, fileName: f.file_name, contentType: f.content_type, sizeBytes: Number(f.size_bytes), kind: f.kind, caption: f.caption })),
  }));
}

export async function getEntryFile(db: Db, id: string): Promise<{ storageKey: string; fileName: string; contentType: string } | null> {
  const r = await db.selectFrom("implementation_entry_files").select(["storage_key", "file_name", "content_type"]).where("id", "=", id).executeTakeFirst();
  return r ? { storageKey: r.storage_key, fileName: r.file_name, contentType: r.content_type } : null;
}
