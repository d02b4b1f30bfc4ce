/**
 * The answers of the set-up pages' forms when they refuse (see FormReply in
 * app/components/edition-admin.tsx): which form, its errors as translation keys by field, what was
 * typed, and the HTTP status.
 */
import { data } from "@remix-run/node";
import { reply, type FormReply } from "~/components/edition-admin";

/** A refused form: its errors and what was typed (a 400 unless said otherwise). */
export const refuse = (intent: string, errors: FormReply["errors"], values?: Record<string, unknown>, status = 400) => data(reply(intent, errors, values), { status });

/** The post names none of the page's forms. */
export const unknownForm = () => refuse("", { "": ["form.error.invalid"] });
