/**
 * Greedy selection by score, in the variants used by Polish cities.
 *
 *  - skip (default, `greedy`): go down the score order, fund each project that still fits, skip
 *    those that do not;
 *  - `noSkip` (`greedy-no-skip`, Gdynia, Wrocław): stop at the first project that does not fit;
 *  - `threshold`: only projects with score ≥ threshold are eligible (combinable with both);
 *  - withdrawn / excluded projects are never funded and never stop a no-skip count;
 *  - `reserveShare` (Poznań `greedy-custom`): the first project that did not fit is funded from
 *    reserve money when the leftover covers at least that share of its cost (4/5 = 80%);
 *    it is reported in `reserve`, apart from `selected`.
 *
 * Score ties are broken by the tie rule (see ties.ts). Ties that change the outcome are reported.
 * All arithmetic is on integer grosze and integer (or exactly compared) scores.
 */
import type { ProjectDecision, ReasonCode, RuleResult, TieRecord } from "./result";
import type { Profile } from "./scores";
import { CountingError } from "./scores";
import type { TieOptions } from "./ties";
import { makeTieComparator } from "./ties";

export interface ScoredProject {
  id: string;
  /** integer grosze */
  cost: number;
  score: number;
  /** number of voters supporting it (for the `voters` tie rule); default 0 */
  voters?: number;
  withdrawn?: boolean;
}

export interface GreedyOptions extends TieOptions {
  noSkip?: boolean;
  /** minimum score to be eligible */
  threshold?: number;
  /** ids that may not be funded (reason `excluded`) */
  excluded?: readonly string[];
  /**
   * Groups of mutually exclusive projects (Warszawa `greedy-exclusive`): once one of a group is
   * funded, the others are not (reason `excluded`) and never stop a no-skip count.
   */
  exclusive?: readonly (readonly string[])[];
  /** [numerator, denominator]: Poznań reserve rule, e.g. [4, 5] for 80% */
  reserveShare?: readonly [number, number];
}

interface Sim {
  reason: ReasonCode[];
  remainingBefore: Array<number | undefined>;
  selected: number[];
  reserve: number[];
  spent: number;
}

export function greedyRuleName(o: GreedyOptions): string {
  let name = o.reserveShare ? "greedy-no-skip+reserve" : o.noSkip ? "greedy-no-skip" : "greedy";
  if (o.threshold !== undefined) name += "+threshold";
  if (o.excluded && o.excluded.length > 0) name += "+exclusions";
  if (o.exclusive && o.exclusive.length > 0) name += "+exclusive";
  return name;
}

