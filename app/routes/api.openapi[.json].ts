/** The OpenAPI 3.1 document of the public API, generated from the endpoint registry. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { clientIp } from "~/auth/session.server";
import { apiOtherMethod, openApiResponse } from "~/http/public-api.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return openApiResponse(request, clientIp(context));
}

export async function action({ request }: ActionFunctionArgs) {
  return apiOtherMethod(request);
}
