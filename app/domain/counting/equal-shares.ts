/**
 * Method of Equal Shares (MES), https://equalshares.net, with the Add1 completion.
 *
 * Utilities: approval / choose-1 ballots use cost utility (u_i(p) = cost(p) if i supports p);
 * cumulative / ordinal ballots use points × cost (u_i(p) = points_i(p) · cost(p)). Either way a
 * supporter with weight w (1, or its points) pays q·w for a funded project, where q is the price
 * per point; the project's "affordability" is ρ = q / cost, and each round funds the project with
 * the smallest ρ. A voter who cannot pay q·w pays their whole remaining share.
 *
 * One MES run takes a per-voter budget b (every voter starts with b). The Add1 completions repeat
 * the run with larger b:
 *  - `pabutools` (pabutools `voter_budget_increment`): b = B/n, B/n + 1 zł, … ; return the first
 *    outcome that is exhaustive (no further eligible project fits the real budget B), or, as soon
 *    as an outcome costs more than B, the previous one. expected.json `mes_add1_before_completion`.
 *  - `pabulib` (Pabulib's checker, reproduces Wieliczka 2023): the run at B/n, then
 *    b = ⌊B/n⌋ + 1 zł, + 2 zł, … while the outcome costs at most B; the last such outcome. It also
 *    stops once every eligible project is funded (the checker's loop would never end there).
 *    Unlike the checker, money stays exact in grosze (it floors budget and costs to whole zł) and
 *    ties follow the tie rule (it uses lower cost, then more supporters).
 *  - `none`: the single run at B/n.
 * Then optionally a greedy `completion` (remaining projects by score, skip what does not fit —
 * pabutools' greedy after Add1, expected.json `mes`) and Pabulib's `comparison` step (if more
 * voters prefer plain greedy's outcome, by number of supported funded projects, greedy wins).
 *
 * Exactness: every decision (is a project affordable, which ρ is smallest, is it a tie) is the
 * one exact rational arithmetic would take. The fast path computes in float64 but carries a
 * rigorous bound on the absolute error of every budget and price (forward error analysis with
 * 8 units of roundoff per operation); a decision is taken from the floats only when the bound
 * proves it. Two cases are decided on integers instead: projects none of whose supporters is
 * "poor" have ρ = 1 / (total weight) exactly, so their ties are found by comparing integers; and
 * while every budget is a whole number of grosze (integer per-voter budget, integer prices) sums
 * and boundary cases (a supporter holding exactly its share) are exact. Anything closer than the
 * bounds reruns that MES run in exact bigint rationals (`exactFallbacks` counts them; none of the
 * 30 real files needs one). `exact: true` runs everything in rationals — the reference the tests
 * compare the fast path with. Identical ballots are grouped; a lazy priority on lower bounds of ρ
 * avoids re-evaluating most projects each round.
 */
import type { ProjectDecision, ReasonCode, RuleResult, TieRecord } from "./result";
import * as R from "./rational";
import type { Rat } from "./rational";
import type { Profile } from "./scores";
import { CountingError } from "./scores";
import type { TieOptions } from "./ties";
import { tieComparator } from "./ties";

export type Add1Mode = "none" | "pabutools" | "pabulib";

export interface MesOptions extends TieOptions {
  /** default "pabutools" */
  add1?: Add1Mode;
  /** grosze added to every voter's share per Add1 step; default 100 (1 zł) */
  increment?: number;
  /** default "greedy" */
  completion?: "none" | "greedy";
  /** Pabulib's comparison step against greedy; default false */
  comparison?: boolean;
  /** minimum score to be eligible */
  threshold?: number;
  /** ids that may not be funded */
  excluded?: readonly string[];
  /** compute every run in exact rational arithmetic (slow; the reference implementation) */
  exact?: boolean;
  /** safety cap on Add1 steps; default 200,000 (the real files need at most ~1,600) */
  maxIterations?: number;
}

export interface MesResult extends RuleResult {
  /** the MES outcome alone (before completion / comparison), in order of funding */
  mes: string[];
  /** the per-voter budget of the returned MES run, in grosze, as an exact fraction */
  perVoterBudget: { numerator: string; denominator: string };
  /** number of MES runs (Add1 steps) */
  iterations: number;
  /** runs redone in exact arithmetic because the float bounds could not decide */
  exactFallbacks: number;
  comparison?: { mesPreferredBy: number; greedyPreferredBy: number; chosen: "mes" | "greedy" };
}

