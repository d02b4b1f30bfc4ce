import { sql, SqliteAdapter, type Kysely } from "kysely";

/*
 * Voting. Three groups of tables that must never be joinable:
 *  - the register (who may vote), identifiers only as keyed hashes (HMAC), never in plain text;
 *  - participations (who has voted, when, by which channel) — no ballot id;
 *  - ballots and their lines (how people voted) — no voter, no time, random ids.
 * On SQLite the participation and ballot tables are WITHOUT ROWID with random keys, so not even
 * the physical order of rows reveals which participation belongs to which ballot.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  const isSqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const withoutRowid = (q: { modifyEnd: (s: ReturnType<typeof sql>) => any }) => (isSqlite ? q.modifyEnd(sql`without rowid`) : q);

  await db.schema
    .createTable("voters")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("pesel_hash", "text", (c) => c.unique()) // HMAC of the PESEL
    .addColumn("pesel_check_hash", "text") // HMAC of PESEL + parent's first name
    .addColumn("karta_hash", "text", (c) => c.unique()) // HMAC of the Karta Mieszkańca number
    .addColumn("karta_check_hash", "text") // HMAC of number + first and last name
    .addColumn("declaration_id", "text", (c) => c.unique()) // in-person residency declaration
    .addColumn("district_id", "text", (c) => c.references("districts.id"))
    // age only as a band (statistics, youth/children eligibility for Karta holders); a PESEL holder's
    // exact birth date is read from the PESEL they type when voting and never stored
    .addColumn("age_band", "text")
    .addColumn("sex", "text")
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('import','declaration')`))
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withoutRowid(
    db.schema
      .createTable("participations")
      .addColumn("voter_id", "text", (c) => c.notNull().references("voters.id"))
      .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
      .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ('online','assisted','paper')`))
      .addColumn("on_behalf", "text", (c) => c.notNull().check(sql`on_behalf in ('self','guardian')`))
      .addColumn("district_id", "text") // the district chosen on the ballot, for turnout
      .addColumn("age_band", "text")
      .addColumn("voting_point_id", "text")
      .addColumn("official_user_id", "text")
      .addColumn("voted_on", "text", (c) => c.notNull()) // the day (YYYY-MM-DD, Warsaw), not the moment
      // one ballot per person per programme, whatever the channel: enforced here
      .addPrimaryKeyConstraint("participations_pk", ["voter_id", "programme_id"]),
  ).execute();

  await withoutRowid(
    db.schema
      .createTable("ballots")
      .addColumn("id", "text", (c) => c.primaryKey()) // random
      .addColumn("programme_id", "text", (c) => c.notNull().references("programmes.id"))
      .addColumn("district_id", "text")
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("receipt_hash", "text", (c) => c.notNull().unique()),
  ).execute();

  await withoutRowid(
    db.schema
      .createTable("ballot_lines")
      .addColumn("ballot_id", "text", (c) => c.notNull().references("ballots.id"))
      .addColumn("pool_id", "text", (c) => c.notNull().references("pools.id"))
      .addColumn("proposal_id", "text", (c) => c.notNull().references("proposals.id"))
      .addColumn("points", "integer", (c) => c.notNull().defaultTo(1))
      .addPrimaryKeyConstraint("ballot_lines_pk", ["ballot_id", "pool_id", "proposal_id"]),
  ).execute();
  await db.schema.createIndex("ballot_lines_pool").on("ballot_lines").columns(["pool_id", "proposal_id"]).execute();

  // a paper ballot category that broke its limit: invalid there only, with the reason
  await withoutRowid(
    db.schema
      .createTable("ballot_invalid_pools")
      .addColumn("ballot_id", "text", (c) => c.notNull().references("ballots.id"))
      .addColumn("pool_id", "text", (c) => c.notNull().references("pools.id"))
      .addColumn("reason", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("ballot_invalid_pools_pk", ["ballot_id", "pool_id"]),
  ).execute();

  // live turnout without counting rows on every page view; updated in the ballot's transaction
  await db.schema
    .createTable("turnout_counters")
    .addColumn("programme_id", "text", (c) => c.notNull())
    .addColumn("district_id", "text", (c) => c.notNull()) // '-' where no district was chosen
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("voters", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("turnout_counters_pk", ["programme_id", "district_id", "channel"])
    .execute();

  await db.schema
    .createTable("voting_points")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("voting_point_sessions")
    .addColumn("id", "text", (c) => c.primaryKey()) // sha-256 of the device token
    .addColumn("voting_point_id", "text", (c) => c.notNull().references("voting_points.id"))
    .addColumn("official_user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["voting_point_sessions", "voting_points", "turnout_counters", "ballot_invalid_pools", "ballot_lines", "ballots", "participations", "voters"]) {
    await db.schema.dropTable(t).execute();
  }
}
