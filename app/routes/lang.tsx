import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getEnv } from "~/env.server";
import { LOCALES } from "~/i18n";
import { localeCookie } from "~/i18n/locale.server";
import { redirectToSchema } from "~/domain/account";
import { httpError } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { keepsCache: true };

const LangInputSchema = z.object({
  lang: z.enum(LOCALES),
  // only a path on this site: no scheme, no "//host"
  redirectTo: redirectToSchema("/"),
});

export async function action({ request }: ActionFunctionArgs) {
  // cross-site posts never get here: server.js refuses them for every route
  const env = getEnv();
  const parsed = LangInputSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Nieznany język / Невідома мова / Unknown language", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return redirect(parsed.data.redirectTo, {
    headers: { "Set-Cookie": localeCookie(parsed.data.lang, env.NODE_ENV === "production") },
  });
}

export function loader() {
  throw httpError(404);
}
