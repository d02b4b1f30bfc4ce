/**
 * Notifications to followers (#17), queued in the outbox inside the transaction of the event they
 * tell about (a decision on a proposal, published results, an implementation update): one mail per
 * person, in the person's language, only for what they chose, with a one-click unsubscribe link that
 * ends the follow the mail came through. Authors get their own decision mails already, so they are
 * left out of the followers' copy; published results go to authors and followers.
 */
import type { Db } from "../../db/client";
import { newId } from "~/auth/crypto.server";
import { unsubscribeUrl } from "~/auth/unsubscribe.server";
import { getEditionResultsSubject, getImplementationSubject, getProposalSubject, listMailableUsers, proposalTargets } from "~/data/follow-targets.server";
import { listFollowers } from "~/data/follows.server";
import { insertOutboxMany, type MailKind } from "~/data/outbox.server";
import { notificationOfDecision, pickRecipients, type NotificationKind } from "~/domain/follows";
import { getEnv } from "~/env.server";
import { getTranslator, isLocale, type MessageKey } from "~/i18n";

type Translator = ReturnType<typeof getTranslator>;
const translator = (locale: string) => getTranslator(isLocale(locale) ? locale : "pl");

function footer(t: Translator["t"], origin: string, followId: string | null): string {
  const manage = `${origin}/account/following`;
  return followId
    ? `${t("follow.mail.why")}\n${t("follow.mail.unsubscribe", { link: unsubscribeUrl(origin, followId) })}\n${t("follow.mail.manage", { link: manage })}\n\n— ${t("site.name")}`
    : `${t("follow.mail.manage", { link: manage })}\n\n— ${t("site.name")}`;
}


/** Who gets a mail: through a follow (the unsubscribe link ends it), or as an author (followId null). */
interface Recipient {
  userId: string;
  email: string;
  locale: string;
  followId: string | null;
}

async function send(trx: Db, kind: MailKind, people: readonly Recipient[], compose: (t: Translator, p: Recipient) => { subject: string; body: string }, origin: string, now: Date): Promise<number> {
  const mails = people.map((p) => {
    const tr = translator(p.locale);
    const text = compose(tr, p);
    const body = `${text.body}\n\n${footer(tr.t, origin, p.followId)}`;
    return { id: newId("mail"), to: p.email, kind, subject: text.subject, body, ...(p.followId ? { unsubscribeUrl: unsubscribeUrl(origin, p.followId) } : {}) };
  });
  // one statement per 200 mails, in the event's transaction
  await insertOutboxMany(trx, mails, now);
  return people.length;
}

/** A decision on a proposal (status change or verification step): its followers, its district's and its edition's, except the author. */
export async function notifyProposalDecision(trx: Db, e: { proposalId: string; intent: string; status: string; reason: string | null }, now: Date, origin = getEnv().publicOrigin): Promise<number> {
  const s = await getProposalSubject(trx, e.proposalId);
  if (!s) return 0;
  const kind: NotificationKind = notificationOfDecision(e.intent);
  const people = pickRecipients(await listFollowers(trx, proposalTargets(s)), kind, s.authorUserId ? [s.authorUserId] : []);
  const link = `${origin}/proposals/${s.id}`;
  return send(
    trx,
    "follow_status",
    people,
    ({ t }) => {
      const status = t(`status.${e.status}` as MessageKey);
      const reason = e.reason ? `\n\n${t("follow.mail.reason", { reason: e.reason })}` : "";
      return { subject: t("follow.mail.status.subject", { title: s.title, status }), body: `${t("follow.mail.status.body", { title: s.title, status, link })}${reason}` };
    },
    origin,
    now,
  );
}

/** An implementation was updated (its state, or a new timeline entry): followers of the project, its district and edition. */
export async function notifyImplementationUpdate(trx: Db, implementationId: string, now: Date, origin = getEnv().publicOrigin): Promise<number> {
  const impl = await getImplementationSubject(trx, implementationId);
  const s = impl ? await getProposalSubject(trx, impl.proposalId) : null;
  if (!impl || !s) return 0;
  const people = pickRecipients(await listFollowers(trx, proposalTargets(s)), "implementation");
  const link = `${origin}/realizacje/${impl.id}`;
  return send(
    trx,
    "follow_implementation",
    people,
    ({ t }) => {
      const stage = t(`implementation.status.${impl.status}` as MessageKey);
      return { subject: t("follow.mail.impl.subject", { title: s.title }), body: t("follow.mail.impl.body", { title: s.title, stage, progress: String(impl.progressPct), link }) };
    },
    origin,
    now,
  );
}

/**
 * Results of an edition were published: followers of the edition, of its districts and of its
 * counted proposals, and every author of a counted proposal (one mail each, naming their projects).
 */
export async function notifyResultsPublished(trx: Db, editionId: string, now: Date, origin = getEnv().publicOrigin): Promise<number> {
  const s = await getEditionResultsSubject(trx, editionId);
  if (!s) return 0;
  const targets = [{ kind: "edition" as const, id: s.editionId }, ...s.districtIds.map((id) => ({ kind: "district" as const, id })), ...s.proposals.map((p) => ({ kind: "proposal" as const, id: p.id }))];
  const followers = pickRecipients(await listFollowers(trx, targets), "results");
  const told = new Set(followers.map((f) => f.userId));
  const authorIds = [...new Set(s.proposals.flatMap((p) => (p.authorUserId && !told.has(p.authorUserId) ? [p.authorUserId] : [])))];
  const authors: Recipient[] = (await listMailableUsers(trx, authorIds)).filter((u) => u.wantsResults).map((u) => ({ ...u, followId: null }));
  const link = `${origin}/results/${s.year}`;
  return send(
    trx,
    "follow_results",
    [...followers, ...authors],
    ({ t }, p) => {
      const own = s.proposals.filter((x) => x.authorUserId === p.userId);
      const mine = own.length ? `\n\n${t("follow.mail.results.yours")}\n${own.map((x) => `- ${x.title}: ${t(x.selected ? "follow.mail.results.funded" : "follow.mail.results.notFunded")} (${origin}/proposals/${x.id})`).join("\n")}` : "";
      return { subject: t("follow.mail.results.subject", { edition: s.name }), body: `${t("follow.mail.results.body", { edition: s.name, link })}${mine}` };
    },
    origin,
    now,
  );
}
