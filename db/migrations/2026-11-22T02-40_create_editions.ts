import { sql, type Kysely } from "kysely";

// Untyped on purpose: migrations are frozen and must not follow later changes to db/schema.ts.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("districts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("population", "integer", (c) => c.notNull())
    .addColumn("area_ha", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("editions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("year", "integer", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft','active','archived')`))
    .addColumn("source", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("edition_phases")
    .addColumn("edition_id", "text", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("edition_phases_pk", ["edition_id", "phase"])
    .addCheckConstraint("edition_phases_order", sql`starts_at < ends_at`)
    .execute();

  await db.schema
    .createTable("programmes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("edition_id", "text", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('bo','youth','children')`))
    .addColumn("moderation", "text", (c) => c.notNull().check(sql`moderation in ('officials','youth_council')`))
    .addColumn("min_age", "integer")
    .addColumn("max_age", "integer")
    .addColumn("guardian_below_age", "integer")
    .addColumn("supports_required", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("programmes_edition_kind", ["edition_id", "kind"])
    .execute();

  await db.schema
    .createTable("pools")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id").onDelete("cascade"))
    .addColumn("district_id", "text", (c) => c.references("districts.id"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('city','district_large','district_small','programme')`),
    )
    .addColumn("budget_grosze", "bigint", (c) => c.notNull().check(sql`budget_grosze >= 0`))
    .addColumn("max_project_cost_grosze", "bigint")
    .addColumn("carried_over_grosze", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("ballot_rule", "text", (c) => c.notNull())
    .addColumn("selection_rule", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("pools_programme").on("pools").columns(["programme_id", "district_id"]).execute();

  await db.schema
    .createTable("proposals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("edition_id", "text", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("pool_id", "text", (c) => c.notNull().references("pools.id"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("beneficiaries", "text", (c) => c.notNull())
    .addColumn("cost_grosze", "bigint", (c) => c.notNull().check(sql`cost_grosze >= 0`))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("proposals_edition_number", ["edition_id", "number"])
    .execute();
  await db.schema.createIndex("proposals_pool_status").on("proposals").columns(["pool_id", "status"]).execute();

  await db.schema
    .createTable("proposal_cost_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("amount_grosze", "bigint", (c) => c.notNull().check(sql`amount_grosze >= 0`))
    .execute();
  await db.schema.createIndex("cost_items_proposal").on("proposal_cost_items").column("proposal_id").execute();

  await db.schema
    .createTable("pool_tallies")
    .addColumn("pool_id", "text", (c) => c.primaryKey().references("pools.id").onDelete("cascade"))
    .addColumn("voters", "integer", (c) => c.notNull())
    .addColumn("spent_grosze", "bigint", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();

  await db.schema
    .createTable("pool_results")
    .addColumn("pool_id", "text", (c) => c.notNull().references("pools.id").onDelete("cascade"))
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("votes", "integer", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("rank", "integer", (c) => c.notNull())
    .addColumn("selected", "integer", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("pool_results_pk", ["pool_id", "proposal_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "pool_results",
    "pool_tallies",
    "proposal_cost_items",
    "proposals",
    "pools",
    "programmes",
    "edition_phases",
    "editions",
    "districts",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
