/**
 * Final lists per pool: what is on them, whether they are published, and their publication.
 */
import type { Db } from "../../db/client";
import { ProposalStatusSchema, type ProposalStatus } from "~/domain/proposals";
import type { PoolKind } from "~/domain/rules";
import type { ProgrammeKind } from "~/domain/permissions";
import type { ContentLang, TranslatedText } from "~/domain/translations";
import { listTranslationsOf } from "./proposal-translations.server";

export interface FinalListPool {
  poolId: string;
  poolKind: PoolKind;
  programmeKind: ProgrammeKind;
  districtName: string | null;
  publishedAt: string | null;
  proposals: { id: string; number: string; title: string; summary: string; contentLang: ContentLang; translations: TranslatedText[]; costGrosze: number; status: ProposalStatus }[];
}

/** Pools of an edition with their proposals in the given statuses and whether their list is published. */
export async function listFinalLists(db: Db, editionId: string, statuses: readonly ProposalStatus[], opts: { publishedOnly?: boolean; programmes?: readonly ProgrammeKind[] } = {}): Promise<FinalListPool[]> {
  let q = db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("districts as d", "d.id", "po.district_id")
    .leftJoin("final_lists as fl", "fl.pool_id", "po.id")
    .select(["po.id", "po.kind", "pr.kind as programme_kind", "d.name as district_name", "fl.published_at"])
    .where("pr.edition_id", "=", editionId);
  if (opts.publishedOnly) q = q.where("fl.published_at", "is not", null);
  if (opts.programmes) q = q.where("pr.kind", "in", opts.programmes.length ? opts.programmes : ["__none__" as ProgrammeKind]);
  const pools = await q.orderBy("pr.position").orderBy("po.position").execute();
  if (pools.length === 0) return [];
  const props = await db
    .selectFrom("proposals")
    .select(["id", "number", "title", "summary", "content_lang", "cost_grosze", "status", "pool_id"])
    .where(
      "pool_id",
      "in",
      pools.map((p) => p.id),
    )
    .where("status", "in", statuses)
    .orderBy("number")
    .execute();
  const translations = await listTranslationsOf(db, props.map((x) => x.id));
  return pools.map((p) => ({
    poolId: p.id,
    poolKind: p.kind,
    programmeKind: p.programme_kind,
    districtName: p.district_name ?? null,
    publishedAt: p.published_at ?? null,
    proposals: props
      .filter((x) => x.pool_id === p.id)
      .map((x) => ({ id: x.id, number: x.number, title: x.title, summary: x.summary, contentLang: x.content_lang, translations: translations.get(x.id) ?? [], costGrosze: Number(x.cost_grosze), status: ProposalStatusSchema.catch("draft").parse(x.status) })),
  }));
}

export async function listProgrammePools(db: Db, editionId: string, programme: ProgrammeKind): Promise<{ id: string; publishedAt: string | null }[]> {
  const rows = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("final_lists as fl", "fl.pool_id", "po.id")
    .select(["po.id", "fl.published_at"])
    .where("pr.edition_id", "=", editionId)
    .where("pr.kind", "=", programme)
    .execute();
  return rows.map((r) => ({ id: r.id, publishedAt: r.published_at ?? null }));
}

export async function countInStatuses(db: Db, poolIds: readonly string[], statuses: readonly ProposalStatus[]): Promise<number> {
  if (poolIds.length === 0) return 0;
  const r = await db
    .selectFrom("proposals")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("pool_id", "in", poolIds)
    .where("status", "in", statuses)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertFinalLists(db: Db, poolIds: readonly string[], by: string, at: Date): Promise<void> {
  if (poolIds.length === 0) return;
  await db
    .insertInto("final_lists")
    .values(poolIds.map((id) => ({ pool_id: id, published_at: at.toISOString(), published_by: by })))
    .execute();
}
