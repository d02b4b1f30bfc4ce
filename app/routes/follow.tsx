/**
 * POST /follow: follow or stop following a proposal, district or edition (the FollowButton's form),
 * then back to the page it came from with ?follow=followed|unfollowed. Signed-in residents only.
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { redirectToSchema } from "~/domain/account";
import { FollowInputSchema } from "~/domain/follows";
import { parseForm } from "~/http/form";
import { httpError } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";
import { refusalStatus } from "~/http/refusal";
import { followTarget, unfollowTarget } from "~/services/follows.server";

/** Following changes no public page. */
export const handle: RouteHandle = { keepsCache: true };

const BackSchema = redirectToSchema("/account/following");

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const parsed = parseForm(form, FollowInputSchema);
  if (parsed.status !== "success") throw httpError(400);
  const { intent, kind, id } = parsed.value;
  const result = intent === "follow" ? await followTarget(db(), user, kind, id) : await unfollowTarget(db(), user, kind, id);
  if (!result.ok && result.reason !== "not_following") throw httpError(refusalStatus(result.reason));
  const back = BackSchema.parse(form.get("back"));
  const url = new URL(back, "http://bo.invalid");
  url.searchParams.set("follow", intent === "follow" ? "followed" : "unfollowed");
  return redirect(`${url.pathname}${url.search}`);
}

export function loader() {
  throw httpError(404);
}
