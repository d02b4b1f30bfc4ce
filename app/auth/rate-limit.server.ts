/**
 * Rate limits for sign-in, sign-up, password reset, e-mail links, account deletion, identification
 * and comments. Where they are
 * counted follows the database: with SQLite (one app process) in memory; with PostgreSQL (possibly
 * several app nodes behind a load balancer) in the shared `rate_limits` table, so a limit holds
 * across nodes. If PostgreSQL fails mid-request, an in-memory limiter of the same size stands in
 * (per node) instead of failing the request.
 */
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { databaseKind } from "../../db/client";
import { decideAttempt, IDENTIFY_BACKOFF, type BackoffPolicy, type BackoffState } from "~/domain/voting/guard";
import { getDatabase } from "~/db.server";
import { getEnv } from "~/env.server";

export interface Limit {
  /** Takes one point; refusal carries the seconds until the next try. */
  consume(key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
  /** Whether the key is already blocked, without spending a point. */
  isBlocked(key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
  reset(key: string): Promise<void>;
}

export type LimitStore = { kind: "memory" } | { kind: "postgres"; pool: pg.Pool };

export const RATE_LIMIT_TABLE = "rate_limits";

// the table rate-limiter-flexible expects (key, points, expire in ms), created once per pool; not a
// migration because it holds nothing worth keeping and exists only on PostgreSQL
const tables = new WeakMap<pg.Pool, Promise<void>>();
function ensureTable(pool: pg.Pool): Promise<void> {
  let p = tables.get(pool);
  if (!p) {
    p = pool
      .query(`create table if not exists ${RATE_LIMIT_TABLE} (key text primary key, points integer not null default 0, expire bigint)`)
      .then(
        () => undefined,
        (e: { code?: string }) => {
          if (e.code !== "23505") throw e; // 23505: another node created it at the same moment
        },
      );
    p.catch(() => tables.delete(pool)); // try again next time
    tables.set(pool, p);
  }
  return p;
}

/** Where limits are counted when nobody says: PostgreSQL's pool when DATABASE_URL is PostgreSQL, else memory. */
function defaultStore(): LimitStore {
  if (databaseKind(getEnv().DATABASE_URL) !== "postgres") return { kind: "memory" };
  return { kind: "postgres", pool: getDatabase().pool! };
}

/**
 * One limit: `points` attempts per `durationS` seconds per key. `name` keeps the keys of different
 * limits apart in the shared table. The store is chosen on first use (after the environment is read).
 */
export function createLimit(name: string, points: number, durationS: number, store?: () => LimitStore): Limit {
  let made: Promise<RateLimiterAbstract> | null = null;
  const limiter = () =>
    (made ??= (async () => {
      const memory = new RateLimiterMemory({ points, duration: durationS, keyPrefix: name });
      const s = (store ?? defaultStore)();
      if (s.kind === "memory") return memory;
      await ensureTable(s.pool);
      return new RateLimiterPostgres({
        storeClient: s.pool,
        storeType: "pool",
        tableName: RATE_LIMIT_TABLE,
        tableCreated: true,
        keyPrefix: name,
        points,
        duration: durationS,
        clearExpiredByTimeout: true,
        insuranceLimiter: memory,
      });
    })().catch((e) => {
      made = null;
      throw e;
    }));
  const refusal = (r: RateLimiterRes) => ({ ok: false as const, retryAfterS: Math.max(1, Math.ceil(r.msBeforeNext / 1000)) });
  return {
    async consume(key) {
      const rl = await limiter();
      try {
        await rl.consume(key);
        return { ok: true };
      } catch (e) {
        if (e instanceof RateLimiterRes) return refusal(e);
        throw e;
      }
    },
    async isBlocked(key) {
      const r = await (await limiter()).get(key);
      return r && r.consumedPoints >= points ? refusal(r) : { ok: true };
    },
    async reset(key) {
      await (await limiter()).delete(key);
    },
  };
}

/**
 * A per-key exponential back-off (see decideAttempt in app/domain/voting/guard.ts): `attempt`
 * claims an attempt atomically and counts it as a failure at once; `reset` clears the key after a
 * success. On PostgreSQL it lives in the same `rate_limits` table (points = failures, expire = when
 * the failures are forgotten, so the last failure is expire − forgetS), one row locked per attempt,
 * so it holds across nodes and parallel requests cannot slip past it.
 */
export interface Backoff {
  attempt(key: string, now?: number): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
  reset(key: string): Promise<void>;
}

export function createBackoff(name: string, policy: BackoffPolicy = IDENTIFY_BACKOFF, store?: () => LimitStore): Backoff {
  const memory = new Map<string, BackoffState>();
  let chosen: LimitStore | null = null;
  const where = () => (chosen ??= (store ?? defaultStore)());
  const rowKey = (key: string) => `${name}:${key}`;
  const forgetMs = policy.forgetS * 1000;
  const inMemory = (key: string, now: number) => {
    const d = decideAttempt(memory.get(key) ?? null, now, policy);
    if (!d.ok) return d;
    memory.delete(key); // re-insert: the Map stays ordered by last use
    memory.set(key, d.next);
    if (memory.size > 100_000) memory.delete(memory.keys().next().value!);
    return { ok: true as const };
  };
  return {
    async attempt(key, now = Date.now()) {
      const s = where();
      if (s.kind === "memory") return inMemory(key, now);
      await ensureTable(s.pool);
      const client = await s.pool.connect();
      try {
        await client.query("begin");
        await client.query(`insert into ${RATE_LIMIT_TABLE} (key, points, expire) values ($1, 0, 0) on conflict (key) do nothing`, [rowKey(key)]);
        const row = (await client.query<{ points: number; expire: string | null }>(`select points, expire from ${RATE_LIMIT_TABLE} where key = $1 for update`, [rowKey(key)])).rows[0];
        const expire = Number(row?.expire ?? 0);
        const state = row && row.points > 0 ? { failures: row.points, lastFailureAtMs: expire - forgetMs } : null;
        const d = decideAttempt(state, now, policy);
        if (d.ok) {
          await client.query(`update ${RATE_LIMIT_TABLE} set points = $2, expire = $3 where key = $1`, [rowKey(key), d.next.failures, d.next.lastFailureAtMs + forgetMs]);
        }
        await client.query("commit");
        return d.ok ? { ok: true } : d;
      } catch (e) {
        await client.query("rollback").catch(() => undefined);
        // PostgreSQL failed mid-request: this node's memory stands in, like the other limits
        console.error("identification back-off: PostgreSQL unavailable, counting in memory", e);
        return inMemory(key, now);
      } finally {
        client.release();
      }
    },
    async reset(key) {
      memory.delete(key);
      const s = where();
      if (s.kind === "postgres") await s.pool.query(`delete from ${RATE_LIMIT_TABLE} where key = $1`, [rowKey(key)]);
    },
  };
}

const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isSafeInteger(v) && v > 0 ? v : fallback;
};

/** Public API requests per IP per minute (shown on /api). */
export const API_LIMIT_PER_MINUTE = envInt("RATE_LIMIT_API_PER_IP", 300);

export const limits = {
  /** Identification attempts per IP (a voting point's device is exempt: many people share it). */
  identifyPerIp: createLimit("identify_ip", envInt("RATE_LIMIT_IDENTIFY_PER_IP", 60), 15 * 60),
  /**
   * Failed identifications of one person (PESEL / card / declaration) from anywhere, on every path:
   * 3 free, then 2^n s up to 5 min (at most 298 guesses per identity per day), never a long lock.
   */
  identifyFailuresPerPerson: createBackoff("identify_backoff"),
  /** 10 failed sign-ins for one address from one IP in 15 minutes, then a pause. */
  signInFailures: createLimit("signin_fail", 10, 15 * 60),
  /** Any sign-in attempts from one IP (guards against spraying many addresses). */
  signInPerIp: createLimit("signin_ip", 100, 15 * 60),
  signUpPerIp: createLimit("signup_ip", 10, 60 * 60),
  resetPerIp: createLimit("reset_ip", 10, 60 * 60),
  resetPerEmail: createLimit("reset_email", 3, 60 * 60),
  /** Comments and replies by one person: 10 in 10 minutes. */
  commentsPerUser: createLimit("comments_user", 10, 10 * 60),
  /** Uses of reset links (POST /reset-password) from one IP: 10 in 15 minutes. */
  resetPasswordPerIp: createLimit("reset_pw_ip", 10, 15 * 60),
  /** Uses of verification links (POST /verify-email) from one IP: 20 in 15 minutes. */
  verifyEmailPerIp: createLimit("verify_ip", 20, 15 * 60),
  /** Invitation links opened or answered (/invitations/:token) by one person: 30 in 15 minutes. */
  invitationsPerUser: createLimit("invitation_user", 30, 15 * 60),
  /** Account deletions tried (each checks the password) by one person: 5 an hour. */
  deleteAccountPerUser: createLimit("delete_user", 5, 60 * 60),
  /** Public API requests (/api/v1, /api/openapi.json) from one IP: RATE_LIMIT_API_PER_IP (300) a minute. */
  apiPerIp: createLimit("api_ip", API_LIMIT_PER_MINUTE, 60),
};
