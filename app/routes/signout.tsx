import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server";
import { db } from "~/db.server";
import { endVotingPointsOnSignOut } from "~/http/vote-flow.server";
import { httpError } from "~/http/invariant";

export async function action({ request }: ActionFunctionArgs) {
  const headers = new Headers({ "Set-Cookie": await endVotingPointsOnSignOut(db(), request) });
  headers.append("Set-Cookie", await endSession(request));
  return redirect("/signin?done=signed_out", { headers });
}

export function loader() {
  throw httpError(404);
}
