import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database>;

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
}

export async function insertOutbox(db: Db, m: { id: string; to: string; subject: string; body: string }, at = new Date()): Promise<void> {
  await db.insertInto("outbox").values({ id: m.id, to_address: m.to, subject: m.subject, body_text: m.body, created_at: at.toISOString() }).execute();
}

export async function listOutbox(db: Db, opts: { to?: string; limit: number }): Promise<OutgoingMail[]> {
  let q = db.selectFrom("outbox").select(["id", "to_address", "subject", "body_text", "created_at", "sent_at"]);
  if (opts.to) q = q.where("to_address", "=", opts.to);
  const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(opts.limit).execute();
  return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body_text, createdAt: r.created_at, sentAt: r.sent_at }));
}

export async function listUnsent(db: Db, limit: number): Promise<OutgoingMail[]> {
  const rows = await db
    .selectFrom("outbox")
    .select(["id", "to_address", "subject", "body_text", "created_at", "sent_at"])
    .where("sent_at", "is", null)
    .where("attempts", "<", 10)
    .orderBy("created_at")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, body: r.body_text, createdAt: r.created_at, sentAt: r.sent_at }));
}

export async function markSent(db: Db, id: string, at = new Date()): Promise<void> {
  await db.updateTable("outbox").set({ sent_at: at.toISOString() }).where("id", "=", id).execute();
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error.slice(0, 500) }))
    .where("id", "=", id)
    .execute();
}
