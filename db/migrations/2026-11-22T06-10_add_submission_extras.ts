import type { Kysely } from "kysely";

/**
 * What attachments, co-author invitations and proposals entered by officials need beyond the
 * workflow tables:
 *  - attachments.description: the author's words about the file (an image's alt text);
 *  - proposal_coauthors.token_hash / declined_at: the single-use invitation link (only its hash is
 *    stored) and a declined invitation kept for the author to see;
 *  - paper_submissions: for a proposal received on paper or in person, the resident's name and
 *    contact as given on the form, the day it was received and the paper support list checked.
 *    Kept apart from proposals so it can be erased on its own (RODO) without touching the proposal.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("attachments").addColumn("description", "text", (c) => c.notNull().defaultTo("")).execute();
  await db.schema.createIndex("attachments_proposal").on("attachments").column("proposal_id").execute();

  await db.schema.alterTable("proposal_coauthors").addColumn("token_hash", "text").execute();
  await db.schema.alterTable("proposal_coauthors").addColumn("declined_at", "text").execute();
  await db.schema.createIndex("proposal_coauthors_token").on("proposal_coauthors").column("token_hash").unique().execute();
  await db.schema.createIndex("proposal_coauthors_user").on("proposal_coauthors").column("user_id").execute();

  await db.schema
    .createTable("paper_submissions")
    .addColumn("proposal_id", "text", (c) => c.primaryKey().references("proposals.id").onDelete("cascade"))
    .addColumn("resident_name", "text", (c) => c.notNull())
    .addColumn("resident_contact", "text", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull()) // YYYY-MM-DD
    .addColumn("paper_signatures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("entered_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("paper_submissions").execute();
  await db.schema.dropIndex("proposal_coauthors_user").execute();
  await db.schema.dropIndex("proposal_coauthors_token").execute();
  await db.schema.alterTable("proposal_coauthors").dropColumn("declined_at").execute();
  await db.schema.alterTable("proposal_coauthors").dropColumn("token_hash").execute();
  await db.schema.dropIndex("attachments_proposal").execute();
  await db.schema.alterTable("attachments").dropColumn("description").execute();
}
