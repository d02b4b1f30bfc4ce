/** Who may read /metrics: only a request with `Authorization: Bearer <METRICS_TOKEN>`; without the variable the path does not exist. */
import { timingSafeEqual } from "node:crypto";
import { getEnv } from "~/env.server";
import { httpError, TEXT_PLAIN } from "~/http/invariant";

/** The refusal to answer with, or null when the request may read the metrics. */
export function metricsAccess(request: Request): Response | null {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return httpError(404, undefined, TEXT_PLAIN);
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length === b.length && timingSafeEqual(a, b)) return null;
  return httpError(401, "Unauthorized", { ...TEXT_PLAIN, "WWW-Authenticate": 'Bearer realm="metrics"' });
}
