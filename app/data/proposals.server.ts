import type { Db } from "../../db/client";
import { PUBLIC_STATUSES, searchText, type ProposalFilter } from "~/domain/proposals";
import type { PoolKind } from "~/domain/rules";
import { containsPattern, likeEscaped } from "../../db/like";
import { listTranslationsOf } from "./proposal-translations.server";
import type { ContentLang, TranslatedText } from "~/domain/translations";

export interface ProposalCard {
  id: string;
  number: string;
  title: string;
  summary: string;
  category: string;
  status: string;
  costGrosze: number;
  poolKind: PoolKind;
  /** The language the title and summary are written in, and their translations (#16 item 4). */
  contentLang: ContentLang;
  translations: TranslatedText[];
}

/** Escapes LIKE wildcards so a resident's "%" or "_" is searched for literally. */
function likePattern(q: string): string {
  return containsPattern(searchText(q));
}

/** The public proposals in the given pools that match a resident's filter (not yet selected). */
function publicProposalsQuery(db: Db, poolIds: readonly string[], filter: ProposalFilter) {
  let q = db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .where("p.pool_id", "in", poolIds)
    .where("p.status", "in", filter.status ? [filter.status] : PUBLIC_STATUSES);
  if (filter.pool) q = q.where("po.kind", "=", filter.pool);
  if (filter.category) q = q.where("p.category", "=", filter.category);
  if (filter.q) q = q.where(likeEscaped("p.search_text", likePattern(filter.q)));
  return q;
}

/** Public proposals in the given pools, filtered as a resident asked; one page of them when asked. */
export async function listPublicProposals(
  db: Db,
  poolIds: readonly string[],
  filter: ProposalFilter = {},
  page?: { limit: number; offset: number },
): Promise<ProposalCard[]> {
  if (poolIds.length === 0) return [];
  let q = publicProposalsQuery(db, poolIds, filter)
    .select(["p.id", "p.number", "p.title", "p.summary", "p.category", "p.status", "p.cost_grosze", "po.kind as pool_kind", "p.content_lang"])
    .orderBy("po.position")
    .orderBy("p.number")
    .orderBy("p.id");
  if (page) q = q.limit(page.limit).offset(page.offset);
  const rows = await q.execute();
  const translations = await listTranslationsOf(db, rows.map((r) => r.id));
  return rows.map((r) => cardOf(r, translations));
}

/** A card from its row and the page's translations (the district lists and the search across all). */
export function cardOf(
  r: { id: string; number: string; title: string; summary: string; category: string; status: string; cost_grosze: number | string | bigint; pool_kind: PoolKind; content_lang: ContentLang },
  translations: ReadonlyMap<string, TranslatedText[]>,
): ProposalCard {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    summary: r.summary,
    category: r.category,
    status: r.status,
    costGrosze: Number(r.cost_grosze),
    poolKind: r.pool_kind,
    contentLang: r.content_lang,
    translations: translations.get(r.id) ?? [],
  };
}

/** How many public proposals listPublicProposals would give without a page. */
export async function countPublicProposals(db: Db, poolIds: readonly string[], filter: ProposalFilter = {}): Promise<number> {
  if (poolIds.length === 0) return 0;
  const row = await publicProposalsQuery(db, poolIds, filter)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ProposalDetail extends ProposalCard {
  description: string;
  location: string;
  /** The optional map point (WGS 84), both or neither. */
  point: { lat: number; lng: number } | null;
  beneficiaries: string;
  editionYear: number;
  editionStatus: string;
  programmeKind: "bo" | "youth" | "children";
  district: { slug: string; name: string } | null;
  costItems: { label: string; amountGrosze: number }[];
  result: { votes: number; selected: number; published: boolean } | null;
}

export async function getPublicProposal(db: Db, id: string): Promise<ProposalDetail | null> {
  const row = await db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("editions as e", "e.id", "p.edition_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .leftJoin("pool_results as r", (j) => j.onRef("r.proposal_id", "=", "p.id").onRef("r.pool_id", "=", "po.id"))
    .leftJoin("pool_tallies as t", "t.pool_id", "po.id")
    .select([
      "p.id",
      "p.number",
      "p.title",
      "p.summary",
      "p.content_lang",
      "p.description",
      "p.category",
      "p.status",
      "p.cost_grosze",
      "p.location",
      "p.lat",
      "p.lng",
      "p.beneficiaries",
      "po.kind as pool_kind",
      "pr.kind as programme_kind",
      "e.year",
      "e.status as edition_status",
      "d.slug as district_slug",
      "d.name as district_name",
      "r.votes",
      "r.selected",
      "t.published_at",
    ])
    .where("p.id", "=", id)
    .where("p.status", "in", PUBLIC_STATUSES)
    .executeTakeFirst();
  if (!row) return null;
  const items = await db
    .selectFrom("proposal_cost_items")
    .select(["label", "amount_grosze"])
    .where("proposal_id", "=", id)
    .orderBy("position")
    .execute();
  const translations = (await listTranslationsOf(db, [id])).get(id) ?? [];
  const published = row.published_at !== null && row.published_at !== undefined;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    summary: row.summary,
    contentLang: row.content_lang,
    translations,
    description: row.description,
    category: row.category,
    status: row.status,
    costGrosze: Number(row.cost_grosze),
    location: row.location,
    point: row.lat !== null && row.lng !== null ? { lat: Number(row.lat), lng: Number(row.lng) } : null,
    beneficiaries: row.beneficiaries,
    poolKind: row.pool_kind,
    programmeKind: row.programme_kind,
    editionYear: row.year,
    editionStatus: row.edition_status,
    district: row.district_slug && row.district_name ? { slug: row.district_slug, name: row.district_name } : null,
    costItems: items.map((i) => ({ label: i.label, amountGrosze: Number(i.amount_grosze) })),
    result: row.votes !== null && row.votes !== undefined && published ? { votes: row.votes, selected: row.selected ?? 0, published } : null,
  };
}
