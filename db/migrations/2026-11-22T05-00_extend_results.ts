import type { Kysely } from "kysely";

/*
 * Counting in the platform: a pool's tally keeps how it was counted (rule, lot seed, who and when),
 * the decision for every project, the ties that mattered and what Equal Shares would have funded.
 * published_at stays null while the tally is a draft.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  // one column per statement: SQLite adds columns one at a time
  await db.schema.alterTable("pool_tallies").addColumn("rule", "text").execute();
  await db.schema.alterTable("pool_tallies").addColumn("lot_seed", "text").execute();
  await db.schema.alterTable("pool_tallies").addColumn("ties_json", "text").execute();
  await db.schema.alterTable("pool_tallies").addColumn("mes_json", "text").execute();
  await db.schema.alterTable("pool_tallies").addColumn("counted_at", "text").execute();
  await db.schema.alterTable("pool_tallies").addColumn("counted_by", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ["counted_by", "counted_at", "mes_json", "ties_json", "lot_seed", "rule"]) {
    await db.schema.alterTable("pool_tallies").dropColumn(c).execute();
  }
}