interface RunTie {
  round: number;
  /** tied projects in tie-rule order */
  tied: number[];
}

interface RunOut {
  selected: number[];
  ties: RunTie[];
}

interface Force {
  round: number;
  project: number;
}

/** per-operation relative slack: 8 units of roundoff, generous on purpose */
const REL = 8 * 2 ** -53;

export function mesRuleName(o: MesOptions): string {
  const add1 = o.add1 ?? "pabutools";
  let name = "mes";
  if (add1 !== "none") name += `+add1-${add1}`;
  if ((o.completion ?? "greedy") === "greedy") name += "+greedy-completion";
  if (o.comparison) name += "+comparison";
  if (o.threshold !== undefined) name += "+threshold";
  return name;
}

export function equalShares(profile: Profile, options: MesOptions = {}): MesResult {
  const add1: Add1Mode = options.add1 ?? "pabutools";
  const increment = options.increment ?? 100;
  if (!Number.isSafeInteger(increment) || increment <= 0) throw new CountingError("bad_increment", "increment must be a positive number of grosze");
  const maxIterations = options.maxIterations ?? 200_000;
  const P = profile.projects;
  const nP = P.length;
  const B = profile.budget;
  const n = profile.voters;
  const tie = tieComparator(profile, options);

  const excluded = new Set(options.excluded ?? []);
  const notEligible = (p: number): ReasonCode | null => {
    if (P[p]!.withdrawn) return "withdrawn";
    if (excluded.has(P[p]!.id)) return "excluded";
    if (options.threshold !== undefined && (profile.score[p] as number) < options.threshold) return "below_threshold";
    return null;
  };
  const weightTotal = new Float64Array(nP);
  for (let p = 0; p < nP; p++) {
    let W = 0;
    for (let k = profile.suppStart[p]!; k < profile.suppStart[p + 1]!; k++) W += profile.mult[profile.suppGroup[k]!]! * profile.suppWeight[k]!;
    weightTotal[p] = W;
  }
  const candidates: number[] = [];
  const freeProjects: number[] = [];
  for (let p = 0; p < nP; p++) {
    if (notEligible(p) !== null || weightTotal[p] === 0) continue;
    if (P[p]!.cost === 0) freeProjects.push(p);
    else candidates.push(p);
  }
  freeProjects.sort(tie);

  const engine = new MesEngine(profile, weightTotal, candidates, tie);
  let fallbacks = 0;
  const run = (bNum: bigint, bDen: bigint, force?: Force): RunOut => {
    if (!options.exact) {
      const r = engine.runFloat(bNum, bDen, force);
      if (r) return r;
      fallbacks++;
    }
    return engine.runExact(bNum, bDen, force);
  };
  const costOf = (sel: readonly number[]): number => {
    let s = 0;
    for (const p of sel) s += P[p]!.cost;
    return s;
  };
  const exhaustive = (sel: readonly number[]): boolean => {
    const inSel = new Set(sel);
    const spent = costOf(sel);
    for (const p of candidates) if (!inSel.has(p) && spent + P[p]!.cost <= B) return false;
    return true;
  };

  let iterations = 0;
  let out: RunOut;
  let bNum: bigint;
  let bDen: bigint;
  const N = BigInt(Math.max(n, 1));
  if (n === 0) {
    out = { selected: [], ties: [] };
    bNum = 0n;
    bDen = 1n;
  } else if (add1 === "none") {
    bNum = BigInt(B);
    bDen = N;
    out = run(bNum, bDen);
    iterations = 1;
  } else if (add1 === "pabutools") {
    const inc = BigInt(increment) * N;
    let prev: { out: RunOut; num: bigint } | null = null;
    let k = 0n;
    for (;;) {
      if (iterations >= maxIterations) throw new CountingError("mes_iteration_limit", `Add1 did not finish within ${maxIterations} steps`);
      const num = BigInt(B) + k * inc;
      const o = run(num, N);
      iterations++;
      if (costOf(o.selected) > B) {
        // pabutools returns the previous outcome (the first run, at B/n, always fits)
        out = prev ? prev.out : { selected: [], ties: [] };
        bNum = prev ? prev.num : BigInt(B);
        break;
      }
      if (exhaustive(o.selected)) {
        out = o;
        bNum = num;
        break;
      }
      prev = { out: o, num };
      k++;
    }
    bDen = N;
  } else {
    out = run(BigInt(B), N);
    iterations = 1;
    bNum = BigInt(B);
    bDen = N;
    const step = BigInt(increment);
    const base = (BigInt(B) / (N * step)) * step;
    for (let k = 1n; ; k++) {
      if (iterations >= maxIterations) throw new CountingError("mes_iteration_limit", `Add1 did not finish within ${maxIterations} steps`);
      const b = base + k * step;
      const o = run(b, 1n);
      iterations++;
      if (costOf(o.selected) > B) break;
      out = o;
      bNum = b;
      bDen = 1n;
      // Every eligible project is funded: more money cannot add any (Pabulib's own loop would
      // never end here).
      if (o.selected.length === candidates.length) break;
    }
  }

  // ---- ties of the returned run, and whether they mattered at that per-voter budget
  const ties: TieRecord[] = [];
  const baseSet = [...out.selected].sort((a, b) => a - b).join(",");
  for (const t of out.ties) {
    let mattered = false;
    for (const alt of t.tied.slice(1)) {
      const o = run(bNum, bDen, { round: t.round, project: alt });
      if ([...o.selected].sort((a, b) => a - b).join(",") !== baseSet) {
        mattered = true;
        break;
      }
    }
    ties.push({ stage: "mes", round: t.round, projects: t.tied.map((p) => P[p]!.id), mattered });
  }

  // ---- completion and comparison
  const mesSelected = [...freeProjects, ...out.selected];
  let funded = [...mesSelected];
  const fundedBy = new Map<number, ReasonCode>(funded.map((p) => [p, "funded"]));
  const scoreOrder = Array.from({ length: nP }, (_, i) => i).sort(
    (a, b) => (profile.score[b] as number) - (profile.score[a] as number) || tie(a, b),
  );
  if ((options.completion ?? "greedy") === "greedy") {
    let left = B - costOf(funded);
    for (const p of scoreOrder) {
      if (fundedBy.has(p) || notEligible(p) !== null) continue;
      if (P[p]!.cost <= left) {
        funded.push(p);
        fundedBy.set(p, "funded_by_completion");
        left -= P[p]!.cost;
      }
    }
  }
  let comparison: MesResult["comparison"];
  if (options.comparison) {
    const greedySel: number[] = [];
    let left = B;
    for (const p of scoreOrder) {
      if (notEligible(p) !== null) continue;
      if (P[p]!.cost <= left) {
        greedySel.push(p);
        left -= P[p]!.cost;
      }
    }
    const inMes = new Uint8Array(nP);
    const inGreedy = new Uint8Array(nP);
    for (const p of funded) inMes[p] = 1;
    for (const p of greedySel) inGreedy[p] = 1;
    let mesPreferredBy = 0;
    let greedyPreferredBy = 0;
    for (let g = 0; g < profile.groups; g++) {
      let sm = 0;
      let sg = 0;
      for (let k = profile.ballotStart[g]!; k < profile.ballotStart[g + 1]!; k++) {
        const p = profile.ballotProjects[k]!;
        const w = profile.ballotWeights[k]!;
        if (inMes[p]) sm += w;
        if (inGreedy[p]) sg += w;
      }
      if (sm > sg) mesPreferredBy += profile.mult[g]!;
      else if (sg > sm) greedyPreferredBy += profile.mult[g]!;
    }
    const chosen = greedyPreferredBy > mesPreferredBy ? "greedy" : "mes";
    comparison = { mesPreferredBy, greedyPreferredBy, chosen };
    if (chosen === "greedy") {
      funded = greedySel;
      fundedBy.clear();
      for (const p of greedySel) fundedBy.set(p, "funded");
    }
  }

  const spent = costOf(funded);
  const decisions: ProjectDecision[] = [];
  const placed = new Set<number>();
  for (const p of funded) {
    placed.add(p);
    decisions.push({ projectId: P[p]!.id, reason: fundedBy.get(p)!, score: profile.score[p] as number, cost: P[p]!.cost, rank: decisions.length + 1 });
  }
  for (const p of scoreOrder) {
    if (placed.has(p)) continue;
    const ne = notEligible(p);
    const reason: ReasonCode = ne ?? (P[p]!.cost > B - spent ? "did_not_fit" : "insufficient_support");
    decisions.push({ projectId: P[p]!.id, reason, score: profile.score[p] as number, cost: P[p]!.cost, rank: decisions.length + 1 });
  }
  const tiedWith = new Map<string, string[]>();
  for (const t of ties) if (t.mattered) for (const id of t.projects) tiedWith.set(id, [...new Set([...(tiedWith.get(id) ?? []), ...t.projects.filter((x) => x !== id)])]);
  for (const d of decisions) {
    const tw = tiedWith.get(d.projectId);
    if (tw) d.tiedWith = tw;
  }

  const result: MesResult = {
    rule: mesRuleName(options),
    selected: funded.map((p) => P[p]!.id),
    reserve: [],
    spent,
    budget: B,
    decisions,
    ties,
    mes: mesSelected.map((p) => P[p]!.id),
    perVoterBudget: { numerator: String(R.rat(bNum, bDen).n), denominator: String(R.rat(bNum, bDen).d) },
    iterations,
    exactFallbacks: fallbacks,
  };
  if (comparison) result.comparison = comparison;
  return result;
}

