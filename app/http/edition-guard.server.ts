/**
 * The guard every set-up page of one edition starts with: the administrator's permission, then the
 * edition named by the URL's `:id` (one id schema), or 404.
 */
import type { Params } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { getEditionAdmin } from "~/data/edition-admin.server";
import { db } from "~/db.server";
import { invariantResponse, requireParam } from "./invariant";

export async function requireEditionToManage(request: Request, params: Params) {
  const user = await requirePermission(request, "edition.manage");
  const edition = await getEditionAdmin(db(), requireParam(params, "id"));
  invariantResponse(edition, 404);
  return { user, edition };
}
