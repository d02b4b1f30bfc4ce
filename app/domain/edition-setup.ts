/**
 * Setting up an edition (#13): what an administrator types in and the rules it must meet. Pure:
 * times are ISO-8601 UTC strings, "now" is a parameter. Dates are typed as Europe/Warsaw wall-clock
 * time (an <input type="datetime-local"> value, "YYYY-MM-DDTHH:mm") and stored in UTC; the
 * conversion uses Intl, so it follows the daylight-saving changes.
 */
import { z } from "zod";
import type { PhaseWindow } from "./phases";
import { PROGRAMME_KINDS } from "./permissions";
import { PHASES, type Phase } from "./rules";
import { SmallGroupThresholdSchema } from "./small-groups";
import { utcToWarsaw } from "./warsaw-time";

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2200;
export const NAME_MAX = 120;
export const RULES_TEXT_MAX = 100_000;
export const REASON_MAX = 1000;
export const LANGUAGES = ["pl", "uk", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const MODERATIONS = ["officials", "youth_council"] as const;

const CONTROL = /[\p{Cc}\p{Cf}]/u;
const CONTROL_EXCEPT_NEWLINES = /[\p{Cf}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

export const YearSchema = z.coerce
  .number({ error: "adminEditions.error.year" })
  .int({ error: "adminEditions.error.year" })
  .min(YEAR_MIN, { error: "adminEditions.error.year" })
  .max(YEAR_MAX, { error: "adminEditions.error.year" });

const NameSchema = z
  .string({ error: "adminEditions.error.name" })
  .trim()
  .min(3, { error: "adminEditions.error.name" })
  .max(NAME_MAX, { error: `proposal.error.too_long?max=${NAME_MAX}` })
  .refine((v) => !CONTROL.test(v), { error: "proposal.error.chars" });

export const EditionCreateInputSchema = z.object({ year: YearSchema, name: NameSchema });
export type EditionCreateInput = z.infer<typeof EditionCreateInputSchema>;

export const EditionCopyInputSchema = z.object({ year: YearSchema });

export const EditionUpdateInputSchema = z.object({
  name: NameSchema,
  rulesText: z
    .string()
    .max(RULES_TEXT_MAX, { error: `proposal.error.too_long?max=${RULES_TEXT_MAX}` })
    .refine((v) => !CONTROL_EXCEPT_NEWLINES.test(v), { error: "proposal.error.chars" })
    .default("")
    .transform((v) => v.replace(/\r\n?/g, "\n").trim()),
  smallGroupThreshold: SmallGroupThresholdSchema,
});
export type EditionUpdateInput = z.infer<typeof EditionUpdateInputSchema>;

export const PublicReasonSchema = z
  .string()
  .trim()
  .max(REASON_MAX, { error: `proposal.error.too_long?max=${REASON_MAX}` })
  .refine((v) => !CONTROL.test(v), { error: "proposal.error.chars" });

const Age = z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), z.coerce.number({ error: "adminEditions.error.age" }).int({ error: "adminEditions.error.age" }).min(0, { error: "adminEditions.error.age" }).max(120, { error: "adminEditions.error.age" }).nullable());

export const ProgrammeInputSchema = z
  .object({
    kind: z.enum(PROGRAMME_KINDS, { error: "adminEditions.error.kind" }),
    moderation: z.enum(MODERATIONS, { error: "adminEditions.error.moderation" }),
    minAge: Age,
    maxAge: Age,
    guardianBelowAge: Age,
    supportsRequired: z.coerce.number({ error: "adminEditions.error.supports" }).int({ error: "adminEditions.error.supports" }).min(0, { error: "adminEditions.error.supports" }).max(10_000, { error: "adminEditions.error.supports" }),
    languages: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(LANGUAGES, { error: "adminEditions.error.languages" })).min(1, { error: "adminEditions.error.languages" })),
  })
  .refine((p) => p.minAge === null || p.maxAge === null || p.minAge <= p.maxAge, { error: "adminEditions.error.age_range", path: ["maxAge"] });
export type ProgrammeInput = z.infer<typeof ProgrammeInputSchema>;

/** "pl,uk,en" ⇄ ["pl","uk","en"]: unknown codes are dropped, the order is always pl, uk, en. */
export function parseLanguages(s: string): Language[] {
  const set = new Set(s.split(","));
  return LANGUAGES.filter((l) => set.has(l));
}
export const formatLanguages = (ls: readonly string[]): string => LANGUAGES.filter((l) => ls.includes(l)).join(",");

