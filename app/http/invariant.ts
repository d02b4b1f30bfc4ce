/**
 * The one way a loader or action refuses a request it cannot serve: a thrown Response (404 by
 * default) that the route's ErrorBoundary explains, and URL params checked with zod before use.
 *
 *   const id = requireParam(params, "id");               // an app id, else 404
 *   const year = requireParam(params, "year", YearParam); // any schema
 *   invariantResponse(proposal, 404);                     // narrows `proposal` afterwards
 */
import { z } from "zod";
import { IdSchema } from "~/domain/ids";

const STATUS_TEXT: Record<number, string> = { 400: "Bad request", 403: "Forbidden", 404: "Not found", 405: "Method not allowed", 409: "Conflict" };

export const TEXT_PLAIN = { "Content-Type": "text/plain; charset=utf-8" } as const;

/** The Response to throw for `status` (its standard text unless `message` is given). */
export function httpError(status = 404, message?: string, headers?: HeadersInit): Response {
  return new Response(message ?? STATUS_TEXT[status] ?? "Error", { status, headers });
}

/** Throws `httpError(status, message)` unless `condition` holds; TypeScript narrows afterwards. */
export function invariantResponse(condition: unknown, status = 404, message?: string, headers?: HeadersInit): asserts condition {
  if (!condition) throw httpError(status, message, headers);
}

/** A results year in a URL. */
export const YearParam = z.coerce.number().int().min(2000).max(2200);

type Params = Readonly<Record<string, string | undefined>>;

/** The URL param `name` parsed by `schema` (an app id by default); a 404 when it does not fit. */
export function requireParam(params: Params, name: string): string;
export function requireParam<S extends z.ZodType>(params: Params, name: string, schema: S, headers?: HeadersInit): z.output<S>;
export function requireParam(params: Params, name: string, schema: z.ZodType = IdSchema, headers?: HeadersInit): unknown {
  const r = schema.safeParse(params[name]);
  if (!r.success) throw httpError(404, undefined, headers);
  return r.data;
}
