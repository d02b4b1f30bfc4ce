/**
 * Texts of the proposal e-mails (status changes, verification results, replies), in the
 * recipient's language, each with its kind for the outbox (kept after the text is erased).
 */
import type { MailKind } from "~/data/outbox.server";
import type { AppealWindow } from "~/domain/appeal-window";
import { getTranslator, isLocale, TIME_ZONE, type Locale, type MessageKey } from "~/i18n";

type Mail<K extends MailKind> = { kind: K; subject: string; body: string };

const INTL: Record<Locale, string> = { pl: "pl-PL", uk: "uk-UA", en: "en-GB" };

/** A date and time in Warsaw for an e-mail, e.g. "22 czerwca 2026 23:59" (the zone is said in the text). */
export function warsawDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(iso));
}

export function proposalStatusMail(
  locale: string,
  v: { origin: string; proposalId: string; title: string; status: string; reason: string | null; appeal?: AppealWindow | null },
): Mail<"proposal_status"> {
  const loc: Locale = isLocale(locale) ? locale : "pl";
  const { t } = getTranslator(loc);
  const status = t(`status.${v.status}` as MessageKey);
  const link = `${v.origin}/proposals/${v.proposalId}`;
  const reason = v.reason ? `\n\n${t("mail.proposal.reason", { reason: v.reason })}` : "";
  // a rejection states the appeal deadline of the edition (Warsaw time), when there still is one
  const appeal = v.appeal
    ? v.appeal.open
      ? t("ux2.mail.appealUntil", { until: warsawDateTime(v.appeal.lastMinute, loc), link: `${link}/appeal` })
      : t("ux2.mail.appealWindow", { from: warsawDateTime(v.appeal.opensAt, loc), until: warsawDateTime(v.appeal.lastMinute, loc), link: `${link}/appeal` })
    : t("mail.proposal.canAppeal");
  const next = v.status === "needs_changes" ? `\n\n${t("mail.proposal.needsChanges", { link: `${link}/edit` })}` : v.status === "rejected" ? `\n\n${appeal}` : "";
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
