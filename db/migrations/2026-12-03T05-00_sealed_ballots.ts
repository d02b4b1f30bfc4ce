import { sql, SqliteAdapter, type Kysely } from "kysely";

/*
 * Issue #15: the secret ballot holds even against whoever holds the database.
 * - edition_keys: the edition's public key (X25519, libsodium sealed boxes); the private key was
 *   split among the counting commission (k of n Shamir shares) and never stored.
 * - sealed_ballots: a ballot as cast — ciphertext, the programme that routes it, and the hash of the
 *   voter's receipt (the receipt also travels inside the ciphertext). No district, channel, time or
 *   order. Emptied when the commission opens the ballot box.
 * - counted_receipts: after opening, the receipts found inside the decrypted ballots (the public
 *   inclusion list), keyed by the hash, so stored in sorted, not counting, order.
 * - ballots loses `channel` and `receipt_hash`: a counted ballot says only what it chose (a paper
 *   ballot in a district where one person voted on paper was identifiable by its channel). Existing
 *   clear ballots keep their lines; their receipts move to counted_receipts. SQLite cannot drop a
 *   UNIQUE column, so the three ballot tables are copied aside, recreated and filled again.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const withoutRowid = (q: { modifyEnd: (s: ReturnType<typeof sql>) => any }) => (isSqlite ? q.modifyEnd(sql`without rowid`) : q);
  const run = async (work: (t: Kysely<any>) => Promise<void>) => (isSqlite ? db.transaction().execute(work) : work(db));

  await run(async (t) => {
    await t.schema
      .createTable("edition_keys")
      .addColumn("edition_id", "text", (c) => c.primaryKey().references("editions.id"))
      .addColumn("public_key", "text", (c) => c.notNull()) // base64url, 32 bytes
      .addColumn("threshold", "integer", (c) => c.notNull())
      .addColumn("members", "text", (c) => c.notNull()) // JSON array of the members' names, share i+1 → members[i]
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();

    await withoutRowid(
      t.schema
        .createTable("sealed_ballots")
        .addColumn("id", "text", (c) => c.primaryKey()) // random
        .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
        .addColumn("receipt_hash", "text", (c) => c.notNull().unique())
        .addColumn("sealed", "text", (c) => c.notNull()),
    ).execute();

    await withoutRowid(
      t.schema
        .createTable("counted_receipts")
        .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
        .addColumn("receipt_hash", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("counted_receipts_pk", ["programme_id", "receipt_hash"]),
    ).execute();

    await sql`insert into counted_receipts (programme_id, receipt_hash) select programme_id, receipt_hash from ballots`.execute(t);

    // copy aside, drop, recreate without channel/receipt, fill again
    await sql`create table ballots_old as select id, programme_id, district_id from ballots`.execute(t);
    await sql`create table ballot_lines_old as select ballot_id, pool_id, proposal_id, points from ballot_lines`.execute(t);
    await sql`create table ballot_invalid_pools_old as select ballot_id, pool_id, reason from ballot_invalid_pools`.execute(t);
    await t.schema.dropIndex("ballot_lines_pool").execute();
    await t.schema.dropTable("ballot_invalid_pools").execute();
    await t.schema.dropTable("ballot_lines").execute();
    await t.schema.dropTable("ballots").execute();
    await withoutRowid(
      t.schema
        .createTable("ballots")
        .addColumn("id", "text", (c) => c.primaryKey()) // random, given when the box is opened
        .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
        .addColumn("district_id", "text"),
    ).execute();
    await withoutRowid(
      t.schema
        .createTable("ballot_lines")
        .addColumn("ballot_id", "text", (c) => c.notNull().references("ballots.id"))
        .addColumn("pool_id", "text", (c) => c.notNull().references("pools.id"))
        .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id"))
        .addColumn("points", "integer", (c) => c.notNull().defaultTo(1))
        .addPrimaryKeyConstraint("ballot_lines_pk", ["ballot_id", "pool_id", "proposal_id"]),
    ).execute();
    await t.schema.createIndex("ballot_lines_pool").on("ballot_lines").columns(["pool_id", "proposal_id"]).execute();
    await withoutRowid(
      t.schema
        .createTable("ballot_invalid_pools")
        .addColumn("ballot_id", "text", (c) => c.notNull().references("ballots.id"))
        .addColumn("pool_id", "text", (c) => c.notNull().references("pools.id"))
        .addColumn("reason", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("ballot_invalid_pools_pk", ["ballot_id", "pool_id"]),
    ).execute();
    await sql`insert into ballots (id, programme_id, district_id) select id, programme_id, district_id from ballots_old`.execute(t);
    await sql`insert into ballot_lines (ballot_id, pool_id, proposal_id, points) select ballot_id, pool_id, proposal_id, points from ballot_lines_old`.execute(t);
    await sql`insert into ballot_invalid_pools (ballot_id, pool_id, reason) select ballot_id, pool_id, reason from ballot_invalid_pools_old`.execute(t);
    for (const old of ["ballot_invalid_pools_old", "ballot_lines_old", "ballots_old"]) await t.schema.dropTable(old).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  // Sealed ballots cannot go back to clear ones without the commission's key: refuse while any exist.
  const left = await db.selectFrom("sealed_ballots").select("id").limit(1).executeTakeFirst();
  if (left) throw new Error("sealed ballots exist: open the ballot box (count) before migrating down");
  await db.schema.alterTable("ballots").addColumn("channel", "text", (c) => c.notNull().defaultTo("online")).execute();
  await db.schema.alterTable("ballots").addColumn("receipt_hash", "text").execute();
  for (const t of ["counted_receipts", "sealed_ballots", "edition_keys"]) await db.schema.dropTable(t).execute();
}
