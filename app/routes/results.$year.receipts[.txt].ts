import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getEditionByYear } from "~/data/editions.server";
import { db } from "~/db.server";
import { inclusionList } from "~/services/ballot-box.server";
import { invariantResponse, YearParam } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

const ParamsSchema = z.object({ year: YearParam });

/**
 * The public inclusion list (issue #15): the SHA-256 of every receipt found inside a decrypted
 * ballot, one per line with its programme, sorted — not in counting order and not linked to any
 * ballot's content. A voter checks that the hash of their code is here; nothing more can be read.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = ParamsSchema.safeParse(params);
  invariantResponse(parsed.success, 404);
  const edition = await getEditionByYear(db(), parsed.data.year);
  invariantResponse(edition, 404);
  return new Response(await inclusionList(db(), edition.id), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": `inline; filename="bo-gdynia-${parsed.data.year}-receipts.txt"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
