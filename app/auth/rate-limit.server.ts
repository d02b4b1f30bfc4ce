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

const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isSafeInteger(v) && v > 0 ? v : fallback;
};

export const limits = {
  /** Identification attempts per IP (a voting point's device is exempt: many people share it). */
  identifyPerIp: createLimit("identify_ip", envInt("RATE_LIMIT_IDENTIFY_PER_IP", 60), 15 * 60),
  /** Failed identifications of one person (PESEL / card) from anywhere. */
  identifyFailuresPerPerson: createLimit("identify_fail", 5, 60 * 60),
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
};
