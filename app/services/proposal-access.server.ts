/**
 * Who may work on a proposal's text and files: its author, an accepted co-author, or — for a
 * proposal received on paper or in person, which has no author account — an official on the
 * resident's behalf (recorded as such). Everyone else is refused before anything is read or written.
 */
import type { Db } from "../../db/client";
import { requireUser } from "~/auth/session.server";
import { isCoauthor } from "~/data/coauthors.server";
import { getWorkflowProposal, type WorkflowProposal } from "~/data/workflow-proposals.server";
import { db as appDb } from "~/db.server";
import { can, type Actor } from "~/domain/permissions";
import { invariantResponse } from "~/http/invariant";
import { IdSchema } from "~/domain/ids";

export type ProposalRelation = "author" | "coauthor" | "on_behalf";

export async function relationTo(db: Db, user: Actor | null, p: Pick<WorkflowProposal, "id" | "authorUserId" | "channel" | "programmeKind">): Promise<ProposalRelation | null> {
  if (!user) return null;
  if (p.authorUserId === user.id) return "author";
  if (await isCoauthor(db, p.id, user.id)) return "coauthor";
  // on a resident's behalf only in a programme the official works on (the proposal's own programme, from the database)
  if (p.authorUserId === null && p.channel !== "online" && can(user, "proposals.enter_paper", p.programmeKind)) return "on_behalf";
  return null;
}

/**
 * For the pages only those people open (edit, co-authors, attachments): the signed-in user, the
 * proposal and who they are to it — or a 404 (no such proposal) / 403 (someone else's), thrown
 * before anything is read or written.
 */
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
