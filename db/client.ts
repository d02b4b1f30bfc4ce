/**
 * Opens the database named by a DATABASE_URL-style string: a SQLite file (better-sqlite3, the
 * embedded default) or PostgreSQL (`postgres://user:password@host:5432/name`, through `pg`).
 * Queries are written with Kysely's portable builder, so the same code runs on both; the few
 * things only one engine has (SQLite pragmas, `VACUUM INTO` backups) check `kind` first.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from "kysely";
import type pg from "pg";
import type { Database as Schema } from "./schema";

export type Db = Kysely<Schema>;
export type DbKind = "sqlite" | "postgres";

export interface OpenedDb {
  db: Db;
  kind: DbKind;
  /** The raw SQLite handle (backups, pragmas, integrity checks); only on SQLite. */
  sqlite?: Database.Database;
  /** The PostgreSQL connection pool (shared rate limits); only on PostgreSQL. */
  pool?: pg.Pool;
  close: () => Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function databaseKind(url: string): DbKind {
  return isPostgresUrl(url) ? "postgres" : "sqlite";
}

export function sqlitePathFromUrl(url: string): string {
  if (isPostgresUrl(url)) {
    throw new Error("DATABASE_URL points to PostgreSQL: this needs a SQLite file (for PostgreSQL use pg_dump / pg_restore).");
  }
  return url.replace(/^sqlite:(\/\/)?/, "").replace(/^file:/, "");
}

/**
 * The PostgreSQL driver, loaded when a PostgreSQL database is opened: on SQLite (the default) the
 * server does not carry its ~14 MB.
 */
let pgModule: typeof pg | null = null;
function loadPg(): typeof pg {
  pgModule ??= createRequire(import.meta.url)("pg") as typeof pg;
  return pgModule;
}

// pg returns bigint (count(*), money in grosze) and numeric (sum of bigint) as strings to avoid
// losing precision; our amounts and counts stay far below 2^53, so read them as numbers, like SQLite.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const pgTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => (v === null ? null : Number(v));
    return loadPg().types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

function poolMaxFromEnv(): number {
  const n = Number(process.env.DATABASE_POOL_MAX);
  return Number.isSafeInteger(n) && n > 0 ? n : 10;
}

export function openPostgres(url: string, opts: { max?: number } = {}): OpenedDb {
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max: opts.max ?? poolMaxFromEnv(),
    types: pgTypes,
    // no session settings (they would not survive PgBouncer's transaction pooling): times are
    // ISO-8601 UTC text made by the app, never by the server's clock or time zone
  });
  // an idle client losing its connection (server restart, failover) must not crash the process
  pool.on("error", (e) => console.error(`PostgreSQL pool: ${e.message}`));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    pool,
    close: async () => {
      await db.destroy(); // ends the pool, but only if Kysely itself ever used it
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * Kysely asks better-sqlite3 to prepare (parse and plan) every query it runs; the app runs the same
 * few hundred queries over and over, so keep the prepared statements. Bounded, oldest out first
 * (queries with `in (…)` lists of varying length are distinct texts). Safe because Kysely runs one
 * query at a time on the connection and better-sqlite3 finishes `all`/`run` before returning.
 */
export function reusingStatements(sqlite: Database.Database, max = 500): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    let stmt = statements.get(source);
    if (!stmt) {
      stmt = sqlite.prepare(source);
      statements.set(source, stmt);
      if (statements.size > max) statements.delete(statements.keys().next().value!);
    }
    return stmt;
  };
  return { prepare, close: () => sqlite.close() };
}

export function openDatabase(url: string): OpenedDb {
  if (isPostgresUrl(url)) return openPostgres(url);
  const path = sqlitePathFromUrl(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a commit (e.g. a ballot acknowledged to a voter) is on disk before we answer, even on power loss.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // deleted rows are overwritten with zeros (sealed ballots after the box is opened, erased personal data)
  sqlite.pragma("secure_delete = ON");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
  return {
    db,
    kind: "sqlite",
    sqlite,
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * Whether an error is a unique / primary-key violation, on either engine: PostgreSQL's SQLSTATE
 * 23505, SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. The one place that knows the codes.
 */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
