/**
 * Search across every public proposal of an edition (all programmes and districts): by title,
 * summary or place (the stored search text) or by its number; one page at a time.
 */
import type { Db } from "../../db/client";
import { PUBLIC_STATUSES, searchText } from "~/domain/proposals";
import { containsPattern, likeEscaped } from "../../db/like";
import { listTranslationsOf } from "./proposal-translations.server";
import { cardOf, type ProposalCard } from "./proposals.server";

/** A card of the district lists, plus where the proposal belongs (the search spans every programme). */
export interface SearchHit extends ProposalCard {
  districtName: string | null;
  programmeKind: "bo" | "youth" | "children";
}

function searchQuery(db: Db, editionId: string, q: string | undefined) {
  let query = db
    .selectFrom("proposals as p")
    .innerJoin("pools as po", "po.id", "p.pool_id")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .where("pr.edition_id", "=", editionId)
    .where("p.status", "in", PUBLIC_STATUSES);
  if (q) {
    const pattern = containsPattern(searchText(q));
    query = query.where((eb) => eb.or([likeEscaped("p.search_text", pattern), likeEscaped(eb.fn("lower", ["p.number"]), pattern)]));
  }
  return query;
}

export async function countEditionProposals(db: Db, editionId: string, q: string | undefined): Promise<number> {
  const row = await searchQuery(db, editionId, q)
    .select((eb) => eb.fn.countAll<number | string | bigint>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function searchEditionProposals(db: Db, editionId: string, q: string | undefined, page: { limit: number; offset: number }): Promise<SearchHit[]> {
  const rows = await searchQuery(db, editionId, q)
    .select(["p.id", "p.number", "p.title", "p.summary", "p.category", "p.status", "p.cost_grosze", "p.content_lang", "po.kind as pool_kind", "d.name as district_name", "pr.kind as programme_kind"])
    .orderBy("pr.position")
    .orderBy("po.position")
    .orderBy("p.number")
    .orderBy("p.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  // one query for the page's translations (#16 item 4), not one per card
  const translations = await listTranslationsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...cardOf(r, translations), districtName: r.district_name, programmeKind: r.programme_kind }));
}
