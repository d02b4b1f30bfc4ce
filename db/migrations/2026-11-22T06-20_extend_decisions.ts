import type { Kysely } from "kysely";

/*
 * Verification in two recorded steps and corrections after the final list: a decision row keeps
 * the criteria the official checked (formal or merit step) and, for cost corrections, the total
 * before and after, so the public history can say "cost corrected from X to Y zł".
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  // one column per statement: SQLite adds columns one at a time
  /** JSON: { criterion: met } for formal_* and merit_* decisions. */
  await db.schema.alterTable("proposal_decisions").addColumn("checks_json", "text").execute();
  await db.schema.alterTable("proposal_decisions").addColumn("cost_before_grosze", "bigint").execute();
  await db.schema.alterTable("proposal_decisions").addColumn("cost_after_grosze", "bigint").execute();
  await db.schema.createIndex("proposal_decisions_action").on("proposal_decisions").columns(["action", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("proposal_decisions_action").execute();
  for (const c of ["cost_after_grosze", "cost_before_grosze", "checks_json"]) {
    await db.schema.alterTable("proposal_decisions").dropColumn(c).execute();
  }
}