// --- Europe/Warsaw wall-clock time ---------------------------------------------------------

export { utcToWarsaw };
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The UTC instant (ISO) of a Warsaw wall-clock time, or null when the value is malformed or names
 * a time that does not exist (the hour skipped when clocks go forward in March). A time that
 * happens twice (the hour repeated in October) is the first one, still in summer time. Warsaw is
 * UTC+1 or UTC+2, so the answer is one of two candidates.
 */
export function warsawToUtc(local: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  if (new Date(naive).getUTCDate() !== d) return null; // 31 April and the like
  for (const offsetHours of [2, 1]) {
    const t = naive - offsetHours * 3_600_000;
    if (utcToWarsaw(t) === local) return new Date(t).toISOString();
  }
  return null;
}

/** The same Warsaw wall-clock time one year later (29 February → 28 February; a skipped hour → one hour later). */
export function shiftYear(iso: string): string {
  // Warsaw time is shifted to the minute; the seconds (closing voting early stamps them) are kept,
  // or two phase edges in the same minute would become equal and the copy break the calendar
  const seconds = ((Date.parse(iso) % 60_000) + 60_000) % 60_000;
  if (seconds === 0) return shiftMinute(iso);
  return new Date(Date.parse(shiftMinute(new Date(Date.parse(iso) - seconds).toISOString())) + seconds).toISOString();
}

function shiftMinute(iso: string): string {
  const local = utcToWarsaw(iso);
  const y = Number(local.slice(0, 4)) + 1;
  let rest = local.slice(4);
  if (rest.startsWith("-02-29")) rest = `-02-28${rest.slice(6)}`;
  const next = `${y}${rest}`;
  const exact = warsawToUtc(next);
  if (exact) return exact;
  const hour = Number(next.slice(11, 13)) + 1;
  return warsawToUtc(`${next.slice(0, 11)}${String(hour).padStart(2, "0")}${next.slice(13)}`) ?? new Date(Date.parse(iso) + 365 * 86_400_000).toISOString();
}

// --- the phase plan ------------------------------------------------------------------------

export type PlanRefusal = "phase_missing" | "phase_invalid_date" | "phase_ends_before_start" | "phase_overlap" | "phase_gap";
export type PlanCheck = { ok: true; plan: PhaseWindow[] } | { ok: false; reason: PlanRefusal; phase: Phase };

/**
 * A plan is every one of the seven phases, in the order of PHASES: each ends after it starts and
 * the next starts at or after the previous one ends; without `allowGaps` exactly when it ends.
 */
export function checkPhasePlan(windows: readonly { phase: Phase; startsAt: string | null; endsAt: string | null }[], opts: { allowGaps: boolean }): PlanCheck {
  const plan: PhaseWindow[] = [];
  for (const phase of PHASES) {
    const w = windows.find((x) => x.phase === phase);
    if (!w || !w.startsAt || !w.endsAt) return { ok: false, reason: "phase_missing", phase };
    const s = Date.parse(w.startsAt);
    const e = Date.parse(w.endsAt);
    if (Number.isNaN(s) || Number.isNaN(e)) return { ok: false, reason: "phase_invalid_date", phase };
    if (e <= s) return { ok: false, reason: "phase_ends_before_start", phase };
    const prev = plan[plan.length - 1];
    if (prev) {
      const pe = Date.parse(prev.endsAt);
      if (s < pe) return { ok: false, reason: "phase_overlap", phase };
      if (s > pe && !opts.allowGaps) return { ok: false, reason: "phase_gap", phase };
    }
    plan.push({ phase, startsAt: new Date(s).toISOString(), endsAt: new Date(e).toISOString() });
  }
  return { ok: true, plan };
}

/** The phases whose dates differ between the stored plan and the new one. */
export function changedPhases(before: readonly PhaseWindow[], after: readonly PhaseWindow[]): Phase[] {
  return after
    .filter((a) => {
      const b = before.find((x) => x.phase === a.phase);
      return !b || Date.parse(b.startsAt) !== Date.parse(a.startsAt) || Date.parse(b.endsAt) !== Date.parse(a.endsAt);
    })
    .map((a) => a.phase);
}

/**
 * Residents rely on a phase once it has started: changing one that has (or moving one to start in
 * the past) needs a public reason, shown on the edition's timeline.
 */
