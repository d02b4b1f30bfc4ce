/**
 * Shared by the load benchmark (tests/bench/run.ts) and the crash tests (tests/crash/, tests/e2e/crash):
 * a demo database in the voting phase with a large synthetic register written straight into SQLite
 * (same HMAC keys as the app's import), one voter's online path over HTTP as a browser without
 * JavaScript walks it, and the end-of-run checks against the database file.
 */
import { createHmac } from "node:crypto";
import Database from "better-sqlite3";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { seedDemo, DEMO_YEAR } from "../../app/cli/seed";
import { DISTRICTS } from "../../app/cli/seed-data/districts";
import { ageBand, ageOn, calendarDateIn, makePesel } from "../../app/domain/voting";

export const BENCH_PARENT = "Anna";
/** The district that gets 200 extra accepted proposals (its page is benchmarked; voters vote elsewhere). */
export const BIG_DISTRICT = "babie-doly";
export const VOTING_DISTRICTS = DISTRICTS.map((d) => d.slug).filter((s) => s !== BIG_DISTRICT);
export const BO_PROGRAMME = `ed_${DEMO_YEAR}_bo`;

/** The i-th synthetic adult (serials ≥ 500, so never one of the demo's own register entries). */
export function benchBirth(i: number) {
  return { year: 1940 + (i % 60), month: 1 + (Math.floor(i / 60) % 12), day: 1 + (Math.floor(i / 720) % 28) };
}
export function benchPesel(i: number): string {
  if (i < 0 || i >= 10_080_000) throw new RangeError("benchPesel: index out of range");
  return makePesel(benchBirth(i), 500 + (Math.floor(i / 20_160) % 500), "female", 0);
}
export const benchVoterId = (i: number) => `vtr_bench_${i}`;

const hmac = (key: string, s: string) => createHmac("sha256", key).update(s, "utf8").digest("base64url");

export interface PrepareOptions {
  voters: number;
  identityKey: string;
  /** Adds this many accepted proposals to BIG_DISTRICT's pools (for the district page figure). */
  bigDistrictProposals?: number;
  now?: Date;
}

/** Migrates and seeds a fresh file (demo edition in the voting phase), then adds the synthetic register. */
export async function prepareVotingDb(path: string, opts: PrepareOptions): Promise<{ seconds: number }> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  // the demo's own register import hashes with the app's key: make it the same as the server's
  process.env.IDENTITY_HASH_KEY = opts.identityKey;
  const opened = openDatabase(path);
  await migrateToLatest(opened.db);
  await seedDemo(opened.db, now, "voting");
  await opened.close();

  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL"); // a throwaway file being filled: durability of this setup step does not matter
  const today = calendarDateIn(now);
  const at = now.toISOString();
  const insert = db.prepare(
    "insert into voters (id, pesel_hash, pesel_check_hash, karta_hash, karta_check_hash, declaration_id, edition_id, district_id, age_band, source, created_by, created_at) values (?, ?, ?, null, null, null, (select id from editions where status = 'active' order by year desc limit 1), ?, ?, 'import', null, ?)",
  );
  const parent = BENCH_PARENT.toLocaleLowerCase("pl");
  db.transaction(() => {
    for (let i = 0; i < opts.voters; i++) {
      const pesel = benchPesel(i);
      const band = ageBand(Math.max(0, ageOn(benchBirth(i), today)));
      insert.run(benchVoterId(i), hmac(opts.identityKey, `pesel:${pesel}`), hmac(opts.identityKey, `pesel:${pesel}|parent:${parent}`), `dst_${DISTRICTS[i % DISTRICTS.length]!.slug}`, band, at);
    }
  })();

  const extra = opts.bigDistrictProposals ?? 0;
  if (extra > 0) {
    const add = db.prepare(
      "insert into proposals (id, edition_id, pool_id, number, title, summary, description, category, location, beneficiaries, cost_grosze, status, search_text, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'green', ?, 'mieszkańcy', ?, 'accepted', ?, ?, ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < extra; i++) {
        const size = i % 2 ? "small" : "large";
        const title = `Projekt testowy ${i + 1}: zieleń i ławki przy ulicy ${i + 1}`;
        const summary = "Nasadzenia drzew i krzewów, nowe ławki i kosze, oświetlenie ścieżki — przykładowy projekt do pomiaru wydajności.";
        add.run(`prp_bench_${i}`, `ed_${DEMO_YEAR}`, `pool_${DEMO_YEAR}_${BIG_DISTRICT}_${size}`, `${DEMO_YEAR}/BENCH/${i}`, title, summary, `${summary} ${summary}`, `Gdynia, ${BIG_DISTRICT}`, (size === "small" ? 15_000 : 300_000) * 100, title.toLowerCase(), at, at);
      }
    })();
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return { seconds: (Date.now() - started) / 1000 };
}

