/**
 * The ballot rule: what a voter may tick on one ballot.
 * A ballot names one district (not necessarily the voter's own; null = none chosen) and, per pool,
 * either a list of ticked project ids (approval, knapsack, choose-one) or a number per project:
 * points (points) or the rank, 1 = first (ranked). Stored lines carry points; a rank becomes
 * its rule's points (strictly decreasing, so the order can be read back).
 * The catalogue lists the pools offered on this ballot with their rule, budget and projects.
 */
import { z } from "zod";
import type { BallotRule, PoolKind } from "../rules";
import { ballotType, type BallotReason } from "./ballot-types";

export type BallotSelection = readonly string[] | Readonly<Record<string, number>>;
export type BallotInput = {
  districtId: string | null;
  selections: Readonly<Record<string, BallotSelection>>;
};

export type CatalogueProject = {
  id: string;
  costGrosze: number;
  /** Overrides the pool's district for this project, if set. */
  districtId?: string | null;
};
export type CataloguePool = {
  poolId: string;
  kind: PoolKind;
  ballotRule: BallotRule;
  budgetGrosze: number;
  /** The district a district pool belongs to; unset = the ballot's chosen district. */
  districtId?: string | null;
  projects: readonly CatalogueProject[];
};

export const CHANNELS = ["online", "assisted", "paper"] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

const ID = z.string().min(1).max(100);
/** For ballots arriving as JSON (API, imports). Form posts are usually shaped by the route first. */
export const BallotInputSchema = z.object({
  districtId: ID.nullable(),
  selections: z.record(ID, z.union([z.array(ID).max(500), z.record(ID, z.number())])),
});

export type { BallotReason };

/** Reasons a paper ballot's category is void (the voter's doing); the other categories still count. */
export const PAPER_CATEGORY_REASONS: ReadonlySet<BallotReason> = new Set<BallotReason>([
  "ballot_district_required",
  "ballot_points_not_positive",
  "ballot_points_not_integer",
  "ballot_points_over_per_project",
  "ballot_points_over_total",
  "ballot_too_many_ticks",
  "ballot_too_few_ticks",
  "ballot_over_budget",
  "ballot_rank_invalid",
  "ballot_rank_duplicate",
]);

export type BallotError = { poolId: string | null; reason: BallotReason; projectId?: string };
/** One ticked project; `points` is 1 for approval and knapsack pools. */
export type BallotLine = { poolId: string; projectId: string; points: number };
export type NormalisedBallot = { districtId: string | null; lines: BallotLine[] };

export type BallotOptions = {
  /** Accept a ballot with nothing ticked in any pool (default false: refused with ballot_empty). */
  allowEmpty?: boolean;
  /** If given, the chosen district must be one of these. */
  districtIds?: readonly string[];
};

export type BallotResult = { ok: true; normalised: NormalisedBallot } | { ok: false; errors: BallotError[] };

const DISTRICT_KINDS: ReadonlySet<PoolKind> = new Set<PoolKind>(["district_large", "district_small"]);

export function isDistrictPool(kind: PoolKind): boolean {
  return DISTRICT_KINDS.has(kind);
}

type PoolCheck = { pool: CataloguePool; errors: BallotError[]; lines: BallotLine[]; ticks: number };

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Reads one pool's selection into (projectId → points), recording shape and per-project errors. */
function readSelection(pool: CataloguePool, selection: unknown, err: (reason: BallotReason, projectId?: string) => void) {
  const chosen = new Map<string, number>();
  const projects = new Map(pool.projects.map((p) => [p.id, p]));
  const malformed = () => {
    err("ballot_malformed");
    return null;
  };
  const type = ballotType(pool.ballotRule);
  if (type.input === "numbers") {
    if (!isPlainRecord(selection)) return malformed();
    for (const projectId of Object.keys(selection)) {
      const value = selection[projectId];
      if (typeof value !== "number") return malformed();
      if (value === 0) continue; // an untouched field: no points, no rank
      if (!projects.has(projectId)) err("ballot_unknown_project", projectId);
      const bad = type.checkValue(pool.ballotRule, value);
      if (bad) err(bad, projectId);
      chosen.set(projectId, value);
    }
  } else {
    if (!Array.isArray(selection) || !selection.every((id) => typeof id === "string")) return malformed();
    for (const projectId of selection as string[]) {
      if (chosen.has(projectId)) {
        err("ballot_duplicate_project", projectId);
        continue;
      }
      if (!projects.has(projectId)) err("ballot_unknown_project", projectId);
      chosen.set(projectId, 1);
    }
  }
  return { chosen, projects };
}