/** Greedy over already-computed scores. `budget` in grosze. */
export function greedyFromScores(projects: readonly ScoredProject[], budget: number, options: GreedyOptions = {}): RuleResult {
  if (!Number.isSafeInteger(budget) || budget < 0) throw new CountingError("bad_budget", "budget must be non-negative integer grosze");
  const ids = new Set<string>();
  for (const p of projects) {
    if (ids.has(p.id)) throw new CountingError("duplicate_project", `project ${JSON.stringify(p.id)} appears twice`);
    ids.add(p.id);
    if (!Number.isSafeInteger(p.cost) || p.cost < 0) throw new CountingError("bad_cost", `cost of ${JSON.stringify(p.id)} must be non-negative integer grosze`);
    if (!Number.isFinite(p.score)) throw new CountingError("bad_score", `score of ${JSON.stringify(p.id)} is not a number`);
  }
  if (options.reserveShare) {
    const [num, den] = options.reserveShare;
    if (!(Number.isSafeInteger(num) && Number.isSafeInteger(den) && num >= 0 && den > 0)) {
      throw new CountingError("bad_reserve_share", "reserveShare must be two whole numbers [num, den] with den > 0");
    }
  }
  const n = projects.length;
  const tie = makeTieComparator(
    projects.map((p) => ({ id: p.id, cost: p.cost, voters: p.voters ?? 0 })),
    options,
  );
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => projects[b]!.score - projects[a]!.score || tie(a, b));

  const excluded = new Set(options.excluded ?? []);
  const threshold = options.threshold;
  const notEligible = (i: number): ReasonCode | null => {
    const p = projects[i]!;
    if (p.withdrawn) return "withdrawn";
    if (excluded.has(p.id)) return "excluded";
    if (threshold !== undefined && p.score < threshold) return "below_threshold";
    return null;
  };

  // project index → the indices it excludes once funded
  const rivals = new Map<number, number[]>();
  const indexOf = new Map(projects.map((p, i) => [p.id, i]));
  for (const group of options.exclusive ?? []) {
    const members = group.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
    for (const i of members) rivals.set(i, [...(rivals.get(i) ?? []), ...members.filter((j) => j !== i)]);
  }

  const simulate = (ord: readonly number[]): Sim => {
    const reason = new Array<ReasonCode>(n);
    const blocked = new Set<number>();
    const remainingBefore = new Array<number | undefined>(n);
    const selected: number[] = [];
    const reserve: number[] = [];
    let remaining = budget;
    let stopped = false;
    let reserveTried = false;
    for (const i of ord) {
      const ne = notEligible(i) ?? (blocked.has(i) ? "excluded" : null);
      if (ne) {
        reason[i] = ne;
        continue;
      }
      if (stopped) {
        reason[i] = "stopped_no_skip";
        continue;
      }
      const cost = projects[i]!.cost;
      remainingBefore[i] = remaining;
      if (cost <= remaining) {
        reason[i] = "funded";
        remaining -= cost;
        selected.push(i);
        for (const j of rivals.get(i) ?? []) blocked.add(j);
        continue;
      }
      reason[i] = "did_not_fit";
      if (options.reserveShare && !reserveTried) {
        reserveTried = true;
        const [num, den] = options.reserveShare;
        // leftover / cost ≥ num / den, in exact integers (grosze ≤ 2^53, num/den small)
        if (BigInt(remaining) * BigInt(den) >= BigInt(cost) * BigInt(num)) {
          reason[i] = "funded_from_reserve";
          reserve.push(i);
        }
      }
      if (options.noSkip || options.reserveShare) stopped = true;
    }
    return { reason, remainingBefore, selected, reserve, spent: budget - remaining };
  };

  const actual = simulate(order);
  const key = (s: Sim): string => `${[...s.selected].sort((a, b) => a - b).join(",")}|${[...s.reserve].sort((a, b) => a - b).join(",")}`;
  const actualKey = key(actual);

  // Tie groups: consecutive eligible projects with equal score.
  const ties: TieRecord[] = [];
  const lostTie = new Set<number>();
  const tiedWith = new Map<number, number[]>();
  let k = 0;
  while (k < n) {
    const s = projects[order[k]!]!.score;
    let j = k;
    while (j < n && projects[order[j]!]!.score === s) j++;
    const positions: number[] = [];
    for (let t = k; t < j; t++) if (notEligible(order[t]!) === null) positions.push(t);
    if (positions.length >= 2) {
      const members = positions.map((t) => order[t]!);
      let mattered = false;
      for (const perm of alternativeOrders(members)) {
        const alt = order.slice();
        positions.forEach((t, m) => (alt[t] = perm[m]!));
        const sim = simulate(alt);
        if (key(sim) !== actualKey) {
          mattered = true;
          for (const i of members) {
            const was = actual.reason[i];
            const now = sim.reason[i];
            if (was !== "funded" && was !== "funded_from_reserve" && (now === "funded" || now === "funded_from_reserve")) lostTie.add(i);
          }
        }
      }
      if (mattered) for (const i of members) tiedWith.set(i, members.filter((x) => x !== i));
      ties.push({ stage: "greedy", projects: members.map((i) => projects[i]!.id), score: s, mattered });
    }
    k = j;
  }

  const decisions: ProjectDecision[] = order.map((i, r) => {
    const p = projects[i]!;
    const d: ProjectDecision = {
      projectId: p.id,
      reason: lostTie.has(i) ? "lost_tie" : actual.reason[i]!,
      score: p.score,
      cost: p.cost,
      rank: r + 1,
    };
    const rb = actual.remainingBefore[i];
    if (rb !== undefined) d.remainingBefore = rb;
    const tw = tiedWith.get(i);
    if (tw) d.tiedWith = tw.map((x) => projects[x]!.id);
    return d;
  });

  return {
    rule: greedyRuleName(options),
    selected: actual.selected.map((i) => projects[i]!.id),
    reserve: actual.reserve.map((i) => projects[i]!.id),
    spent: actual.spent,
    budget,
    decisions,
    ties,
  };
}

/** Orders of a tie group to try besides the actual one: all permutations up to 5, else rotations + reversal. */
function alternativeOrders(members: readonly number[]): number[][] {
  const out: number[][] = [];
  if (members.length <= 5) {
    const rec = (prefix: number[], rest: number[]): void => {
      if (rest.length === 0) {
        out.push(prefix);
        return;
      }
      rest.forEach((x, i) => rec([...prefix, x], [...rest.slice(0, i), ...rest.slice(i + 1)]));
    };
    rec([], [...members]);
    out.shift(); // the identity order
    return out;
  }
  for (let r = 1; r < members.length; r++) out.push([...members.slice(r), ...members.slice(0, r)]);
  out.push([...members].reverse());
  return out;
}

/** The scored projects of a profile (score computed from the ballots). */
export function scoredProjects(profile: Profile): ScoredProject[] {
  return profile.projects.map((p, i) => {
    const sp: ScoredProject = { id: p.id, cost: p.cost, score: profile.score[i] as number, voters: profile.projectVoters[i] as number };
    if (p.withdrawn) sp.withdrawn = true;
    return sp;
  });
}

/** Greedy on a profile: scores come from the ballots. */
export function greedy(profile: Profile, options: GreedyOptions = {}): RuleResult {
  return greedyFromScores(scoredProjects(profile), profile.budget, options);
}
