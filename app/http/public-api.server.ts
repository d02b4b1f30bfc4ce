/**
 * HTTP glue of the public read API: matches a path under /api/v1 against the endpoint registry
 * (app/services/public-api.server.ts), limits requests per IP, parses path and query with the
 * endpoint's zod schemas, parses the answer through its response schema, and answers JSON that any
 * site may read (CORS for GET), cacheable for a minute, with an ETag. Also builds the OpenAPI 3.1
 * document from the same registry.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { limits } from "~/auth/rate-limit.server";
import { db } from "~/db.server";
import { apiRegistry, ErrorApi } from "~/domain/api-schemas";
import { getEnv } from "~/env.server";
import { ENDPOINTS, type ApiEndpoint } from "~/services/public-api.server";

export const API_PREFIX = "/api/v1";
export const API_CACHE_SECONDS = 60;

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Retry-After",
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...CORS, ...headers } });
}

const NO_STORE = { "Cache-Control": "no-store" };
const error = (status: number, reason: string, headers: Record<string, string> = {}) => json(status, ErrorApi.parse({ error: reason }), { ...NO_STORE, ...headers });

/** A 200 answer with a weak ETag of its body; 304 when the client already has it. */
function cacheable(request: Request, body: string): Response {
  const etag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
  const headers = { "Content-Type": "application/json; charset=utf-8", ...CORS, "Cache-Control": `public, max-age=${API_CACHE_SECONDS}`, ETag: etag, Vary: "Accept-Encoding" };
  const seen = request.headers.get("if-none-match");
  if (seen && seen.split(",").some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

interface Compiled {
  endpoint: ApiEndpoint;
  pattern: RegExp;
  names: string[];
}

const compiled: Compiled[] = ENDPOINTS.map((endpoint) => {
  const names: string[] = [];
  const source = endpoint.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { endpoint, pattern: new RegExp(`^${source}$`), names };
});

/** The endpoint a path under /api/v1 names, with its raw path parameters; static paths win over templated ones. */
export function matchEndpoint(subPath: string): { endpoint: ApiEndpoint; params: Record<string, string> } | null {
  const candidates = compiled
    .map((c) => ({ c, m: c.pattern.exec(subPath) }))
    .filter((x): x is { c: Compiled; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => a.c.names.length - b.c.names.length);
  const hit = candidates[0];
  if (!hit) return null;
  const params: Record<string, string> = {};
  hit.c.names.forEach((n, i) => {
    try {
      params[n] = decodeURIComponent(hit.m[i + 1]!);
    } catch {
      params[n] = "";
    }
  });
  return { endpoint: hit.c.endpoint, params };
}

/** Every request the API counts against the per-IP limit (OpenAPI document included). */
export async function apiRateLimit(clientIp: string): Promise<Response | null> {
  const r = await limits.apiPerIp.consume(clientIp);
  return r.ok ? null : error(429, "rate_limited", { "Retry-After": String(r.retryAfterS) });
}

/** A GET (or HEAD) under /api/v1. */
export async function apiGet(request: Request, clientIp: string): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") return apiOtherMethod(request); // Remix sends OPTIONS to loaders
  const limited = await apiRateLimit(clientIp);
  if (limited) return limited;
  const url = new URL(request.url);
  const sub = url.pathname.slice(API_PREFIX.length).replace(/\/+$/, "") || "/";
  const match = matchEndpoint(sub);
  if (!match) return error(404, "not_found");
  const { endpoint } = match;
  const params = endpoint.params ? endpoint.params.safeParse(match.params) : { success: true as const, data: {} };
  if (!params.success) return error(404, "not_found");
  const rawQuery = Object.fromEntries(url.searchParams);
  const query = endpoint.query ? endpoint.query.safeParse(rawQuery) : { success: true as const, data: {} };
  if (!query.success) return error(400, "bad_request");
  const result = await endpoint.handle({ db: db(), origin: getEnv().publicOrigin }, params.data, query.data);
  if (result === null) return error(404, "not_found");
  // parsed through the schema: a field the schema does not list is dropped, a wrong one throws (500)
  return cacheable(request, JSON.stringify(endpoint.response.parse(result)));
}

/** Anything but GET/HEAD under /api: the CORS preflight, else 405. */
export function apiOtherMethod(request: Request): Response {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: { ...CORS, "Access-Control-Max-Age": "86400" } });
  return error(405, "method_not_allowed", { Allow: "GET, HEAD, OPTIONS" });
}

type JsonSchema = Record<string, unknown>;

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function parameters(obj: ApiEndpoint["params"], where: "path" | "query") {
  if (!obj) return [];
  return Object.entries(obj.shape).map(([name, schema]) => {
    const s = schema as z.ZodType;
    const js = strip(z.toJSONSchema(s, { io: "input" }) as JsonSchema);
    const { description, ...rest } = js;
    return { name, in: where, required: where === "path" || !s.safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
  });
}

const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${apiRegistry.get(schema)!.id}` });
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref(ErrorApi) } } });

/** The OpenAPI 3.1 document of every endpoint in the registry. */
export function openApiDocument(origin: string) {
  const { schemas } = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}`, io: "output" });
  const paths: Record<string, unknown> = {};
  for (const e of ENDPOINTS) {
    const params = [...parameters(e.params, "path"), ...parameters(e.query, "query")];
    paths[e.path] = {
      get: {
        operationId: e.id,
        summary: e.summary,
        ...(params.length ? { parameters: params } : {}),
        responses: {
          "200": { description: "OK", content: { "application/json": { schema: ref(e.response) } } },
          ...(e.query ? { "400": errorResponse("A query parameter does not fit") } : {}),
          "404": errorResponse("Not found (or not public)"),
          "429": errorResponse("Too many requests from this address: wait Retry-After seconds"),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "BO Gdynia public API",
      version: "1.0.0",
      description:
        "Read-only open data of the participatory budget: editions, programmes, districts, pools, proposals, results and statistics. No personal data. Amounts in grosze (1 zł = 100 grosze), times ISO-8601 UTC. Answers may be cached for 60 seconds; requests are limited per IP address.",
      license: { name: "CC BY 4.0 (data)", url: "https://creativecommons.org/licenses/by/4.0/" },
    },
    servers: [{ url: `${origin}${API_PREFIX}` }],
    paths,
    components: { schemas: Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, strip(v as JsonSchema)])) },
  };
}

/** GET /api/openapi.json */
export async function openApiResponse(request: Request, clientIp: string): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") return apiOtherMethod(request);
  const limited = await apiRateLimit(clientIp);
  if (limited) return limited;
  return cacheable(request, JSON.stringify(openApiDocument(getEnv().publicOrigin)));
}
