/**
 * Proposals received on paper or in person and typed in by an official. Only what is needed is
 * kept about the resident (RODO data minimisation): the name and one contact as written on the
 * form, to reach them about verification. Support: in Gdynia a paper proposal comes with a signed
 * support list; the official counts the valid signatures and that number starts the proposal's
 * support count (online supports add to it), so the usual "enough support" rule still decides.
 */
import { z } from "zod";
import type { Phase } from "./rules";
import { MARKUP, pasted } from "./workflow/text";

export const PAPER_CHANNELS = ["paper", "in_person"] as const;
export type PaperChannel = (typeof PAPER_CHANNELS)[number];
export const MAX_PAPER_SIGNATURES = 10_000;


const plain = (min: number, max: number, error: string) =>
  pasted(false, error)
    .min(min, { error })
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

export const PaperEntrySchema = z.object({
  channel: z.enum(PAPER_CHANNELS, { error: "submission.error.channel" }),
  residentName: plain(3, 120, "submission.error.resident_name"),
  residentContact: plain(5, 200, "submission.error.resident_contact"),
  receivedOn: z
    .string({ error: "submission.error.received_on" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "submission.error.received_on" })
    .refine((v) => {
      const d = new Date(`${v}T12:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, { error: "submission.error.received_on" }),
  paperSignatures: z
    .string({ error: "submission.error.signatures" })
    .trim()
    .regex(/^\d{1,5}$/, { error: "submission.error.signatures" })
    .transform(Number)
    .refine((n) => n <= MAX_PAPER_SIGNATURES, { error: "submission.error.signatures" }),
});
export type PaperEntry = z.output<typeof PaperEntrySchema>;

export type PaperRefusal = "not_allowed" | "paper_wrong_phase" | "received_in_future" | "received_after_deadline";

/**
 * Whether an official may enter a paper proposal now: while submissions are open or being
 * verified, received on a real day not after today nor after the submission deadline.
 * `today` and `submissionEndsOn` are Warsaw calendar days (YYYY-MM-DD); `submissionEndsOn` is the
 * last day of the submission phase.
 */
export function checkPaperEntry(x: { isOfficial: boolean; phase: Phase | null; receivedOn: string; today: string; submissionEndsOn: string | null }): { ok: true } | { ok: false; reason: PaperRefusal } {
  if (!x.isOfficial) return { ok: false, reason: "not_allowed" };
  if (x.phase !== "submission" && x.phase !== "verification") return { ok: false, reason: "paper_wrong_phase" };
  if (x.receivedOn > x.today) return { ok: false, reason: "received_in_future" };
  if (x.submissionEndsOn && x.receivedOn > x.submissionEndsOn) return { ok: false, reason: "received_after_deadline" };
  return { ok: true };
}

/**
 * A proposal received on paper has no author account: while its text may be changed (a draft, or
 * after changes were asked for), officials revise it on the resident's behalf.
 */
export function revisedOnBehalf(p: { authorUserId: string | null; channel: string; status: string }): boolean {
  return p.authorUserId === null && p.channel !== "online" && (p.status === "needs_changes" || p.status === "draft");
}
