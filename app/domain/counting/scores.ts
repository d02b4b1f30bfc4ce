/**
 * Ballots → scores, and the compact "profile" every rule counts from.
 *
 * Ballot types (Pabulib `vote_type`):
 *  - `approval`   — a set of project ids; each supporter gives 1 point. Score = number of voters.
 *  - `choose-1`   — exactly one project id. Score = number of voters.
 *  - `cumulative` — ids with a parallel list of points (at most `max_sum_points` in all).
 *                   Score = total points.
 *  - `ordinal`    — ids in rank order. Points come from the ballot's points list when present
 *                   (Kraków: 3,2,1); otherwise points = maxLength − position (position 0 = first).
 *                   Score = total points.
 *
 * A ballot lists a project at most once (a repeated id counts once for approval/choose-1; for
 * points ballots its points are added). A project listed with 0 points counts in `voters` but
 * gives no support. Points must be non-negative integers.
 *
 * The `Profile` groups identical ballots (same projects with the same points): voters with
 * identical ballots are interchangeable for every rule here, so Equal Shares works on groups with
 * a multiplicity instead of on individual voters. Supporters of each project are stored in CSR
 * form (`suppStart[p] .. suppStart[p+1]` index `suppGroup` / `suppWeight`).
 */
import type { PbElection, PbVote } from "./pabulib";
import { isWithdrawnCost, pbBudget, pbMetaInt } from "./pabulib";

export type VoteType = "approval" | "choose-1" | "cumulative" | "ordinal";
export const VOTE_TYPES: readonly VoteType[] = ["approval", "choose-1", "cumulative", "ordinal"];

export function isVoteType(s: string | undefined): s is VoteType {
  return s !== undefined && (VOTE_TYPES as readonly string[]).includes(s);
}

export interface CountProject {
  id: string;
  /** integer grosze */
  cost: number;
  name?: string;
  /** Withdrawn after the vote: never funded, never stops a no-skip count. */
  withdrawn?: boolean;
}

export interface Ballot {
  /** Project ids; for ordinal ballots in rank order, most preferred first. */
  projects: readonly string[];
  /** Points, parallel to `projects` (cumulative; optional for ordinal). */
  points?: readonly number[];
}

export interface ElectionInput {
  voteType: VoteType;
  projects: readonly CountProject[];
  ballots: readonly Ballot[];
  /** integer grosze */
  budget: number;
  /** Ordinal ballots without points: points = ordinalMaxLength − position. Default: the longest ballot. */
  ordinalMaxLength?: number;
}

export class CountingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CountingError";
  }
}

export interface Profile {
  voteType: VoteType;
  projects: readonly CountProject[];
  /** project id → index in `projects` */
  index: ReadonlyMap<string, number>;
  budget: number;
  /** number of ballots (voters) */
  voters: number;
  /** number of distinct ballots */
  groups: number;
  /** multiplicity of each distinct ballot */
  mult: Int32Array;
  suppStart: Int32Array;
  suppGroup: Int32Array;
  /** points the group gives the project (1 for approval / choose-1); always > 0 */
  suppWeight: Int32Array;
  /** score of each project: voters (approval, choose-1) or total points (cumulative, ordinal) */
  score: Float64Array;
  /** number of voters who listed each project */
  projectVoters: Int32Array;
  /** for each group: project indices of its ballot (CSR into ballotProjects / ballotWeights) */
  ballotStart: Int32Array;
  ballotProjects: Int32Array;
  ballotWeights: Int32Array;
}

function checkPoints(x: number): number {
  if (!Number.isSafeInteger(x) || x < 0) {
    throw new CountingError("bad_points", `points must be non-negative whole numbers, got ${x}`);
  }
  return x;
}

/** Builds the grouped profile. Throws CountingError on unknown project ids or bad points. */
export function buildProfile(input: ElectionInput): Profile {
  const { ballots } = input;
  return buildProfileFrom(input, ballots.length, (i) => (ballots[i] as Ballot).projects, (i) => (ballots[i] as Ballot).points);
}

