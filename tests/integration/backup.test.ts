/**
 * Online backup and restore (db/backup.ts, db/restore.ts): a backup taken while another process
 * keeps writing is one consistent committed state — integrity ok, and the counters written in the
 * same transactions as the rows agree with the rows — and a restore brings exactly that state back.
 * These copy SQLite files, so on PostgreSQL they are skipped; there the scripts must refuse and
 * point to pg_dump / pg_restore instead (checked below).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../../db/backup";
import { restoreDatabase } from "../../db/restore";
import { createTestDb, onPostgres, type TestDb } from "../support/db";
import { repoRoot } from "../support/server";

describe.skipIf(onPostgres)("SQLite file backups (VACUUM INTO; skipped on PostgreSQL, which uses pg_dump)", () => {
  let t: TestDb;
  let dir: string;

  beforeAll(async () => {
    t = await createTestDb({ seed: false });
    dir = mkdtempSync(join(tmpdir(), "bo-backup-"));
    // a table of rows plus a counter updated in the same transaction, like ballots and turnout
    t.sqlite!.exec("create table bk_rows (id integer primary key, payload text not null); create table bk_count (n integer not null); insert into bk_count values (0);");
    await t.close();
  });
  afterAll(async () => {
    rmSync(t.dir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  const counts = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return {
        rows: (db.prepare("select count(*) as n from bk_rows").get() as { n: number }).n,
        counter: (db.prepare("select n from bk_count").get() as { n: number }).n,
        migrations: (db.prepare("select count(*) as n from kysely_migration").get() as { n: number }).n,
        integrity: (db.pragma("integrity_check") as { integrity_check: string }[])[0]!.integrity_check,
      };
    } finally {
      db.close();
    }
  };

  it("backs up a database that another process is writing to, consistently, and restores it", async () => {
    // the writer: another process, one small transaction after another (as the server would)
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000");
         const ins = db.prepare("insert into bk_rows (payload) values (?)"); const inc = db.prepare("update bk_count set n = n + 1");
         const tx = db.transaction((i) => { ins.run("x".repeat(200) + i); inc.run(); });
         let i = 0; const end = Date.now() + 4000; console.log("writing");
         while (Date.now() < end) tx(i++);
         console.log("wrote " + i);`,
        t.path,
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    writer.stdout.on("data", (d) => (out += d));
    while (!out.includes("writing")) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));

    const copies: { file: string; rows: number }[] = [];
    for (let k = 0; k < 3; k++) {
      const file = join(dir, `copy-${k}.sqlite`);
      const r = await backupDatabase(t.path, file);
      expect(r.integrity).toBe("ok");
      const c = counts(file);
      expect(c.integrity).toBe("ok");
      expect(c.counter).toBe(c.rows); // one committed state: never a row without its counter, or the reverse
      expect(c.migrations).toBeGreaterThan(0);
      expect(existsSync(`${file}-wal`)).toBe(false);
      copies.push({ file, rows: c.rows });
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise<void>((r) => writer.once("exit", () => r()));
    const total = Number(out.match(/wrote (\d+)/)?.[1]);
    expect(copies[0]!.rows).toBeGreaterThan(0);
    expect(copies[2]!.rows).toBeGreaterThan(copies[0]!.rows); // taken while the writes went on
    expect(counts(t.path).rows).toBe(total);

    // restore the first copy over the live file (nobody has it open now)
    const { kept } = await restoreDatabase(copies[0]!.file, t.path);
    expect(kept).not.toBeNull();
    const restored = counts(t.path);
    expect(restored).toEqual({ ...restored, rows: copies[0]!.rows, counter: copies[0]!.rows, integrity: "ok" });
    expect(counts(kept!).rows).toBe(total);
  }, 30_000);

  it("refuses a damaged backup and leaves the database as it was", async () => {
    const bad = join(dir, "bad.sqlite");
    const db = new Database(bad);
    db.exec("create table x (a)");
    db.close();
    const before = counts(t.path);
    await expect(restoreDatabase(bad, t.path)).rejects.toThrow(/migrations table/);
    expect(counts(t.path)).toEqual(before);
  });
});

describe.runIf(onPostgres)("on PostgreSQL", () => {
  let p: TestDb;
  beforeAll(async () => {
    p = await createTestDb({ seed: false });
  });
  afterAll(async () => p.cleanup());

  it("the backup and restore scripts refuse and point to pg_dump / pg_restore, writing nothing", () => {
    const out = join(p.dir, "copy.sqlite");
    for (const [script, tool] of [
      ["db/backup.ts", "pg_dump"],
      ["db/restore.ts", "pg_restore"],
    ] as const) {
      const r = spawnSync(process.execPath, ["--import", "tsx", script, out], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: p.path },
        encoding: "utf8",
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("DATABASE_URL points to PostgreSQL");
      expect(r.stderr).toContain(tool);
      expect(existsSync(out)).toBe(false);
    }
  }, 30_000);
});
