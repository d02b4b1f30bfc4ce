/**
 * Outgoing mail. A mail's text carries live links (verification, password reset, invitations), so
 * it is kept only until the mail is sent, or for UNSENT_BODY_TTL_MS if it never is (the development
 * mailbox shows it meanwhile); then it is erased. What stays for the record: recipient, kind,
 * subject, created_at, sent_at.
 */
import { PostgresAdapter } from "kysely";
import type { Db } from "../../db/client";
import { MAX_MAIL_ATTEMPTS } from "~/domain/mail-retry";

/** Unsent mail older than this loses its text (and is no longer tried): links in it are not kept. */
export const UNSENT_BODY_TTL_MS = 24 * 3600_000;

/**
 * What a mail is, kept after its text is gone, for the retention job and the audit. Every mail
 * names one (insertOutbox requires it); a new kind of mail is added here.
 */
export const MAIL_KINDS = [
  "account_verify",
  "account_reset",
  "account_exists",
  "coauthor_invite",
  "coauthor_accepted",
  "coauthor_declined",
  "comment_reply",
  "proposal_status",
  "proposal_cost_corrected",
  "final_list_corrected",
  "follow_status",
  "follow_results",
  "follow_implementation",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface OutgoingMail {
  id: string;
  to: string;
  /** null only for mail queued before 2026-12, when kinds were not recorded. */
  kind: string | null;
  subject: string;
  /** Empty once erased (sent, or unsent for too long). */
  body: string;
  createdAt: string;
  sentAt: string | null;
}

const columns = ["id", "to_address", "kind", "subject", "body_text", "created_at", "sent_at"] as const;
type Row = { id: string; to_address: string; kind: string | null; subject: string; body_text: string; created_at: string; sent_at: string | null };
const toMail = (r: Row): OutgoingMail => ({ id: r.id, to: r.to_address, kind: r.kind, subject: r.subject, body: r.body_text, createdAt: r.created_at, sentAt: r.sent_at });

export async function insertOutbox(db: Db, m: { id: string; to: string; kind: MailKind; subject: string; body: string; unsubscribeUrl?: string }, at = new Date()): Promise<void> {
  await db
    .insertInto("outbox")
    .values({ id: m.id, to_address: m.to, kind: m.kind, subject: m.subject, body_text: m.body, created_at: at.toISOString(), unsubscribe_url: m.unsubscribeUrl ?? null })
    .execute();
}

/** Many mails in one statement per 200 (a results publication reaches thousands of followers). */
export async function insertOutboxMany(db: Db, mails: readonly { id: string; to: string; kind: MailKind; subject: string; body: string; unsubscribeUrl?: string }[], at = new Date()): Promise<void> {
  const created = at.toISOString();
  for (let i = 0; i < mails.length; i += 200) {
    const rows = mails.slice(i, i + 200).map((m) => ({ id: m.id, to_address: m.to, kind: m.kind, subject: m.subject, body_text: m.body, created_at: created, unsubscribe_url: m.unsubscribeUrl ?? null }));
    await db.insertInto("outbox").values(rows).execute();
  }
}

export async function listOutbox(db: Db, opts: { to?: string; limit: number }): Promise<OutgoingMail[]> {
  let q = db.selectFrom("outbox").select(columns);
  if (opts.to) q = q.where("to_address", "=", opts.to);
  const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(opts.limit).execute();
  return rows.map(toMail);
}

export async function listUnsent(db: Db, limit: number): Promise<OutgoingMail[]> {
  const rows = await db
    .selectFrom("outbox")
    .select(columns)
    .where("sent_at", "is", null)
    .where("body_text", "<>", "")
    .where("attempts", "<", MAX_MAIL_ATTEMPTS)
    .orderBy("created_at")
    .limit(limit)
    .execute();
  return rows.map(toMail);
}

export interface ClaimedMail extends OutgoingMail {
  attempts: number;
  unsubscribeUrl: string | null;
}

/**
 * Claims up to `limit` mails for `worker` until `until`: unsent, with text, not given up, due (no
 * back-off pending) and not held by a live claim. Atomic, so two workers (or two app nodes) never
 * get the same mail: on PostgreSQL the rows are locked with FOR UPDATE SKIP LOCKED (a concurrent
 * worker skips them instead of waiting) and then marked; on SQLite a single UPDATE … RETURNING runs
 * under the database's write lock.
 */
export async function claimOutbox(db: Db, worker: string, limit: number, now: Date, until: Date): Promise<ClaimedMail[]> {
  const at = now.toISOString();
  const due = (q: Db) =>
    q
      .selectFrom("outbox")
      .select("id")
      .where("sent_at", "is", null)
      .where("body_text", "<>", "")
      .where("attempts", "<", MAX_MAIL_ATTEMPTS)
      .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", at)]))
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", at)]))
      .orderBy("created_at")
      .orderBy("id")
      .limit(limit);
  const claim = (q: Db, ids: string[] | ReturnType<typeof due>) =>
    q
      .updateTable("outbox")
      .set({ claimed_by: worker, claimed_until: until.toISOString() })
      .where("id", "in", ids)
      .returning([...columns, "attempts", "unsubscribe_url"])
      .execute();
  const rows =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? await db.transaction().execute(async (trx) => {
          const ids = (await due(trx).forUpdate().skipLocked().execute()).map((r) => r.id);
          return ids.length ? claim(trx, ids) : [];
        })
      : await claim(db, due(db));
  return rows
    .map((r) => ({ ...toMail(r), attempts: Number(r.attempts), unsubscribeUrl: r.unsubscribe_url }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The claimed mail went out: recorded as sent, its text and links erased, the claim released. */
export async function markClaimSent(db: Db, id: string, worker: string, at: Date): Promise<void> {
  await db
    .updateTable("outbox")
    .set({ sent_at: at.toISOString(), body_text: "", unsubscribe_url: null, claimed_by: null, claimed_until: null })
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** The claimed mail failed: one more attempt counted, the error kept, tried again from `retryAt` (null: given up). */
export async function markClaimFailed(db: Db, id: string, worker: string, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error.slice(0, 500), next_attempt_at: retryAt ? retryAt.toISOString() : null, claimed_by: null, claimed_until: null }))
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** Marks a mail sent and erases its text: the recipient has the links now, the database need not. */
export async function markSent(db: Db, id: string, at = new Date()): Promise<void> {
  await db.updateTable("outbox").set({ sent_at: at.toISOString(), body_text: "" }).where("id", "=", id).execute();
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error.slice(0, 500) }))
    .where("id", "=", id)
    .execute();
}

/** Erases the text of sent mail and of mail unsent for UNSENT_BODY_TTL_MS; returns how many. */
export async function purgeOutboxBodies(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNSENT_BODY_TTL_MS).toISOString();
  const sent = await db.updateTable("outbox").set({ body_text: "", unsubscribe_url: null }).where("body_text", "<>", "").where("sent_at", "is not", null).executeTakeFirst();
  const stale = await db
    .updateTable("outbox")
    .set({ body_text: "", unsubscribe_url: null, last_error: "not sent within 24 hours; text erased" })
    .where("body_text", "<>", "")
    .where("sent_at", "is", null)
    .where("created_at", "<", cutoff)
    .executeTakeFirst();
  return Number(sent.numUpdatedRows) + Number(stale.numUpdatedRows);
}