function buildProfileFrom(
  input: Omit<ElectionInput, "ballots">,
  nBallots: number,
  idsOf: (i: number) => readonly string[],
  pointsOf: (i: number) => readonly number[] | undefined,
): Profile {
  const { voteType, projects, budget } = input;
  if (!Number.isSafeInteger(budget) || budget < 0) throw new CountingError("bad_budget", "budget must be non-negative integer grosze");
  const index = new Map<string, number>();
  projects.forEach((p, i) => {
    if (index.has(p.id)) throw new CountingError("duplicate_project", `project ${JSON.stringify(p.id)} appears twice`);
    if (!Number.isSafeInteger(p.cost) || p.cost < 0) throw new CountingError("bad_cost", `cost of ${JSON.stringify(p.id)} must be non-negative integer grosze`);
    index.set(p.id, i);
  });
  const nP = projects.length;
  let maxLen = input.ordinalMaxLength ?? 0;
  if (voteType === "ordinal" && input.ordinalMaxLength === undefined) {
    for (let i = 0; i < nBallots; i++) maxLen = Math.max(maxLen, idsOf(i).length);
  }

  const projectVoters = new Int32Array(nP);
  const score = new Float64Array(nP);
  const pointsBased = voteType === "cumulative" || voteType === "ordinal";

  // Distinct ballots, stored flat: group g's entries are gProj/gW[gStart[g] .. gStart[g+1]).
  // Found through a numeric hash of the sorted (project, points) list; equal hashes are compared.
  const gStart: number[] = [0];
  const gProj: number[] = [];
  const gW: number[] = [];
  const multList: number[] = [];
  const byHash = new Map<number, number>(); // hash → first group with it
  const sameHash: number[] = []; // group → next group with the same hash, or -1

  // per-ballot scratch: `slot[p]` is p's position in the current ballot when `stamp[p]` is this ballot
  const stamp = new Int32Array(nP).fill(-1);
  const slot = new Int32Array(nP);
  let ps = new Int32Array(16);
  let ws = new Float64Array(16);
  for (let bi = 0; bi < nBallots; bi++) {
    const ids = idsOf(bi);
    const points = pointsOf(bi);
    if (ids.length > ps.length) {
      ps = new Int32Array(ids.length * 2);
      ws = new Float64Array(ids.length * 2);
    }
    let len = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as string;
      const p = index.get(id);
      if (p === undefined) throw new CountingError("unknown_project", `a ballot names unknown project ${JSON.stringify(id)}`);
      let w: number;
      if (voteType === "cumulative") {
        if (!points || points.length !== ids.length) throw new CountingError("points_missing", "a cumulative ballot needs one points value per project");
        w = checkPoints(points[k] as number);
      } else if (voteType === "ordinal") {
        if (points && points.length === ids.length) w = checkPoints(points[k] as number);
        else w = Math.max(0, maxLen - k);
      } else {
        w = 1;
      }
      if (stamp[p] === bi) {
        if (pointsBased) {
          const at = slot[p] as number;
          ws[at] = (ws[at] as number) + w;
        }
        continue;
      }
      stamp[p] = bi;
      slot[p] = len;
      ps[len] = p;
      ws[len] = w;
      len++;
    }
    // insertion sort by project index (ballots are short)
    for (let i = 1; i < len; i++) {
      const x = ps[i] as number, y = ws[i] as number;
      let j = i - 1;
      while (j >= 0 && (ps[j] as number) > x) {
        ps[j + 1] = ps[j] as number;
        ws[j + 1] = ws[j] as number;
        j--;
      }
      ps[j + 1] = x;
      ws[j + 1] = y;
    }
    let h1 = 0x811c9dc5 ^ len;
    let h2 = 0x2545f491;
    for (let i = 0; i < len; i++) {
      h1 = Math.imul(h1 ^ (ps[i] as number), 16777619);
      h2 = Math.imul(h2 ^ ((ps[i] as number) * 31 + (ws[i] as number)), 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    const h = (h1 ^ Math.imul(h2, 0x27d4eb2d)) & 0x3fffffff; // a small integer: a cheap Map key
    let g = byHash.get(h);
    while (g !== undefined && g >= 0) {
      const s0 = gStart[g] as number;
      let same = (gStart[g + 1] as number) - s0 === len;
      for (let i = 0; same && i < len; i++) same = gProj[s0 + i] === ps[i] && gW[s0 + i] === ws[i];
      if (same) break;
      g = sameHash[g] as number;
    }
    if (g !== undefined && g >= 0) multList[g] = (multList[g] as number) + 1;
    else {
      const ng = multList.length;
      multList.push(1);
      const first = byHash.get(h);
      sameHash.push(first ?? -1);
      byHash.set(h, ng);
      for (let i = 0; i < len; i++) {
        gProj.push(ps[i] as number);
        gW.push(ws[i] as number);
      }
      gStart.push(gProj.length);
    }
    for (let i = 0; i < len; i++) {
      const p = ps[i] as number;
      projectVoters[p] = (projectVoters[p] as number) + 1;
      score[p] = (score[p] as number) + (pointsBased ? (ws[i] as number) : 1);
    }
  }

  const nG = multList.length;
  const mult = Int32Array.from(multList);
  const ballotStart = Int32Array.from(gStart);
  const ballotProjects = Int32Array.from(gProj);
  const ballotWeights = Int32Array.from(gW);
  const suppStart = new Int32Array(nP + 1);
  for (let k = 0; k < ballotProjects.length; k++) {
    if ((ballotWeights[k] as number) > 0) {
      const p = ballotProjects[k] as number;
      suppStart[p + 1] = (suppStart[p + 1] as number) + 1;
    }
  }
  for (let p = 0; p < nP; p++) suppStart[p + 1] = (suppStart[p] as number) + (suppStart[p + 1] as number);
  const total = suppStart[nP] as number;
  const suppGroup = new Int32Array(total);
  const suppWeight = new Int32Array(total);
  const fill = suppStart.slice(0, nP);
  for (let g = 0; g < nG; g++) {
    for (let k = ballotStart[g] as number; k < (ballotStart[g + 1] as number); k++) {
      const w = ballotWeights[k] as number;
      if (w > 0) {
        const p = ballotProjects[k] as number;
        const at = fill[p] as number;
        suppGroup[at] = g;
        suppWeight[at] = w;
        fill[p] = at + 1;
      }
    }
  }
  return {
    voteType,
    projects,
    index,
    budget,
    voters: nBallots,
    groups: nG,
    mult,
    suppStart,
    suppGroup,
    suppWeight,
    score,
    projectVoters,
    ballotStart,
    ballotProjects,
    ballotWeights,
  };
}

/** Counting input from a parsed Pabulib file. Projects with the 999999999 cost sentinel are marked withdrawn. */
export function electionFromPabulib(e: PbElection): ElectionInput {
  const { projects, ...rest } = electionHeader(e);
  return {
    ...rest,
    projects,
    ballots: e.votes.map((v) => (v.points ? { projects: v.vote, points: v.points } : { projects: v.vote })),
  };
}

function electionHeader(e: PbElection): Omit<ElectionInput, "ballots"> {
  const vt = e.meta["vote_type"];
  if (!isVoteType(vt)) {
    throw new CountingError("unsupported_vote_type", `vote_type ${JSON.stringify(vt ?? "")} is not one of ${VOTE_TYPES.join(", ")}`);
  }
  const input: Omit<ElectionInput, "ballots"> = {
    voteType: vt,
    budget: pbBudget(e),
    projects: e.projects.map((p) => {
      const cp: CountProject = { id: p.id, cost: p.cost };
      if (p.name !== undefined) cp.name = p.name;
      if (isWithdrawnCost(p.cost)) cp.withdrawn = true;
      return cp;
    }),
  };
  const maxLen = pbMetaInt(e, "max_length");
  if (vt === "ordinal" && maxLen !== undefined) input.ordinalMaxLength = maxLen;
  return input;
}

export function profileFromPabulib(e: PbElection): Profile {
  const votes = e.votes;
  return buildProfileFrom(electionHeader(e), votes.length, (i) => (votes[i] as PbVote).vote, (i) => (votes[i] as PbVote).points);
}

export interface ProjectScore {
  id: string;
  /** number of voters who listed the project */
  voters: number;
  /** ranking score: voters (approval, choose-1) or total points (cumulative, ordinal) */
  score: number;
}

/** Scores computed from the ballots (not from the file's `votes` / `score` columns). */
export function computeScores(profile: Profile): ProjectScore[] {
  return profile.projects.map((p, i) => ({
    id: p.id,
    voters: profile.projectVoters[i] as number,
    score: profile.score[i] as number,
  }));
}

// ---------------------------------------------------------------------------------------------
// Ballot validation (for casting ballots on the platform and for auditing imported files)
// ---------------------------------------------------------------------------------------------

export interface BallotSpec {
  voteType: VoteType;
  /** minimum / maximum number of projects on a ballot (approval ticks, ranking length) */
  minLength?: number;
  maxLength?: number;
  /** cumulative: bounds on the sum of points */
  minSumPoints?: number;
  maxSumPoints?: number;
  /** cumulative: bounds on the points given to one project */
  minPoints?: number;
  maxPoints?: number;
}

export type BallotRefusal =
  | "unknown_project"
  | "duplicate_project"
  | "too_few_projects"
  | "too_many_projects"
  | "choose_exactly_one"
  | "points_missing"
  | "points_not_whole"
  | "too_few_points_for_project"
  | "too_many_points_for_project"
  | "too_few_points"
  | "too_many_points";

export type BallotCheck = { ok: true } | { ok: false; reason: BallotRefusal };

/** Checks one ballot against the rules of its vote type. Returns a reason code, never throws. */
export function validateBallot(b: Ballot, spec: BallotSpec, projectIds: ReadonlySet<string> | ReadonlyMap<string, unknown>): BallotCheck {
  const ids = b.projects;
  const seen = new Set<string>();
  for (const id of ids) {
    if (!projectIds.has(id)) return { ok: false, reason: "unknown_project" };
    if (seen.has(id)) return { ok: false, reason: "duplicate_project" };
    seen.add(id);
  }
  if (spec.voteType === "choose-1" && ids.length !== 1) return { ok: false, reason: "choose_exactly_one" };
  if (spec.minLength !== undefined && ids.length < spec.minLength) return { ok: false, reason: "too_few_projects" };
  if (spec.maxLength !== undefined && ids.length > spec.maxLength) return { ok: false, reason: "too_many_projects" };
  if (spec.voteType === "cumulative") {
    if (!b.points || b.points.length !== ids.length) return { ok: false, reason: "points_missing" };
    let sum = 0;
    for (const x of b.points) {
      if (!Number.isSafeInteger(x) || x < 0) return { ok: false, reason: "points_not_whole" };
      if (spec.minPoints !== undefined && x < spec.minPoints) return { ok: false, reason: "too_few_points_for_project" };
      if (spec.maxPoints !== undefined && x > spec.maxPoints) return { ok: false, reason: "too_many_points_for_project" };
      sum += x;
    }
    if (spec.minSumPoints !== undefined && sum < spec.minSumPoints) return { ok: false, reason: "too_few_points" };
    if (spec.maxSumPoints !== undefined && sum > spec.maxSumPoints) return { ok: false, reason: "too_many_points" };
  }
  return { ok: true };
}

/** The ballot rules stated in a Pabulib META section. */
export function ballotSpecFromPabulib(e: PbElection): BallotSpec {
  const vt = e.meta["vote_type"];
  if (!isVoteType(vt)) throw new CountingError("unsupported_vote_type", `vote_type ${JSON.stringify(vt ?? "")} is not supported`);
  const spec: BallotSpec = { voteType: vt };
  const keys: Array<[keyof BallotSpec, string]> = [
    ["minLength", "min_length"],
    ["maxLength", "max_length"],
    ["minSumPoints", "min_sum_points"],
    ["maxSumPoints", "max_sum_points"],
    ["minPoints", "min_points"],
    ["maxPoints", "max_points"],
  ];
  for (const [field, key] of keys) {
    const v = pbMetaInt(e, key);
    if (v !== undefined) (spec as unknown as Record<string, number>)[field] = v;
  }
  return spec;
}