function checkPool(pool: CataloguePool, selection: unknown, districtId: string | null): PoolCheck {
  const errors: BallotError[] = [];
  const err = (reason: BallotReason, projectId?: string) =>
    errors.push(projectId === undefined ? { poolId: pool.poolId, reason } : { poolId: pool.poolId, reason, projectId });
  const read = selection === undefined ? { chosen: new Map<string, number>(), projects: new Map() } : readSelection(pool, selection, err);
  if (!read) return { pool, errors, lines: [], ticks: 0 };
  const { chosen, projects } = read;
  const ticks = chosen.size;

  if (ticks > 0 && isDistrictPool(pool.kind)) {
    if (districtId === null) err("ballot_district_required");
    else {
      for (const projectId of chosen.keys()) {
        const p: CatalogueProject | undefined = projects.get(projectId);
        const d = p?.districtId ?? pool.districtId;
        if (p && d != null && d !== districtId) err("ballot_project_other_district", projectId);
      }
    }
  }

  const rule = pool.ballotRule;
  const type = ballotType(rule);
  const facts = { budgetGrosze: pool.budgetGrosze, cost: (id: string) => (projects.get(id) as CatalogueProject | undefined)?.costGrosze };
  for (const issue of type.checkPool(rule, chosen, facts)) err(issue.reason, issue.projectId);

  // Lines in catalogue order, so the stored ballot does not depend on the order of ticking.
  // A rank is stored as its points (rank 1 → the most).
  const lines = pool.projects
    .filter((p) => chosen.has(p.id))
    .map((p) => ({ poolId: pool.poolId, projectId: p.id, points: type.linePoints(rule, chosen.get(p.id) ?? 1) }));
  return { pool, errors, lines, ticks };
}

type Checked = { ballotErrors: BallotError[]; pools: PoolCheck[]; ticks: number };

function checkBallot(ballot: BallotInput, catalogue: readonly CataloguePool[], options: BallotOptions): Checked {
  const ballotErrors: BallotError[] = [];
  const districtId = ballot.districtId;
  if (districtId !== null && options.districtIds && !options.districtIds.includes(districtId)) {
    ballotErrors.push({ poolId: null, reason: "ballot_unknown_district" });
  }
  const known = new Set(catalogue.map((p) => p.poolId));
  for (const poolId of Object.keys(ballot.selections)) {
    if (!known.has(poolId)) ballotErrors.push({ poolId, reason: "ballot_unknown_pool" });
  }
  const pools = catalogue.map((pool) =>
    checkPool(pool, own(ballot.selections, pool.poolId) ? ballot.selections[pool.poolId] : undefined, districtId),
  );
  return { ballotErrors, pools, ticks: pools.reduce((n, p) => n + p.ticks, 0) };
}

/** Checks a ballot cast online or at an assisted point: any error refuses the whole ballot. */
export function validateBallot(
  ballot: BallotInput,
  catalogue: readonly CataloguePool[],
  options: BallotOptions = {},
): BallotResult {
  const { ballotErrors, pools, ticks } = checkBallot(ballot, catalogue, options);
  const errors = [...ballotErrors, ...pools.flatMap((p) => p.errors)];
  if (ticks === 0 && !options.allowEmpty) {
    errors.push({ poolId: null, reason: "ballot_empty" });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, normalised: { districtId: ballot.districtId, lines: pools.flatMap((p) => p.lines) } };
}

export type PaperPoolVerdict = { valid: true; ticks: number } | { valid: false; reason: BallotReason };

export type PaperBallotResult =
  | {
      ok: true;
      /** One verdict per catalogue pool. */
      pools: Record<string, PaperPoolVerdict>;
      /** Lines of the valid pools only. */
      normalised: NormalisedBallot;
      /** Nothing ticked anywhere (a blank ballot still counts as cast). */
      blank: boolean;
    }
  | { ok: false; errors: BallotError[] };

/**
 * Checks a paper ballot as entered by an official. A category the voter filled in wrongly
 * (too many ticks, over budget, points over the limits, district pool without a district) is
 * void on its own; the other categories count. Data-entry errors (unknown pool or project,
 * duplicate, malformed, project of another district, unknown district) refuse the entry instead.
 */
export function validatePaperBallot(
  ballot: BallotInput,
  catalogue: readonly CataloguePool[],
  options: Pick<BallotOptions, "districtIds"> = {},
): PaperBallotResult {
  const { ballotErrors, pools, ticks } = checkBallot(ballot, catalogue, options);
  const entryErrors = [
    ...ballotErrors,
    ...pools.flatMap((p) => p.errors.filter((e) => !PAPER_CATEGORY_REASONS.has(e.reason))),
  ];
  if (entryErrors.length > 0) return { ok: false, errors: entryErrors };
  const verdicts: Record<string, PaperPoolVerdict> = {};
  const lines: BallotLine[] = [];
  for (const p of pools) {
    const first = p.errors[0];
    if (first) verdicts[p.pool.poolId] = { valid: false, reason: first.reason };
    else {
      verdicts[p.pool.poolId] = { valid: true, ticks: p.ticks };
      lines.push(...p.lines);
    }
  }
  return { ok: true, pools: verdicts, normalised: { districtId: ballot.districtId, lines }, blank: ticks === 0 };
}

export { remainingTicks } from "./ticks";

/** Grosze left in a knapsack pool after the ticked projects; negative when over budget. Unknown ids cost 0. */
export function remainingBudget(pool: CataloguePool, ticked: readonly string[]): number {
  const cost = new Map(pool.projects.map((p) => [p.id, p.costGrosze]));
  let spent = 0;
  for (const id of new Set(ticked)) spent += cost.get(id) ?? 0;
  return pool.budgetGrosze - spent;
}
