/**
 * Demo data: Gdynia's 21 districts, the current edition (BO 2026 amounts) with its city pool,
 * district pools, youth and children-and-youth programmes and proposals written for the demo, and an
 * archived edition built from the real Gdynia 2025 city-wide vote (Pabulib). Idempotent: fixed ids
 * and "insert or ignore", so running it twice changes nothing.
 *
 *   npm run db:seed                  # migrate + seed (phase from SEED_PHASE, default voting)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import type { Insertable, Kysely } from "kysely";
import type { Database, PoolsTable } from "../../db/schema";
import { DISTRICTS } from "./seed-data/districts";
import { PROPOSALS, type SeedProposal } from "./seed-data/proposals";
import { allocateDistricts } from "../domain/allocation";
import { zlToGrosze } from "../domain/money";
import { searchText } from "../domain/proposals";
import { PHASES, PhaseSchema, type BallotRule, type Phase, type SelectionRule } from "../domain/rules";
import { importPabulibArchive } from "../data/archive-import.server";
import { hashPassword } from "../auth/crypto.server";
import { seedVoting } from "./seed-voting";

type Db = Kysely<Database>;

export const DEMO_YEAR = 2026;
/** BO 2026 as published by the city. */
export const BO_2026 = {
  totalZl: 13_549_266,
  cityZl: 2_500_000,
  cityCapZl: 1_250_000,
  districtBaseZl: 125_000,
  smallCapZl: 20_000,
};
const PHASE_DAYS: Record<Phase, number> = {
  submission: 35,
  verification: 60,
  appeals: 14,
  final_list: 21,
  voting: 14,
  counting: 10,
  results: 200,
};

const DAY = 86_400_000;
const APPROVAL_3: BallotRule = { kind: "approval", minTicks: 0, maxTicks: 3 };
const gdyniaRule = (minScore = 0): SelectionRule => ({ method: "greedy-no-skip", minScore, tieBreak: "lower-cost" });

/** Phase windows placed so that `now` falls a few days into `current`. */
export function demoPhases(now: Date, current: Phase): { phase: Phase; startsAt: string; endsAt: string }[] {
  const idx = PHASES.indexOf(current);
  // start of the current phase: 3 days ago (at midnight UTC), earlier phases before it
  const currentStart = Math.floor((now.getTime() - 3 * DAY) / DAY) * DAY;
  let start = currentStart;
  for (let i = idx - 1; i >= 0; i--) start -= PHASE_DAYS[PHASES[i]!] * DAY;
  return PHASES.map((phase) => {
    const s = start;
    start += PHASE_DAYS[phase] * DAY;
    return { phase, startsAt: new Date(s).toISOString(), endsAt: new Date(start).toISOString() };
  });
}

const districtId = (slug: string) => `dst_${slug}`;

/** Scales cost items down so they total at most `capZl` (unchanged when they already fit). */
export function fitCostItems(items: readonly { label: string; amountZl: number }[], capZl: number): { label: string; amountZl: number }[] {
  const total = items.reduce((s, i) => s + i.amountZl, 0);
  if (total <= capZl) return [...items];
  const scaled = items.map((i) => ({ label: i.label, amountZl: Math.max(100, Math.floor((i.amountZl * capZl) / total / 100) * 100) }));
  let over = scaled.reduce((s, i) => s + i.amountZl, 0) - capZl;
  for (let k = scaled.length - 1; k >= 0 && over > 0; k--) {
    const cut = Math.min(over, scaled[k]!.amountZl - 100);
    scaled[k]!.amountZl -= cut;
    over -= cut;
  }
  return scaled;
}

