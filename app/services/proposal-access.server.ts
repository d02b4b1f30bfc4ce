/**
 * Who may work on a proposal's text and files: its author, an accepted co-author, or — for a
 * proposal received on paper or in person, which has no author account — an official on the
 * resident's behalf (recorded as such). Everyone else is refused before anything is read or written.
 */
import type { Db } from "../../db/client";
import { isCoauthor } from "~/data/coauthors.server";
import type { WorkflowProposal } from "~/data/workflow-proposals.server";
import { can, type Actor } from "~/domain/permissions";

export type ProposalRelation = "author" | "coauthor" | "on_behalf";

export async function relationTo(db: Db, user: Actor | null, p: Pick<WorkflowProposal, "id" | "authorUserId" | "channel" | "programmeKind">): Promise<ProposalRelation | null> {
  if (!user) return null;
  if (p.authorUserId === user.id) return "author";
  if (await isCoauthor(db, p.id, user.id)) return "coauthor";
  // on a resident's behalf only in a programme the official works on (the proposal's own programme, from the database)
  if (p.authorUserId === null && p.channel !== "online" && can(user, "proposals.enter_paper", p.programmeKind)) return "on_behalf";
  return null;
}