export interface DbCheck {
  participations: number;
  ballots: number;
  /** acknowledged (302) casts whose voter has no participation, plus participations without a ballot */
  lost: number;
  /** voters with more than one participation, ballots beyond participations, and voters acknowledged twice */
  doubles: number;
  integrity: string;
}

/** Checks the database file against the casts the clients saw acknowledged. */
export function checkBallots(path: string, acknowledged: readonly number[]): DbCheck {
  const db = new Database(path, { readonly: true });
  try {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    const participations = (db.prepare("select count(*) as n from participations where programme_id = ?").get(BO_PROGRAMME) as { n: number }).n;
    // ballots are sealed until the commission opens the box (issue #15)
    const ballots = (db.prepare("select count(*) as n from sealed_ballots where programme_id = ?").get(BO_PROGRAMME) as { n: number }).n;
    const multi = (db.prepare("select count(*) as n from (select voter_id from participations group by voter_id, programme_id having count(*) > 1)").get() as { n: number }).n;
    const has = db.prepare("select 1 from participations where voter_id = ? and programme_id = ?");
    let missing = 0;
    for (const i of acknowledged) if (!has.get(benchVoterId(i), BO_PROGRAMME)) missing++;
    const ackTwice = acknowledged.length - new Set(acknowledged).size;
    return {
      participations,
      ballots,
      lost: missing + Math.max(0, participations - ballots),
      doubles: multi + Math.max(0, ballots - participations) + ackTwice,
      integrity,
    };
  } finally {
    db.close();
  }
}

/** "pool|project" values of the ballot page's checkboxes. */
export function tickValues(html: string): string[] {
  return [...html.matchAll(/<input[^>]*name="tick"[^>]*value="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

/** One tick in each of the first two pools (at most 3 per pool is the rule): a valid ballot. */
export function chooseTicks(values: readonly string[]): string[] {
  const byPool = new Map<string, string>();
  for (const v of values) {
    const pool = v.split("|")[0]!;
    if (!byPool.has(pool) && byPool.size < 2) byPool.set(pool, v);
  }
  return [...byPool.values()];
}

export const cookieFrom = (setCookie: string | string[] | null | undefined, name: string): string | null => {
  const all = Array.isArray(setCookie) ? setCookie.join(", ") : (setCookie ?? "");
  const m = all.match(new RegExp(`${name}=([^;,]+)`));
  return m ? m[1]! : null;
};

export interface CastOutcome {
  /** 302 to /vote/bo/done on the cast */
  acknowledged: boolean;
  /** the server said the voter already voted (409) */
  alreadyVoted: boolean;
  status: number;
  step: string;
}

/**
 * One voter's whole online path with fetch, as a browser without JavaScript: identify page, identify,
 * district page, ballot page, review, cast. Throws on network errors (e.g. the server was killed).
 */
export async function voteOnce(baseURL: string, i: number, district: string): Promise<CastOutcome> {
  const post = (path: string, body: URLSearchParams, cookie?: string) =>
    fetch(baseURL + path, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL, "Sec-Fetch-Site": "same-origin", ...(cookie ? { Cookie: cookie } : {}) },
      body: body.toString(),
    });
  const get = (path: string, cookie?: string) => fetch(baseURL + path, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  const fail = (status: number, step: string): CastOutcome => ({ acknowledged: false, alreadyVoted: false, status, step });

  let r = await get("/vote/bo");
  await r.arrayBuffer();
  if (r.status !== 200) return fail(r.status, "identify_page");
  r = await post("/vote/bo?index", new URLSearchParams({ method: "pesel", pesel: benchPesel(i), parentFirstName: BENCH_PARENT }));
  await r.arrayBuffer();
  if (r.status !== 302) return { ...fail(r.status, "identify"), alreadyVoted: r.status === 409 };
  const state = cookieFrom(r.headers.get("set-cookie"), "bo_vote");
  if (!state) return fail(r.status, "identify_cookie");
  const cookie = `bo_vote=${state}`;
  r = await get("/vote/bo/district", cookie);
  await r.arrayBuffer();
  if (r.status !== 200) return fail(r.status, "district");
  const ballotPath = `/vote/bo/ballot?district=${district}`;
  r = await get(ballotPath, cookie);
  const ticks = chooseTicks(tickValues(await r.text()));
  if (r.status !== 200 || ticks.length === 0) return fail(r.status, "ballot");
  const form = (intent: string) => {
    const f = new URLSearchParams({ district });
    for (const t of ticks) f.append("tick", t);
    f.append("intent", intent);
    return f;
  };
  r = await post(ballotPath, form("review"), cookie);
  await r.arrayBuffer();
  if (r.status !== 200) return fail(r.status, "review");
  r = await post(ballotPath, form("cast"), cookie);
  await r.arrayBuffer();
  if (r.status === 302 && r.headers.get("location") === "/vote/bo/done") return { acknowledged: true, alreadyVoted: false, status: 302, step: "cast" };
  return { acknowledged: false, alreadyVoted: r.status === 409, status: r.status, step: "cast" };
}
