import { sql, type Kysely } from "kysely";

// Untyped on purpose: migrations are frozen and must not follow later changes to db/schema.ts.
// Portable SQL only (SQLite now, PostgreSQL possible): ADD COLUMN one at a time, text ids,
// ISO-8601 text times, money in bigint grosze, 0/1 integers for flags.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  // who wrote the proposal and how it reached the city
  await db.schema.alterTable("proposals").addColumn("author_user_id", "text", (c) => c.references("users.id")).execute();
  /** online: by the author; paper / in_person: entered by an official on the author's behalf. */
  await db.schema.alterTable("proposals").addColumn("channel", "text", (c) => c.notNull().defaultTo("online")).execute();
  await db.schema.alterTable("proposals").addColumn("entered_by_user_id", "text", (c) => c.references("users.id")).execute();
  await db.schema.alterTable("proposals").addColumn("guardian_name", "text").execute();
  await db.schema.alterTable("proposals").addColumn("guardian_consent", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("proposals").addColumn("lat", "double precision").execute();
  await db.schema.alterTable("proposals").addColumn("lng", "double precision").execute();
  await db.schema.alterTable("proposals").addColumn("support_count", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("proposals").addColumn("reviewer_user_id", "text", (c) => c.references("users.id")).execute();
  /** official / youth_council: who asked for the changes now pending. */
  await db.schema.alterTable("proposals").addColumn("changes_requested_by", "text").execute();
  await db.schema.alterTable("proposals").addColumn("submitted_at", "text").execute();
  await db.schema.createIndex("proposals_author").on("proposals").column("author_user_id").execute();

  // the author's text history: one row per saved version
  await db.schema
    .createTable("proposal_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("beneficiaries", "text", (c) => c.notNull())
    .addColumn("cost_grosze", "bigint", (c) => c.notNull())
    /** JSON: [{ label, amountGrosze }] */
    .addColumn("cost_items_json", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("proposal_versions_number", ["proposal_id", "version"])
    .execute();

  await db.schema
    .createTable("proposal_supports")
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_supports_pk", ["proposal_id", "user_id"])
    .execute();

  // every decision on a proposal, with its public reason (rejections, cost corrections, moderation, appeals)
  await db.schema
    .createTable("proposal_decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_status", "text", (c) => c.notNull())
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("public_reason", "text")
    .addColumn("actor_user_id", "text", (c) => c.references("users.id"))
    .addColumn("actor_role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("proposal_decisions_proposal").on("proposal_decisions").columns(["proposal_id", "created_at"]).execute();

  await db.schema
    .createTable("proposal_appeals")
    .addColumn("id", "text", (c) => c.primaryKey())
    // once per proposal
    .addColumn("proposal_id", "text", (c) => c.notNull().unique().references("proposals.id").onDelete("cascade"))
    .addColumn("author_user_id", "text", (c) => c.references("users.id"))
    .addColumn("justification", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.check(sql`outcome in ('accepted','rejected')`))
    .addColumn("decision_reason", "text")
    .addColumn("decided_by", "text", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .execute();

  await db.schema
    .createTable("proposal_coauthors")
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id"))
    .addColumn("invited_by", "text", (c) => c.references("users.id"))
    .addColumn("invited_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addPrimaryKeyConstraint("proposal_coauthors_pk", ["proposal_id", "email"])
    .execute();

  // the final list of a pool: once published, the pool's proposals are frozen
  await db.schema
    .createTable("final_lists")
    .addColumn("pool_id", "text", (c) => c.primaryKey().references("pools.id").onDelete("cascade"))
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.references("users.id"))
    .execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("parent_id", "text", (c) => c.references("comments.id").onDelete("cascade"))
    .addColumn("author_user_id", "text", (c) => c.references("users.id"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("notify_replies", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("flag_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("hidden_at", "text")
    .addColumn("hidden_by", "text", (c) => c.references("users.id"))
    .addColumn("hidden_reason", "text")
    .execute();
  await db.schema.createIndex("comments_proposal").on("comments").columns(["proposal_id", "created_at"]).execute();

  await db.schema
    .createTable("comment_flags")
    .addColumn("comment_id", "text", (c) => c.notNull().references("comments.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("resolved_at", "text")
    .addPrimaryKeyConstraint("comment_flags_pk", ["comment_id", "user_id"])
    .execute();

  // files stored on disk under UPLOAD_DIR; the row keeps what is needed to serve them safely
  await db.schema
    .createTable("attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("uploaded_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "attachments",
    "comment_flags",
    "comments",
    "final_lists",
    "proposal_coauthors",
    "proposal_appeals",
    "proposal_decisions",
    "proposal_supports",
    "proposal_versions",
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.dropIndex("proposals_author").execute();
  for (const c of [
    "submitted_at",
    "changes_requested_by",
    "reviewer_user_id",
    "support_count",
    "lng",
    "lat",
    "guardian_consent",
    "guardian_name",
    "entered_by_user_id",
    "channel",
    "author_user_id",
  ]) {
    await db.schema.alterTable("proposals").dropColumn(c).execute();
  }
}
