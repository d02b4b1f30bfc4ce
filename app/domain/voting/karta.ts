/**
 * Karta Mieszkańca (Gdynia resident card) numbers.
 * The exact format is not public, so the accepted pattern is configurable.
 * Default: 6–12 digits once spaces and hyphens are removed.
 */

export const DEFAULT_KARTA_PATTERN = /^[0-9]{6,12}$/;

export type KartaOptions = {
  /** Tested against the whole normalised number (spaces/hyphens removed, letters upper-cased). */
  pattern?: RegExp;
};

export type ParsedKarta = { ok: true; cardNumber: string } | { ok: false; reason: "karta_format" };

/** Removes spaces and hyphens (including typographic dashes) and upper-cases letters. */
export function normaliseKartaNumber(input: string): string {
  return input.replace(/[\s\-\u2010-\u2015\u2212]+/g, "").toUpperCase();
}

export function parseKartaNumber(input: string, options: KartaOptions = {}): ParsedKarta {
  const cardNumber = normaliseKartaNumber(input);
  const pattern = options.pattern ?? DEFAULT_KARTA_PATTERN;
  // A fresh RegExp so that a caller's /g or /y flag cannot make test() stateful.
  const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""));
  const match = re.exec(cardNumber);
  // The pattern must cover the whole number, even if the caller forgot the anchors.
  if (cardNumber.length === 0 || !match || match.index !== 0 || match[0] !== cardNumber) {
    return { ok: false, reason: "karta_format" };
  }
  return { ok: true, cardNumber };
}
