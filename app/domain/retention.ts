/**
 * How long personal data is kept: one named number per promise made on /privacy (the page shows
 * these very numbers), and the cut-off instants the retention job deletes before. Pure: the
 * caller passes the clock.
 */

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** A signed-in session ends after this many hours without a request (sliding)… */
export const SESSION_IDLE_HOURS = 8;
/** …and in any case this many days after sign-in (absolute), even if the browser keeps it open. */
export const SESSION_MAX_DAYS = 7;
/** An account whose address was never confirmed is deleted this many days after sign-up. */
export const UNVERIFIED_ACCOUNT_DAYS = 7;
/** E-mails (sent, or given up on) are deleted this many days after they were written. */
export const OUTBOX_DAYS = 30;
/** Used or expired e-mail links (verification, password reset) are deleted this many days after they expire. */
export const EMAIL_TOKEN_DAYS = 7;
/** A draft proposal never submitted is deleted, with its files, this many months after its last change. */
export const DRAFT_MONTHS = 12;
/**
 * The name and contact of a resident who handed a proposal in on paper or in person are deleted
 * this many months after the vote's results for the proposal's pool are published: officials need
 * them through verification, appeals, the vote and questions about its result, and not after.
 */
export const PAPER_CONTACT_MONTHS = 6;
/** The audit log of decisions is kept this many years, then deleted. */
export const AUDIT_YEARS = 5;
/** The language cookie lives this many days (set in i18n/locale.server.ts: Max-Age=31536000). */
export const LANGUAGE_COOKIE_DAYS = 365;

export const SESSION_IDLE_MS = SESSION_IDLE_HOURS * HOUR_MS;
export const SESSION_MAX_MS = SESSION_MAX_DAYS * DAY_MS;

/** The numbers /privacy quotes, by placeholder name. */
export const RETENTION_TEXT_VARS = {
  sessionIdleHours: SESSION_IDLE_HOURS,
  sessionMaxDays: SESSION_MAX_DAYS,
  unverifiedDays: UNVERIFIED_ACCOUNT_DAYS,
  outboxDays: OUTBOX_DAYS,
  emailTokenDays: EMAIL_TOKEN_DAYS,
  draftMonths: DRAFT_MONTHS,
  paperContactMonths: PAPER_CONTACT_MONTHS,
  auditYears: AUDIT_YEARS,
  languageDays: LANGUAGE_COOKIE_DAYS,
} as const;

function minusMonths(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export interface RetentionCutoffs {
  /** Unverified accounts created before this go. */
  unverifiedAccountsBefore: string;
  /** Sessions that expired before this (now) go. */
  sessionsExpiredBefore: string;
  /** Sessions created before this go, whatever their sliding expiry says. */
  sessionsCreatedBefore: string;
  outboxCreatedBefore: string;
  emailTokensExpiredBefore: string;
  draftsUpdatedBefore: string;
  /** Paper proposals' resident details go when their pool's results were published before this. */
  paperResultsPublishedBefore: string;
  auditBefore: string;
}

/** Rows strictly older than each cut-off are past their period; a row exactly at it stays. */
export function retentionCutoffs(now: Date): RetentionCutoffs {
  const t = now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const years = new Date(t);
  years.setUTCFullYear(years.getUTCFullYear() - AUDIT_YEARS);
  return {
    unverifiedAccountsBefore: iso(t - UNVERIFIED_ACCOUNT_DAYS * DAY_MS),
    sessionsExpiredBefore: iso(t),
    sessionsCreatedBefore: iso(t - SESSION_MAX_MS),
    outboxCreatedBefore: iso(t - OUTBOX_DAYS * DAY_MS),
    emailTokensExpiredBefore: iso(t - EMAIL_TOKEN_DAYS * DAY_MS),
    draftsUpdatedBefore: minusMonths(now, DRAFT_MONTHS).toISOString(),
    paperResultsPublishedBefore: minusMonths(now, PAPER_CONTACT_MONTHS).toISOString(),
    auditBefore: years.toISOString(),
  };
}

/** When a session must end at the latest: its sliding expiry, capped by the absolute one. */
export function sessionEndsAt(slidingExpiresAt: Date, createdAt: Date): Date {
  const cap = createdAt.getTime() + SESSION_MAX_MS;
  return new Date(Math.min(slidingExpiresAt.getTime(), cap));
}
