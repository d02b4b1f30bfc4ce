/** Comments under a proposal: the forms (comment, flag, moderation) and the reply and moderation rules. */
import { z } from "zod";
import { MARKUP, text } from "./workflow/text";
import { idSchema } from "./ids";
import { FLAG_REASONS } from "./flag-reasons";

export const COMMENT_MAX = 2000;

export const CommentInputSchema = z.object({
  body: text(2, COMMENT_MAX),
  parentId: idSchema("workflow.error.parent_missing").optional(),
  notifyReplies: z.literal("on", { error: "form.error.invalid" }).optional(),
});

export { FLAG_REASONS };
export const FlagInputSchema = z.object({
  commentId: idSchema("form.error.invalid"),
  reason: z.enum(FLAG_REASONS, { error: "proposal.error.flag_reason" }),
});

export const HideCommentInputSchema = z.object({
  commentId: idSchema("form.error.invalid"),
  intent: z.enum(["hide", "dismiss"], { error: "form.error.invalid" }),
  reason: z
    .string({ error: "form.error.invalid" })
    .trim()
    .max(500, { error: "proposal.error.too_long?max=500" })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" })
    .optional(),
});

export type CommentRefusal = "not_signed_in" | "parent_missing" | "reply_depth" | "comments_closed" | "already_flagged" | "own_comment" | "not_allowed" | "reason_required" | "already_hidden";

/** Whether a reply may go under `parent`: one level of replies only. */
export function checkReply(parent: { parentId: string | null; proposalId: string } | null, proposalId: string): { ok: true } | { ok: false; reason: CommentRefusal } {
  if (!parent || parent.proposalId !== proposalId) return { ok: false, reason: "parent_missing" };
  if (parent.parentId !== null) return { ok: false, reason: "reply_depth" };
  return { ok: true };
}

/** Who moderates the comments of a programme: the youth council for its programme, officials elsewhere. */
export function mayModerateComments(x: { moderation: "officials" | "youth_council"; isOfficial: boolean; isYouthModerator: boolean }): boolean {
  return x.moderation === "youth_council" ? x.isYouthModerator : x.isOfficial;
}
