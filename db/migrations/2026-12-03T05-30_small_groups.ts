import type { Kysely } from "kysely";

/*
 * #15 "Small groups": public statistics and the `.pb` open data must not expose a group smaller
 * than a threshold the city sets per edition (default 10): cells by district × channel × age band
 * below it are merged or suppressed, and a pool with fewer ballots publishes no ballot lines.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("editions").addColumn("small_group_threshold", "integer", (c) => c.notNull().defaultTo(10)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("editions").dropColumn("small_group_threshold").execute();
}
