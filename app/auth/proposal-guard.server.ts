/**
 * The guard of the pages only a proposal's own people open (edit, co-authors, attachments): the
 * signed-in user, the proposal and who they are to it (relationTo) — or a 404 (no such proposal)
 * / 403 (someone else's), thrown before anything is read or written.
 */
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { db as appDb } from "~/db.server";
import { IdSchema } from "~/domain/ids";
import { invariantResponse } from "~/http/invariant";
import { relationTo } from "~/services/proposal-access.server";
import { requireUser } from "./session.server";

export async function requireOwnProposal(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const pid = IdSchema.safeParse(rawId);
  invariantResponse(pid.success, 404);
  const p = await getWorkflowProposal(appDb(), pid.data);
  invariantResponse(p, 404);
  const relation = await relationTo(appDb(), user, p);
  invariantResponse(relation, 403);
  return { user, p, relation };
}
