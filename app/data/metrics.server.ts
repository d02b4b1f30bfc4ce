/** Figures read at each /metrics scrape (app/metrics.server.ts). */
import type { Db } from "../../db/client";

/** Mail waiting to be sent (as the sender picks it: unsent, text kept, fewer than 10 tries), and mail given up on. */
export async function countOutboxQueue(db: Db): Promise<{ queued: number; failed: number }> {
  const [queued, failed] = await Promise.all([
    db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("sent_at", "is", null).where("body_text", "<>", "").where("attempts", "<", 10).executeTakeFirstOrThrow(),
    db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).where("sent_at", "is", null).where("attempts", ">=", 10).executeTakeFirstOrThrow(),
  ]);
  return { queued: Number(queued.n), failed: Number(failed.n) };
}
