/**
 * The application's database handle: opened once per process, migrated (and seeded with the demo
 * when empty and allowed) by `prepareDatabase()` at server start.
 */
import { isUniqueViolation, openDatabase, type OpenedDb } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedIfEmpty } from "./cli/seed";
import { getEnv } from "./env.server";

let opened: OpenedDb | null = null;

export function getDatabase(): OpenedDb {
  if (!opened) opened = openDatabase(getEnv().DATABASE_URL);
  return opened;
}

export const db = () => getDatabase().db;

export async function prepareDatabase(): Promise<{ migrations: string[]; seeded: boolean }> {
  const { db } = getDatabase();
  const migrations = await migrateToLatest(db);
  // PostgreSQL with several nodes starting together on an empty database: one seeds, the others'
  // seeds run into its rows (the seed is idempotent, so whoever finishes leaves it complete)
  const seeded = getEnv().seedDemo
    ? await seedIfEmpty(db, new Date()).catch((e: unknown) => {
        if (isUniqueViolation(e)) return false;
        throw e;
      })
    : false;
  return { migrations, seeded };
}

export async function closeDatabase(): Promise<void> {
  if (opened) {
    const o = opened;
    opened = null;
    await o.close();
  }
}
