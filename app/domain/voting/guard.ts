/**
 * Rules that protect identification (issue #11), pure: no I/O, no clock reads.
 *
 * - Back-off per identity: every identification path (self, child, guardian, voting point, paper,
 *   declaration) counts failed attempts against one person in ONE counter. The first
 *   `freeFailures` failures cost nothing; after that each further attempt must wait 2^n seconds
 *   (n = failures beyond the free ones), capped at `maxWaitS`. Failures are forgotten `forgetS`
 *   after the last one, and a successful identification clears them. Nobody can lock the owner out
 *   for longer than `maxWaitS`, and guessing stays slow (see maxAttemptsWithin).
 * - The Polish-letters hint: shown for any failure whose typed names are plain ASCII, so it never
 *   depends on what the register holds.
 * - Who may vote for whom: a guardian link from the register, or a rule the city configures.
 */

export interface BackoffPolicy {
  freeFailures: number;
  maxWaitS: number;
  forgetS: number;
}

export const IDENTIFY_BACKOFF: BackoffPolicy = { freeFailures: 3, maxWaitS: 300, forgetS: 24 * 3600 };

/** Seconds to wait before the next attempt after `failures` consecutive failures. */
export function backoffWaitS(failures: number, policy: BackoffPolicy = IDENTIFY_BACKOFF): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return over >= 30 ? policy.maxWaitS : Math.min(policy.maxWaitS, 2 ** over);
}

export interface BackoffState {
  failures: number;
  lastFailureAtMs: number;
}

/**
 * Whether an attempt may be made now. An allowed attempt is counted as a failure at once (so that
 * parallel attempts cannot all slip through before the first one is recorded); a success clears it.
 */
export function decideAttempt(
  state: BackoffState | null,
  nowMs: number,
  policy: BackoffPolicy = IDENTIFY_BACKOFF,
): { ok: true; next: BackoffState } | { ok: false; retryAfterS: number } {
  const live = state && nowMs - state.lastFailureAtMs < policy.forgetS * 1000 ? state : null;
  const failures = live?.failures ?? 0;
  if (live) {
    const nextAt = live.lastFailureAtMs + backoffWaitS(failures, policy) * 1000;
    if (nowMs < nextAt) return { ok: false, retryAfterS: Math.max(1, Math.ceil((nextAt - nowMs) / 1000)) };
  }
  return { ok: true, next: { failures: failures + 1, lastFailureAtMs: nowMs } };
}

/** The most attempts against one identity an attacker can make within `seconds` (greedy, never succeeding). */
export function maxAttemptsWithin(seconds: number, policy: BackoffPolicy = IDENTIFY_BACKOFF): number {
  let state: BackoffState | null = null;
  let t = 0;
  let n = 0;
  const end = seconds * 1000;
  while (t < end) {
    const d = decideAttempt(state, t, policy);
    if (d.ok) {
      state = d.next;
      n += 1;
    } else {
      t += d.retryAfterS * 1000;
    }
  }
  return n;
}

/**
 * True when every typed name is plain ASCII (and at least one has a letter): the page then reminds
 * that Polish letters matter ("Łukasz" is not "Lukasz"). Depends only on what was typed.
 */
export function polishLettersHint(names: ReadonlyArray<string | undefined>): boolean {
  const typed = names.map((n) => (n ?? "").trim()).filter((n) => n.length > 0);
  return typed.length > 0 && typed.every((n) => /^[\x20-\x7e]+$/.test(n)) && typed.some((n) => /[A-Za-z]/.test(n));
}

/**
 * Who may vote for a child:
 * - "register_link": only a guardian the register names for this child (the city's file carries the
 *   guardian's PESEL or card number);
 * - "same_district": that, or — where the register cannot provide links — any adult registered in the
 *   same district as the child (the city's choice; each such vote is audited with its basis).
 */
export const GUARDIAN_RULES = ["register_link", "same_district"] as const;
export type GuardianRule = (typeof GUARDIAN_RULES)[number];
export type GuardianBasis = GuardianRule;

/** The configured rule; anything unknown falls back to the strict "register_link". */
export function parseGuardianRule(value: string | undefined): GuardianRule {
  return (GUARDIAN_RULES as readonly string[]).includes(value ?? "") ? (value as GuardianRule) : "register_link";
}

export function mayVoteForChild(
  facts: { linked: boolean; guardianDistrictId: string | null; childDistrictId: string | null },
  rule: GuardianRule,
): { ok: true; basis: GuardianBasis } | { ok: false; reason: "guardian_not_authorised" } {
  if (facts.linked) return { ok: true, basis: "register_link" };
  if (rule === "same_district" && facts.guardianDistrictId !== null && facts.guardianDistrictId === facts.childDistrictId) {
    return { ok: true, basis: "same_district" };
  }
  return { ok: false, reason: "guardian_not_authorised" };
}