export function reasonRequired(before: readonly PhaseWindow[], after: readonly PhaseWindow[], now: Date): boolean {
  const t = now.getTime();
  return changedPhases(before, after).some((phase) => {
    const b = before.find((x) => x.phase === phase);
    const a = after.find((x) => x.phase === phase)!;
    return (b !== undefined && Date.parse(b.startsAt) <= t) || Date.parse(a.startsAt) <= t;
  });
}

export type VotingChange = { ok: true; plan: PhaseWindow[]; changed: Phase[] } | { ok: false; reason: "voting_not_open" | "voting_ended" | "extend_not_later" | "phase_missing" };

/** Closing voting early: `now` must be inside voting; voting ends now and counting starts now. */
export function closeVotingEarly(windows: readonly PhaseWindow[], now: Date): VotingChange {
  const voting = windows.find((w) => w.phase === "voting");
  const counting = windows.find((w) => w.phase === "counting");
  if (!voting || !counting) return { ok: false, reason: "phase_missing" };
  const t = now.getTime();
  if (t < Date.parse(voting.startsAt) || t >= Date.parse(voting.endsAt)) return { ok: false, reason: "voting_not_open" };
  const at = now.toISOString();
  const plan = windows.map((w) => (w.phase === "voting" ? { ...w, endsAt: at } : w.phase === "counting" ? { ...w, startsAt: at } : { ...w }));
  return { ok: true, plan, changed: ["voting", "counting"] };
}

/**
 * Extending voting to `newEnd` (before voting has ended). The phases after it (counting, results)
 * move by the same amount: they keep their lengths and their place after voting, so an extension
 * can never overlap them, and the announced results date moves with the count. Earlier phases stay.
 */
export function extendVoting(windows: readonly PhaseWindow[], newEnd: string, now: Date): VotingChange {
  const voting = windows.find((w) => w.phase === "voting");
  if (!voting) return { ok: false, reason: "phase_missing" };
  const end = Date.parse(voting.endsAt);
  if (now.getTime() >= end) return { ok: false, reason: "voting_ended" };
  const target = Date.parse(newEnd);
  if (Number.isNaN(target) || target <= end) return { ok: false, reason: "extend_not_later" };
  const delta = target - end;
  const after = PHASES.slice(PHASES.indexOf("voting") + 1);
  const shift = (iso: string) => new Date(Date.parse(iso) + delta).toISOString();
  const plan = windows.map((w) => (w.phase === "voting" ? { ...w, endsAt: new Date(target).toISOString() } : (after as readonly string[]).includes(w.phase) ? { ...w, startsAt: shift(w.startsAt), endsAt: shift(w.endsAt) } : { ...w }));
  return { ok: true, plan, changed: ["voting", ...after.filter((p) => windows.some((w) => w.phase === p))] };
}

/** Form field names of the phases form: `${phase}_start` / `${phase}_end`. */
export const phaseField = (phase: Phase, edge: "start" | "end") => `${phase}_${edge}`;

/** Reads the 14 datetime-local values of the phases form (Warsaw) into UTC windows; unreadable values become null. */
export function planFromForm(values: Record<string, unknown>): { phase: Phase; startsAt: string | null; endsAt: string | null }[] {
  // empty: missing; typed but not a Warsaw time (malformed, or in the skipped hour): invalid
  const read = (k: string) => (typeof values[k] === "string" && values[k] !== "" ? (warsawToUtc(values[k] as string) ?? "invalid") : null);
  return PHASES.map((phase) => ({ phase, startsAt: read(phaseField(phase, "start")), endsAt: read(phaseField(phase, "end")) }));
}

export type ActivateRefusal = "not_draft" | "another_active" | "no_programmes" | "no_pools" | "no_phases" | "no_commission_key";

/** Whether a draft edition may become the current one (it needs a ballot box: the commission's key, issue #15). */
export function checkActivation(e: {
  status: string;
  programmes: number;
  pools: number;
  phases: number;
  otherActive: boolean;
  commissionKey: boolean;
}): { ok: true } | { ok: false; reason: ActivateRefusal } {
  if (e.status !== "draft") return { ok: false, reason: "not_draft" };
  if (e.otherActive) return { ok: false, reason: "another_active" };
  if (e.programmes === 0) return { ok: false, reason: "no_programmes" };
  if (e.pools === 0) return { ok: false, reason: "no_pools" };
  if (e.phases < PHASES.length) return { ok: false, reason: "no_phases" };
  if (!e.commissionKey) return { ok: false, reason: "no_commission_key" };
  return { ok: true };
}

export { rulesBlocks, type RulesBlock } from "./rules-text";