/**
 * The inner MES runs over a grouped profile. `runFloat` returns null when its error bounds cannot
 * decide; `runExact` always decides.
 */
class MesEngine {
  private readonly nG: number;
  private readonly cost: Float64Array;
  /** per supporter entry k (aligned with suppGroup): multiplicity of its group, and its weight */
  private readonly sm: Float64Array;
  private readonly sw: Float64Array;
  /** all weights are 1 (approval / choose-1): ratios need no division */
  private readonly unit: boolean;
  /** per group g: st[2g] = float budget, st[2g+1] = bound on its absolute error */
  private readonly st: Float64Array;
  private readonly stale: Float64Array;
  // scratch for one evaluation: ratio, m·b, m·w, m·err of the not-yet-poor supporters
  private readonly xr: Float64Array;
  private readonly xmb: Float64Array;
  private readonly xmw: Float64Array;
  private readonly xme: Float64Array;
  /** every budget is an integer number of grosze held exactly (error 0): sums are exact */
  private integral = false;
  // results of the last float evaluation
  private evExact = false;
  private evQ = 0;
  private evQerr = 0;
  private evRho = 0;
  private evRhoErr = 0;

  constructor(
    private readonly profile: Profile,
    private readonly weightTotal: Float64Array,
    private readonly candidates: readonly number[],
    private readonly tie: (a: number, b: number) => number,
  ) {
    this.nG = profile.groups;
    this.cost = Float64Array.from(profile.projects.map((p) => p.cost));
    const total = profile.suppGroup.length;
    this.sm = new Float64Array(total);
    this.sw = new Float64Array(total);
    let unit = true;
    for (let k = 0; k < total; k++) {
      this.sm[k] = profile.mult[profile.suppGroup[k]!]!;
      const w = profile.suppWeight[k]!;
      this.sw[k] = w;
      if (w !== 1) unit = false;
    }
    this.unit = unit;
    this.st = new Float64Array(2 * this.nG);
    this.stale = new Float64Array(profile.projects.length);
    let maxSupp = 0;
    for (let p = 0; p < profile.projects.length; p++) maxSupp = Math.max(maxSupp, profile.suppStart[p + 1]! - profile.suppStart[p]!);
    this.xr = new Float64Array(maxSupp);
    this.xmb = new Float64Array(maxSupp);
    this.xmw = new Float64Array(maxSupp);
    this.xme = new Float64Array(maxSupp);
  }

