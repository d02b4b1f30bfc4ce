/** Turns the identification forms into the domain's input and back (field names ↔ reasons). */
import { NAME_MAX_LENGTH } from "~/domain/voting/identity";

export interface IdentifyForm {
  method: string;
  pesel?: string;
  parentFirstName?: string;
  cardNumber?: string;
  firstName?: string;
  lastName?: string;
}

export function readIdentifyForm(form: FormData): IdentifyForm {
  const s = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.slice(0, 1000) : undefined;
  };
  return { method: s("method") ?? "", pesel: s("pesel"), parentFirstName: s("parentFirstName"), cardNumber: s("cardNumber"), firstName: s("firstName"), lastName: s("lastName") };
}

/**
 * The i18n key of a refusal (with the wait for "identify_wait", the limit for a name too long: a
 * pasted name is refused with the limit, never cut) and of its hint, if any.
 */
export function refusalText(r: { reason: string; retryAfterS?: number; hint?: string }): { error: string; hint: string | null } {
  const error =
    r.reason === "identify_wait" ? `vote.error.identify_wait?seconds=${r.retryAfterS ?? 1}` : r.reason === "name_too_long" ? `vote.error.name_too_long?max=${NAME_MAX_LENGTH}` : `vote.error.${r.reason}`;
  return { error, hint: r.hint === "polish_letters" ? "vote.error.polish_letters" : null };
}

/** What the page shows again after a refusal: everything typed, so nothing is lost. */
export function echo(input: IdentifyForm) {
  return { method: input.method, pesel: input.pesel ?? "", parentFirstName: input.parentFirstName ?? "", cardNumber: input.cardNumber ?? "", firstName: input.firstName ?? "", lastName: input.lastName ?? "" };
}

/**
 * Checkbox values "pool|project" → selections per pool (unknown shapes are left for the ballot rule to
 * refuse). Gathered in a Map: a typed "__proto__|x" or "toString|x" must not reach an object's key
 * lookup (it made the ballot answer 500); Object.fromEntries then makes every pool an own property.
 */
export function readTicks(values: FormDataEntryValue[]): Record<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of values.slice(0, 200)) {
    if (typeof v !== "string") continue;
    const [pool, project] = v.split("|");
    if (!pool || !project) continue;
    const list = out.get(pool) ?? [];
    list.push(project.slice(0, 100));
    out.set(pool, list);
  }
  return Object.fromEntries(out);
}
