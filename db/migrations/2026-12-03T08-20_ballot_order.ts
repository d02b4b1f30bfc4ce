import type { Kysely } from "kysely";

/*
 * Ballot types (#14): a programme says in which order its ballot lists the projects — "random"
 * per voter (never stored with a ballot), "number" or "alphabetical". Existing programmes keep the
 * order their ballots have always had (alphabetical); an administrator chooses another on the pools page.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("programmes").addColumn("ballot_order", "text", (c) => c.notNull().defaultTo("alphabetical")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("programmes").dropColumn("ballot_order").execute();
}
