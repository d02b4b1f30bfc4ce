import { sql, SqliteAdapter, type Kysely } from "kysely";

/*
 * Issue #13: the voter register belongs to an edition.
 * - voters.edition_id: existing rows go to the active edition (else the newest one). The same
 *   person may now be in two editions' registers at once (a city imports next year's register into
 *   a draft edition while this year's is still active), so the one-column UNIQUE constraints on
 *   pesel_hash, karta_hash and declaration_id become unique indexes per edition.
 * - voters.removed_at: a person a later import no longer lists but who has already voted in the
 *   edition keeps the row (their participation points at it), marked; identification skips it.
 * - register_imports: one row per applied import (counts only; the file itself is never kept).
 * SQLite cannot drop a column constraint, so there the voters table is rebuilt (the documented
 * 12-step way: foreign keys off, new table, copy, drop, rename, foreign_key_check, on again);
 * the migrator runs SQLite migrations outside a transaction, so this one opens its own.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
const COLUMNS = "id, pesel_hash, pesel_check_hash, karta_hash, karta_check_hash, declaration_id, district_id, age_band, source, created_by, created_at";

async function defaultEdition(db: Kysely<any>): Promise<string | null> {
  const active = await db.selectFrom("editions").select("id").where("status", "=", "active").orderBy("year", "desc").limit(1).executeTakeFirst();
  const newest = active ?? (await db.selectFrom("editions").select("id").orderBy("year", "desc").limit(1).executeTakeFirst());
  return (newest?.id as string | undefined) ?? null;
}

async function rebuildVotersSqlite(db: Kysely<any>, withEdition: boolean): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      let q = trx.schema
        .createTable("voters_new")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("pesel_hash", "text", (c) => (withEdition ? c : c.unique()))
        .addColumn("pesel_check_hash", "text")
        .addColumn("karta_hash", "text", (c) => (withEdition ? c : c.unique()))
        .addColumn("karta_check_hash", "text")
        .addColumn("declaration_id", "text", (c) => (withEdition ? c : c.unique()))
        .addColumn("district_id", "text", (c) => c.references("districts.id"))
        .addColumn("age_band", "text")
        .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('import','declaration')`))
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull());
      if (withEdition) q = q.addColumn("edition_id", "text", (c) => c.references("editions.id")).addColumn("removed_at", "text");
      await q.execute();
      const edition = withEdition ? await defaultEdition(trx) : null;
      if (withEdition) {
        await sql`insert into voters_new (${sql.raw(COLUMNS)}, edition_id) select ${sql.raw(COLUMNS)}, ${edition} from voters`.execute(trx);
      } else {
        await sql`insert into voters_new (${sql.raw(COLUMNS)}) select ${sql.raw(COLUMNS)} from voters`.execute(trx);
      }
      await trx.schema.dropTable("voters").execute();
      await trx.schema.alterTable("voters_new").renameTo("voters").execute();
      const broken = await sql`pragma foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error(`register_editions: ${broken.rows.length} rows lost their voter`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

const INDEXES: [name: string, columns: string[]][] = [
  ["voters_edition_pesel", ["edition_id", "pesel_hash"]],
  ["voters_edition_karta", ["edition_id", "karta_hash"]],
  ["voters_edition_declaration", ["edition_id", "declaration_id"]],
];

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await rebuildVotersSqlite(db, true);
  } else {
    await db.schema.alterTable("voters").addColumn("edition_id", "text", (c) => c.references("editions.id")).execute();
    await db.schema.alterTable("voters").addColumn("removed_at", "text").execute();
    await db.updateTable("voters").set({ edition_id: await defaultEdition(db) }).execute();
    for (const c of ["pesel_hash", "karta_hash", "declaration_id"]) await sql`alter table voters drop constraint ${sql.raw(`voters_${c}_key`)}`.execute(db);
  }
  for (const [name, columns] of INDEXES) await db.schema.createIndex(name).unique().on("voters").columns(columns).execute();

  await db.schema
    .createTable("register_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("edition_id", "text", (c) => c.notNull().references("editions.id"))
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_sha256", "text", (c) => c.notNull())
    .addColumn("rows_total", "integer", (c) => c.notNull())
    .addColumn("added", "integer", (c) => c.notNull())
    .addColumn("removed", "integer", (c) => c.notNull())
    .addColumn("moved", "integer", (c) => c.notNull())
    .addColumn("unchanged", "integer", (c) => c.notNull())
    .addColumn("invalid", "integer", (c) => c.notNull())
    .addColumn("applied_by", "text")
    .addColumn("applied_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("register_imports_edition").on("register_imports").columns(["edition_id", "applied_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("register_imports").execute();
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await rebuildVotersSqlite(db, false);
  } else {
    for (const c of ["pesel_hash", "karta_hash", "declaration_id"]) await sql`alter table voters add constraint ${sql.raw(`voters_${c}_key`)} unique (${sql.raw(c)})`.execute(db);
    await db.schema.alterTable("voters").dropColumn("removed_at").execute();
    await db.schema.alterTable("voters").dropColumn("edition_id").execute();
  }
}