  /**
   * Price per point q of project p at the current budgets, with a proven error bound.
   * 0 = affordable (ev* set), 1 = not affordable, 2 = the bounds cannot decide.
   *
   * q solves Σ m·min(b, q·w) = cost. Newton's method from q0 = cost / W (a lower bound) is exactly
   * "mark as poor everyone with b/w < q, recompute q"; it increases monotonically to the solution.
   */
  private evalFloat(p: number): 0 | 1 | 2 {
    const suppGroup = this.profile.suppGroup;
    const st = this.st, sm = this.sm, sw = this.sw;
    const xr = this.xr, xmb = this.xmb, xmw = this.xmw, xme = this.xme;
    const s = this.profile.suppStart[p]!, e = this.profile.suppStart[p + 1]!;
    const c = this.cost[p]!;
    const W = this.weightTotal[p]!;
    const q0 = c / W;
    // ρ only grows during a run, so the last ρ lower bound gives a lower bound on today's q:
    // supporters below it are certainly poor. Start Newton there.
    let qs = this.stale[p]! * c * (1 - 4 * REL);
    if (!(qs > q0)) qs = q0;
    let tot = 0, etot = 0, minR = Infinity, maxE = 0;
    let Pm = 0, Wr = W, maxPR = -Infinity, ePoor = 0, nPoor = 0;
    let n = 0;
    if (this.unit) {
      for (let k = s; k < e; k++) {
        const g2 = 2 * suppGroup[k]!;
        const b = st[g2]!, eg = st[g2 + 1]!, m = sm[k]!;
        const mb = m * b, me = m * eg;
        tot += mb;
        etot += me;
        if (eg > maxE) maxE = eg;
        if (b < minR) minR = b;
        if (b < qs) {
          Pm += mb;
          Wr -= m;
          ePoor += me;
          nPoor++;
          if (b > maxPR) maxPR = b;
        } else {
          xr[n] = b;
          xmb[n] = mb;
          xmw[n] = m;
          xme[n] = me;
          n++;
        }
      }
    } else {
      for (let k = s; k < e; k++) {
        const g2 = 2 * suppGroup[k]!;
        const b = st[g2]!, eg = st[g2 + 1]!, m = sm[k]!, w = sw[k]!;
        const mb = m * b, me = m * eg;
        tot += mb;
        etot += me;
        if (eg > maxE) maxE = eg;
        const r = b / w;
        if (r < minR) minR = r;
        if (r < qs) {
          Pm += mb;
          Wr -= m * w;
          ePoor += me;
          nPoor++;
          if (r > maxPR) maxPR = r;
        } else {
          xr[n] = r;
          xmb[n] = mb;
          xmw[n] = m * w;
          xme[n] = me;
          n++;
        }
      }
    }
    const cnt = e - s;
    // |tot − exact| ≤ Σ m·err (itself summed in floats) + rounding of the products and the sum
    const sumErr = this.integral ? 0 : etot * (1 + (cnt + 2) * REL) + tot * (cnt + 2) * REL;
    if (tot + sumErr < c) return 1;
    if (tot - sumErr < c) return 2;
    let nobodyPoor = nPoor === 0 && minR * (1 - REL) - maxE > q0 * (1 + REL);
    if (!nobodyPoor && this.integral && c % W === 0) {
      // integer budgets and an integer price q0: decide "everyone can pay q0·w" exactly
      // (a supporter with exactly q0·w pays it all and stays rich, as in pabutools)
      nobodyPoor = true;
      for (let k = s; k < e; k++) {
        if (st[2 * suppGroup[k]!]! < q0 * sw[k]!) {
          nobodyPoor = false;
          break;
        }
      }
    }
    if (nobodyPoor) {
      // nobody is poor: q = c / W exactly, ρ = 1 / W exactly
      this.evExact = true;
      this.evQ = q0;
      this.evQerr = q0 * REL;
      this.evRho = 1 / W;
      this.evRhoErr = this.evRho * REL;
      return 0;
    }
    if (Wr <= 0 || n === 0) return 2;
    // Newton passes over the compacted list of not-yet-poor supporters
    let q = (c - Pm) / Wr;
    let minRR = Infinity;
    for (;;) {
      let w = 0;
      minRR = Infinity;
      for (let j = 0; j < n; j++) {
        const r = xr[j]!;
        if (r < q) {
          Pm += xmb[j]!;
          Wr -= xmw[j]!;
          ePoor += xme[j]!;
          if (r > maxPR) maxPR = r;
        } else {
          if (r < minRR) minRR = r;
          if (w !== j) {
            xr[w] = r;
            xmb[w] = xmb[j]!;
            xmw[w] = xmw[j]!;
            xme[w] = xme[j]!;
          }
          w++;
        }
      }
      if (w === n) break;
      nPoor += n - w;
      n = w;
      if (Wr <= 0 || n === 0) return 2;
      q = (c - Pm) / Wr;
    }
    const eP = ePoor * (1 + (nPoor + 2) * REL) + Pm * (nPoor + 2) * REL;
    const eq = ((eP + (c + Pm) * REL) / Wr + q * 2 * REL) * (1 + 1e-9);
    if (nPoor > 0 && !(maxPR * (1 + REL) + maxE < q - eq)) return 2;
    if (!(minRR * (1 - REL) - maxE > q + eq)) return 2;
    this.evExact = false;
    this.evQ = q;
    this.evQerr = eq;
    this.evRho = q / c;
    this.evRhoErr = eq / c + this.evRho * 2 * REL;
    return 0;
  }

