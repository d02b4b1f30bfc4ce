/**
 * When the author of a rejected proposal may appeal, as the rejection e-mail states it: the
 * edition's appeals phase, its last minute (phases end exclusively, so a phase ending at midnight
 * is stated as 23:59 of the day before). Nothing when the edition has no appeals phase or it is over.
 */
import type { PhaseWindow } from "./phases";

export interface AppealWindow {
  /** When appeals open (ISO UTC). */
  opensAt: string;
  /** The last minute an appeal is accepted (ISO UTC). */
  lastMinute: string;
  /** Whether appeals are open already. */
  open: boolean;
}

export function appealWindow(windows: readonly PhaseWindow[], now: Date): AppealWindow | null {
  const w = windows.find((x) => x.phase === "appeals");
  if (!w) return null;
  const ends = new Date(w.endsAt).getTime();
  if (Number.isNaN(ends) || ends <= now.getTime()) return null;
  return { opensAt: w.startsAt, lastMinute: new Date(ends - 60_000).toISOString(), open: new Date(w.startsAt).getTime() <= now.getTime() };
}
