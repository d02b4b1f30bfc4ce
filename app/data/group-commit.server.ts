/**
 * Group commit: writes that arrive together share one transaction, so one disk flush (SQLite's
 * synchronous=FULL fsync, PostgreSQL's WAL flush) acknowledges many of them. On the last evening of
 * voting every cast ballot is a small transaction whose cost is mostly that flush — and with
 * better-sqlite3 the flush blocks the whole process while it lasts.
 *
 * Each job runs inside its own savepoint: a job that throws is rolled back alone and its caller gets
 * the error; the others go on. Every caller's promise settles only after the COMMIT has succeeded
 * (or failed, and then every job of the batch fails), so nothing is acknowledged before it is
 * durable. Jobs queued while a batch is being written go in the next one.
 */
import { sql, type Transaction } from "kysely";
import type { Db } from "../../db/client";
import type { Database } from "../../db/schema";

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommitStats {
  batches: number;
  jobs: number;
  largestBatch: number;
}

class GroupCommitter {
  private queue: Job[] = [];
  private running = false;
  readonly stats: GroupCommitStats = { batches: 0, jobs: 0, largestBatch: 0 };

  constructor(
    private readonly db: Db,
    private readonly maxBatch: number,
  ) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // let the requests that are ready in this turn of the event loop join the batch
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.write(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async write(batch: Job[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const job of batch) {
          await sql`savepoint group_commit_job`.execute(trx);
          try {
            const value = await job.work(trx);
            await sql`release savepoint group_commit_job`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint group_commit_job`.execute(trx);
            await sql`release savepoint group_commit_job`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    // PostgreSQL with several app nodes: two nodes' batches can wait on each other's rows (a
    // participation, a turnout counter); PostgreSQL then fails one statement as the deadlock victim
    // (40P01), and that job was rolled back to its savepoint. Run it again alone, now that this
    // batch is committed (a ballot for the same voter then finds the other node's and says so).
    for (let i = 0; i < batch.length; i++) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const o = outcomes[i]!;
        if (o.ok || (o.error as { code?: unknown } | null)?.code !== "40P01") break;
        outcomes[i] = await this.db
          .transaction()
          .execute((trx) => batch[i]!.work(trx))
          .then(
            (value) => ({ ok: true as const, value }),
            (error: unknown) => ({ ok: false as const, error }),
          );
      }
    }
    this.stats.batches++;
    this.stats.jobs += batch.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}

const committers = new WeakMap<Db, GroupCommitter>();

function committerFor(db: Db): GroupCommitter {
  let c = committers.get(db);
  if (!c) {
    c = new GroupCommitter(db, 64);
    committers.set(db, c);
  }
  return c;
}

/**
 * Runs `work` in a transaction shared with other writes queued at the same moment; resolves with its
 * result once that transaction is committed. `work` must only use `trx` (no other I/O).
 */
export function inGroupCommit<T>(db: Db, work: Work<T>): Promise<T> {
  return committerFor(db).run(work);
}

export function groupCommitStats(db: Db): GroupCommitStats {
  return { ...committerFor(db).stats };
}
