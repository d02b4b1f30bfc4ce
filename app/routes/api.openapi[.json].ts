/**
 * The OpenAPI 3.1 document of the public API, generated from the endpoint registry. GET, HEAD and
 * the CORS preflight (Remix hands OPTIONS to the loader); server.js answers other methods with 405.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "~/auth/session.server";
import { openApiResponse } from "~/http/public-api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return openApiResponse(request, clientIp(context));
}
