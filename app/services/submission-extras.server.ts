/** The proposal page's attachments, co-authors and paper details, as far as the viewer may see them. */
import { listAttachments } from "~/data/attachments.server";
import { listCoauthors } from "~/data/coauthors.server";
import { getPaperSubmission } from "~/data/paper-proposals.server";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { db } from "~/db.server";
import { MAX_ATTACHMENTS } from "~/domain/attachments";
import { can, type Actor } from "~/domain/permissions";
import { maySeeAttachments } from "./attachments.server";
import { editAccess, extrasAccess, relationTo } from "./coauthors.server";

/** An attachment as the pages list it. */
export interface AttachmentView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  description: string;
}

/** What the proposal page shows besides the text (app/components/submission-extras.tsx). */
export interface ProposalExtrasView {
  attachments: AttachmentView[];
  coauthors: string[];
  isCoauthor: boolean;
  isAuthor: boolean;
  canEdit: boolean;
  /** Photos, files (author and co-authors) and co-authors (author) may still change: until verification starts. */
  canManageExtras: boolean;
  maxAttachments: number;
  channel: string;
  paper: { residentName: string; residentContact: string; receivedOn: string; paperSignatures: number } | null;
}

export async function loadSubmissionExtras(user: Actor | null, proposalId: string): Promise<ProposalExtrasView | null> {
  const p = await getWorkflowProposal(db(), proposalId);
  if (!p) return null;
  const [relation, coauthors] = await Promise.all([relationTo(db(), user, p), listCoauthors(db(), p.id)]);
  const official = can(user, "proposals.verify", p.programmeKind);
  const attachments = (await maySeeAttachments(db(), user, p)) ? await listAttachments(db(), p.id) : [];
  return {
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, description: a.description })),
    // only accepted co-authors, by their account name (never their e-mail)
    coauthors: coauthors.filter((c) => c.acceptedAt !== null).map((c) => c.displayName ?? "—"),
    isCoauthor: relation === "coauthor",
    isAuthor: relation === "author",
    canEdit: relation !== null && user !== null && (await editAccess(db(), user, p.id)).ok,
    canManageExtras: relation !== null && relation !== "on_behalf" && user !== null && (await extrasAccess(db(), user, p.id)).ok,
    maxAttachments: MAX_ATTACHMENTS,
    channel: p.channel,
    paper: official ? await getPaperSubmission(db(), p.id) : null,
  };
}
