/**
 * A photo or document of an implementation timeline entry: looked up by id (the file on disk is
 * named by its random storage key only), served with the stored type, nosniff and a sandboxing CSP
 * like proposal attachments (app/routes/attachments.$id.tsx). Implementation pages are public.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { invariantResponse, requireParam, TEXT_PLAIN } from "~/http/invariant";
import { serveImplementationFile } from "~/services/implementations.server";

const IdSchema = z.string().regex(/^imf_[A-Za-z0-9_-]{1,60}$/);

export async function loader({ params }: LoaderFunctionArgs) {
  const file = await serveImplementationFile(db(), requireParam(params, "id", IdSchema, TEXT_PLAIN));
  invariantResponse(file, 404, undefined, TEXT_PLAIN);
  return new Response(new Uint8Array(file.body), { status: 200, headers: file.headers });
}
