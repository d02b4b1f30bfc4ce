/**
 * Plain text from residents and officials: the zod sanitisers the forms share (no control
 * characters, no markup) and `linkify` for display. Messages are translation keys; "key?var=value"
 * carries variables.
 */
import { z } from "zod";
import { cleanPlainText, firstForbidden, forbiddenMessage } from "../plain-text";

/** Anything that looks like HTML markup: text stays plain, links are made safe on display. */
export const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|<\s*script|javascript:/i;

/**
 * A string field as residents paste it: trimmed, invisible characters dropped and NFC before the
 * length is counted, then refused only for a real control character (named in the message).
 */
export const pasted = (multiline: boolean, error = "form.error.required", key = "proposal.error.char") =>
  z
    .string({ error })
    .overwrite((v) => cleanPlainText(v, { multiline }).trim())
    .superRefine((v, ctx) => {
      const bad = firstForbidden(v, { multiline });
      if (bad) ctx.addIssue({ code: "custom", message: forbiddenMessage(key, bad) });
    });

export const line = (min: number, max: number) =>
  pasted(false)
    .min(min, { error: min <= 1 ? "form.error.required" : `proposal.error.too_short?min=${min}` })
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

export const text = (min: number, max: number) =>
  pasted(true)
    .min(min, { error: min <= 1 ? "form.error.required" : `proposal.error.too_short?min=${min}` })
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

export const optionalLine = (max: number) =>
  pasted(false, "form.error.invalid")
    .max(max, { error: `proposal.error.too_long?max=${max}` })
    .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" })
    .optional();

export const publicReason = pasted(true, "workflow.error.reason_required")
  .min(1, { error: "workflow.error.reason_required" })
  .max(2000, { error: "proposal.error.too_long?max=2000" })
  .refine((v) => !MARKUP.test(v), { error: "proposal.error.markup" });

export { linkify } from "./linkify";
