/**
 * The public read API's shapes (issue #17), one zod schema per response. The same schemas shape
 * every answer (a response is parsed through its schema before it is sent, so a field that is not
 * listed here never leaves the server) and generate the OpenAPI document (`z.toJSONSchema`).
 * No personal data: no author, no user or voter ids, no names of people, no e-mail addresses.
 * Money is in integer grosze (1 zł = 100 grosze), times are ISO-8601 UTC.
 */
import { z } from "zod";
import { IdSchema } from "./ids";
import { PHASES, PoolKindSchema } from "./rules";
import { PROPOSAL_STATUSES } from "./proposals";

/** The largest page a list answers with; `limit` above it is refused (400), not silently cut. */
export const API_MAX_LIMIT = 100;
export const API_DEFAULT_LIMIT = 50;

/** Where the schemas are registered under their component names for the OpenAPI document. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  apiRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

const Grosze = z.number().int().nonnegative().describe("an amount in grosze (1 zł = 100 grosze)");
const Timestamp = z.string().describe("ISO-8601 UTC");
export const ProgrammeKindApi = z.enum(["bo", "youth", "children"]).describe("bo: participatory budget; youth: youth budget; children: children-and-youth budget");
const PublicProposalStatus = z.enum(PROPOSAL_STATUSES.filter((s) => s !== "draft") as [string, ...string[]]);

// ---- parameters --------------------------------------------------------------------------------

export const YearParamApi = z.coerce.number().int().min(2000).max(2200).describe("the edition's year, e.g. 2026");
export const IdParamApi = IdSchema.describe("an id as another answer gives it");

export const ProposalQueryApi = z.object({
  limit: z.coerce.number().int().min(1).max(API_MAX_LIMIT).default(API_DEFAULT_LIMIT).describe(`page size, at most ${API_MAX_LIMIT}`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe("how many to skip"),
  programme: ProgrammeKindApi.optional(),
  pool: PoolKindSchema.optional().describe("pool kind"),
  district: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().describe("district slug (see /districts)"),
  status: PublicProposalStatus.optional(),
});
export type ProposalQuery = z.output<typeof ProposalQueryApi>;

// ---- responses ---------------------------------------------------------------------------------

export const ErrorApi = named(z.object({ error: z.string().describe("a snake_case reason: not_found, bad_request, method_not_allowed, rate_limited") }), "Error");

export const DistrictRefApi = named(z.object({ slug: z.string(), name: z.string() }), "DistrictRef");

export const DistrictApi = named(
  z.object({ id: z.string(), slug: z.string(), name: z.string(), population: z.number().int().nonnegative().describe("approximate, for the budget formula") }),
  "District",
);
export const DistrictListApi = named(z.object({ districts: z.array(DistrictApi) }), "DistrictList");

export const PhaseApi = named(z.object({ phase: z.enum(PHASES), startsAt: Timestamp, endsAt: Timestamp }), "Phase");

export const EditionApi = named(
  z.object({
    year: z.number().int(),
    name: z.string().describe("the edition's name; empty for an edition imported from open data"),
    status: z.enum(["active", "archived"]),
    source: z.string().nullable().describe("where an imported edition's data come from (e.g. Pabulib), else null"),
    phases: z.array(PhaseApi),
  }),
  "Edition",
);
export const EditionListApi = named(z.object({ editions: z.array(EditionApi) }), "EditionList");

export const ProgrammeApi = named(
  z.object({
    id: z.string(),
    kind: ProgrammeKindApi,
    moderation: z.enum(["officials", "youth_council"]),
    minAge: z.number().int().nullable(),
    maxAge: z.number().int().nullable(),
    budgetGrosze: Grosze,
  }),
  "Programme",
);
export const ProgrammeListApi = named(z.object({ year: z.number().int(), programmes: z.array(ProgrammeApi) }), "ProgrammeList");

export const PoolApi = named(
  z.object({
    id: z.string(),
    programme: ProgrammeKindApi,
    kind: PoolKindSchema,
    district: DistrictRefApi.nullable(),
    budgetGrosze: Grosze,
    maxProjectCostGrosze: Grosze.nullable(),
    carriedOverGrosze: Grosze,
  }),
  "Pool",
);
export const PoolListApi = named(z.object({ year: z.number().int(), pools: z.array(PoolApi) }), "PoolList");

export const ProposalResultApi = named(
  z.object({ votes: z.number().int().nonnegative(), selected: z.boolean() }).describe("only once the pool's results are published"),
  "ProposalResult",
);

export const ProposalApi = named(
  z.object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    summary: z.string(),
    status: PublicProposalStatus,
    category: z.string(),
    costGrosze: Grosze,
    year: z.number().int(),
    programme: ProgrammeKindApi,
    pool: z.object({ id: z.string(), kind: PoolKindSchema }),
    district: DistrictRefApi.nullable(),
    result: ProposalResultApi.nullable(),
    language: z.enum(["pl", "uk", "en"]).describe("the language the author wrote the title, summary and description in"),
    translations: z
      .array(z.object({ lang: z.enum(["pl", "uk", "en"]), title: z.string(), summary: z.string() }))
      .describe("the title and summary translated into the site's other languages, where someone has translated them"),
  }),
  "Proposal",
);

export const PageApi = named(z.object({ total: z.number().int().nonnegative(), limit: z.number().int(), offset: z.number().int() }), "Page");
export const ProposalListApi = named(z.object({ year: z.number().int(), page: PageApi, proposals: z.array(ProposalApi) }), "ProposalList");

export const ProposalDetailApi = named(
  ProposalApi.extend({
    description: z.string(),
    location: z.string(),
    beneficiaries: z.string(),
    point: z.object({ lat: z.number(), lng: z.number() }).nullable().describe("WGS 84"),
    costItems: z.array(z.object({ label: z.string(), amountGrosze: Grosze })),
    url: z.string().describe("the proposal's public page"),
  }),
  "ProposalDetail",
);

export const ResultRowApi = named(
  z.object({
    proposalId: z.string(),
    number: z.string(),
    title: z.string(),
    costGrosze: Grosze,
    votes: z.number().int().nonnegative(),
    rank: z.number().int(),
    selected: z.boolean(),
    decision: z.string().describe("why it was or was not funded (funded, over_budget, …)"),
  }),
  "ResultRow",
);

export const PoolResultsApi = named(
  z.object({
    poolId: z.string(),
    year: z.number().int(),
    programme: ProgrammeKindApi,
    kind: PoolKindSchema,
    district: DistrictRefApi.nullable(),
    budgetGrosze: Grosze,
    spentGrosze: Grosze,
    voters: z.number().int().nonnegative(),
    rule: z.string().nullable().describe("the counting rule used"),
    lotSeed: z.string().nullable().describe("seed of the public lot that broke ties, if one was drawn"),
    rows: z.array(ResultRowApi),
  }),
  "PoolResults",
);
export const ResultsListApi = named(z.object({ year: z.number().int(), pools: z.array(PoolResultsApi) }), "ResultsList");

const GroupCount = z.object({ programme: ProgrammeKindApi, group: z.string().nullable(), voters: z.number().int().nonnegative() });
export const StatisticsApi = named(
  z.object({
    year: z.number().int(),
    proposalsByStatus: z.array(z.object({ programme: ProgrammeKindApi, status: PublicProposalStatus, count: z.number().int().nonnegative() })),
    votersByDistrict: z.array(GroupCount),
    votersByAgeBand: z.array(GroupCount),
    votersByChannel: z.array(GroupCount),
    votesForChildren: z.array(z.object({ programme: ProgrammeKindApi, voters: z.number().int().nonnegative() })),
  }),
  "Statistics",
);

/** Keys that name a person or identify a voter: none may appear anywhere in an answer (tested). */
export const FORBIDDEN_API_KEYS = [
  "email",
  "author",
  "authorUserId",
  "user",
  "userId",
  "voter",
  "voterId",
  "pesel",
  "password",
  "passwordHash",
  "displayName",
  "guardianName",
  "residentName",
  "residentContact",
  "receipt",
  "receiptHash",
  "ip",
  "fileName",
] as const;

