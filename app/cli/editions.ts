/**
 * Edition maintenance from the command line:
 *   npm run edition -- import FILE.pb --year 2024 [--pool city|district_large|district_small --district SLUG]
 *     creates (or adds a pool to) an archived edition from a Pabulib file, with its published results;
 *   npm run edition -- carry-over --from 2026 --to 2027
 *     moves what each published pool did not spend into the matching pool of the next edition;
 *   npm run edition -- replay FILE.pb [--json] [--exclusive ID,ID,… …]
 *     runs a real election through the platform on a throwaway database (app/cli/replay.ts) and prints
 *     a summary; with --json the last line is the machine-readable outcome.
 * Both are written to the audit log as the command line.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { z } from "zod";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { importPabulibArchive } from "../data/archive-import.server";
import { ensureImplementations } from "../services/implementations.server";
import { insertAudit } from "../data/audit.server";
import { carryOver } from "../services/carry-over.server";
import { editionIdFor } from "../domain/city";
import { formatReplay, replayJson, replayText } from "./replay";

/** A replay never touches the real database: it gets its own SQLite file in a temporary folder. */
async function replay(file: string, json: boolean, exclusive: string[][]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bo-replay-"));
  const { db, close } = openDatabase(join(dir, "replay.sqlite"));
  try {
    // a throwaway file: no disk flush per commit (the site's database keeps synchronous=FULL)
    await sql`pragma synchronous = off`.execute(db);
    await migrateToLatest(db);
    const summary = await replayText(db, readFileSync(file, "utf8"), { file: basename(file), exclusive });
    console.log(formatReplay(summary));
    if (json) console.log(replayJson(summary));
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const Year = z.coerce.number().int().min(2000).max(2200);

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { year: { type: "string" }, from: { type: "string" }, to: { type: "string" }, pool: { type: "string" }, district: { type: "string" }, json: { type: "boolean" }, exclusive: { type: "string", multiple: true } },
  });
  const [command, file] = positionals;
  if (command === "replay" && file) {
    const exclusive = (values.exclusive ?? []).map((g) => g.split(",").map((id) => id.trim()).filter(Boolean));
    return replay(file, values.json === true, exclusive);
  }
  const { db, close } = openDatabase(process.env.DATABASE_URL ?? "./data/bo.sqlite");
  try {
    await migrateToLatest(db);
    if (command === "import" && file) {
      const year = Year.parse(values.year);
      const pool = z.enum(["city", "district_large", "district_small"]).default("city").parse(values.pool);
      const text = readFileSync(file, "utf8");
      const created = await db.transaction().execute(async (trx) => {
        const r = await importPabulibArchive(trx, text, { year, source: `pabulib:${basename(file)}`, now: new Date(), poolKind: pool, districtSlug: values.district });
        await insertAudit(trx, { actorUserId: null, actorRole: "cli", action: "edition.import_pabulib", objectType: "edition", objectId: editionIdFor(year), after: { file: basename(file), pool, district: values.district ?? null } });
        if (r) await ensureImplementations(trx, editionIdFor(year)); // the archive's winners get implementation pages
        return r;
      });
      console.log(created ? `Imported ${basename(file)} into the ${year} archive.` : `The ${year} archive already has that pool; nothing changed.`);
    } else if (command === "carry-over") {
      const r = await carryOver(db, Year.parse(values.from), Year.parse(values.to), { userId: null, role: "cli" });
      if (!r.ok) {
        console.error(`Refused: ${r.reason}`);
        process.exitCode = 1;
      } else {
        console.log(`Carried ${r.moved.length} pools' leftovers (${r.moved.reduce((s, m) => s + m.grosze, 0) / 100} zł); unmatched: ${r.unmatched.length}.`);
      }
    } else {
      console.error("usage: npm run edition -- import FILE.pb --year YYYY [--pool KIND --district SLUG] | carry-over --from YYYY --to YYYY | replay FILE.pb [--json] [--exclusive ID,ID,…]");
      process.exitCode = 2;
    }
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
