/**
 * Runs the migrations to the latest version. Used at server start, by `npm run db:migrate` and by tests.
 */
import { Migrator } from "kysely";
import type { Db } from "./client";
import { migrationProvider } from "./migrations/index";

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}

async function main() {
  const { openDatabase } = await import("./client");
  const url = process.env.DATABASE_URL ?? "./data/bo.sqlite";
  const { db, close } = openDatabase(url);
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  await close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
