/**
 * Shared by the proposal-workflow integration tests: instants inside each phase of the demo edition
 * seeded at T0 (see demoPhases in db/seed.ts: submission from T0-3 d for 35 days, verification 60,
 * appeals 14, final list 21, then voting), a clock that keeps decisions in time order, and the demo
 * accounts as actors.
 */
import type { Actor } from "../../app/domain/permissions";

const DAY = 86_400_000;
export const T0 = new Date("2026-03-10T10:00:00Z");
export const at = (days: number) => new Date(T0.getTime() + days * DAY);
export const SUBMISSION = at(0);
export const VERIFICATION = at(40);
export const APPEALS = at(95);
export const FINAL_LIST = at(110);
export const VOTING = at(130);
export const ORIGIN = "https://bo.example";

/** Each call is a second after the previous one, so decisions are listed in the order they were made. */
export function stepClock() {
  let clock = 0;
  return (d: Date) => new Date(d.getTime() + ++clock * 1000);
}

export const author: Actor = { id: "usr_demo_resident", roles: [] };
export const neighbour: Actor = { id: "usr_demo_resident2", roles: [] };
export const official: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
export const council: Actor = { id: "usr_demo_youth", roles: [{ role: "youth_moderator", scope: "youth" }] };
export const admin: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };
export const supporters = (n: number): Actor[] => Array.from({ length: n }, (_, i): Actor => ({ id: `usr_demo_supporter_${String(i + 1).padStart(2, "0")}`, roles: [] }));
