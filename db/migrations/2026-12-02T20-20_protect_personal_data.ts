import type { Kysely } from "kysely";

/*
 * Hardening (#11): personal data and retention. No new columns: account deletion and the
 * retention job (app/services/retention.server.ts) only delete and rewrite rows. These indexes
 * keep the job's range deletes and deletion's look-ups by person from scanning whole tables.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const INDEXES: [name: string, table: string, columns: string[]][] = [
  ["sessions_expires", "sessions", ["expires_at"]],
  ["sessions_created", "sessions", ["created_at"]],
  ["email_tokens_expires", "email_tokens", ["expires_at"]],
  ["outbox_created", "outbox", ["created_at"]],
  ["outbox_to", "outbox", ["to_address"]],
  ["users_unverified", "users", ["email_verified_at", "created_at"]],
  ["proposals_status_updated", "proposals", ["status", "updated_at"]],
  ["comments_author", "comments", ["author_user_id"]],
  ["proposal_supports_user", "proposal_supports", ["user_id"]],
  ["comment_flags_user", "comment_flags", ["user_id"]],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
}
