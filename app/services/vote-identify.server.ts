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

