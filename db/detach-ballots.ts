/**
 * `npm run db:detach-ballots`: on PostgreSQL, removes what the storage itself remembers about
 * which ballot belongs to which participation.
 *
 * Since issue #15 clear ballots are only written when the commission opens the ballot box — in one
 * transaction, shuffled, with fresh ids — so there is nothing to detach for ballots cast after that
 * change; this remains for databases holding clear ballots cast before it.
 *
 * A participation (who voted) and its ballot (how) are written in one transaction, so on
 * PostgreSQL both rows carry the same transaction id (the `xmin` system column) and sit at the
 * same end of their tables (`ctid`, heap order): `participations.xmin = ballots.xmin` would pair
 * them. This rewrites `ballots`, `ballot_lines` and `ballot_invalid_pools`: one transaction gives
 * every row a new version (so all share one xmin), then CLUSTER rewrites each table in the order
 * of its random primary key and drops the old versions. CLUSTER locks each table while it runs
 * (seconds for a city's ballots): run it once voting has closed, before counting. What it cannot
 * reach: WAL archives and replicas' histories from the voting days still hold the order of
 * writes — keep them as short as the backup policy allows.
 *
 * On SQLite there is nothing to do: those tables are WITHOUT ROWID (stored in random-key order)
 * and rows carry no transaction ids.
 */
import { sql } from "kysely";
import type { Db, DbKind } from "./client";

export const BALLOT_TABLES = [
  { table: "ballots", touch: "district_id", key: "ballots_pkey" },
  { table: "ballot_lines", touch: "points", key: "ballot_lines_pk" },
  { table: "ballot_invalid_pools", touch: "reason", key: "ballot_invalid_pools_pk" },
] as const;

export async function detachBallots(db: Db, kind: DbKind): Promise<{ rows: number; skipped: boolean }> {
  if (kind !== "postgres") return { rows: 0, skipped: true };
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    for (const { table, touch } of BALLOT_TABLES) {
      // a no-op update still writes a new version of every row, stamped with this transaction's id
      const r = await sql`update ${sql.table(table)} set ${sql.ref(touch)} = ${sql.ref(touch)}`.execute(trx);
      rows += Number(r.numAffectedRows ?? 0);
    }
  });
  for (const { table, key } of BALLOT_TABLES) {
    await sql`cluster ${sql.table(table)} using ${sql.ref(key)}`.execute(db);
  }
  return { rows, skipped: false };
}

async function main() {
  const { openDatabase } = await import("./client");
  const opened = openDatabase(process.env.DATABASE_URL ?? "./data/bo.sqlite");
  try {
    const r = await detachBallots(opened.db, opened.kind);
    console.log(
      r.skipped
        ? "SQLite: nothing to do (ballot tables are WITHOUT ROWID, stored in random-key order)."
        : `Rewrote ${r.rows} ballot rows in random-key order under one transaction id.`,
    );
  } finally {
    await opened.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
