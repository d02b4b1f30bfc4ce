import type { Kysely } from "kysely";

/*
 * Hardening (#11): identification.
 * - voters.sex is dropped: /privacy says sex is not stored, and nothing needs it.
 * - guardianships: who may vote for a child, from the city's register file (the guardian's keyed
 *   identifier hash, "pesel:…" or "karta:…" through IDENTITY_HASH_KEY — never in clear).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("voters").dropColumn("sex").execute();
  await db.schema
    .createTable("guardianships")
    .addColumn("child_voter_id", "text", (c) => c.notNull().references("voters.id"))
    .addColumn("guardian_hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("guardianships_pk", ["child_voter_id", "guardian_hash"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("guardianships").execute();
  await db.schema.alterTable("voters").addColumn("sex", "text").execute();
}
