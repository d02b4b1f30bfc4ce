/**
 * The public read API under /api/v1 (app/services/public-api.server.ts lists the endpoints):
 * GET answers JSON, OPTIONS the CORS preflight, any other method 405.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "~/auth/session.server";
import { apiGet, apiOtherMethod } from "~/http/public-api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return apiGet(request, clientIp(context));
}

export async function action({ request }: ActionFunctionArgs) {
  return apiOtherMethod(request);
}
