import type { Kysely } from "kysely";

/*
 * Districts and pools administration (#13). A merged district stays (old proposals and results keep
 * it) but is no longer offered: `active` = 0 and `merged_into_id` names the district that took it
 * over. A pool may override its programme's number of supports. A programme says how a ballot's
 * district is chosen (any one district, or the voter's own). `edition_allocations` keeps the formula
 * the district money of an edition was last split with, so the form shows it again.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  // one column per statement: SQLite adds columns one at a time
  await db.schema.alterTable("districts").addColumn("merged_into_id", "text").execute();
  await db.schema.alterTable("districts").addColumn("active", "integer", (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable("pools").addColumn("supports_required", "integer").execute();
  await db.schema.alterTable("programmes").addColumn("district_choice", "text", (c) => c.notNull().defaultTo("chosen")).execute();
  await db.schema
    .createTable("edition_allocations")
    .addColumn("edition_id", "text", (c) => c.primaryKey().references("editions.id").onDelete("cascade"))
    .addColumn("total_grosze", "bigint", (c) => c.notNull())
    .addColumn("city_grosze", "bigint", (c) => c.notNull())
    .addColumn("city_cap_grosze", "bigint", (c) => c.notNull())
    .addColumn("base_grosze", "bigint", (c) => c.notNull())
    .addColumn("population_weight_permille", "integer", (c) => c.notNull())
    .addColumn("small_share_permille", "integer", (c) => c.notNull())
    .addColumn("small_cap_grosze", "bigint", (c) => c.notNull())
    .addColumn("large_cap_permille", "integer", (c) => c.notNull())
    .addColumn("rounding_grosze", "integer", (c) => c.notNull())
    .addColumn("saved_by", "text")
    .addColumn("saved_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("edition_allocations").execute();
  await db.schema.alterTable("programmes").dropColumn("district_choice").execute();
  await db.schema.alterTable("pools").dropColumn("supports_required").execute();
  await db.schema.alterTable("districts").dropColumn("active").execute();
  await db.schema.alterTable("districts").dropColumn("merged_into_id").execute();
}
