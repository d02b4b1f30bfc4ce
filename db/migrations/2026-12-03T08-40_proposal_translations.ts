import { sql, type Kysely } from "kysely";

/*
 * #16 item 4 "Ukrainian-speaking children read Polish projects": a proposal has a content language
 * (an author may write in Ukrainian), and its title and summary may be translated into pl/uk/en by
 * the author or by a translator (a new role, scoped to a programme like the others). Pages show the
 * reader's language when there is a translation, otherwise the original marked with its `lang`.
 *
 * The role list of `user_roles` is a CHECK constraint: SQLite cannot alter one, so the table is
 * rebuilt with the same columns and key (portable: copy out, drop, create, copy back).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
async function rebuildUserRoles(db: Kysely<any>, roles: readonly string[]): Promise<void> {
  await sql`create table user_roles_copy as select user_id, role, scope, granted_by, granted_at from user_roles`.execute(db);
  await db.schema.dropTable("user_roles").execute();
  await db.schema
    .createTable("user_roles")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in (${sql.join(roles.map((r) => sql.lit(r)))})`))
    .addColumn("scope", "text", (c) => c.notNull().defaultTo("*"))
    .addColumn("granted_by", "text")
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_roles_pk", ["user_id", "role", "scope"])
    .execute();
  await sql`insert into user_roles (user_id, role, scope, granted_by, granted_at) select user_id, role, scope, granted_by, granted_at from user_roles_copy where role in (${sql.join(roles.map((r) => sql.lit(r)))})`.execute(db);
  await db.schema.dropTable("user_roles_copy").execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("proposals")
    .addColumn("content_lang", "text", (c) => c.notNull().defaultTo("pl").check(sql`content_lang in ('pl','uk','en')`))
    .execute();

  await db.schema
    .createTable("proposal_translations")
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id"))
    .addColumn("lang", "text", (c) => c.notNull().check(sql`lang in ('pl','uk','en')`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("translated_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_translations_pk", ["proposal_id", "lang"])
    .execute();

  await rebuildUserRoles(db, ["youth_moderator", "official", "admin", "translator"]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuildUserRoles(db, ["youth_moderator", "official", "admin"]);
  await db.schema.dropTable("proposal_translations").execute();
  await db.schema.alterTable("proposals").dropColumn("content_lang").execute();
}
