/**
 * `npm run db:backup -- FILE`: a consistent online copy of the SQLite database (DATABASE_URL,
 * default ./data/bo.sqlite) while the server keeps running, with `VACUUM INTO`: the copy is written
 * inside one read transaction, so it is one committed state, and in WAL mode the writers are not
 * held up. (The page-by-page backup API restarts whenever another process writes, and under a
 * steady stream of ballots it may never finish.) The copy is checked (PRAGMA integrity_check) and
 * then renamed into place, so FILE is either the previous file or a complete, checked backup.
 * On PostgreSQL (DATABASE_URL=postgres://…) this script refuses and points to pg_dump instead.
 */
import Database from "better-sqlite3";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isPostgresUrl, sqlitePathFromUrl } from "./client";

export interface BackupResult {
  file: string;
  pages: number;
  integrity: string;
}

export async function backupDatabase(sourcePath: string, target: string): Promise<BackupResult> {
  const file = resolve(target);
  if (resolve(sourcePath) === file) throw new Error("the backup must go to another file than the database");
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const source = new Database(sourcePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    source.prepare("vacuum into ?").run(partial);
    const copy = new Database(partial);
    let integrity: string;
    let pages: number;
    try {
      pages = Number(copy.pragma("page_count", { simple: true }));
      copy.pragma("journal_mode = DELETE"); // one self-contained file, no -wal beside it
      integrity = (copy.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    } finally {
      copy.close();
    }
    if (integrity !== "ok") {
      rmSync(partial, { force: true });
      throw new Error(`the copy failed its integrity check: ${integrity}`);
    }
    renameSync(partial, file);
    return { file, pages, integrity };
  } finally {
    source.close();
  }
}

async function main() {
  const target = process.argv.slice(2).find((a) => !a.startsWith("-"));
  if (!target) {
    console.error("usage: npm run db:backup -- FILE");
    process.exit(2);
  }
  const url = process.env.DATABASE_URL ?? "./data/bo.sqlite";
  if (isPostgresUrl(url)) {
    console.error(
      "DATABASE_URL points to PostgreSQL: this script copies SQLite files only. Back PostgreSQL up with its own tools, e.g.\n" +
        '  pg_dump --format=custom --file=FILE "$DATABASE_URL"\n' +
        "(consistent while the app keeps running), or continuous archiving / a replica for point-in-time recovery. See the README.",
    );
    process.exit(2);
  }
  const source = sqlitePathFromUrl(url);
  if (!existsSync(source)) {
    console.error(`no database at ${source}`);
    process.exit(1);
  }
  const r = await backupDatabase(source, target);
  console.log(`Backed up ${source} to ${r.file} (${r.pages} pages, integrity ${r.integrity}).`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
