/**
 * Plain text from residents and officials: the zod sanitisers the forms share (no control
 * characters, no markup) and `linkify` for display. Messages are translation keys; "key?var=value"
 * carries variables.
 */
import { z } from "zod";

export const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
export const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\p{Cf}]/u;
/** Anything that looks like HTML markup: text stays plain, links are made safe on display. */
export const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|<\s*script|javascript:/i;

export const line = (min: number, max: number) =>
  z
    .string({ error: "form.error.required" })
    .trim()
    .min(min, { error: min <= 1 ? "form.error.required" : `proposal.error.too_short?min=${min}` })
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !INVISIBLE.test(v), { error: "proposal.error.chars" })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

export const text = (min: number, max: number) =>
  z
    .string({ error: "form.error.required" })
    .trim()
    .min(min, { error: min <= 1 ? "form.error.required" : `proposal.error.too_short?min=${min}` })
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !CONTROL_EXCEPT_NEWLINES.test(v), { error: "proposal.error.chars" })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

export const optionalLine = (max: number) =>
  z
    .string({ error: "form.error.invalid" })
    .trim()
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !INVISIBLE.test(v) && !MARKUP.test(v), { error: "proposal.error.markup" })
    .optional();

export const publicReason = z
  .string({ error: "workflow.error.reason_required" })
  .trim()
  .min(1, { error: "workflow.error.reason_required" })
  .max(2000, { error: "proposal.error.too_long?max=2000" })
  .refine((v) => !CONTROL_EXCEPT_NEWLINES.test(v), { error: "proposal.error.chars" })
  .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

/** Splits plain text into text and http(s) links, for display without any HTML from the author. */
export function linkify(s: string): ({ kind: "text"; text: string } | { kind: "link"; href: string; text: string })[] {
  const out: ({ kind: "text"; text: string } | { kind: "link"; href: string; text: string })[] = [];
  const re = /\bhttps?:\/\/[^\s<>"']+/gi;
  let last = 0;
  for (const m of s.matchAll(re)) {
    let url = m[0];
    // trailing punctuation belongs to the sentence, not the link
    const trail = /[.,;:!?)]+$/.exec(url)?.[0] ?? "";
    url = url.slice(0, url.length - trail.length);
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: "text", text: s.slice(last, at) });
    out.push({ kind: "link", href: url, text: url });
    last = at + url.length;
  }
  if (last < s.length) out.push({ kind: "text", text: s.slice(last) });
  return out;
}
