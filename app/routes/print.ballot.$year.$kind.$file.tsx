/**
 * The paper ballot of a district (`/print/ballot/2026/bo/babie-doly.pdf`) or of a programme
 * without districts (`/print/ballot/2026/youth/all.pdf`), issue #17. Anyone once the final list is
 * published; before that officials of the programme and administrators get a marked sample, and
 * everyone else the same 404 as for a ballot that does not exist.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getCurrentUser, publicOrigin } from "~/auth/session.server";
import { db } from "~/db.server";
import { PROGRAMME_KINDS } from "~/domain/permissions";
import { pdfResponse } from "~/http/pdf-response.server";
import { httpError, requireParam, TEXT_PLAIN, YearParam } from "~/http/invariant.server";
import { getLocale } from "~/i18n/locale.server";
import { ballotPdfByUrl } from "~/services/print.server";

const FileParam = z.string().regex(/^[a-z0-9-]{1,100}\.pdf$/).transform((s) => s.slice(0, -".pdf".length));

export async function loader({ params, request }: LoaderFunctionArgs) {
  const year = requireParam(params, "year", YearParam, TEXT_PLAIN);
  const programmeKind = requireParam(params, "kind", z.enum(PROGRAMME_KINDS), TEXT_PLAIN);
  const district = requireParam(params, "file", FileParam, TEXT_PLAIN);
  const r = await ballotPdfByUrl(db(), { year, programmeKind, district, lang: getLocale(request), viewer: await getCurrentUser(request), origin: publicOrigin() });
  if (!r.ok) throw httpError(404, undefined, TEXT_PLAIN);
  return pdfResponse(r);
}
