import { sql, type Kysely } from "kysely";

/*
 * #17 "Following" and "a reliable mail sender":
 * - outbox: a worker claims a row before sending it (claimed_by, claimed_until: a claim that has
 *   expired — a worker that died — may be claimed again), failed sends wait until next_attempt_at
 *   (exponential back-off), and unsubscribe_url is the one-click unsubscribe link of a notification
 *   (sent as List-Unsubscribe; erased with the text once sent);
 * - follows: a signed-in person follows a proposal, a district or an edition (one row each);
 * - follow_settings: which notifications a person wants (a missing row means all of them).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("outbox")
    .addColumn("claimed_by", "text")
    .execute();
  await db.schema
    .alterTable("outbox")
    .addColumn("claimed_until", "text")
    .execute();
  await db.schema
    .alterTable("outbox")
    .addColumn("next_attempt_at", "text")
    .execute();
  await db.schema
    .alterTable("outbox")
    .addColumn("unsubscribe_url", "text")
    .execute();
  await db.schema
    .createIndex("outbox_due")
    .on("outbox")
    .columns(["sent_at", "next_attempt_at"])
    .execute();

  await db.schema
    .createTable("follows")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("target_kind", "text", (c) =>
      c.notNull().check(sql`target_kind in ('proposal','district','edition')`)
    )
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("follows_user_target", [
      "user_id",
      "target_kind",
      "target_id",
    ])
    .execute();
  await db.schema
    .createIndex("follows_target")
    .on("follows")
    .columns(["target_kind", "target_id"])
    .execute();

  await db.schema
    .createTable("follow_settings")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("status_changes", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("verification", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("results", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("implementation", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("follow_settings").execute();
  await db.schema.dropTable("follows").execute();
  await db.schema.dropIndex("outbox_due").execute();
  for (const c of [
    "unsubscribe_url",
    "next_attempt_at",
    "claimed_until",
    "claimed_by",
  ])
    await db.schema.alterTable("outbox").dropColumn(c).execute();
}
