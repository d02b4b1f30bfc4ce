import { sql, type Kysely } from "kysely";

/*
 * #13 "A city runs its own edition": what an administrator sets up per edition. Editions get a
 * name, the rules document (regulamin) as text and an optional PDF stored under UPLOAD_DIR by a
 * random key, and whether gaps between phases are allowed; programmes get the languages they are
 * offered in. edition_phase_changes is the public timeline of changes to an edition's dates
 * (a change after a phase started carries a public reason; closing voting early or extending it
 * is recorded the same way).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("editions").addColumn("name", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("editions").addColumn("rules_text", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("editions").addColumn("rules_pdf_key", "text").execute();
  await db.schema.alterTable("editions").addColumn("rules_pdf_name", "text").execute();
  await db.schema.alterTable("editions").addColumn("allow_phase_gaps", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("programmes").addColumn("languages", "text", (c) => c.notNull().defaultTo("pl,uk,en")).execute();
  await db.schema
    .createTable("edition_phase_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("edition_id", "text", (c) => c.notNull().references("editions.id").onDelete("cascade"))
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("starts_before", "text")
    .addColumn("ends_before", "text")
    .addColumn("starts_after", "text", (c) => c.notNull())
    .addColumn("ends_after", "text", (c) => c.notNull())
    .addColumn("public_reason", "text")
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('change','close_early','extend')`))
    .addColumn("changed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("edition_phase_changes_edition").on("edition_phase_changes").columns(["edition_id", "changed_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("edition_phase_changes").execute();
  await db.schema.alterTable("programmes").dropColumn("languages").execute();
  for (const c of ["allow_phase_gaps", "rules_pdf_name", "rules_pdf_key", "rules_text", "name"]) await db.schema.alterTable("editions").dropColumn(c).execute();
}
