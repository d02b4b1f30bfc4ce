/**
 * PESEL: the Polish national identification number, YYMMDDZZZXQ.
 * YYMMDD is the birth date with the century encoded in the month, ZZZ a serial,
 * X the sex digit (odd = male, even = female), Q the check digit.
 * Pure functions: no I/O, no clock.
 */

/** A calendar date without a time zone; month and day are 1-based. */
export type CalendarDate = { year: number; month: number; day: number };

export type PeselSex = "female" | "male";

export type PeselReason = "pesel_format" | "pesel_checksum" | "pesel_birth_date";

export type ParsedPesel =
  | { ok: true; pesel: string; birthDate: CalendarDate; sex: PeselSex }
  | { ok: false; reason: PeselReason };

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3] as const;

/** First year of the century → offset added to the month. Years 1800..2299 are representable. */
const CENTURY_OFFSETS: ReadonlyArray<readonly [number, number]> = [
  [1800, 80],
  [1900, 0],
  [2000, 20],
  [2100, 40],
  [2200, 60],
];

export const PESEL_MIN_YEAR = 1800;
export const PESEL_MAX_YEAR = 2299;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidCalendarDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** Negative if a < b, 0 if equal, positive if a > b. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function digitAt(s: string, i: number): number {
  return s.charCodeAt(i) - 48;
}

function checkDigit(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += digitAt(first10, i) * (WEIGHTS[i] ?? 0);
  return (10 - (sum % 10)) % 10;
}

/** A typed PESEL as 11 digits: the spaces and dashes people type or paste in groups ("800514-12313") are dropped. */
export function normalisePeselInput(input: string): string {
  return input.replace(/[\s\u00ad\u200b\-\u2010-\u2015\u2212]+/g, "");
}

/** Parses a PESEL; spaces and dashes anywhere in the input are ignored (see normalisePeselInput). */
export function parsePesel(input: string): ParsedPesel {
  const pesel = normalisePeselInput(input);
  if (!/^[0-9]{11}$/.test(pesel)) return { ok: false, reason: "pesel_format" };
  if (checkDigit(pesel.slice(0, 10)) !== digitAt(pesel, 10)) return { ok: false, reason: "pesel_checksum" };

  const yy = digitAt(pesel, 0) * 10 + digitAt(pesel, 1);
  const mm = digitAt(pesel, 2) * 10 + digitAt(pesel, 3);
  const dd = digitAt(pesel, 4) * 10 + digitAt(pesel, 5);
  const offset = Math.floor(mm / 20) * 20;
  const century = CENTURY_OFFSETS.find(([, o]) => o === offset);
  if (!century) return { ok: false, reason: "pesel_birth_date" };
  const birthDate: CalendarDate = { year: century[0] + yy, month: mm - offset, day: dd };
  if (!isValidCalendarDate(birthDate)) return { ok: false, reason: "pesel_birth_date" };

  return { ok: true, pesel, birthDate, sex: digitAt(pesel, 9) % 2 === 1 ? "male" : "female" };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * Builds a valid PESEL (demo register, benchmarks, tests).
 * `serial` fills ZZZ (0..999); `variant` (0..4) picks which of the five sex digits is used,
 * so one date and sex can yield 5000 distinct numbers. Throws RangeError on bad arguments.
 */
export function makePesel(birthDate: CalendarDate, serial: number, sex: PeselSex, variant = 0): string {
  if (!isValidCalendarDate(birthDate) || birthDate.year < PESEL_MIN_YEAR || birthDate.year > PESEL_MAX_YEAR) {
    throw new RangeError(`makePesel: birth date out of range`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) throw new RangeError("makePesel: serial must be 0..999");
  if (!Number.isInteger(variant) || variant < 0 || variant > 4) throw new RangeError("makePesel: variant must be 0..4");
  const centuryStart = Math.floor(birthDate.year / 100) * 100;
  const offset = CENTURY_OFFSETS.find(([c]) => c === centuryStart)?.[1] ?? 0;
  const sexDigit = variant * 2 + (sex === "male" ? 1 : 0);
  const first10 =
    pad(birthDate.year % 100, 2) + pad(birthDate.month + offset, 2) + pad(birthDate.day, 2) + pad(serial, 3) + String(sexDigit);
  return first10 + String(checkDigit(first10));
}

/**
 * Age in full years on `onDate`. A person born on 29 February turns a year older on
 * 28 February in non-leap years (Kodeks cywilny art. 112: the last day of the month when the
 * matching day does not exist). Returns a negative number if `onDate` is before the birth date.
 */
export function ageOn(birthDate: CalendarDate, onDate: CalendarDate): number {
  let years = onDate.year - birthDate.year;
  const bMonth = birthDate.month;
  let bDay = birthDate.day;
  if (bMonth === 2 && bDay === 29 && !isLeapYear(onDate.year)) bDay = 28;
  if (onDate.month < bMonth || (onDate.month === bMonth && onDate.day < bDay)) years -= 1;
  return years;
}

/** Age bands used in statistics, youngest first; bounds inclusive, "75+" open-ended. */
export const AGE_BANDS = ["0-12", "13-15", "16-18", "19-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBandRange(band: AgeBand): { min: number; max: number | null } {
  if (band.endsWith("+")) return { min: Number(band.slice(0, -1)), max: null };
  const [min, max] = band.split("-").map(Number);
  return { min: min ?? 0, max: max ?? null };
}

/** The statistics band for an age in full years. Throws RangeError for negative or fractional ages. */
export function ageBand(age: number): AgeBand {
  if (!Number.isInteger(age) || age < 0) throw new RangeError("ageBand: age must be a non-negative integer");
  for (const band of AGE_BANDS) {
    const { max } = ageBandRange(band);
    if (max === null || age <= max) return band;
  }
  return "75+";
}
