/** Moves the demo edition's phase windows so that `phase` is current (for tests of phase-bound pages). */
import Database from "better-sqlite3";
import { demoPhases } from "../../app/cli/seed";
import type { Phase } from "../../app/domain/rules";

export function setDemoPhase(dbPath: string, phase: Phase, now = new Date()): void {
  const db = new Database(dbPath);
  try {
    const update = db.prepare("update edition_phases set starts_at = ?, ends_at = ? where edition_id = 'ed_2026' and phase = ?");
    db.transaction(() => {
      for (const w of demoPhases(now, phase)) update.run(w.startsAt, w.endsAt, w.phase);
    })();
  } finally {
    db.close();
  }
}
