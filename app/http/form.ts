/**
 * Server-side form parsing with conform, limited to the fields a form has. conform's
 * `submission.reply()` sends the whole submitted payload back to the page (so nothing typed is
 * lost); without this, a post stuffed with thousands of unknown fields was echoed back whole.
 * Only fields whose root name (before "." or "[") is a key of the schema reach the parser, so
 * the reply can echo nothing else. Field names themselves were already checked for every post by
 * app/http/body-guard.server.ts.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

type AnySchema = z.ZodType;

/** The top-level keys a schema reads, or null when they cannot be known (then nothing is dropped). */
export function schemaKeys(schema: AnySchema): Set<string> | null {
  const def = (schema as unknown as { def?: Record<string, unknown> }).def ?? {};
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape && typeof shape === "object") return new Set(Object.keys(shape));
  const options = def.options as AnySchema[] | undefined;
  if (Array.isArray(options)) {
    const keys = new Set<string>();
    for (const o of options) {
      const k = schemaKeys(o);
      if (!k) return null;
      for (const x of k) keys.add(x);
    }
    return keys;
  }
  if (def.in) return schemaKeys(def.in as AnySchema);
  if (def.innerType) return schemaKeys(def.innerType as AnySchema);
  if (def.left && def.right) {
    const l = schemaKeys(def.left as AnySchema);
    const r = schemaKeys(def.right as AnySchema);
    return l && r ? new Set([...l, ...r]) : null;
  }
  return null;
}

/** conform's own fields: which intent (validate one field, submit) and the form's state. */
const CONFORM_FIELDS = new Set(["__intent__", "__state__"]);

/** A copy of `form` with only the fields `keys` names, and conform's own (files included). */
export function pickFields(form: FormData, keys: Set<string>): FormData {
  const out = new FormData();
  for (const [name, value] of form.entries()) if (CONFORM_FIELDS.has(name) || keys.has(name.split(/[.[]/, 1)[0]!)) out.append(name, value);
  return out;
}

/** parseWithZod over the fields the schema knows. */
export function parseForm<S extends AnySchema>(form: FormData, schema: S) {
  const keys = schemaKeys(schema);
  return parseWithZod(keys ? pickFields(form, keys) : form, { schema });
}

/** Which of a page's forms was posted: its `intent` field when it is one of `intents`, else null (answer 400). */
export function formIntent<const I extends string>(form: FormData, intents: readonly I[]): I | null {
  const value = form.get("intent");
  return typeof value === "string" && (intents as readonly string[]).includes(value) ? (value as I) : null;
}