/** Every key anywhere in a JSON value whose name (case-insensitively) is one of FORBIDDEN_API_KEYS or contains "email"/"pesel"/"author". */
export function forbiddenKeysIn(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenKeysIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const banned = new Set(FORBIDDEN_API_KEYS.map((k) => k.toLowerCase()));
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const lower = k.toLowerCase();
    const bad = banned.has(lower) || /email|pesel|author|voter_?id|password/.test(lower) ? [`${path}.${k}`] : [];
    return [...bad, ...forbiddenKeysIn(v, `${path}.${k}`)];
  });
}

/** How a winning project is being built (issue #17): what /realizacje shows, without people's names. */
export const ImplementationApi = named(
  z.object({
    id: z.string(),
    proposalId: z.string(),
    number: z.string(),
    title: z.string(),
    programme: ProgrammeKindApi,
    district: z.string().nullable().describe("district name; null for a city-wide pool"),
    cityUnit: z.string().describe("the city unit responsible"),
    contact: z.string().describe("the unit's public office contact"),
    status: z.enum(["planned", "design", "procurement", "in_progress", "done", "not_feasible"]),
    notFeasibleReason: z.string().nullable(),
    progressPct: z.number().int().min(0).max(100),
    plannedStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    votedCostGrosze: Grosze,
    actualCostGrosze: Grosze.nullable(),
    updatedAt: z.string(),
  }),
  "Implementation",
);
export const ImplementationListApi = named(z.object({ year: z.number().int(), implementations: z.array(ImplementationApi) }), "ImplementationList");
