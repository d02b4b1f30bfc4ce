import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getEditionByYear } from "~/data/editions.server";
import { listPublishedResults } from "~/data/results.server";
import { db } from "~/db.server";
import { poolPabulib, resultsCsv } from "~/services/open-data.server";
import { invariantResponse, YearParam } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

const ParamsSchema = z.object({
  year: YearParam,
  file: z.string().regex(/^[A-Za-z0-9_-]{1,100}\.(csv|pb)$/),
});

// Open data of a published pool: GET only, nothing personal in it.
export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = ParamsSchema.safeParse(params);
  invariantResponse(parsed.success, 404);
  const { year, file } = parsed.data;
  const dot = file.lastIndexOf(".");
  const poolId = file.slice(0, dot);
  const ext = file.slice(dot + 1);
  const edition = await getEditionByYear(db(), year);
  invariantResponse(edition, 404);
  const [pool] = await listPublishedResults(db(), edition.id, { poolId });
  invariantResponse(pool && (ext !== "pb" || pool.rule !== null), 404);
  const body = ext === "csv" ? resultsCsv(pool) : await poolPabulib(db(), pool, year);
  return new Response(body, {
    headers: {
      "Content-Type": ext === "csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="bo-gdynia-${year}-${poolId}.${ext}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
