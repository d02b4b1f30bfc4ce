import { sql, type Kysely } from "kysely";

/*
 * Voting points run by administrators (#13): each point belongs to an edition, has opening hours,
 * the officials who may run it, and the devices enrolled for it. A device is enrolled once by an
 * administrator sitting at it: it receives a random token (only its sha-256 is stored here), so a
 * stolen official password alone cannot open a point on another computer.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("voting_points").addColumn("edition_id", "text", (c) => c.references("editions.id")).execute();
  await db.schema.alterTable("voting_points").addColumn("opening_hours", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.alterTable("voting_points").addColumn("created_at", "text").execute();
  // existing points belong to the active edition (the newest one), if there is one
  await sql`update voting_points set edition_id = (select id from editions where status = 'active' order by year desc limit 1), created_at = ${new Date().toISOString()}`.execute(db);
  await db.schema.createIndex("voting_points_edition").on("voting_points").columns(["edition_id", "name"]).execute();

  await db.schema
    .createTable("voting_point_officials")
    .addColumn("voting_point_id", "text", (c) => c.notNull().references("voting_points.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("granted_by", "text")
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("voting_point_officials_pk", ["voting_point_id", "user_id"])
    .execute();
  await db.schema.createIndex("voting_point_officials_user").on("voting_point_officials").columns(["user_id"]).execute();

  await db.schema
    .createTable("voting_point_devices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("voting_point_id", "text", (c) => c.notNull().references("voting_points.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique()) // sha-256 of the device token
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("enrolled_by", "text")
    .addColumn("enrolled_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("voting_point_devices_point").on("voting_point_devices").columns(["voting_point_id"]).execute();
  // which enrolled device a session was opened on: revoking the device ends its sessions
  await db.schema.alterTable("voting_point_sessions").addColumn("device_id", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("voting_point_sessions").dropColumn("device_id").execute();
  await db.schema.dropTable("voting_point_devices").execute();
  await db.schema.dropTable("voting_point_officials").execute();
  await db.schema.dropIndex("voting_points_edition").execute();
  await db.schema.alterTable("voting_points").dropColumn("created_at").execute();
  await db.schema.alterTable("voting_points").dropColumn("opening_hours").execute();
  await db.schema.alterTable("voting_points").dropColumn("edition_id").execute();
}
