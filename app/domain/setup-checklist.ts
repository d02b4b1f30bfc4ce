/**
 * The administrator's set-up checklist for an edition, computed from plain facts (counts read by
 * app/data/setup-checklist.server.ts): each step is done or not, in the order the work is done, with
 * the pages where it is done. Pure.
 */
import { BallotRuleSchema, PHASES, SelectionRuleSchema } from "./rules";
import type { PhaseWindow } from "./phases";

export interface SetupFacts {
  edition: { id: string; year: number; status: "draft" | "active" | "archived" } | null;
  /** Districts the edition's pools reference. */
  districts: number;
  pools: number;
  /** Pools with a budget above zero. */
  poolsWithMoney: number;
  programmes: number;
  /** Programmes that have no pool yet. */
  programmesWithoutPools: number;
  /** The stored rules of every pool (JSON text), checked here. */
  poolRules: readonly { ballotRule: string; selectionRule: string }[];
  phases: readonly PhaseWindow[];
  activeVotingPoints: number;
  /** Voters in the register, and register imports recorded. */
  voters: number;
  registerImports: number;
  officials: number;
  youthModerators: number;
  /** Whether a programme of the edition is moderated by the youth council. */
  needsYouthCouncil: boolean;
  /** Whether the edition has its ballot-box key (the counting commission's, issue #15). */
  commissionKey: boolean;
}

export const SETUP_STEPS = ["edition", "districts", "programmes", "phases", "commission", "voting_points", "register", "staff"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupItem {
  step: SetupStep;
  done: boolean;
  /** Where the step is done: a key naming the page and its address. Empty when an edition must be created first. */
  links: { page: string; href: string }[];
}

export type PhasePlanProblem = "missing_phase" | "duplicate_phase" | "ends_before_start" | "overlap";

/** Whether the calendar has every phase once, each ending after it starts and none before the previous ends. */
export function checkPhasePlan(phases: readonly PhaseWindow[]): { ok: true } | { ok: false; reason: PhasePlanProblem } {
  for (const p of PHASES) {
    const n = phases.filter((w) => w.phase === p).length;
    if (n === 0) return { ok: false, reason: "missing_phase" };
    if (n > 1) return { ok: false, reason: "duplicate_phase" };
  }
  const ordered = PHASES.map((p) => phases.find((w) => w.phase === p)!);
  for (let i = 0; i < ordered.length; i++) {
    const w = ordered[i]!;
    const start = Date.parse(w.startsAt);
    const end = Date.parse(w.endsAt);
    if (!(start < end)) return { ok: false, reason: "ends_before_start" };
    const prev = ordered[i - 1];
    if (prev && start < Date.parse(prev.endsAt)) return { ok: false, reason: "overlap" };
  }
  return { ok: true };
}

function parses(json: string, schema: typeof BallotRuleSchema | typeof SelectionRuleSchema): boolean {
  try {
    return schema.safeParse(JSON.parse(json)).success;
  } catch {
    return false;
  }
}

export function setupChecklist(f: SetupFacts): SetupItem[] {
  const e = f.edition;
  const at = (path: string) => (e ? `/admin/editions/${encodeURIComponent(e.id)}${path}` : null);
  const links = (...l: [string, string | null][]) => l.flatMap(([page, href]) => (href ? [{ page, href }] : []));
  const rulesValid = f.poolRules.length > 0 && f.poolRules.every((r) => parses(r.ballotRule, BallotRuleSchema) && parses(r.selectionRule, SelectionRuleSchema));
  const done: Record<SetupStep, boolean> = {
    edition: e !== null,
    districts: e !== null && f.districts > 0 && f.pools > 0 && f.poolsWithMoney === f.pools,
    programmes: e !== null && f.programmes > 0 && f.programmesWithoutPools === 0 && rulesValid,
    phases: e !== null && checkPhasePlan(f.phases).ok,
    commission: e !== null && f.commissionKey,
    voting_points: f.activeVotingPoints > 0,
    register: f.voters > 0 || f.registerImports > 0,
    staff: f.officials > 0 && (!f.needsYouthCouncil || f.youthModerators > 0),
  };
  const hrefs: Record<SetupStep, { page: string; href: string }[]> = {
    edition: links(["editions", "/admin/editions"]),
    districts: links(["districts", at("/districts")]),
    programmes: links(["programmes", at("/programmes")], ["pools", at("/pools")]),
    phases: links(["phases", at("/phases")]),
    commission: links(["commission", at("/commission")]),
    // both pages serve every edition: open them on the one being set up
    voting_points: links(["voting_points", e ? `/admin/voting-points?edition=${encodeURIComponent(e.id)}` : "/admin/voting-points"]),
    register: links(["register", e ? `/official/register?edition=${encodeURIComponent(e.id)}` : "/official/register"]),
    staff: links(["users", "/admin/users"]),
  };
  return SETUP_STEPS.map((step) => ({ step, done: done[step], links: hrefs[step] }));
}
