import type { Db } from "../../db/client";
import type { ContentLang, TranslatedText } from "~/domain/translations";
import { listTranslationsOf } from "./proposal-translations.server";

export interface PoolResultRow {
  proposalId: string;
  number: string;
  title: string;
  summary: string;
  /** The language of title and summary, and their translations (#16 item 4). */
  contentLang: ContentLang;
  translations: TranslatedText[];
  costGrosze: number;
  votes: number;
  /** votes, or points in a points/ranked pool */
  score: number;
  rank: number;
  selected: number;
  decision: string;
}

export interface PublishedPool {
  poolId: string;
  kind: string;
  programmeKind: string;
  districtName: string | null;
  districtSlug: string | null;
  budgetGrosze: number;
  voters: number;
  spentGrosze: number;
  rule: string | null;
  lotSeed: string | null;
  ties: { projects: string[]; score?: number }[];
  mes: { selected: string[]; spent: number } | null;
  published: boolean;
  rows: PoolResultRow[];
}

function parseJson<T>(s: string | null, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

/** Every pool of an edition with the state of its count, for the officials' counting page. */
export async function listPoolTallies(db: Db, editionId: string) {
  const rows = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("pool_tallies as t", "t.pool_id", "po.id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .select(["po.id", "po.kind", "pr.kind as programme", "d.name as district", "po.budget_grosze", "t.voters", "t.spent_grosze", "t.ties_json", "t.lot_seed", "t.published_at", "t.counted_at"])
    .where("pr.edition_id", "=", editionId)
    .orderBy("pr.position")
    .orderBy("po.position")
    .execute();
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    programme: p.programme,
    district: p.district,
    budget: Number(p.budget_grosze),
    voters: p.voters ?? null,
    spent: p.spent_grosze === null ? null : Number(p.spent_grosze),
    ties: p.lot_seed ? ("lot" as const) : p.ties_json && p.ties_json !== "[]" ? ("open" as const) : ("none" as const),
    status: p.published_at ? ("published" as const) : p.counted_at ? ("draft" as const) : ("none" as const),
  }));
}

/** Results of every pool in an edition, ranked: published ones, or drafts too for officials. */
export async function listPublishedResults(db: Db, editionId: string, opts: { includeDrafts?: boolean; poolId?: string } = {}): Promise<PublishedPool[]> {
  let q = db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .innerJoin("pool_tallies as t", "t.pool_id", "po.id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .select([
      "po.id",
      "po.kind",
      "pr.kind as programme_kind",
      "po.budget_grosze",
      "t.voters",
      "t.spent_grosze",
      "t.rule",
      "t.lot_seed",
      "t.ties_json",
      "t.mes_json",
      "t.published_at",
      "d.name as district_name",
      "d.slug as district_slug",
    ])
    .where("pr.edition_id", "=", editionId);
  if (!opts.includeDrafts) q = q.where("t.published_at", "is not", null);
  if (opts.poolId) q = q.where("po.id", "=", opts.poolId);
  const pools = await q.orderBy("pr.position").orderBy("po.position").execute();
  if (pools.length === 0) return [];
  const rows = await db
    .selectFrom("pool_results as r")
    .innerJoin("proposals as p", "p.id", "r.proposal_id")
    .select(["r.pool_id", "r.proposal_id", "p.number", "p.title", "p.summary", "p.content_lang", "p.cost_grosze", "r.votes", "r.score", "r.rank", "r.selected", "r.decision"])
    .where(
      "r.pool_id",
      "in",
      pools.map((p) => p.id),
    )
    .orderBy("r.rank")
    .execute();
  const translations = await listTranslationsOf(db, rows.map((r) => r.proposal_id));
  return pools.map((p) => ({
    poolId: p.id,
    kind: p.kind,
    programmeKind: p.programme_kind,
    districtName: p.district_name,
    districtSlug: p.district_slug,
    budgetGrosze: Number(p.budget_grosze),
    voters: p.voters,
    spentGrosze: Number(p.spent_grosze),
    rule: p.rule,
    lotSeed: p.lot_seed,
    ties: parseJson<{ projects: string[]; score?: number }[]>(p.ties_json, []),
    mes: parseJson<{ selected: string[]; spent: number } | null>(p.mes_json, null),
    published: p.published_at !== null,
    rows: rows
      .filter((r) => r.pool_id === p.id)
      .map((r) => ({
        proposalId: r.proposal_id,
        number: r.number,
        title: r.title,
        summary: r.summary,
        contentLang: r.content_lang,
        translations: translations.get(r.proposal_id) ?? [],
        costGrosze: Number(r.cost_grosze),
        votes: r.votes,
        score: Number(r.score),
        rank: r.rank,
        selected: r.selected,
        decision: r.decision,
      })),
  }));
}
