/**
 * Texts of the proposal e-mails (status changes, verification results, replies), in the
 * recipient's language, each with its kind for the outbox (kept after the text is erased).
 */
import type { MailKind } from "~/data/outbox.server";
import { getTranslator, isLocale, type MessageKey } from "~/i18n";

type Mail<K extends MailKind> = { kind: K; subject: string; body: string };

export function proposalStatusMail(
  locale: string,
  v: { origin: string; proposalId: string; title: string; status: string; reason: string | null },
): Mail<"proposal_status"> {
  const { t } = getTranslator(isLocale(locale) ? locale : "pl");
  const status = t(`status.${v.status}` as MessageKey);
  const link = `${v.origin}/proposals/${v.proposalId}`;
  const reason = v.reason ? `\n\n${t("mail.proposal.reason", { reason: v.reason })}` : "";
  const next = v.status === "needs_changes" ? `\n\n${t("mail.proposal.needsChanges", { link: `${link}/edit` })}` : v.status === "rejected" ? `\n\n${t("mail.proposal.canAppeal")}` : "";
  return {
    kind: "proposal_status",
    subject: t("mail.proposal.subject", { title: v.title, status }),
    body: `${t("mail.proposal.body", { title: v.title, status, link })}${reason}${next}\n\n— ${t("site.name")}`,
  };
}

export function commentReplyMail(locale: string, v: { origin: string; proposalId: string; title: string; reply: string }): Mail<"comment_reply"> {
  const { t } = getTranslator(isLocale(locale) ? locale : "pl");
  const link = `${v.origin}/proposals/${v.proposalId}#comments`;
  return {
    kind: "comment_reply",
    subject: t("mail.reply.subject", { title: v.title }),
    body: `${t("mail.reply.body", { title: v.title, link })}\n\n${v.reply.slice(0, 500)}\n\n${t("mail.reply.optOut")}\n\n— ${t("site.name")}`,
  };
}

/** An official corrected the cost: from what to what, and why. */
export function costCorrectionMail(locale: string, v: { origin: string; proposalId: string; title: string; fromGrosze: number; toGrosze: number; reason: string }): Mail<"proposal_cost_corrected"> {
  const { t, money } = getTranslator(isLocale(locale) ? locale : "pl");
  const link = `${v.origin}/proposals/${v.proposalId}`;
  return {
    kind: "proposal_cost_corrected",
    subject: t("mail.cost.subject", { title: v.title }),
    body: `${t("mail.cost.body", { title: v.title, from: money(v.fromGrosze), to: money(v.toGrosze), reason: v.reason, link })}\n\n— ${t("site.name")}`,
  };
}

/** A correction of a published final list concerning the author's proposal. */
export function listCorrectionMail(locale: string, v: { origin: string; proposalId: string; title: string; action: "list_remove" | "list_restore" | "list_cost"; reason: string }): Mail<"final_list_corrected"> {
  const { t } = getTranslator(isLocale(locale) ? locale : "pl");
  const link = `${v.origin}/proposals/${v.proposalId}`;
  return {
    kind: "final_list_corrected",
    subject: t("mail.list.subject", { title: v.title }),
    body: `${t("mail.list.body", { title: v.title, action: t(`history.action.${v.action}`), reason: v.reason, link })}\n\n— ${t("site.name")}`,
  };
}
