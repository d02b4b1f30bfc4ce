/**
 * Money in the counting engine is always an integer number of grosze (1 zł = 100 gr),
 * held in a JS `number` that must be a safe integer (< 2^53, i.e. < 90 trillion zł).
 * Sums of a few hundred project costs stay far below that, so `+`, `-` and `<=` on
 * these values are exact. Nothing here ever rounds: a value with more than two
 * decimals is rejected, not rounded.
 */

export class MoneyFormatError extends Error {
  readonly code = "bad_money" as const;
  constructor(readonly input: string) {
    super(`not an amount of money: ${JSON.stringify(input)}`);
    this.name = "MoneyFormatError";
  }
}

const MONEY_RE = /^(\d+)(?:[.,](\d*))?$/;

/**
 * Parses a decimal amount of currency units ("2458488.22", "325000", "12,5", " 7 ")
 * into integer grosze. Extra decimals are accepted only when they are zeros
 * ("100.000" → 10000). Throws MoneyFormatError otherwise (negative, empty, "1e3", "12.345").
 */
export function parseMoney(input: string): number {
  const s = input.trim();
  const m = MONEY_RE.exec(s);
  if (!m) throw new MoneyFormatError(input);
  const whole = m[1] as string;
  let frac = m[2] ?? "";
  if (frac.length > 2) {
    if (!/^0*$/.test(frac.slice(2))) throw new MoneyFormatError(input);
    frac = frac.slice(0, 2);
  }
  const grosze = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  if (!Number.isSafeInteger(grosze)) throw new MoneyFormatError(input);
  return grosze;
}

/**
 * Formats grosze as a decimal string with two decimals: 12345 → "123.45", 100 → "1.00".
 * With `compact`, whole amounts drop the decimals (10000 → "100"), as Pabulib files write them.
 */
export function formatMoney(grosze: number, opts: { compact?: boolean } = {}): string {
  if (!Number.isSafeInteger(grosze)) throw new RangeError(`grosze must be a safe integer, got ${grosze}`);
  const neg = grosze < 0;
  const abs = Math.abs(grosze);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const body = opts.compact && frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, "0")}`;
  return neg ? `-${body}` : body;
}

/** Sum of grosze amounts; throws if the sum would leave the safe-integer range. */
export function sumMoney(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  if (!Number.isSafeInteger(s)) throw new RangeError("sum of money exceeds the safe-integer range");
  return s;
}