async function seedDistricts(db: Db) {
  await db
    .insertInto("districts")
    .values(
      DISTRICTS.map((d, i) => ({
        id: districtId(d.slug),
        slug: d.slug,
        name: d.name,
        population: d.population,
        area_ha: Math.round(d.areaKm2 * 100),
        position: i,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

function proposalNumber(p: SeedProposal, seq: number): string {
  const pos = p.district ? DISTRICTS.findIndex((d) => d.slug === p.district) + 1 : 0;
  const where = p.district ? `D${String(pos).padStart(2, "0")}` : p.pool === "city" ? "M" : p.pool === "youth" ? "MBO" : "DM";
  const kind = p.pool === "district_large" ? "/L" : p.pool === "district_small" ? "/S" : "";
  return `${DEMO_YEAR}/${where}${kind}/${seq}`;
}

async function seedCurrentEdition(db: Db, now: Date, phase: Phase) {
  const ed = `ed_${DEMO_YEAR}`;
  const created = now.toISOString();
  await db
    .insertInto("editions")
    .values({ id: ed, year: DEMO_YEAR, status: "active", source: null, created_at: created })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto("edition_phases")
    .values(demoPhases(now, phase).map((w) => ({ edition_id: ed, phase: w.phase, starts_at: w.startsAt, ends_at: w.endsAt })))
    .onConflict((oc) => oc.doNothing())
    .execute();

  const programmes = [
    { id: `${ed}_bo`, kind: "bo" as const, moderation: "officials" as const, min_age: null, max_age: null, guardian_below_age: 13 },
    { id: `${ed}_youth`, kind: "youth" as const, moderation: "youth_council" as const, min_age: 13, max_age: 19, guardian_below_age: null },
    { id: `${ed}_children`, kind: "children" as const, moderation: "officials" as const, min_age: 6, max_age: 15, guardian_below_age: 13 },
  ];
  await db
    .insertInto("programmes")
    .values(programmes.map((p, i) => ({ ...p, edition_id: ed, supports_required: p.kind === "bo" ? 15 : 0, position: i })))
    .onConflict((oc) => oc.doNothing())
    .execute();

  const districtsTotal = zlToGrosze(BO_2026.totalZl - BO_2026.cityZl);
  const allocation = allocateDistricts(
    districtsTotal,
    DISTRICTS.map((d) => ({ id: districtId(d.slug), population: d.population, areaHa: Math.round(d.areaKm2 * 100) })),
    { baseGrosze: zlToGrosze(BO_2026.districtBaseZl), populationWeightPermille: 700, smallSharePermille: 100 },
  );
  const pools: Insertable<PoolsTable>[] = [
    {
      id: `pool_${DEMO_YEAR}_city`,
      programme_id: `${ed}_bo`,
      district_id: null,
      kind: "city",
      budget_grosze: zlToGrosze(BO_2026.cityZl),
      max_project_cost_grosze: zlToGrosze(BO_2026.cityCapZl),
      ballot_rule: JSON.stringify(APPROVAL_3),
      selection_rule: JSON.stringify(gdyniaRule(1000)),
      position: 0,
    },
  ];
  allocation.forEach((a, i) => {
    const slug = DISTRICTS[i]!.slug;
    pools.push(
      {
        id: `pool_${DEMO_YEAR}_${slug}_large`,
        programme_id: `${ed}_bo`,
        district_id: a.id,
        kind: "district_large",
        budget_grosze: a.largeGrosze,
        max_project_cost_grosze: a.largeGrosze,
        ballot_rule: JSON.stringify(APPROVAL_3),
        selection_rule: JSON.stringify(gdyniaRule()),
        position: 1 + i * 2,
      },
      {
        id: `pool_${DEMO_YEAR}_${slug}_small`,
        programme_id: `${ed}_bo`,
        district_id: a.id,
        kind: "district_small",
        budget_grosze: a.smallGrosze,
        max_project_cost_grosze: zlToGrosze(BO_2026.smallCapZl),
        ballot_rule: JSON.stringify(APPROVAL_3),
        selection_rule: JSON.stringify(gdyniaRule()),
        position: 2 + i * 2,
      },
    );
  });
  pools.push(
    {
      id: `pool_${DEMO_YEAR}_youth`,
      programme_id: `${ed}_youth`,
      district_id: null,
      kind: "programme",
      budget_grosze: zlToGrosze(200_000),
      max_project_cost_grosze: zlToGrosze(50_000),
      ballot_rule: JSON.stringify(APPROVAL_3),
      selection_rule: JSON.stringify(gdyniaRule()),
      position: 100,
    },
    {
      id: `pool_${DEMO_YEAR}_children`,
      programme_id: `${ed}_children`,
      district_id: null,
      kind: "programme",
      budget_grosze: zlToGrosze(60_000),
      max_project_cost_grosze: zlToGrosze(15_000),
      ballot_rule: JSON.stringify(APPROVAL_3),
      selection_rule: JSON.stringify(gdyniaRule()),
      position: 101,
    },
  );
  await db.insertInto("pools").values(pools).onConflict((oc) => oc.doNothing()).execute();

  const poolOf = (p: SeedProposal) => {
    if (p.pool === "city") return `pool_${DEMO_YEAR}_city`;
    if (p.pool === "youth") return `pool_${DEMO_YEAR}_youth`;
    if (p.pool === "children") return `pool_${DEMO_YEAR}_children`;
    return `pool_${DEMO_YEAR}_${p.district}_${p.pool === "district_large" ? "large" : "small"}`;
  };
  // A district's large projects must fit its large pool (smaller districts have less money than
  // the demo texts assume): scale such a breakdown down to the cap, in whole hundreds of złoty.
  const capOf = new Map(pools.map((p) => [p.id, Number(p.max_project_cost_grosze ?? Infinity)]));
  const fitted = (p: SeedProposal) => fitCostItems(p.costItems, Math.floor((capOf.get(poolOf(p)) ?? Infinity) / 100));
  const seqs = new Map<string, number>();
  const proposals = PROPOSALS.map((p) => {
    const pool = poolOf(p);
    const seq = (seqs.get(pool) ?? 0) + 1;
    seqs.set(pool, seq);
    const cost = fitted(p).reduce((s, i) => s + zlToGrosze(i.amountZl), 0);
    return {
      id: `prp_${p.key}`,
      edition_id: ed,
      pool_id: pool,
      number: proposalNumber(p, seq),
      title: p.title,
      summary: p.summary,
      description: p.description,
      category: p.category,
      location: p.location,
      beneficiaries: p.beneficiaries,
      cost_grosze: cost,
      status: "accepted",
      search_text: searchText(p.title, p.summary, p.location),
      created_at: created,
      updated_at: created,
    };
  });
  for (let i = 0; i < proposals.length; i += 50) {
    await db.insertInto("proposals").values(proposals.slice(i, i + 50)).onConflict((oc) => oc.doNothing()).execute();
  }
  const items = PROPOSALS.flatMap((p) =>
    fitted(p).map((c, j) => ({
      id: `pci_${p.key}_${j + 1}`,
      proposal_id: `prp_${p.key}`,
      position: j,
      label: c.label,
      amount_grosze: zlToGrosze(c.amountZl),
    })),
  );
  for (let i = 0; i < items.length; i += 100) {
    await db.insertInto("proposal_cost_items").values(items.slice(i, i + 100)).onConflict((oc) => oc.doNothing()).execute();
  }
}

const here = dirname(fileURLToPath(import.meta.url));

/** Path of the real Gdynia 2025 vote shipped with the repository (see db/pabulib/README.md). */
export function archiveFilePath(): string {
  const candidates = [join(here, "..", "..", "db", "pabulib", "Poland_Gdynia_2025.pb"), join(process.cwd(), "db", "pabulib", "Poland_Gdynia_2025.pb")];
  for (const c of candidates) {
    try {
      readFileSync(c, { flag: "r" }).subarray(0, 1);
      return c;
    } catch {
      /* try the next */
    }
  }
  throw new Error("db/pabulib/Poland_Gdynia_2025.pb is missing");
}

/** Demo accounts, one per role; listed in the README. Never seeded unless SEED_DEMO allows it. */
export const DEMO_USERS = [
  { id: "usr_demo_admin", email: "admin@demo.bo-gdynia.pl", name: "Anna Administratorka", password: "Demo-Admin-2026", roles: [["admin", "*"]] },
  { id: "usr_demo_official", email: "urzednik@demo.bo-gdynia.pl", name: "Urzędnik Tomasz", password: "Demo-Urzednik-2026", roles: [["official", "*"]] },
  { id: "usr_demo_youth", email: "mrm@demo.bo-gdynia.pl", name: "Zuzia z MRM", password: "Demo-MRM-2026", roles: [["youth_moderator", "youth"]] },
  { id: "usr_demo_resident", email: "mieszkaniec@demo.bo-gdynia.pl", name: "Jan Mieszkaniec", password: "Demo-Mieszkaniec-2026", roles: [] },
  { id: "usr_demo_resident2", email: "mieszkanka@demo.bo-gdynia.pl", name: "Maria Sąsiadka", password: "Demo-Mieszkaniec-2026", roles: [] },
] as const;

/**
 * Fifteen more demo residents (one shared password) so a demo proposal can gather the supports the
 * BO programme requires before verification: mieszkaniec01@demo.bo-gdynia.pl … mieszkaniec15@….
 */
export const DEMO_SUPPORTER_PASSWORD = "Demo-Poparcie-2026";
export const DEMO_SUPPORTERS = Array.from({ length: 15 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  return { id: `usr_demo_supporter_${n}`, email: `mieszkaniec${n}@demo.bo-gdynia.pl`, name: `Mieszkaniec ${n}` };
});

async function seedSupporters(db: Db, at: string) {
  const have = await db.selectFrom("users").select("id").where("id", "in", DEMO_SUPPORTERS.map((u) => u.id)).execute();
  const missing = DEMO_SUPPORTERS.filter((u) => !have.some((h) => h.id === u.id));
  if (missing.length === 0) return;
  const hash = await hashPassword(DEMO_SUPPORTER_PASSWORD);
  await db
    .insertInto("users")
    .values(missing.map((u) => ({ id: u.id, email: u.email, email_verified_at: at, password_hash: hash, display_name: u.name, locale: "pl", created_at: at, deleted_at: null })))
    .execute();
}

async function seedUsers(db: Db, now: Date) {
  const at = now.toISOString();
  await seedSupporters(db, at);
  for (const u of DEMO_USERS) {
    const exists = await db.selectFrom("users").select("id").where("id", "=", u.id).executeTakeFirst();
    if (exists) continue;
    await db
      .insertInto("users")
      .values({ id: u.id, email: u.email, email_verified_at: at, password_hash: await hashPassword(u.password), display_name: u.name, locale: "pl", created_at: at, deleted_at: null })
      .execute();
    for (const [role, scope] of u.roles) {
      await db.insertInto("user_roles").values({ user_id: u.id, role, scope, granted_by: null, granted_at: at }).execute();
    }
  }
}

export async function seedDemo(db: Db, now: Date, phase: Phase = "voting"): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedUsers(trx, now);
    await seedDistricts(trx);
    await seedCurrentEdition(trx, now, phase);
    await importPabulibArchive(trx, readFileSync(archiveFilePath(), "utf8"), {
      year: 2025,
      source: "pabulib:Poland_Gdynia_2025.pb",
      now,
    });
  });
  // the register import runs its own transaction (as it does for an official)
  await seedVoting(db, now);
}

/** Seeds only a database without any edition; returns whether it seeded. */
export async function seedIfEmpty(db: Db, now: Date, phase?: Phase): Promise<boolean> {
  const any = await db.selectFrom("editions").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  await seedDemo(db, now, phase ?? seedPhaseFromEnv());
  return true;
}

function seedPhaseFromEnv(): Phase {
  const p = PhaseSchema.safeParse(process.env.SEED_PHASE ?? "voting");
  if (!p.success) throw new Error(`SEED_PHASE must be one of: ${PHASES.join(", ")}`);
  return p.data;
}

async function main() {
  const { openDatabase } = await import("../../db/client");
  const { migrateToLatest } = await import("../../db/migrate");
  const { db, close } = openDatabase(process.env.DATABASE_URL ?? "./data/bo.sqlite");
  await migrateToLatest(db);
  await seedDemo(db, new Date(), seedPhaseFromEnv());
  const n = await db.selectFrom("proposals").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  console.log(`Seeded the demo: ${n.n} proposals.`);
  await close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
