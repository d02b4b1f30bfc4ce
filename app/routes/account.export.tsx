import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { exportUserData } from "~/services/accounts.server";
import { invariantResponse } from "~/http/invariant";

// A read-only download of everything kept about the signed-in person (RODO art. 15 and 20).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const payload = await exportUserData(db(), user.id);
  invariantResponse(payload, 404);
  return new Response(JSON.stringify(payload, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="bo-gdynia-moje-dane.json"`,
      "Cache-Control": "no-store",
    },
  });
}
