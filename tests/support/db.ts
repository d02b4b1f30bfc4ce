/**
 * A fresh test database built by the migrations (and optionally seeded): a real SQLite file in a
 * temporary folder, or — in the "integration-pg" project (BO_TEST_PG=1 with TEST_DATABASE_URL set)
 * — a fresh PostgreSQL database on that server, dropped again by cleanup().
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type OpenedDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../app/cli/seed";
import type { Phase } from "../../app/domain/rules";

/** True when this test run targets PostgreSQL (the "integration-pg" vitest project). */
export const onPostgres = Boolean(process.env.BO_TEST_PG && process.env.TEST_DATABASE_URL);

export interface TestDb extends OpenedDb {
  /** The SQLite file, or the PostgreSQL database's URL. */
  path: string;
  /** A temporary folder for the test's other files (both engines). */
  dir: string;
  cleanup: () => Promise<void>;
}

/** The server's URL with another database name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates an empty PostgreSQL database on the TEST_DATABASE_URL server; returns its URL and a drop function. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bo_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`create database ${name}`));
  return {
    url: withDatabaseName(process.env.TEST_DATABASE_URL!, name),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/**
 * `stories: false` seeds the demo without its few proposals that go through the whole workflow
 * (app/cli/seed-stories.ts): for tests that seed an early phase and then move the clock on, where
 * those proposals would stay pending and keep the final list from being published.
 */
export async function createTestDb(opts: { seed?: boolean; now?: Date; phase?: Phase; stories?: boolean } = {}): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "bo-test-"));
  let path: string;
  let drop = async () => {};
  if (onPostgres) {
    const created = await createPgDatabase();
    path = created.url;
    drop = created.drop;
  } else {
    path = join(dir, "test.sqlite");
  }
  const opened = openDatabase(path);
  await migrateToLatest(opened.db);
  if (opts.seed) await seedDemo(opened.db, opts.now ?? new Date(), opts.phase ?? "final_list", { stories: opts.stories });
  return {
    ...opened,
    path,
    dir,
    cleanup: async () => {
      await opened.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
