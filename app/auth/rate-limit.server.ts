/**
 * Rate limits for sign-in, sign-up and password reset (and, later, voting). In memory: right for
 * one app process; a deployment with several app nodes swaps these for a shared store
 * (rate-limiter-flexible has PostgreSQL/Redis backends with the same interface).
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export interface Limit {
  /** Takes one point; refusal carries the seconds until the next try. */
  consume(key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
  /** Whether the key is already blocked, without spending a point. */
  isBlocked(key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
  reset(key: string): Promise<void>;
}

function limit(points: number, durationS: number): Limit {
  const rl = new RateLimiterMemory({ points, duration: durationS });
  const refusal = (r: RateLimiterRes) => ({ ok: false as const, retryAfterS: Math.max(1, Math.ceil(r.msBeforeNext / 1000)) });
  return {
    async consume(key) {
      try {
        await rl.consume(key);
        return { ok: true };
      } catch (e) {
        if (e instanceof RateLimiterRes) return refusal(e);
        throw e;
      }
    },
    async isBlocked(key) {
      const r = await rl.get(key);
      return r && r.consumedPoints >= points ? refusal(r) : { ok: true };
    },
    async reset(key) {
      await rl.delete(key);
    },
  };
}

const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isSafeInteger(v) && v > 0 ? v : fallback;
};

export const limits = {
  /** Identification attempts per IP (a voting point's device is exempt: many people share it). */
  identifyPerIp: limit(envInt("RATE_LIMIT_IDENTIFY_PER_IP", 60), 15 * 60),
  /** Failed identifications of one person (PESEL / card) from anywhere. */
  identifyFailuresPerPerson: limit(5, 60 * 60),
  /** 10 failed sign-ins for one address from one IP in 15 minutes, then a pause. */
  signInFailures: limit(10, 15 * 60),
  /** Any sign-in attempts from one IP (guards against spraying many addresses). */
  signInPerIp: limit(100, 15 * 60),
  signUpPerIp: limit(10, 60 * 60),
  resetPerIp: limit(10, 60 * 60),
  resetPerEmail: limit(3, 60 * 60),
  /** Comments and replies by one person: 10 in 10 minutes. */
  commentsPerUser: limit(10, 10 * 60),
};
