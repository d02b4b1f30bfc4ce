/**
 * Sends the outbox. With SMTP_URL set, a background loop in the server delivers unsent mail with
 * nodemailer; without it, mail stays in the outbox and the development mailbox (/dev/mailbox) shows it
 * (in production a clear warning says so at start). Each loop claims a batch first (claimOutbox), so
 * several app nodes sharing one database never send a mail twice; a failed send is retried with
 * exponential back-off and given up after MAX_MAIL_ATTEMPTS, its last error recorded.
 * Either way the text of a mail (its live links) is erased once it is sent, and after 24 hours if it
 * never is: a copy of the database yields no usable link older than that.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import nodemailer from "nodemailer";
import type { Db } from "../../db/client";
import {
  claimOutbox,
  markClaimFailed,
  markClaimSent,
  purgeOutboxBodies,
} from "~/data/outbox.server";
import { nextAttemptAt } from "~/domain/mail-retry";

export interface MailTransport {
  sendMail: (m: {
    from: string;
    to: string;
    subject: string;
    text: string;
    headers?: Record<string, string>;
  }) => Promise<unknown>;
}

/** How long a claim holds: a worker that dies mid-batch leaves its mail to others after this. */
export const CLAIM_MS = 5 * 60_000;
const BATCH = 20;

/** A name for this process's worker (host and a random part, so two processes never share one). */
export const newWorkerId = () =>
  `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/**
 * Claims a batch, sends each claimed mail (with RFC 8058 one-click List-Unsubscribe headers for
 * notifications) and records it sent, or failed with the time of its next attempt. Returns how many went out.
 */
export async function deliverOutbox(
  db: Db,
  transport: MailTransport,
  from: string,
  opts: { worker?: string; now?: () => Date } = {}
): Promise<number> {
  const worker = opts.worker ?? newWorkerId();
  const clock = opts.now ?? (() => new Date());
  const start = clock();
  let sent = 0;
  for (const m of await claimOutbox(
    db,
    worker,
    BATCH,
    start,
    new Date(start.getTime() + CLAIM_MS)
  )) {
    const headers = m.unsubscribeUrl
      ? {
          "List-Unsubscribe": `<${m.unsubscribeUrl}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
      : undefined;
    try {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.body,
        ...(headers ? { headers } : {}),
      });
      await markClaimSent(db, m.id, worker, clock());
      sent++;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const retryAt = nextAttemptAt(m.attempts, clock());
      await markClaimFailed(db, m.id, worker, message, retryAt);
      if (!retryAt)
        console.error(
          `outbox: gave up on mail ${m.id} after repeated failures: ${message}`
        );
    }
  }
  return sent;
}

const PURGE_EVERY_MS = 10 * 60_000;

export const NO_SMTP_WARNING =
  "WARNING: SMTP_URL is not set, so no e-mail is sent: verification, password reset, invitations and notifications stay in the outbox (erased after 24 hours). Set SMTP_URL (e.g. smtp://user:password@mail.example.pl:587) and MAIL_FROM.";

export function startOutboxSender(
  db: Db,
  smtpUrl: string | undefined,
  from: string,
  opts: { production?: boolean; warn?: (message: string) => void } = {}
): () => void {
  // erasing old texts runs with or without SMTP (unsent mail must not keep its links either)
  const purge = () =>
    purgeOutboxBodies(db).catch((e: unknown) =>
      console.error("outbox: erasing old mail texts failed", e)
    );
  void purge();
  const purger = setInterval(purge, PURGE_EVERY_MS);
  purger.unref();
  if (!smtpUrl) {
    if (opts.production) (opts.warn ?? console.warn)(NO_SMTP_WARNING);
    return () => clearInterval(purger);
  }
  const transport = nodemailer.createTransport(smtpUrl);
  const worker = newWorkerId();
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      await deliverOutbox(db, transport, from, { worker });
    } catch (e) {
      console.error("outbox: sending failed", e);
    } finally {
      busy = false;
    }
  }, 5_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    clearInterval(purger);
  };
}
