/**
 * Minimal exact rationals over bigint, always normalised (gcd 1, positive denominator).
 * Used by the exact Equal Shares engine.
 */
export interface Rat {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function rat(n: bigint, d: bigint = 1n): Rat {
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  if (d === 1n) return { n, d };
  const g = gcd(n, d);
  return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

export const ZERO: Rat = { n: 0n, d: 1n };

export function add(a: Rat, b: Rat): Rat {
  if (a.d === b.d) return rat(a.n + b.n, a.d);
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rat, b: Rat): Rat {
  if (a.d === b.d) return rat(a.n - b.n, a.d);
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mulInt(a: Rat, k: bigint): Rat {
  return rat(a.n * k, a.d);
}

export function divInt(a: Rat, k: bigint): Rat {
  return rat(a.n, a.d * k);
}

export function cmp(a: Rat, b: Rat): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** a·x compared with b·y for integers x, y > 0 (without building the products as rationals). */
export function cmpScaled(a: Rat, x: bigint, b: Rat, y: bigint): number {
  const l = a.n * x * b.d;
  const r = b.n * y * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
