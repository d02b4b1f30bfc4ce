/**
 * Prometheus metrics for the operator (app/metrics.server.ts): 404 unless METRICS_TOKEN is set,
 * 401 without `Authorization: Bearer <METRICS_TOKEN>`.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { metricsAccess } from "~/http/metrics-access.server";
import { metricsText } from "~/metrics.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const refused = metricsAccess(request);
  if (refused) return refused;
  const { contentType, body } = await metricsText(db());
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
