/**
 * Identity inputs, normalised into the canonical string the server HMACs
 * (the HMAC itself lives in a *.server.ts with node:crypto; this module only builds the string).
 *
 *   pesel:<11 digits>|parent:<parent's first name>
 *   karta:<card number>|name:<first> <last>
 *   declaration:<declaration id>
 *
 * Names are trimmed, NFC-normalised, lower-cased with the Polish locale, inner whitespace collapsed,
 * dash and apostrophe variants unified. Diacritics are kept: "Łukasz" ≠ "Lukasz".
 * Names may contain only letters, combining marks, spaces, hyphens, apostrophes and dots,
 * so the separators ":" and "|" can never appear inside a component.
 */
import { z } from "zod";
import { parsePesel, type CalendarDate, type PeselReason } from "./pesel";
import { parseKartaNumber } from "./karta";

export const NAME_MAX_LENGTH = 60;
export const DECLARATION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type NameReason = "required" | "name_too_long" | "name_invalid_characters";
export type IdentifyReason = "identify_method" | "karta_format" | "declaration_format" | PeselReason | NameReason;

export type IdentifyOptions = {
  /** Maximum length of one name, in characters after normalisation (default 60). */
  nameMaxLength?: number;
  /** Accepted Karta Mieszkańca numbers (see karta.ts). */
  kartaPattern?: RegExp;
};

/** Controls other than tab/CR/LF (which count as whitespace), format characters (zero-width, bidi), private use, surrogates. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;
const ALLOWED_NAME = /^[\p{L}\p{M}' .-]+$/u;

export function normaliseName(
  input: string,
  maxLength: number = NAME_MAX_LENGTH,
): { ok: true; name: string } | { ok: false; reason: NameReason } {
  if (FORBIDDEN.test(input.replace(/[\t\n\r]/g, " "))) return { ok: false, reason: "name_invalid_characters" };
  const name = input
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .toLocaleLowerCase("pl")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ ?- ?/g, "-");
  if (name.length === 0) return { ok: false, reason: "required" };
  if ([...name].length > maxLength) return { ok: false, reason: "name_too_long" };
  if (!ALLOWED_NAME.test(name) || !/\p{L}/u.test(name)) return { ok: false, reason: "name_invalid_characters" };
  return { ok: true, name };
}

type KeyResult<R extends string> = { ok: true; keyString: string } | { ok: false; reason: R };

export function peselKeyString(
  pesel: string,
  parentFirstName: string,
  options: IdentifyOptions = {},
): KeyResult<PeselReason | NameReason> {
  const p = parsePesel(pesel);
  if (!p.ok) return p;
  const n = normaliseName(parentFirstName, options.nameMaxLength);
  if (!n.ok) return n;
  return { ok: true, keyString: `pesel:${p.pesel}|parent:${n.name}` };
}

export function kartaKeyString(
  cardNumber: string,
  firstName: string,
  lastName: string,
  options: IdentifyOptions = {},
): KeyResult<"karta_format" | NameReason> {
  const k = parseKartaNumber(cardNumber, { pattern: options.kartaPattern });
  if (!k.ok) return k;
  const f = normaliseName(firstName, options.nameMaxLength);
  if (!f.ok) return f;
  const l = normaliseName(lastName, options.nameMaxLength);
  if (!l.ok) return l;
  return { ok: true, keyString: `karta:${k.cardNumber}|name:${f.name} ${l.name}` };
}

/** Residency declared in person at a voting point; the id is app-made. */
export function declarationKeyString(declarationId: string): KeyResult<"declaration_format"> {
  const id = declarationId.trim();
  if (!DECLARATION_ID_PATTERN.test(id)) return { ok: false, reason: "declaration_format" };
  return { ok: true, keyString: `declaration:${id}` };
}

/** i18n key for a reason code. */
export function identifyErrorKey(reason: IdentifyReason): string {
  return `vote.error.${reason}`;
}

const ERROR_PREFIX = "vote.error.";

/** A string field; absurdly long input is refused before any normalisation work. */
function requiredString(tooLong: IdentifyReason) {
  return z.string({ error: identifyErrorKey("required") }).max(1000, { error: identifyErrorKey(tooLong) });
}

/** The identification form's schema (client and server). Messages are i18n keys `vote.error.<reason>`. */
export function makeIdentifyInputSchema(options: IdentifyOptions = {}) {
  const name = requiredString("name_too_long").superRefine((value, ctx) => {
    const r = normaliseName(value, options.nameMaxLength);
    if (!r.ok) ctx.addIssue({ code: "custom", message: identifyErrorKey(r.reason) });
  });
  const pesel = requiredString("pesel_format").superRefine((value, ctx) => {
    if (value.trim() === "") return void ctx.addIssue({ code: "custom", message: identifyErrorKey("required") });
    const r = parsePesel(value);
    if (!r.ok) ctx.addIssue({ code: "custom", message: identifyErrorKey(r.reason) });
  });
  const cardNumber = requiredString("karta_format").superRefine((value, ctx) => {
    if (value.trim() === "") return void ctx.addIssue({ code: "custom", message: identifyErrorKey("required") });
    const r = parseKartaNumber(value, { pattern: options.kartaPattern });
    if (!r.ok) ctx.addIssue({ code: "custom", message: identifyErrorKey(r.reason) });
  });
  return z.discriminatedUnion(
    "method",
    [
      z.object({ method: z.literal("pesel"), pesel, parentFirstName: name }),
      z.object({ method: z.literal("karta"), cardNumber, firstName: name, lastName: name }),
    ],
    { error: identifyErrorKey("identify_method") },
  );
}

export const IdentifyInputSchema = makeIdentifyInputSchema();
export type IdentifyInput = z.infer<typeof IdentifyInputSchema>;

export type IdentifyResult =
  | { ok: true; method: "pesel"; keyString: string; birthDate: CalendarDate }
  | { ok: true; method: "karta"; keyString: string }
  | { ok: false; reason: IdentifyReason; field?: string };

const REASONS: ReadonlySet<string> = new Set<IdentifyReason>([
  "identify_method",
  "karta_format",
  "declaration_format",
  "pesel_format",
  "pesel_checksum",
  "pesel_birth_date",
  "required",
  "name_too_long",
  "name_invalid_characters",
]);

/** Validates raw input and returns the canonical key string (and, for PESEL, the birth date). */
export function identify(input: unknown, options: IdentifyOptions = {}): IdentifyResult {
  const schema = options.nameMaxLength === undefined && options.kartaPattern === undefined
    ? IdentifyInputSchema
    : makeIdentifyInputSchema(options);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const code = issue?.message.startsWith(ERROR_PREFIX) ? issue.message.slice(ERROR_PREFIX.length) : "";
    const reason = (REASONS.has(code) ? code : "identify_method") as IdentifyReason;
    const field = issue?.path.length ? String(issue.path[0]) : undefined;
    return field === undefined ? { ok: false, reason } : { ok: false, reason, field };
  }
  const data = parsed.data;
  if (data.method === "pesel") {
    const key = peselKeyString(data.pesel, data.parentFirstName, options);
    const p = parsePesel(data.pesel);
    if (!key.ok || !p.ok) return { ok: false, reason: key.ok ? "pesel_format" : key.reason };
    return { ok: true, method: "pesel", keyString: key.keyString, birthDate: p.birthDate };
  }
  const key = kartaKeyString(data.cardNumber, data.firstName, data.lastName, options);
  if (!key.ok) return { ok: false, reason: key.reason };
  return { ok: true, method: "karta", keyString: key.keyString };
}
