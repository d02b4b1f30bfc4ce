/**
 * Sends the outbox. With SMTP_URL set, a background loop in the server delivers unsent mail with
 * nodemailer; without it, mail stays in the outbox and the development mailbox (/dev/mailbox) shows it.
 */
import nodemailer from "nodemailer";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { listUnsent, markFailed, markSent } from "~/data/outbox.server";

type Db = Kysely<Database>;

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

export function startOutboxSender(db: Db, smtpUrl: string | undefined, from: string): () => void {
  if (!smtpUrl) return () => {};
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
  return () => clearInterval(timer);
}
