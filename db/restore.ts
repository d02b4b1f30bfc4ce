/**
 * `npm run db:restore -- FILE [--force]`: puts a backup made by `npm run db:backup` back as the
 * database (DATABASE_URL, default ./data/bo.sqlite). Stop the server first: the restore refuses
 * while another process has the database open (unless --force). The backup is checked before anything
 * is touched; the current file is kept beside it as `<db>.before-restore-<time>`; the restore
 * itself goes through SQLite's backup API into a temporary file that is renamed into place.
 * On PostgreSQL (DATABASE_URL=postgres://…) this script refuses and points to pg_restore instead.
 */
import Database from "better-sqlite3";
import { existsSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { isPostgresUrl, sqlitePathFromUrl } from "./client";

function integrity(db: Database.Database): string {
  return (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
}

/** Whether another process has the database file open (Linux: /proc/<pid>/fd; elsewhere unknown → false). */
function inUse(path: string): boolean {
  if (!existsSync(path) || !existsSync("/proc/self/fd")) return false;
  const wanted = new Set([path, `${path}-wal`, `${path}-shm`].map((p) => (existsSync(p) ? realpathSync(p) : resolve(p))));
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    for (const fd of fds) {
      try {
        if (wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return true;
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return false;
}

export async function restoreDatabase(backupFile: string, targetPath: string, opts: { force?: boolean } = {}): Promise<{ kept: string | null }> {
  const from = resolve(backupFile);
  const to = resolve(targetPath);
  if (from === to) throw new Error("the backup and the database are the same file");
  const src = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const check = integrity(src);
    if (check !== "ok") throw new Error(`the backup failed its integrity check: ${check}`);
    const hasMigrations = src.prepare("select count(*) as n from sqlite_master where name = 'kysely_migration'").get() as { n: number };
    if (hasMigrations.n !== 1) throw new Error("this file does not look like a BO Gdynia database (no migrations table)");
    if (!opts.force && inUse(to)) throw new Error("the database is in use: stop the server first (or pass --force)");
    const partial = `${to}.restoring`;
    rmSync(partial, { force: true });
    await src.backup(partial);
    let kept: string | null = null;
    if (existsSync(to)) {
      kept = `${to}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(to, kept);
    }
    for (const side of ["-wal", "-shm"]) rmSync(`${to}${side}`, { force: true });
    renameSync(partial, to);
    return { kept };
  } finally {
    src.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("-"));
  if (!file) {
    console.error("usage: npm run db:restore -- FILE [--force]");
    process.exit(2);
  }
  const url = process.env.DATABASE_URL ?? "./data/bo.sqlite";
  if (isPostgresUrl(url)) {
    console.error(
      "DATABASE_URL points to PostgreSQL: this script restores SQLite files only. Restore a pg_dump archive with\n" +
        '  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" FILE\n' +
        "after stopping every app node. See the README.",
    );
    process.exit(2);
  }
  const target = sqlitePathFromUrl(url);
  const r = await restoreDatabase(file, target, { force: args.includes("--force") });
  console.log(`Restored ${target} from ${resolve(file)}.${r.kept ? ` The previous file is kept as ${r.kept}.` : ""}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
