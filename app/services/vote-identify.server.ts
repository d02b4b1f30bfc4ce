/** Turns the identification forms into the domain's input and back (field names ↔ reasons). */
import { identityHash } from "~/auth/identity-hash.server";
import { identify, personKeyOf } from "~/domain/voting";

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

/** The hash used to count failed attempts against one person (null when the input is malformed). */
export function personLimitKey(input: IdentifyForm): string | null {
  const id = identify(input);
  return id.ok ? identityHash(`limit:${personKeyOf(id.keyString)}`) : null;
}

/** What the page shows again after a refusal: everything typed, so nothing is lost. */
export function echo(input: IdentifyForm) {
  return { method: input.method, pesel: input.pesel ?? "", parentFirstName: input.parentFirstName ?? "", cardNumber: input.cardNumber ?? "", firstName: input.firstName ?? "", lastName: input.lastName ?? "" };
}
