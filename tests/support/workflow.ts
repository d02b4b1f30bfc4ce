/**
 * Shared by the proposal-workflow integration tests: instants inside each phase of the demo edition
 * seeded at T0 (see demoPhases in app/cli/seed.ts: submission from T0-3 d for 35 days, verification 60,
 * appeals 14, final list 21, then voting), a clock that keeps decisions in time order, and the demo
 * accounts as actors.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Actor } from "../../app/domain/permissions";
import { proposalInputSchema, type ProposalInput } from "../../app/domain/workflow/inputs";

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

/**
 * A valid draft of the demo's usual example (benches by the Orłowo pier, small pool), parsed with the
 * real form schema over the database's pools; `patch` overrides any field.
 */
export async function benchesDraft(db: Kysely<Database>, patch: Record<string, unknown> = {}): Promise<ProposalInput> {
  const pools = await db.selectFrom("pools").select(["id", "budget_grosze", "max_project_cost_grosze"]).execute();
  const schema = proposalInputSchema(pools.map((p) => ({ id: p.id, budgetGrosze: Number(p.budget_grosze), maxProjectCostGrosze: p.max_project_cost_grosze === null ? null : Number(p.max_project_cost_grosze) })));
  return schema.parse({
    intent: "draft",
    title: "Ławki nad morzem w Orłowie",
    summary: "Pięć nowych ławek przy molo w Orłowie.",
    description: "Przy molo brakuje miejsc do odpoczynku. Proponujemy pięć ławek z oparciami i podłokietnikami.",
    poolId: "pool_2026_orlowo_small",
    category: "green",
    location: "Molo w Orłowie",
    beneficiaries: "Spacerowicze i seniorzy",
    costItems: [{ label: "Ławki", amount: "12 000" }],
    ...patch,
  });
}
