/**
 * The rules document (regulamin) of an edition as a PDF, with the same safe headers as proposal
 * attachments (nosniff, a sandboxing CSP, a download). A draft edition's file only for those who
 * set editions up; anyone else gets the same 404 as for a missing file.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/auth/session.server";
import { getEditionAdminByYear } from "~/data/edition-admin.server";
import { db } from "~/db.server";
import { YearSchema } from "~/domain/edition-setup";
import { can } from "~/domain/permissions";
import { serveRulesPdf } from "~/services/edition-admin.server";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const year = YearSchema.safeParse(params.year);
  if (!year.success || !/^\d{4}$/.test(params.year ?? "")) throw notFound();
  const edition = await getEditionAdminByYear(db(), year.data);
  if (!edition || (edition.status === "draft" && !can(await getCurrentUser(request), "edition.manage"))) throw notFound();
  const file = await serveRulesPdf(db(), year.data);
  if (!file) throw notFound();
  return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
}
