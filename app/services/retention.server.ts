/**
 * The retention job: deletes what has outlived the period /privacy promises (periods in
 * domain/retention.ts), and records what it did in one audit row. Run by `npm run retention` and,
 * in the server, every six hours (startRetentionSchedule, called from entry.server's startup).
 * Idempotent: several app nodes running it at once only find less to delete.
 */
import { PostgresAdapter, sql } from "kysely";
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import { deletePaperSubmissionsAfterResults } from "~/data/paper-proposals.server";
import { deleteProposals, listStorageKeys } from "~/data/personal-data.server";
import { deleteArchivedRegisters } from "~/data/register-imports.server";
import { retentionCutoffs } from "~/domain/retention";
import { eraseAccount } from "./accounts.server";
import { removeStoredFiles, uploadDir } from "./attachments.server";

export interface RetentionReport {
  unverifiedAccounts: number;
  sessions: number;
  emailTokens: number;
  outbox: number;
  drafts: number;
  draftFiles: number;
  paperContacts: number;
  auditRows: number;
  rateLimits: number;
  /** Register rows of archived editions deleted, or emptied where the person voted (see deleteArchivedRegisters). */
  archivedRegister: number;
}

const n = (r: { numDeletedRows: bigint } | undefined) => Number(r?.numDeletedRows ?? 0);

export async function runRetention(db: Db, now: Date, opts: { dir?: string } = {}): Promise<RetentionReport> {
  const cut = retentionCutoffs(now);
  const report: RetentionReport = { unverifiedAccounts: 0, sessions: 0, emailTokens: 0, outbox: 0, drafts: 0, draftFiles: 0, paperContacts: 0, auditRows: 0, rateLimits: 0, archivedRegister: 0 };
  const files: string[] = [];
  await db.transaction().execute(async (trx) => {
    // accounts whose address was never confirmed: erased like a deleted account (mails, tokens, audit)
    const unverified = await trx
      .selectFrom("users")
      .select(["id", "email", "display_name"])
      .where("email_verified_at", "is", null)
      .where("deleted_at", "is", null)
      .where("created_at", "<", cut.unverifiedAccountsBefore)
      .execute();
    for (const u of unverified) files.push(...(await eraseAccount(trx, { id: u.id, email: u.email, displayName: u.display_name }, "retention.unverified_account", now)));
    report.unverifiedAccounts = unverified.length;

    report.sessions = n(
      await trx
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<", cut.sessionsExpiredBefore), eb("created_at", "<", cut.sessionsCreatedBefore)]))
        .executeTakeFirst(),
    );
    report.emailTokens = n(await trx.deleteFrom("email_tokens").where("expires_at", "<", cut.emailTokensExpiredBefore).executeTakeFirst());
    report.outbox = n(await trx.deleteFrom("outbox").where("created_at", "<", cut.outboxCreatedBefore).executeTakeFirst());

    const drafts = (await trx.selectFrom("proposals").select("id").where("status", "=", "draft").where("updated_at", "<", cut.draftsUpdatedBefore).execute()).map((r) => r.id);
    files.push(...(await listStorageKeys(trx, drafts)));
    report.drafts = await deleteProposals(trx, drafts);

    report.paperContacts = await deletePaperSubmissionsAfterResults(trx, cut.paperResultsPublishedBefore);

    const register = await deleteArchivedRegisters(trx, now.toISOString());
    report.archivedRegister = register.deleted + register.emptied;

    report.auditRows = n(await trx.deleteFrom("audit_log").where("at", "<", cut.auditBefore).executeTakeFirst());

    // PostgreSQL only: the shared rate-limit counters (keys hold IP addresses and e-mail addresses)
    if (trx.getExecutor().adapter instanceof PostgresAdapter) {
      const exists = await sql<{ t: string | null }>`select to_regclass('rate_limits')::text as t`.execute(trx);
      if (exists.rows[0]?.t) report.rateLimits = Number((await sql`delete from rate_limits where expire is not null and expire < ${now.getTime()}`.execute(trx)).numAffectedRows ?? 0);
    }
    // the files go after the commit; the audit row counts those due. A run that deleted nothing
    // leaves no row (every six hours on every node would bury the log in empty entries)
    report.draftFiles = files.length;
    if (Object.values(report).some((x) => x > 0)) {
      await insertAudit(trx, { actorUserId: null, actorRole: "system", action: "retention.run", objectType: "retention", objectId: now.toISOString(), after: report }, now);
    }
  });
  report.draftFiles = await removeStoredFiles(files, opts.dir ?? uploadDir());
  return report;
}

export const RETENTION_EVERY_MS = 6 * 3600_000;

/**
 * Runs the job a minute after start and then every six hours, on timers that do not keep the
 * process alive. Off under vitest unless `force`; returns the function that stops it.
 */
export function startRetentionSchedule(db: () => Db, opts: { everyMs?: number; firstAfterMs?: number; force?: boolean; dir?: string } = {}): () => void {
  if (process.env.VITEST && !opts.force) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runRetention(db(), new Date(), { dir: opts.dir });
      console.log(`Retention: ${JSON.stringify(report)}`);
    } catch (e) {
      console.error("Retention run failed", e);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), opts.firstAfterMs ?? 60_000);
  const every = setInterval(() => void tick(), opts.everyMs ?? RETENTION_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
