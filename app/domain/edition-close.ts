/**
 * The end of an edition: when it may be archived, where each pool's unspent money goes in the next
 * edition, and what the home page shows between editions. Pure: facts and `now` are parameters.
 */
import type { PhaseWindow } from "./phases";

export type EditionStatus = "draft" | "active" | "archived";

export type ArchiveRefusal = "edition_missing" | "already_archived" | "not_active" | "results_not_published";

export interface ArchiveFacts {
  status: EditionStatus;
  /** Pools of the edition, and how many of them have published results. */
  pools: number;
  publishedPools: number;
  phases: readonly PhaseWindow[];
}

/** Whether every pool of the edition has published results (an edition without pools has none). */
export function allResultsPublished(f: Pick<ArchiveFacts, "pools" | "publishedPools">): boolean {
  return f.pools > 0 && f.publishedPools >= f.pools;
}

/** Whether the edition's calendar has reached its results phase. */
export function resultsPhaseReached(phases: readonly PhaseWindow[], now: Date): boolean {
  const results = phases.find((w) => w.phase === "results");
  return !!results && now.getTime() >= Date.parse(results.startsAt);
}

/**
 * An active edition may be archived once every pool's results are published, or once its calendar
 * has reached the results phase (what was not published by then stays unpublished).
 */
export function checkArchive(f: ArchiveFacts | null, now: Date): { ok: true } | { ok: false; reason: ArchiveRefusal } {
  if (!f) return { ok: false, reason: "edition_missing" };
  if (f.status === "archived") return { ok: false, reason: "already_archived" };
  if (f.status !== "active") return { ok: false, reason: "not_active" };
  if (!allResultsPublished(f) && !resultsPhaseReached(f.phases, now)) return { ok: false, reason: "results_not_published" };
  return { ok: true };
}

export interface CarrySourcePool {
  id: string;
  programme: string;
  kind: string;
  districtId: string | null;
  budgetGrosze: number;
  spentGrosze: number;
}

export interface CarryTargetPool {
  id: string;
  programme: string;
  kind: string;
  districtId: string | null;
}

export interface CarryLine {
  fromPoolId: string;
  programme: string;
  kind: string;
  districtId: string | null;
  leftoverGrosze: number;
  /** The matching pool of the next edition, or null when it has none. */
  toPoolId: string | null;
}

/**
 * Each pool with money left goes to the pool of the next edition with the same programme kind,
 * pool kind and district; pools that spent everything carry nothing and are left out.
 */
export function planCarryOver(source: readonly CarrySourcePool[], targets: readonly CarryTargetPool[]): CarryLine[] {
  return source.flatMap((s) => {
    const left = s.budgetGrosze - s.spentGrosze;
    if (left <= 0) return [];
    const target = targets.find((x) => x.programme === s.programme && x.kind === s.kind && x.districtId === s.districtId);
    return [{ fromPoolId: s.id, programme: s.programme, kind: s.kind, districtId: s.districtId, leftoverGrosze: left, toPoolId: target?.id ?? null }];
  });
}

export interface EditionOnHome {
  id: string;
  year: number;
  status: EditionStatus;
  phases: readonly PhaseWindow[];
}

export type HomeState =
  | { kind: "current"; editionId: string }
  | { kind: "upcoming"; year: number; startsAt: string; lastArchivedYear: number | null }
  | { kind: "between"; lastArchivedYear: number }
  | { kind: "not_set_up" };

/** The first moment of an edition's calendar, or null when it has no phases yet. */
export function editionStart(phases: readonly PhaseWindow[]): string | null {
  const starts = phases.map((w) => w.startsAt).sort();
  return starts[0] ?? null;
}

/**
 * What the home page shows: the current (newest active) edition; else the next draft edition that
 * has a calendar ("starts on …"); else, after an archived edition, a pointer to its results; else
 * the platform is not set up yet.
 */
export function homeState(editions: readonly EditionOnHome[]): HomeState {
  const newestFirst = [...editions].sort((a, b) => b.year - a.year);
  const current = newestFirst.find((e) => e.status === "active");
  if (current) return { kind: "current", editionId: current.id };
  const lastArchived = newestFirst.find((e) => e.status === "archived")?.year ?? null;
  const upcoming = [...newestFirst]
    .reverse()
    .filter((e) => e.status === "draft" && (lastArchived === null || e.year > lastArchived))
    .map((e) => ({ year: e.year, startsAt: editionStart(e.phases) }))
    .find((e) => e.startsAt !== null);
  if (upcoming?.startsAt) return { kind: "upcoming", year: upcoming.year, startsAt: upcoming.startsAt, lastArchivedYear: lastArchived };
  if (lastArchived !== null) return { kind: "between", lastArchivedYear: lastArchived };
  return { kind: "not_set_up" };
}
