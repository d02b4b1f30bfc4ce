/**
 * Money is an integer number of grosze everywhere. Formatting is done here, by hand, so Polish amounts
 * always group thousands (Intl's pl-PL leaves 4-digit amounts ungrouped) and never pass through floats.
 */
export type Locale = "pl" | "uk" | "en";

const NBSP = "\u00a0";

function group(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function split(grosze: number | bigint): { negative: boolean; zl: string; gr: string } {
  const v = BigInt(grosze);
  const negative = v < 0n;
  const abs = negative ? -v : v;
  return { negative, zl: (abs / 100n).toString(), gr: (abs % 100n).toString().padStart(2, "0") };
}

/** `1 250 000,00 zł` (pl, uk) or `PLN 1,250,000.00` (en), with non-breaking spaces. */
export function formatMoney(grosze: number | bigint, locale: Locale = "pl", opts: { wholeZloty?: boolean } = {}): string {
  const { negative, zl, gr } = split(grosze);
  const sign = negative ? "−" : "";
  const showGr = !(opts.wholeZloty && gr === "00");
  if (locale === "en") {
    return `${sign}PLN${NBSP}${group(zl, ",")}${showGr ? `.${gr}` : ""}`;
  }
  return `${sign}${group(zl, NBSP)}${showGr ? `,${gr}` : ""}${NBSP}zł`;
}

/** Whole złoty to grosze, refusing anything that is not a safe whole number. */
export function zlToGrosze(zl: number): number {
  if (!Number.isSafeInteger(zl)) throw new RangeError(`not a whole amount of złoty: ${zl}`);
  const g = zl * 100;
  if (!Number.isSafeInteger(g)) throw new RangeError(`amount too large: ${zl}`);
  return g;
}

/** Share of `part` in `whole` as a percentage with one decimal, for display only. */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part * 1000) / whole) / 10;
}
