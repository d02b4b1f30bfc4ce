/**
 * The public read API (issue #17): every endpoint defined once — path, parameters, response
 * schema, handler — in ENDPOINTS. The dispatcher (app/http/public-api.server.ts) serves only what
 * is listed here and the OpenAPI document is generated from the same list, so a path cannot be
 * answered without being documented. Handlers only read (the data modules the pages use) and return
 * null for "not found"; the dispatcher parses every answer through its schema before sending it.
 */
import { z } from "zod";
import type { Db } from "../../db/client";
import {
  DistrictListApi,
  EditionApi,
  EditionListApi,
  IdParamApi,
  ImplementationListApi,
  PoolListApi,
  PoolResultsApi,
  ProgrammeListApi,
  ProposalDetailApi,
  ProposalListApi,
  ProposalQueryApi,
  ResultsListApi,
  StatisticsApi,
  YearParamApi,
  type ProposalQuery,
} from "~/domain/api-schemas";
import { firstPublishedPoolId, listApiEditions, listApiPools, listApiProposals, getApiProposals, type ApiEdition } from "~/data/public-api.server";
import { listDistricts } from "~/data/districts.server";
import { listImplementations } from "~/data/implementations.server";
import { listProgrammes } from "~/data/editions.server";
import { getPublicProposal } from "~/data/proposals.server";
import { listPublishedResults, type PublishedPool } from "~/data/results.server";
import { countProposalsByStatus } from "~/data/stats.server";
import { votingStatisticsFlat } from "~/services/public-stats.server";

