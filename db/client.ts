/**
 * Opens the database named by a DATABASE_URL-style string. SQLite (better-sqlite3) is the embedded
 * default; queries are written with Kysely's portable builder so a PostgreSQL dialect can be added here
 * without touching them.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kysely, SqliteDialect } from "kysely";
import type { Database as Schema } from "./schema";

export type Db = Kysely<Schema>;

export interface OpenedDb {
  db: Db;
  /** The raw SQLite handle (backups, pragmas, integrity checks). */
  sqlite: Database.Database;
  close: () => Promise<void>;
}

export function sqlitePathFromUrl(url: string): string {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    throw new Error("DATABASE_URL points to PostgreSQL, which this build does not support yet; use a SQLite file path.");
  }
  return url.replace(/^sqlite:(\/\/)?/, "").replace(/^file:/, "");
}

export function openDatabase(url: string): OpenedDb {
  const path = sqlitePathFromUrl(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a commit (e.g. a ballot acknowledged to a voter) is on disk before we answer, even on power loss.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    sqlite,
    close: async () => {
      await db.destroy();
    },
  };
}
