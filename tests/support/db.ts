/** A real SQLite file in a temporary folder, built by the migrations (and optionally seeded). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type OpenedDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo } from "../../db/seed";
import type { Phase } from "../../app/domain/rules";

export interface TestDb extends OpenedDb {
  path: string;
  dir: string;
  cleanup: () => Promise<void>;
}

export async function createTestDb(opts: { seed?: boolean; now?: Date; phase?: Phase } = {}): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "bo-test-"));
  const path = join(dir, "test.sqlite");
  const opened = openDatabase(path);
  await migrateToLatest(opened.db);
  if (opts.seed) await seedDemo(opened.db, opts.now ?? new Date(), opts.phase ?? "final_list");
  return {
    ...opened,
    path,
    dir,
    cleanup: async () => {
      await opened.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
