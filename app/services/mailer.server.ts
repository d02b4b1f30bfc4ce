/**
 * Sends the outbox. With SMTP_URL set, a background loop in the server delivers unsent mail with
 * nodemailer; without it, mail stays in the outbox and the development mailbox (/dev/mailbox) shows it.
 * Either way the text of a mail (its live links) is erased once it is sent, and after 24 hours if it
 * never is: a copy of the database yields no usable link older than that.
 */
import nodemailer from "nodemailer";
import type { Db } from "../../db/client";
import { listUnsent, markFailed, markSent, purgeOutboxBodies } from "~/data/outbox.server";

export async function deliverOutbox(db: Db, transport: { sendMail: (m: { from: string; to: string; subject: string; text: string }) => Promise<unknown> }, from: string): Promise<number> {
  let sent = 0;
  for (const m of await listUnsent(db, 20)) {
    try {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.body });
      await markSent(db, m.id);
      sent++;
    } catch (e) {
      await markFailed(db, m.id, e instanceof Error ? e.message : String(e));
    }
  }
  return sent;
}

const PURGE_EVERY_MS = 10 * 60_000;

export function startOutboxSender(db: Db, smtpUrl: string | undefined, from: string): () => void {
  // erasing old texts runs with or without SMTP (unsent mail must not keep its links either)
  const purge = () => purgeOutboxBodies(db).catch((e: unknown) => console.error("outbox: erasing old mail texts failed", e));
  void purge();
  const purger = setInterval(purge, PURGE_EVERY_MS);
  purger.unref();
  if (!smtpUrl) return () => clearInterval(purger);
  const transport = nodemailer.createTransport(smtpUrl);
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      await deliverOutbox(db, transport, from);
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
