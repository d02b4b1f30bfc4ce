import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/signin?done=signed_out", { headers: { "Set-Cookie": await endSession(request) } });
}

export function loader() {
  throw new Response("Not found", { status: 404 });
}
