/**
 * Reads for the public API (app/services/public-api.server.ts) that the pages have no query for:
 * public editions with their names, an edition's pools with their district, a page of proposals
 * with a total, one pool. Draft editions are never public; proposals only in public statuses.
 */
import type { Db } from "../../db/client";
import { PUBLIC_STATUSES } from "~/domain/proposals";
import { PhaseSchema, type PoolKind } from "~/domain/rules";
import type { ProposalQuery } from "~/domain/api-schemas";
import type { ContentLang, TranslatedText } from "~/domain/translations";
import { listTranslationsOf } from "./proposal-translations.server";

type ProgrammeKind = "bo" | "youth" | "children";

export interface ApiEdition {
  id: string;
  year: number;
  name: string;
  status: "active" | "archived";
  source: string | null;
  phases: { phase: (typeof PhaseSchema.options)[number]; startsAt: string; endsAt: string }[];
}

/** Editions residents may see (active and archived, newest first), or only the one of `year`. */
export async function listApiEditions(db: Db, opts: { year?: number; current?: boolean } = {}): Promise<ApiEdition[]> {
  let q = db.selectFrom("editions").select(["id", "year", "name", "status", "source"]).where("status", "in", ["active", "archived"]);
  if (opts.year !== undefined) q = q.where("year", "=", opts.year);
  if (opts.current) q = q.where("status", "=", "active");
  const rows = await q.orderBy("year", "desc").execute();
  if (rows.length === 0) return [];
  const phases = await db
    .selectFrom("edition_phases")
    .select(["edition_id", "phase", "starts_at", "ends_at"])
    .where(
      "edition_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("starts_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    name: r.name,
    status: r.status === "archived" ? "archived" : "active",
    source: r.source,
    phases: phases.flatMap((p) => {
      const phase = PhaseSchema.safeParse(p.phase);
      return p.edition_id === r.id && phase.success ? [{ phase: phase.data, startsAt: p.starts_at, endsAt: p.ends_at }] : [];
    }),
  }));
}

export interface ApiPool {
  id: string;
  editionId: string;
  year: number;
  programme: ProgrammeKind;
  kind: PoolKind;
  district: { slug: string; name: string } | null;
  budgetGrosze: number;
  maxProjectCostGrosze: number | null;
  carriedOverGrosze: number;
}

/** Pools of a public edition (or the one pool `poolId`), in display order. */
export async function listApiPools(db: Db, where: { editionId: string } | { poolId: string }): Promise<ApiPool[]> {
  let q = db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("editions as e", "e.id", "pr.edition_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .select([
      "po.id",
      "e.id as edition_id",
      "e.year",
      "pr.kind as programme",
      "po.kind",
      "d.slug",
      "d.name",
      "po.budget_grosze",
      "po.max_project_cost_grosze",
      "po.carried_over_grosze",
    ])
    .where("e.status", "in", ["active", "archived"]);
  q = "poolId" in where ? q.where("po.id", "=", where.poolId) : q.where("e.id", "=", where.editionId);
  const rows = await q.orderBy("pr.position").orderBy("po.position").execute();
  return rows.map((r) => ({
    id: r.id,
    editionId: r.edition_id,
    year: r.year,
    programme: r.programme,
    kind: r.kind,
    district: r.slug && r.name ? { slug: r.slug, name: r.name } : null,
    budgetGrosze: Number(r.budget_grosze),
    maxProjectCostGrosze: r.max_project_cost_grosze === null ? null : Number(r.max_project_cost_grosze),
    carriedOverGrosze: Number(r.carried_over_grosze),
  }));
}

export interface ApiProposal {
  id: string;
  number: string;
  title: string;
  summary: string;
  status: string;
  category: string;
  costGrosze: number;
  year: number;
  programme: ProgrammeKind;
  pool: { id: string; kind: PoolKind };
  district: { slug: string; name: string } | null;
  result: { votes: number; selected: boolean } | null;
  /** The language the title and summary are written in, and their translations (#16, #17). */
  language: ContentLang;
  translations: TranslatedText[];
}

function proposalQuery(db: Db) {
  return db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("editions as e", "e.id", "p.edition_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .where("p.status", "in", PUBLIC_STATUSES)
    .where("e.status", "in", ["active", "archived"]);
}

/** A page of an edition's public proposals (ordered as the pages list them) and how many match in all. */
export async function listApiProposals(db: Db, editionId: string, f: ProposalQuery): Promise<{ total: number; rows: ApiProposal[] }> {
  let q = proposalQuery(db).where("e.id", "=", editionId);
  if (f.programme) q = q.where("pr.kind", "=", f.programme);
  if (f.pool) q = q.where("po.kind", "=", f.pool);
  if (f.district) q = q.where("d.slug", "=", f.district);
  if (f.status) q = q.where("p.status", "=", f.status);
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const ids = await q.select("p.id").orderBy("pr.position").orderBy("po.position").orderBy("p.number").orderBy("p.id").limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows: await getApiProposals(db, ids.map((r) => r.id)) };
}

/** The public proposals among `ids`, in the order of `ids`. */
export async function getApiProposals(db: Db, ids: readonly string[]): Promise<ApiProposal[]> {
  if (ids.length === 0) return [];
  const rows = await proposalQuery(db)
    .leftJoin("pool_results as r", (j) => j.onRef("r.proposal_id", "=", "p.id").onRef("r.pool_id", "=", "po.id"))
    .leftJoin("pool_tallies as t", "t.pool_id", "po.id")
    .select([
      "p.id",
      "p.number",
      "p.title",
      "p.summary",
      "p.content_lang",
      "p.status",
      "p.category",
      "p.cost_grosze",
      "e.year",
      "pr.kind as programme",
      "po.id as pool_id",
      "po.kind as pool_kind",
      "d.slug",
      "d.name",
      "r.votes",
      "r.selected",
      "t.published_at",
    ])
    .where("p.id", "in", ids)
    .execute();
  const translations = await listTranslationsOf(db, ids);
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        number: r.number,
        title: r.title,
        summary: r.summary,
        status: r.status,
        category: r.category,
        costGrosze: Number(r.cost_grosze),
        year: r.year,
        programme: r.programme,
        pool: { id: r.pool_id, kind: r.pool_kind },
        district: r.slug && r.name ? { slug: r.slug, name: r.name } : null,
        result: r.published_at && r.votes !== null && r.votes !== undefined ? { votes: Number(r.votes), selected: Number(r.selected ?? 0) > 0 } : null,
        language: r.content_lang,
        translations: translations.get(r.id) ?? [],
      },
    ]),
  );
  return ids.flatMap((id) => {
    const p = byId.get(id);
    return p ? [p] : [];
  });
}

/** A pool with published results in a public edition (the newest edition's first), for example links; null when none. */
export async function firstPublishedPoolId(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom("pool_tallies as t")
    .innerJoin("pools as po", "po.id", "t.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("editions as e", "e.id", "pr.edition_id")
    .select("po.id")
    .where("t.published_at", "is not", null)
    .where("e.status", "in", ["active", "archived"])
    .orderBy("e.year", "desc")
    .orderBy("pr.position")
    .orderBy("po.position")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
