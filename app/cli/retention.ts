/**
 * Deletes what has outlived its retention period (see /privacy and app/domain/retention.ts) once,
 * now, and prints how many rows of each kind went:
 *   npm run retention
 * The server also runs this every six hours; this is for cron-minded operators and for checking.
 */
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { runRetention } from "../services/retention.server";

async function main() {
  const { db, close } = openDatabase(process.env.DATABASE_URL ?? "./data/bo.sqlite");
  try {
    await migrateToLatest(db);
    const report = await runRetention(db, new Date());
    for (const [what, count] of Object.entries(report)) console.log(`${what.padEnd(20)} ${count}`);
  } finally {
    await close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
