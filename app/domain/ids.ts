/** The app's text ids (`p_…`, `ed_2026`, `u_…`): letters, digits, `_` and `-`, 1 to 100 characters. */
import { z } from "zod";

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** An id in a URL or a form; for forms, `error` is the i18n key shown when it does not fit. */
export function idSchema(error = "form.error.invalid") {
  return z.string({ error }).regex(ID_PATTERN, { error });
}

export const IdSchema = idSchema();