export interface ApiContext {
  db: Db;
  /** The public origin (PUBLIC_ORIGIN), for absolute links in answers. */
  origin: string;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface ApiEndpoint {
  /** operationId in the OpenAPI document, and the i18n key `api.endpoint.<id>` on /api. */
  id: string;
  /** OpenAPI path template under /api/v1, e.g. "/editions/{year}". */
  path: string;
  summary: string;
  params: AnyObject | null;
  query: AnyObject | null;
  response: z.ZodType;
  handle(ctx: ApiContext, params: Record<string, unknown>, query: Record<string, unknown>): Promise<unknown>;
}

function endpoint<P extends AnyObject | null, Q extends AnyObject | null, R extends z.ZodType>(e: {
  id: string;
  path: string;
  summary: string;
  params: P;
  query: Q;
  response: R;
  handle: (ctx: ApiContext, params: P extends AnyObject ? z.output<P> : object, query: Q extends AnyObject ? z.output<Q> : object) => Promise<z.input<R> | null>;
}): ApiEndpoint {
  return e as unknown as ApiEndpoint;
}

const YearParams = z.object({ year: YearParamApi });
const IdParams = z.object({ id: IdParamApi });

const toEdition = ({ id: _id, ...e }: ApiEdition) => e;

async function editionOf(ctx: ApiContext, year: number): Promise<ApiEdition | null> {
  return (await listApiEditions(ctx.db, { year }))[0] ?? null;
}

function toPoolResults(p: PublishedPool, year: number, programme: string) {
  return {
    poolId: p.poolId,
    year,
    programme,
    kind: p.kind,
    district: p.districtSlug && p.districtName ? { slug: p.districtSlug, name: p.districtName } : null,
    budgetGrosze: p.budgetGrosze,
    spentGrosze: p.spentGrosze,
    voters: p.voters,
    rule: p.rule,
    lotSeed: p.lotSeed,
    rows: p.rows.map((r) => ({ ...r, selected: r.selected > 0 })),
  } as z.input<typeof PoolResultsApi>;
}

export const ENDPOINTS: readonly ApiEndpoint[] = [
  endpoint({
    id: "listEditions",
    path: "/editions",
    summary: "Editions (active and archived), newest first, with their phases",
    params: null,
    query: null,
    response: EditionListApi,
    handle: async (ctx) => ({ editions: (await listApiEditions(ctx.db)).map(toEdition) }),
  }),
  endpoint({
    id: "getCurrentEdition",
    path: "/editions/current",
    summary: "The edition residents are working on now",
    params: null,
    query: null,
    response: EditionApi,
    handle: async (ctx) => {
      const e = (await listApiEditions(ctx.db, { current: true }))[0];
      return e ? toEdition(e) : null;
    },
  }),
  endpoint({
    id: "getEdition",
    path: "/editions/{year}",
    summary: "One edition",
    params: YearParams,
    query: null,
    response: EditionApi,
    handle: async (ctx, { year }) => {
      const e = await editionOf(ctx, year);
      return e ? toEdition(e) : null;
    },
  }),
  endpoint({
    id: "listProgrammes",
    path: "/editions/{year}/programmes",
    summary: "Programmes of an edition (participatory, youth, children-and-youth budget) with their amounts",
    params: YearParams,
    query: null,
    response: ProgrammeListApi,
    handle: async (ctx, { year }) => {
      const e = await editionOf(ctx, year);
      return e ? { year, programmes: await listProgrammes(ctx.db, e.id) } : null;
    },
  }),
  endpoint({
    id: "listPools",
    path: "/editions/{year}/pools",
    summary: "Pools of an edition: the city pool, each district's large and small pools, the other programmes' pools",
    params: YearParams,
    query: null,
    response: PoolListApi,
    handle: async (ctx, { year }) => {
      const e = await editionOf(ctx, year);
      return e ? { year, pools: await listApiPools(ctx.db, { editionId: e.id }) } : null;
    },
  }),
  endpoint({
    id: "listProposals",
    path: "/editions/{year}/proposals",
    summary: "Public proposals of an edition, a page at a time, with their status and (once published) result",
    params: YearParams,
    query: ProposalQueryApi,
    response: ProposalListApi,
    handle: async (ctx, { year }, query: ProposalQuery) => {
      const e = await editionOf(ctx, year);
      if (!e) return null;
      const { total, rows } = await listApiProposals(ctx.db, e.id, query);
      return { year, page: { total, limit: query.limit, offset: query.offset }, proposals: rows } as z.input<typeof ProposalListApi>;
    },
  }),
  endpoint({
    id: "getProposal",
    path: "/proposals/{id}",
    summary: "One public proposal with its description, place and cost breakdown",
    params: IdParams,
    query: null,
    response: ProposalDetailApi,
    handle: async (ctx, { id }) => {
      const [card] = await getApiProposals(ctx.db, [id]);
      const detail = card ? await getPublicProposal(ctx.db, id) : null;
      if (!card || !detail) return null;
      return {
        ...card,
        description: detail.description,
        location: detail.location,
        beneficiaries: detail.beneficiaries,
        point: detail.point,
        costItems: detail.costItems,
        url: `${ctx.origin}/proposals/${encodeURIComponent(id)}`,
      } as z.input<typeof ProposalDetailApi>;
    },
  }),
  endpoint({
    id: "listResults",
    path: "/editions/{year}/results",
    summary: "Published results of every pool of an edition, ranked",
    params: YearParams,
    query: null,
    response: ResultsListApi,
    handle: async (ctx, { year }) => {
      const e = await editionOf(ctx, year);
      if (!e) return null;
      const pools = await listPublishedResults(ctx.db, e.id);
      return { year, pools: pools.map((p) => toPoolResults(p, year, p.programmeKind)) };
    },
  }),
  endpoint({
    id: "getPoolResults",
    path: "/pools/{id}/results",
    summary: "Published results of one pool",
    params: IdParams,
    query: null,
    response: PoolResultsApi,
    handle: async (ctx, { id }) => {
      const [pool] = await listApiPools(ctx.db, { poolId: id });
      if (!pool) return null;
      const [published] = await listPublishedResults(ctx.db, pool.editionId, { poolId: id });
      return published ? toPoolResults(published, pool.year, pool.programme) : null;
    },
  }),
  endpoint({
    id: "getStatistics",
    path: "/editions/{year}/statistics",
    summary: "Proposals by status and voters by district, age band and channel (counts only)",
    params: YearParams,
    query: null,
    response: StatisticsApi,
    handle: async (ctx, { year }) => {
      const e = await editionOf(ctx, year);
      if (!e) return null;
      const [byStatus, voting] = await Promise.all([countProposalsByStatus(ctx.db, e.id), votingStatisticsFlat(ctx.db, e.id)]);
      return {
        year,
        proposalsByStatus: byStatus.filter((r) => r.status !== "draft"),
        votersByDistrict: voting.byDistrict,
        votersByAgeBand: voting.byAge,
        votersByChannel: voting.byChannel,
        votesForChildren: voting.guardian,
      } as z.input<typeof StatisticsApi>;
    },
  }),
  endpoint({
    id: "listImplementations",
    path: "/editions/{year}/implementations",
    summary: "How the edition's winning projects are being built: stage, progress, dates, costs",
    params: YearParams,
    query: null,
    response: ImplementationListApi,
    handle: async (ctx, { year }) => {
      const e = await editionOf(ctx, year);
      if (!e) return null;
      const rows = await listImplementations(ctx.db, { editionYear: year });
      return {
        year,
        implementations: rows.map((r) => ({
          id: r.id,
          proposalId: r.proposalId,
          number: r.proposalNumber,
          title: r.title,
          programme: r.programmeKind,
          district: r.districtName,
          cityUnit: r.cityUnit,
          contact: r.contact,
          status: r.status,
          notFeasibleReason: r.notFeasibleReason,
          progressPct: r.progressPct,
          plannedStart: r.plannedStart,
          plannedEnd: r.plannedEnd,
          actualStart: r.actualStart,
          actualEnd: r.actualEnd,
          votedCostGrosze: r.votedGrosze,
          actualCostGrosze: r.actualCostGrosze,
          updatedAt: r.updatedAt,
        })),
      };
    },
  }),
  endpoint({
    id: "listDistricts",
    path: "/districts",
    summary: "Gdynia's districts",
    params: null,
    query: null,
    response: DistrictListApi,
    handle: async (ctx) => ({ districts: await listDistricts(ctx.db) }),
  }),
];

/** Real values for the documented example links (/api) and the tests: the current year, one proposal, one published pool. */
export async function apiExamples(db: Db): Promise<{ year: number | null; proposalId: string | null; poolId: string | null }> {
  const editions = await listApiEditions(db);
  const current = editions.find((e) => e.status === "active") ?? editions[0] ?? null;
  const proposals = current ? await listApiProposals(db, current.id, { limit: 1, offset: 0 }) : null;
  const poolId = await firstPublishedPoolId(db);
  return { year: current?.year ?? null, proposalId: proposals?.rows[0]?.id ?? null, poolId };
}
