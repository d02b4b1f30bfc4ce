/**
 * The application's database handle: opened once per process, migrated (and seeded with the demo
 * when empty and allowed) by `prepareDatabase()` at server start.
 */
import { openDatabase, type OpenedDb } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedIfEmpty } from "../db/seed";
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
  const seeded = getEnv().seedDemo ? await seedIfEmpty(db, new Date()) : false;
  return { migrations, seeded };
}

export async function closeDatabase(): Promise<void> {
  if (opened) {
    const o = opened;
    opened = null;
    await o.close();
  }
}
