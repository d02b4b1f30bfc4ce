import { sql, type Kysely } from "kysely";

/*
 * Implementation tracking (#17), its own aggregate beside the proposal (the proposal's status stays
 * "selected"/"accepted"; what happens after the vote is recorded here):
 * - implementations: one row per winning project (proposal_id unique), the city unit building it and
 *   its public office contact, the status, progress, planned and actual dates (YYYY-MM-DD), the
 *   actual cost in grosze (null until known);
 * - implementation_entries: the public timeline, dated entries with text;
 * - implementation_entry_files: photos and documents of an entry, stored under UPLOAD_DIR by a
 *   random storage key exactly like proposal attachments (own table rather than a new owner column
 *   on attachments: proposal attachments are counted, listed, erased with accounts and limited per
 *   proposal, and none of that code must start seeing implementation files).
 * Winners of results already published get a "planned" implementation (as publishing now does).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("implementations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull().unique().references("proposals.id"))
    .addColumn("edition_id", "text", (c) => c.notNull().references("editions.id"))
    .addColumn("city_unit", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("contact", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("planned").check(sql`status in ('planned','design','procurement','in_progress','done','not_feasible')`),
    )
    .addColumn("not_feasible_reason", "text")
    .addColumn("progress_pct", "integer", (c) => c.notNull().defaultTo(0).check(sql`progress_pct >= 0 and progress_pct <= 100`))
    .addColumn("planned_start", "text")
    .addColumn("planned_end", "text")
    .addColumn("actual_start", "text")
    .addColumn("actual_end", "text")
    .addColumn("actual_cost_grosze", "bigint", (c) => c.check(sql`actual_cost_grosze is null or actual_cost_grosze >= 0`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();
  await db.schema.createIndex("implementations_edition").on("implementations").columns(["edition_id", "status"]).execute();

  await db.schema
    .createTable("implementation_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("implementation_id", "text", (c) => c.notNull().references("implementations.id"))
    .addColumn("entry_date", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("implementation_entries_impl").on("implementation_entries").columns(["implementation_id", "entry_date"]).execute();

  await db.schema
    .createTable("implementation_entry_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("entry_id", "text", (c) => c.notNull().references("implementation_entries.id"))
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('photo','document')`))
    .addColumn("caption", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("implementation_entry_files_entry").on("implementation_entry_files").column("entry_id").execute();

  // winners of results published before this migration get their (planned) implementation too;
  // the id is the one the app gives (imp_<proposal id>), so creating them again later finds them
  const now = new Date().toISOString();
  await sql`
    insert into implementations (id, proposal_id, edition_id, status, progress_pct, created_at, updated_at)
    select 'imp_' || r.proposal_id, r.proposal_id, p.edition_id, 'planned', 0, ${now}, ${now}
    from pool_results r
    join pool_tallies t on t.pool_id = r.pool_id
    join proposals p on p.id = r.proposal_id
    where r.selected > 0 and t.published_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("implementation_entry_files").execute();
  await db.schema.dropTable("implementation_entries").execute();
  await db.schema.dropTable("implementations").execute();
}
