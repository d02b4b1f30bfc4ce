/**
 * Serves one attachment: looked up by its id (the file on disk is named by its random storage key
 * only), with the stored type, nosniff and a sandboxing CSP, inline for images and as a download
 * for PDFs. Files of proposals that are not public go only to their authors, co-authors and
 * officials; anyone else gets the same 404 as for a file that does not exist.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getCurrentUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { serveAttachment } from "~/services/attachments.server";
import { invariantResponse, requireParam, TEXT_PLAIN } from "~/http/invariant";

const IdSchema = z.string().regex(/^att_[A-Za-z0-9_-]{1,60}$/);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = requireParam(params, "id", IdSchema, TEXT_PLAIN);
  const file = await serveAttachment(db(), await getCurrentUser(request), id);
  invariantResponse(file, 404, undefined, TEXT_PLAIN);
  return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
}
