/**
 * A proposal's support list to collect signatures on paper (issue #17): anyone while the proposal
 * collects supports, a draft's only its author (or co-author); everyone else gets the same 404 as
 * for a proposal that does not exist.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser, publicOrigin } from "~/auth/session.server";
import { db } from "~/db.server";
import { pdfResponse } from "~/http/pdf-response.server";
import { httpError, requireParam, TEXT_PLAIN } from "~/http/invariant.server";
import { getLocale } from "~/i18n/locale.server";
import { supportListPdf } from "~/services/print.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const proposalId = requireParam(params, "id");
  const r = await supportListPdf(db(), { proposalId, lang: getLocale(request), viewer: await getCurrentUser(request), origin: publicOrigin() });
  if (!r.ok) throw httpError(404, undefined, TEXT_PLAIN);
  return pdfResponse(r);
}
