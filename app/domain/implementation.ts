/**
 * Implementation tracking (#17): what happens to a winning project after the vote. Its own
 * aggregate beside the proposal; pure (dates are "YYYY-MM-DD" strings, today is a parameter).
 *
 * Rules decided here:
 * - Any status may follow any other (a city corrects mistakes), but "not feasible" needs a public
 *   reason, and "done" needs progress 100 % and the actual end date. A reason is kept only while the
 *   status is "not feasible".
 * - Dates: a start is never after its end (planned and actual separately).
 * - Deadline: an edition's winners are to be built by 31 December of the year after the edition
 *   (the 2025 vote → 31 Dec 2026), unless the city planned the project to end later: then its
 *   planned end is the deadline (a multi-year investment announced as such is not "late").
 * - Overdue: not done, not declared not feasible (that has its own public reason), and today is
 *   after the deadline. Shown publicly as "Nie zrealizowano w terminie".
 * - Progress overview of an edition: counts per status, mean progress of the projects still to be
 *   built or built (not-feasible ones are left out), money voted (all winners) and spent (the
 *   actual costs recorded so far).
 */
import { z } from "zod";
import { parseZloty } from "./pool-setup-forms";
import { MARKUP, pasted } from "./workflow/text";

export const IMPLEMENTATION_STATUSES = ["planned", "design", "procurement", "in_progress", "done", "not_feasible"] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];
export const ImplementationStatusSchema = z.enum(IMPLEMENTATION_STATUSES);

/** Files of one timeline entry at most; each as a proposal attachment (type by bytes, 5 MB). */
export const MAX_ENTRY_FILES = 3;
/** The entry form's file inputs (file1…), each with its caption (caption1…). */
export const ENTRY_FILE_FIELDS = Array.from({ length: MAX_ENTRY_FILES }, (_, i) => `file${i + 1}`);
export const ENTRY_TEXT_MAX = 2000;
export const CAPTION_MAX = 200;

export interface ImplementationState {
  status: ImplementationStatus;
  progressPct: number;
  notFeasibleReason: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
}

export type ImplementationRefusal = "reason_required" | "done_needs_progress" | "done_needs_end" | "planned_dates_order" | "actual_dates_order" | "progress_range";

/** Whether a state may be saved; the first broken rule's reason (and the field it belongs to). */
export function checkImplementation(s: ImplementationState): { ok: true } | { ok: false; reason: ImplementationRefusal; field: string } {
  if (!Number.isInteger(s.progressPct) || s.progressPct < 0 || s.progressPct > 100) return { ok: false, reason: "progress_range", field: "progressPct" };
  if (s.status === "not_feasible" && !s.notFeasibleReason?.trim()) return { ok: false, reason: "reason_required", field: "notFeasibleReason" };
  if (s.status === "done" && s.progressPct !== 100) return { ok: false, reason: "done_needs_progress", field: "progressPct" };
  if (s.status === "done" && !s.actualEnd) return { ok: false, reason: "done_needs_end", field: "actualEnd" };
  if (s.plannedStart && s.plannedEnd && s.plannedStart > s.plannedEnd) return { ok: false, reason: "planned_dates_order", field: "plannedEnd" };
  if (s.actualStart && s.actualEnd && s.actualStart > s.actualEnd) return { ok: false, reason: "actual_dates_order", field: "actualEnd" };
  return { ok: true };
}

/** The state as stored: the reason only while not feasible. */
export function normalised<S extends ImplementationState>(s: S): S {
  return { ...s, notFeasibleReason: s.status === "not_feasible" ? (s.notFeasibleReason?.trim() ?? null) : null };
}

/** The day by which an edition's project is to be built (see the module comment). */
export function deadlineOf(editionYear: number, plannedEnd: string | null): string {
  const standard = `${editionYear + 1}-12-31`;
  return plannedEnd && plannedEnd > standard ? plannedEnd : standard;
}