  runFloat(bNum: bigint, bDen: bigint, force?: Force): RunOut | null {
    const { suppStart, suppGroup } = this.profile;
    const st = this.st, sw = this.sw, stale = this.stale, W = this.weightTotal, cost = this.cost;
    const b0 = Number(bNum) / Number(bDen);
    this.integral = bNum % bDen === 0n && Number.isSafeInteger(b0);
    const e0 = this.integral ? 0 : b0 * REL;
    for (let g = 0; g < this.nG; g++) {
      st[2 * g] = b0;
      st[2 * g + 1] = e0;
    }
    const cand = [...this.candidates];
    for (const p of cand) stale[p] = (1 / W[p]!) * (1 - REL);
    const removed = new Uint8Array(this.profile.projects.length);
    const selected: number[] = [];
    const ties: RunTie[] = [];
    let round = 0;
    while (cand.length > 0) {
      round++;
      // insertion sort by stale lower bound (nearly sorted between rounds)
      for (let i = 1; i < cand.length; i++) {
        const x = cand[i]!;
        const v = stale[x]!;
        let j = i - 1;
        while (j >= 0 && stale[cand[j]!]! > v) {
          cand[j + 1] = cand[j]!;
          j--;
        }
        cand[j + 1] = x;
      }
      let have = false;
      let bestExact = false, bestW = 0, bestQ = 0, bestQerr = 0, bestRho = 0, bestRhoErr = 0;
      let tied: number[] = [];
      let anyRemoved = false;
      for (const p of cand) {
        if (have && stale[p]! > (bestRho + bestRhoErr) * (1 + REL)) break;
        const status = this.evalFloat(p);
        if (status === 2) return null;
        if (status === 1) {
          removed[p] = 1;
          anyRemoved = true;
          continue;
        }
        stale[p] = (this.evRho - this.evRhoErr) * (1 - REL); // a lower bound on ρ, rounding included
        if (have) {
          let c: number;
          if (this.evExact && bestExact) c = W[p]! > bestW ? -1 : W[p]! < bestW ? 1 : 0;
          else if ((this.evRho + this.evRhoErr) * (1 + REL) < (bestRho - bestRhoErr) * (1 - REL)) c = -1;
          else if ((this.evRho - this.evRhoErr) * (1 - REL) > (bestRho + bestRhoErr) * (1 + REL)) c = 1;
          else return null;
          if (c > 0) continue;
          if (c === 0) {
            tied.push(p);
            continue;
          }
        }
        have = true;
        tied = [p];
        bestExact = this.evExact;
        bestW = W[p]!;
        bestQ = this.evQ;
        bestQerr = this.evQerr;
        bestRho = this.evRho;
        bestRhoErr = this.evRhoErr;
      }
      if (anyRemoved) {
        let w = 0;
        for (const p of cand) if (!removed[p]) cand[w++] = p;
        cand.length = w;
      }
      if (!have) break;
      let chosen: number;
      if (tied.length > 1) {
        tied.sort(this.tie);
        ties.push({ round, tied: [...tied] });
        chosen = force && force.round === round && tied.includes(force.project) ? force.project : tied[0]!;
      } else chosen = tied[0]!;
      // pay: a poor supporter (b/w < q) pays all it has, exactly zero left; the others pay q·w
      const q = bestExact ? cost[chosen]! / bestW : bestQ;
      // an integer price paid from integer budgets keeps every budget exact
      const exactPay = this.integral && bestExact && cost[chosen]! % bestW === 0;
      if (!exactPay) this.integral = false;
      const eq = exactPay ? 0 : bestExact ? q * REL : bestQerr;
      for (let k = suppStart[chosen]!; k < suppStart[chosen + 1]!; k++) {
        const g2 = 2 * suppGroup[k]!;
        const w = sw[k]!;
        const b = st[g2]!;
        if (!bestExact && b / w < q) {
          st[g2] = 0;
          st[g2 + 1] = 0;
        } else {
          const pay = q * w;
          const nb = b - pay;
          st[g2] = nb > 0 ? nb : 0;
          if (!exactPay) st[g2 + 1] = (st[g2 + 1]! + w * eq + (b + pay) * REL) * (1 + REL);
        }
      }
      selected.push(chosen);
      cand.splice(cand.indexOf(chosen), 1);
    }
    return { selected, ties };
  }

