/**
 * When a mail that failed to send is tried again: exponential back-off from one minute, doubling,
 * at most six hours apart; after MAX_MAIL_ATTEMPTS failures it is given up (recorded with its last
 * error; /metrics counts such mail as failed). Pure: the caller passes the clock.
 */
export const MAX_MAIL_ATTEMPTS = 10;
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 3600_000;

/** The wait after the `attempts`-th failure (1-based). */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(n - 1, 30));
}

/** After a failure: the next attempt's time, or null when the mail is given up. */
export function nextAttemptAt(attemptsSoFar: number, now: Date): Date | null {
  const attempts = attemptsSoFar + 1;
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMs(attempts));
}