export function isOverdue(x: { status: ImplementationStatus; editionYear: number; plannedEnd: string | null }, today: string): boolean {
  if (x.status === "done" || x.status === "not_feasible") return false;
  return today > deadlineOf(x.editionYear, x.plannedEnd);
}

/** Today's date in Warsaw for an instant ("YYYY-MM-DD"). */
export function warsawDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export interface OverviewItem {
  status: ImplementationStatus;
  progressPct: number;
  votedGrosze: number;
  actualCostGrosze: number | null;
}

export interface Overview {
  total: number;
  counts: Record<ImplementationStatus, number>;
  /** Mean progress in whole percent of the projects that are not "not feasible"; 0 when none. */
  meanProgress: number;
  votedGrosze: number;
  spentGrosze: number;
}

export function overview(items: readonly OverviewItem[]): Overview {
  const counts = Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, 0])) as Record<ImplementationStatus, number>;
  let sum = 0;
  let n = 0;
  let voted = 0;
  let spent = 0;
  for (const i of items) {
    counts[i.status]++;
    voted += i.votedGrosze;
    spent += i.actualCostGrosze ?? 0;
    if (i.status !== "not_feasible") {
      sum += i.progressPct;
      n++;
    }
  }
  return { total: items.length, counts, meanProgress: n === 0 ? 0 : Math.round(sum / n), votedGrosze: voted, spentGrosze: spent };
}

// --- forms ------------------------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function realDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
/** An optional date input ("" = none). */
const optionalDate = z
  .string({ error: "implementation.error.date" })
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || realDate(v), { error: "implementation.error.date" });
const requiredDate = z.string({ error: "implementation.error.date" }).trim().refine(realDate, { error: "implementation.error.date" });

const shortLine = (max: number) =>
  pasted(false, "form.error.invalid")
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

/** The update form: every field of the implementation's state; amounts in złoty as typed. */
export const UpdateInputSchema = z.object({
  intent: z.literal("update", { error: "form.error.invalid" }),
  status: z.enum(IMPLEMENTATION_STATUSES, { error: "form.error.invalid" }),
  progressPct: z.coerce.number({ error: "implementation.error.progress_range" }).int({ error: "implementation.error.progress_range" }).min(0, { error: "implementation.error.progress_range" }).max(100, { error: "implementation.error.progress_range" }),
  cityUnit: shortLine(200).optional().default(""),
  contact: shortLine(200).optional().default(""),
  plannedStart: optionalDate,
  plannedEnd: optionalDate,
  actualStart: optionalDate,
  actualEnd: optionalDate,
  actualCost: z
    .string({ error: "implementation.error.amount" })
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const r = parseZloty(v);
      if (!r.ok) {
        ctx.addIssue({ code: "custom", message: "implementation.error.amount" });
        return z.NEVER;
      }
      return r.value;
    }),
  notFeasibleReason: pasted(true, "form.error.invalid")
    .max(2000, { error: "proposal.error.too_long?max=2000" })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" })
    .optional(),
  confirm: z.literal("on", { error: "form.error.invalid" }).optional(),
});
export type UpdateInput = z.output<typeof UpdateInputSchema>;

/** A timeline entry's text fields (files come beside it from the multipart reader). */
export const EntryInputSchema = z.object({
  entryDate: requiredDate,
  text: pasted(true, "form.error.required")
    .min(3, { error: "proposal.error.too_short?min=3" })
    .max(ENTRY_TEXT_MAX, { error: `proposal.error.too_long?max=${ENTRY_TEXT_MAX}` })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" }),
});

/** A file's caption (an image's alt text); empty takes the entry text's first words. */
export const CaptionSchema = shortLine(CAPTION_MAX);

/** The alternative text of a photo: its caption, or the entry's first words (at most 12). */
export function photoAlt(caption: string, entryText: string): string {
  if (caption.trim()) return caption.trim();
  const words = entryText.trim().split(/\s+/);
  return words.length > 12 ? `${words.slice(0, 12).join(" ")}…` : words.join(" ");
}