  runExact(bNum: bigint, bDen: bigint, force?: Force): RunOut {
    const { suppStart, suppGroup, suppWeight, mult } = this.profile;
    const P = this.profile.projects;
    const b0 = R.rat(bNum, bDen);
    const bud: Rat[] = new Array<Rat>(this.nG).fill(b0);
    const multB = Array.from(mult, (m) => BigInt(m));
    const costB = P.map((p) => BigInt(p.cost));
    const WB = Array.from(this.weightTotal, (w) => BigInt(w));
    const stale = new Map<number, Rat>();
    for (const p of this.candidates) stale.set(p, R.rat(1n, WB[p]!));
    let cand = [...this.candidates];
    const selected: number[] = [];
    const ties: RunTie[] = [];
    let round = 0;
    // q for project p, or null if its supporters cannot afford it
    const evalExact = (p: number): Rat | null => {
      const idx: number[] = [];
      for (let k = suppStart[p]!; k < suppStart[p + 1]!; k++) idx.push(k);
      // ascending by budget / weight
      idx.sort((x, y) => R.cmpScaled(bud[suppGroup[x]!]!, BigInt(suppWeight[y]!), bud[suppGroup[y]!]!, BigInt(suppWeight[x]!)));
      let contrib: Rat = R.ZERO;
      let denom = WB[p]!;
      const c = R.rat(costB[p]!);
      for (const k of idx) {
        const g = suppGroup[k]!;
        const w = BigInt(suppWeight[k]!);
        const q = R.divInt(R.sub(c, contrib), denom);
        if (R.cmp(R.mulInt(q, w), bud[g]!) <= 0) return q;
        contrib = R.add(contrib, R.mulInt(bud[g]!, multB[g]!));
        denom -= multB[g]! * w;
      }
      return null;
    };
    while (cand.length > 0) {
      round++;
      cand.sort((a, b) => R.cmp(stale.get(a)!, stale.get(b)!));
      let best: Rat | null = null;
      let tied: number[] = [];
      const drop = new Set<number>();
      for (const p of cand) {
        if (best && R.cmp(stale.get(p)!, best) > 0) break;
        const q = evalExact(p);
        if (q === null) {
          drop.add(p);
          continue;
        }
        const rho = R.divInt(q, costB[p]!);
        stale.set(p, rho);
        const c = best ? R.cmp(rho, best) : -1;
        if (c < 0) {
          best = rho;
          tied = [p];
        } else if (c === 0) tied.push(p);
      }
      if (drop.size > 0) cand = cand.filter((p) => !drop.has(p));
      if (!best) break;
      let chosen: number;
      if (tied.length > 1) {
        tied.sort(this.tie);
        ties.push({ round, tied: [...tied] });
        chosen = force && force.round === round && tied.includes(force.project) ? force.project : tied[0]!;
      } else chosen = tied[0]!;
      const q = R.mulInt(best, costB[chosen]!);
      for (let k = suppStart[chosen]!; k < suppStart[chosen + 1]!; k++) {
        const g = suppGroup[k]!;
        const pay = R.mulInt(q, BigInt(suppWeight[k]!));
        bud[g] = R.cmp(pay, bud[g]!) >= 0 ? R.ZERO : R.sub(bud[g]!, pay);
      }
      selected.push(chosen);
      cand = cand.filter((p) => p !== chosen);
    }
    return { selected, ties };
  }
}
