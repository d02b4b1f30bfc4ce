/**
 * The proposal page's workflow side: what the signed-in person may do (support, edit, appeal,
 * decide), the public history and the discussion. The page's POST intents are handled in
 * app/http/proposal-page.server.ts.
 */
import { listComments } from "~/data/comments.server";
import { getAppeal, listDecisions } from "~/data/decisions.server";
import { listVersions } from "~/data/proposal-versions.server";
import { hasSupported } from "~/data/supports.server";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { db } from "~/db.server";
import { listPhaseWindows } from "~/data/editions.server";
import { can } from "~/domain/permissions";
import { currentPhase } from "~/domain/phases";
import type { Actor } from "~/domain/permissions";
import { allowedActions, isAdmin } from "./proposals.server";

export async function loadProposalExtras(user: Actor | null, proposalId: string, now = new Date()) {
  const p = await getWorkflowProposal(db(), proposalId);
  if (!p) return null;
  const [actions, decisions, versions, comments, appeal, supported, phases] = await Promise.all([
    allowedActions(db(), user, proposalId, now),
    listDecisions(db(), proposalId),
    listVersions(db(), proposalId),
    listComments(db(), proposalId),
    getAppeal(db(), proposalId),
    user ? hasSupported(db(), proposalId, user.id) : Promise.resolve(false),
    listPhaseWindows(db(), p.editionId),
  ]);
  // administrators may assign reviewers and stand in for them, so they get the review link too
  const isStaff = can(user, "proposals.verify", p.programmeKind) || can(user, "youth.moderate", p.programmeKind) || isAdmin(user);
  return {
    signedIn: user !== null,
    userId: user?.id ?? null,
    isAuthor: user !== null && p.authorUserId === user.id,
    canReview: isStaff,
    actions,
    supported,
    supportCount: p.supportCount,
    supportsRequired: p.supportsRequired,
    // supports are gathered by a submitted proposal in the submission phase; afterwards the count
    // is the officials' business (the review page), not an open call to residents
    supportsOpen: p.status === "submitted" && currentPhase(phases, now) === "submission",
    decisions,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt, byOfficial: v.byOfficial, title: v.title, summary: v.summary, description: v.description, location: v.location, costGrosze: v.costGrosze })),
    comments,
    appeal,
    commentsOpen: true,
  };
}
