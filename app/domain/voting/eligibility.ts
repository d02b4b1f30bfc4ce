/**
 * Who may cast a ballot in a programme, and who may cast one on a child's behalf.
 * `now` is passed in; ages are counted on the calendar date in Gdynia (Europe/Warsaw).
 */
import type { Phase } from "../rules";
import { AGE_BANDS, ageBand, ageBandRange, ageOn, type AgeBand, type CalendarDate } from "./pesel";

export const VOTING_PHASE: Phase = "voting";
export const DEFAULT_TIME_ZONE = "Europe/Warsaw";
/** A guardian casting a child's ballot must be at least this old unless the programme says otherwise. */
export const DEFAULT_GUARDIAN_MIN_AGE = 18;

export type VoterFacts = {
  /** From the PESEL, when known. */
  birthDate?: CalendarDate;
  /** When only a band is known (e.g. recorded with an in-person declaration). */
  ageBand?: AgeBand;
  /** Identified against the register (PESEL, Karta Mieszkańca or declaration). */
  registered: boolean;
};

export type ProgrammeAgeRule = {
  /** Youngest age (full years) allowed to vote in this programme, inclusive. */
  minAge?: number;
  /** Oldest age allowed, inclusive. */
  maxAge?: number;
  /** Voters younger than this vote through a parent/guardian; unset = no guardian voting. */
  guardianBelowAge?: number;
  /** Youngest a guardian may be (default 18). */
  guardianMinAge?: number;
};

export type VoteEligibilityReason =
  | "not_voting_phase"
  | "not_in_register"
  | "birth_date_in_future"
  | "age_unknown"
  | "too_young"
  | "too_old"
  | "must_vote_through_guardian";

export type GuardianEligibilityReason =
  | "not_voting_phase"
  | "guardian_vote_not_allowed"
  | "guardian_not_in_register"
  | "guardian_age_unknown"
  | "guardian_too_young"
  | "child_not_in_register"
  | "child_birth_date_in_future"
  | "child_too_old_for_guardian_vote"
  | "child_too_young"
  | "child_too_old";

export type Eligibility<R extends string> =
  | { ok: true; age: number | null; ageBand: AgeBand | null }
  | { ok: false; reason: R };

/** The calendar date of an instant in a time zone (default Europe/Warsaw). */
// Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", calendar: "gregory", numberingSystem: "latn" });
    dayFormats.set(timeZone, f);
  }
  return f;
}

export function calendarDateIn(now: Date, timeZone: string = DEFAULT_TIME_ZONE): CalendarDate {
  if (Number.isNaN(now.getTime())) throw new RangeError("calendarDateIn: invalid date");
  const parts = dayFormat(timeZone).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

type AgeRange = { min: number; max: number; exact: number | null };

function ageRangeOf(facts: { birthDate?: CalendarDate; ageBand?: AgeBand }, today: CalendarDate): AgeRange {
  if (facts.birthDate) {
    const age = ageOn(facts.birthDate, today);
    return { min: age, max: age, exact: age };
  }
  if (facts.ageBand && (AGE_BANDS as readonly string[]).includes(facts.ageBand)) {
    const r = ageBandRange(facts.ageBand);
    return { min: r.min, max: r.max ?? Number.POSITIVE_INFINITY, exact: null };
  }
  return { min: 0, max: Number.POSITIVE_INFINITY, exact: null };
}

/** "below": every possible age is under the limit; "at_or_above": none is; "unknown": the range straddles it. */
function comparedTo(range: AgeRange, limit: number): "below" | "at_or_above" | "unknown" {
  if (range.max < limit) return "below";
  if (range.min >= limit) return "at_or_above";
  return "unknown";
}

function success(range: AgeRange, band: AgeBand | undefined): { ok: true; age: number | null; ageBand: AgeBand | null } {
  return {
    ok: true,
    age: range.exact,
    ageBand: range.exact !== null ? ageBand(range.exact) : (band ?? null),
  };
}

/** May this voter cast their own ballot in this programme now? */
export function canVote(args: {
  voter: VoterFacts;
  programme: ProgrammeAgeRule;
  phase: Phase;
  now: Date;
  timeZone?: string;
}): Eligibility<VoteEligibilityReason> {
  const { voter, programme, phase } = args;
  if (phase !== VOTING_PHASE) return { ok: false, reason: "not_voting_phase" };
  if (!voter.registered) return { ok: false, reason: "not_in_register" };
  const today = calendarDateIn(args.now, args.timeZone);
  const range = ageRangeOf(voter, today);
  if (range.exact !== null && range.exact < 0) return { ok: false, reason: "birth_date_in_future" };

  if (programme.minAge !== undefined) {
    const c = comparedTo(range, programme.minAge);
    if (c === "below") return { ok: false, reason: "too_young" };
    if (c === "unknown") return { ok: false, reason: "age_unknown" };
  }
  if (programme.maxAge !== undefined) {
    const c = comparedTo(range, programme.maxAge + 1);
    if (c === "at_or_above") return { ok: false, reason: "too_old" };
    if (c === "unknown") return { ok: false, reason: "age_unknown" };
  }
  if (programme.guardianBelowAge !== undefined) {
    const c = comparedTo(range, programme.guardianBelowAge);
    if (c === "below") return { ok: false, reason: "must_vote_through_guardian" };
    if (c === "unknown") return { ok: false, reason: "age_unknown" };
  }
  return success(range, voter.ageBand);
}

/**
 * May this guardian cast a ballot on this child's behalf now?
 * The child must be under `guardianBelowAge` and within the programme's age range;
 * the guardian must be registered and at least `guardianMinAge` (default 18).
 * On success `age`/`ageBand` are the child's.
 */
export function canVoteForChild(args: {
  guardian: VoterFacts;
  child: { birthDate: CalendarDate; registered?: boolean };
  programme: ProgrammeAgeRule;
  phase: Phase;
  now: Date;
  timeZone?: string;
}): Eligibility<GuardianEligibilityReason> {
  const { guardian, child, programme, phase } = args;
  if (phase !== VOTING_PHASE) return { ok: false, reason: "not_voting_phase" };
  if (programme.guardianBelowAge === undefined) return { ok: false, reason: "guardian_vote_not_allowed" };
  if (!guardian.registered) return { ok: false, reason: "guardian_not_in_register" };
  const today = calendarDateIn(args.now, args.timeZone);

  const g = comparedTo(ageRangeOf(guardian, today), programme.guardianMinAge ?? DEFAULT_GUARDIAN_MIN_AGE);
  if (g === "below") return { ok: false, reason: "guardian_too_young" };
  if (g === "unknown") return { ok: false, reason: "guardian_age_unknown" };

  if (child.registered === false) return { ok: false, reason: "child_not_in_register" };
  const childRange = ageRangeOf({ birthDate: child.birthDate }, today);
  const childAge = childRange.exact ?? 0;
  if (childAge < 0) return { ok: false, reason: "child_birth_date_in_future" };
  if (childAge >= programme.guardianBelowAge) return { ok: false, reason: "child_too_old_for_guardian_vote" };
  if (programme.minAge !== undefined && childAge < programme.minAge) return { ok: false, reason: "child_too_young" };
  if (programme.maxAge !== undefined && childAge > programme.maxAge) return { ok: false, reason: "child_too_old" };
  return success(childRange, undefined);
}
