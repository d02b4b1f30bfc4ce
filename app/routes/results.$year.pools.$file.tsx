import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getEditionByYear } from "~/data/editions.server";
import { listPublishedResults } from "~/data/results.server";
import { db } from "~/db.server";
import { archivePabulibFile } from "~/services/archive-pabulib.server";
import { poolPabulib, resultsCsv, resultsCsvForExcel } from "~/services/open-data.server";
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
  const ext = file.slice(dot + 1);
  // "<pool>-excel.csv": the same results for a spreadsheet (BOM, decimal commas)
  const excel = ext === "csv" && file.slice(0, dot).endsWith("-excel");
  const poolId = file.slice(0, excel ? dot - "-excel".length : dot);
  const edition = await getEditionByYear(db(), year);
  invariantResponse(edition, 404);
  const [pool] = await listPublishedResults(db(), edition.id, { poolId });
  invariantResponse(pool, 404);
  // an archived pool publishes the Pabulib file it was imported from; a counted pool its ballots
  const archived = ext === "pb" ? archivePabulibFile(edition.source, pool) : null;
  invariantResponse(ext !== "pb" || pool.rule !== null || archived, 404);
  const body = excel ? resultsCsvForExcel(pool) : ext === "csv" ? resultsCsv(pool) : archived ? archived.text : await poolPabulib(db(), pool, year);
  const name = archived ? archived.name : `bo-gdynia-${year}-${poolId}${excel ? "-excel" : ""}.${ext}`;
  return new Response(body, {
    headers: {
      "Content-Type": ext === "csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "public, max-age=300",
      ...(archived ? { Link: '<https://pabulib.org>; rel="cite-as"' } : {}),
    },
  });
}
