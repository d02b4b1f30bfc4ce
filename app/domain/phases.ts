/**
 * The phase an edition is in, computed from its phase dates. Pure: `now` is a parameter.
 */
import { PHASES, type Phase } from "./phase-list";

export interface PhaseWindow {
  phase: Phase;
  startsAt: string; // ISO-8601 UTC
  endsAt: string; // ISO-8601 UTC, exclusive
}

export type EditionMoment =
  | { kind: "before"; next: PhaseWindow }
  | { kind: "in"; current: PhaseWindow; next: PhaseWindow | null }
  | { kind: "between"; previous: PhaseWindow; next: PhaseWindow }
  | { kind: "after"; last: PhaseWindow }
  | { kind: "unscheduled" };

/** Phases in the order of the edition, whatever order they were stored in. */
export function orderPhases(windows: readonly PhaseWindow[]): PhaseWindow[] {
  return [...windows].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
}

export function editionMoment(windows: readonly PhaseWindow[], now: Date): EditionMoment {
  const ordered = orderPhases(windows);
  if (ordered.length === 0) return { kind: "unscheduled" };
  const t = now.getTime();
  for (let i = 0; i < ordered.length; i++) {
    const w = ordered[i]!;
    const start = Date.parse(w.startsAt);
    const end = Date.parse(w.endsAt);
    if (t < start) {
      const prev = ordered[i - 1];
      return prev ? { kind: "between", previous: prev, next: w } : { kind: "before", next: w };
    }
    if (t < end) return { kind: "in", current: w, next: ordered[i + 1] ?? null };
  }
  return { kind: "after", last: ordered[ordered.length - 1]! };
}

/** The current phase, or null outside every phase window. */
export function currentPhase(windows: readonly PhaseWindow[], now: Date): Phase | null {
  const m = editionMoment(windows, now);
  return m.kind === "in" ? m.current.phase : null;
}

/** Whether `phase` has ended (used to decide e.g. whether the final list is public). */
export function phaseHasEnded(windows: readonly PhaseWindow[], phase: Phase, now: Date): boolean {
  const w = windows.find((x) => x.phase === phase);
  return w ? now.getTime() >= Date.parse(w.endsAt) : false;
}

export type TimelineState = "done" | "current" | "upcoming";

export function timeline(windows: readonly PhaseWindow[], now: Date): (PhaseWindow & { state: TimelineState })[] {
  const t = now.getTime();
  return orderPhases(windows).map((w) => ({
    ...w,
    state: t >= Date.parse(w.endsAt) ? "done" : t >= Date.parse(w.startsAt) ? "current" : "upcoming",
  }));
}
