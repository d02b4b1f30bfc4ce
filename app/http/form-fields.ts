/**
 * What a form field's name may look like before any parsing library sees it. conform (and any
 * "a[3].b" style parser) turns `x[150000000]=1` into an array of 150 million holes, and then the
 * refusal echoes it back: a 44-byte request took the whole server down. Every form of this site
 * uses a handful of names, at most a few dozen indexed rows (cost items) and a few hundred repeated
 * checkboxes, so anything beyond these bounds is not a person filling a form: it is refused whole
 * (400), for every route, in server.js, before Remix reads the body.
 *
 * Pure: no I/O, so it is tested on its own and used by the HTTP layer.
 */

/** Fields in one form post. The largest real forms (a ballot's ticks, an official's list) have < 300. */
export const MAX_FIELDS = 1000;
/** Times one name may repeat (checkbox groups such as the ballot's ticks). */
export const MAX_REPEATS = 300;
/** Length of one field name. */
export const MAX_NAME_LENGTH = 200;
/** Largest array index in a name such as `costItems[99].label` (cost rows are capped far lower). */
export const MAX_INDEX = 999;

export type FieldNameRefusal =
  | "too_many_fields"
  | "name_repeated_too_often"
  | "name_too_long"
  | "name_has_control_character"
  | "index_too_large"
  | "prototype_key";

/** Keys that reach Object.prototype when a parser builds objects from names. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);
// C0 and C1 controls and DEL; names of real fields are plain identifiers
 
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Checks one post's field names (in order, duplicates included). */
export function checkFieldNames(names: Iterable<string>): { ok: true } | { ok: false; reason: FieldNameRefusal; name?: string } {
  const seen = new Map<string, number>();
  let count = 0;
  for (const name of names) {
    if (++count > MAX_FIELDS) return { ok: false, reason: "too_many_fields" };
    if (name.length > MAX_NAME_LENGTH) return { ok: false, reason: "name_too_long", name: name.slice(0, 40) };
    if (CONTROL.test(name)) return { ok: false, reason: "name_has_control_character" };
    const repeats = (seen.get(name) ?? 0) + 1;
    if (repeats > MAX_REPEATS) return { ok: false, reason: "name_repeated_too_often", name };
    seen.set(name, repeats);
    // every "[...]" part: a number within bounds, or a key that is not a prototype's
    for (const m of name.matchAll(/\[([^\]]*)\]/g)) {
      const inner = m[1]!;
      if (/^\s*\d+\s*$/.test(inner) ? Number(inner) > MAX_INDEX : PROTOTYPE_KEYS.has(inner.trim())) {
        return { ok: false, reason: PROTOTYPE_KEYS.has(inner.trim()) ? "prototype_key" : "index_too_large", name };
      }
      // a number written with many leading zeros or digits is refused on its length too
      if (/\d{5,}/.test(inner)) return { ok: false, reason: "index_too_large", name };
    }
    for (const part of name.split(/[.[\]]+/)) if (PROTOTYPE_KEYS.has(part)) return { ok: false, reason: "prototype_key", name };
  }
  return { ok: true };
}
