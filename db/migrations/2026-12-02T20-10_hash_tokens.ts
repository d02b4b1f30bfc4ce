import type { Kysely } from "kysely";

/*
 * Hardening (#11): tokens at rest.
 *
 * Verification and reset tokens (email_tokens.id) and invitation tokens
 * (proposal_coauthors.token_hash) were already stored only as SHA-256 hashes; the raw tokens lived
 * on in the outbox, in the text of every mail ever sent. From now on a mail's text is erased once it
 * is sent (or after 24 hours unsent) and a `kind` column says what the mail was. This migration adds
 * the column and erases the text of the mail already sent; unsent mail is left for the sender (and
 * erased by it after 24 hours).
 *
 * down drops the column; erased texts cannot come back (they held nothing the record needs).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("kind", "text").execute();
  await db.updateTable("outbox").set({ body_text: "" }).where("sent_at", "is not", null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("kind").execute();
}
