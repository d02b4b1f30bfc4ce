/**
 * The proposal page's POST intents (support, comment, flag, reply notifications, withdraw): parse
 * the form, call the use case, redirect with ?done= or answer 400/403 keeping what was typed.
 */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { limits } from "~/auth/rate-limit.server";
import { publicOrigin, requireUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { CommentInputSchema, FlagInputSchema } from "~/domain/comments";
import { IdSchema } from "~/domain/ids";
import { parseForm } from "~/http/form";
import { flagComment, postComment, setReplyNotifications } from "~/services/comments.server";
import { decideProposal, supportProposal } from "~/services/proposals.server";
import { refusalStatus } from "~/http/refusal";

const IntentSchema = z.object({ intent: z.enum(["support", "comment", "flag", "notify_on", "notify_off", "withdraw"]) });
const CommentIdSchema = z.object({ commentId: IdSchema });
const WithdrawSchema = z.object({ confirm: z.literal("on", { error: "proposal.error.confirm" }) });

export type PageReply = { intent: string; errors: Record<string, string[]>; values?: Record<string, string>; target?: string };

export async function proposalPageAction(request: Request, proposalId: string) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = IntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) return data<PageReply>({ intent: "", errors: { "": ["form.error.invalid"] } }, { status: 400 });
  const back = (done: string, anchor = "") => redirect(`/proposals/${proposalId}?done=${done}${anchor}`);
  const refusal = (reason: string, target?: string, values?: Record<string, string>) =>
    data<PageReply>({ intent: intent.data.intent, errors: { "": [`workflow.error.${reason}`] }, target, values }, { status: refusalStatus(reason) });

  switch (intent.data.intent) {
    case "support": {
      const r = await supportProposal(db(), user, proposalId);
      return r.ok ? back("supported", "#support") : refusal(r.reason);
    }
    case "withdraw": {
      const s = parseForm(form, WithdrawSchema);
      if (s.status !== "success") return data<PageReply>({ intent: "withdraw", errors: (s.error ?? {}) as Record<string, string[]> }, { status: 400 });
      const r = await decideProposal(db(), user, proposalId, { intent: "withdraw" }, publicOrigin());
      return r.ok ? back("withdrawn") : refusal(r.reason);
    }
    case "comment": {
      const values = { body: String(form.get("body") ?? "").slice(0, 5000), parentId: String(form.get("parentId") ?? "") };
      const s = parseForm(form, CommentInputSchema);
      if (s.status !== "success") return data<PageReply>({ intent: "comment", errors: (s.error ?? {}) as Record<string, string[]>, values, target: values.parentId || "new" }, { status: 400 });
      const limited = await limits.commentsPerUser.consume(user.id);
      if (!limited.ok) return refusal(`rate_limited?minutes=${Math.ceil(limited.retryAfterS / 60)}`, values.parentId || "new", values);
      const r = await postComment(db(), user, { proposalId, parentId: s.value.parentId ?? null, body: s.value.body, notifyReplies: s.value.notifyReplies === "on" }, publicOrigin());
      return r.ok ? back("commented", `#c-${r.id}`) : refusal(r.reason, values.parentId || "new", values);
    }
    case "flag": {
      const s = parseForm(form, FlagInputSchema);
      if (s.status !== "success") return data<PageReply>({ intent: "flag", errors: (s.error ?? {}) as Record<string, string[]>, target: String(form.get("commentId") ?? "") }, { status: 400 });
      const r = await flagComment(db(), user, s.value);
      return r.ok ? back("flagged", `#c-${s.value.commentId}`) : refusal(r.reason, s.value.commentId);
    }
    case "notify_on":
    case "notify_off": {
      const c = CommentIdSchema.safeParse({ commentId: form.get("commentId") });
      if (!c.success) return refusal("parent_missing");
      const r = await setReplyNotifications(db(), user, c.data.commentId, intent.data.intent === "notify_on");
      return r.ok ? back("notifications", `#c-${c.data.commentId}`) : refusal(r.reason);
    }
  }
}
