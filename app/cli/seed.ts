/**
 * Demo data, built through the services the pages call (issue #13): the demo accounts and roles,
 * Gdynia's 21 districts, the current edition (BO 2026 amounts through the allocation service) with
 * its programmes, pools, phase plan and voting points, proposals written for the demo (a few with a
 * whole workflow history, see seed-stories.ts), the register, and an archived edition built from
 * the real Gdynia 2025 city-wide vote (Pabulib). Safe to re-run: whatever exists is left alone.
 *
 *   npm run db:seed                  # migrate + seed (phase from SEED_PHASE, default voting;
 *                                    # SEED_STORIES=false without the workflow stories)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { DISTRICTS } from "./seed-data/districts";
import { PROPOSALS, type SeedProposal } from "./seed-data/proposals";
import { zlToGrosze } from "../domain/money";
import { PHASES, PhaseSchema, type Phase } from "../domain/rules";
import type { ProgrammeInput } from "../domain/edition-setup";
import type { Actor, Role, Scope } from "../domain/permissions";
import { activateEdition, createEdition, savePhases, saveProgramme } from "../services/edition-admin.server";
import { setBallotOrder } from "../services/ballot-setup.server";
import { addDistrict, applyAllocation, createProgrammePool, setPoolRules } from "../services/pool-setup.server";
import { createVerifiedAccount } from "../services/accounts.server";
import { changeRole, grantAdministratorFromCli } from "../services/roles.server";
import { insertProposal } from "../data/proposal-texts.server";
import { seedStories } from "./seed-stories";
import { importPabulibArchive } from "../data/archive-import.server";
import { hashPassword } from "../auth/crypto.server";
import { seedVoting } from "./seed-voting";
import { DEMO_COMMISSION } from "./seed-data/commission";
import { installCommissionKey } from "../services/ballot-box.server";
import { seedImplementations } from "./seed-implementations";
import { seedTranslations } from "./seed-translations";

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

const SEED = "demo seed";

/** Gdynia's districts, through the administrators' "add a district" (fixed ids `dst_<slug>`). */
async function seedDistricts(db: Db, admin: Actor, at: Date) {
  for (const d of DISTRICTS) {
    const r = await addDistrict(db, admin, { slug: d.slug, name: d.name, population: d.population, areaHa: Math.round(d.areaKm2 * 100) }, at, { id: districtId(d.slug) });
    if (!r.ok && r.reason !== "district_exists") throw new Error(`district ${d.slug}: ${r.reason}`);
  }
}

const must = <T extends { ok: boolean }>(what: string, r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(`demo seed: ${what}: ${(r as { reason?: string }).reason}`);
  return r as Extract<T, { ok: true }>;
};

/**
 * The 2026 edition as an administrator sets it up before submission opens: the edition, its three
 * programmes, the BO split (the allocation page's formula, with the settings that reproduce the
 * city's published BO 2026 amounts to the grosz: no rounding unit, the whole large pool as a cap),
 * the youth and children pools, the city pool's 1 000-vote threshold, the phase plan, activation.
 * Returns false when the edition exists already (seeded before, or by another node).
 */
async function setUpEdition(db: Db, admin: Actor, setupAt: Date, phases: { phase: Phase; startsAt: string; endsAt: string }[]): Promise<boolean> {
  const created = await createEdition(db, admin, { year: DEMO_YEAR, name: `Budżet Obywatelski ${DEMO_YEAR}` }, setupAt);
  if (!created.ok) return false;
  const ed = created.id;
  const languages = ["pl", "uk", "en"] as const;
  const programmes: ProgrammeInput[] = [
    { kind: "bo", moderation: "officials", minAge: null, maxAge: null, guardianBelowAge: 13, supportsRequired: 15, languages: [...languages] },
    { kind: "youth", moderation: "youth_council", minAge: 13, maxAge: 19, guardianBelowAge: null, supportsRequired: 0, languages: [...languages] },
    { kind: "children", moderation: "officials", minAge: 6, maxAge: 15, guardianBelowAge: 13, supportsRequired: 0, languages: [...languages] },
  ];
  for (const p of programmes) {
    const saved = must(`programme ${p.kind}`, await saveProgramme(db, admin, ed, p, undefined, setupAt));
    // a new programme's ballot is in random order per voter; the demo keeps the alphabetical order
    // so that the README's walkthrough and the screenshots show the same ballot to everyone
    must(`ballot order ${p.kind}`, await setBallotOrder(db, admin, { editionId: ed, programmeId: saved.id, order: "alphabetical" }, setupAt));
  }
  must(
    "allocation",
    await applyAllocation(
      db,
      admin,
      ed,
      {
        totalGrosze: zlToGrosze(BO_2026.totalZl),
        cityGrosze: zlToGrosze(BO_2026.cityZl),
        cityCapGrosze: zlToGrosze(BO_2026.cityCapZl),
        baseGrosze: zlToGrosze(BO_2026.districtBaseZl),
        populationWeightPermille: 700,
        smallSharePermille: 100,
        smallCapGrosze: zlToGrosze(BO_2026.smallCapZl),
        largeCapPermille: 1000,
        roundingGrosze: 1,
      },
      setupAt,
    ),
  );
  must("city threshold", await setPoolRules(db, admin, { editionId: ed, poolId: `pool_${DEMO_YEAR}_city`, maxProjectCostGrosze: zlToGrosze(BO_2026.cityCapZl), supportsRequired: null, maxTicks: null, minScore: 1000 }, setupAt));
  const programmePools = [
    { kind: "youth", budgetZl: 200_000, capZl: 50_000 },
    { kind: "children", budgetZl: 60_000, capZl: 15_000 },
  ] as const;
  for (const p of programmePools) {
    const pool = must(`${p.kind} pool`, await createProgrammePool(db, admin, { editionId: ed, programmeId: `${ed}_${p.kind}` }, setupAt));
    must(
      `${p.kind} pool rules`,
      await setPoolRules(db, admin, { editionId: ed, poolId: pool.poolId, budgetGrosze: zlToGrosze(p.budgetZl), maxProjectCostGrosze: zlToGrosze(p.capZl), supportsRequired: null, maxTicks: null }, setupAt),
    );
  }
  must("phases", await savePhases(db, admin, ed, { windows: phases, allowGaps: false }, setupAt));
  must("commission key", await installCommissionKey(db, ed, DEMO_COMMISSION, admin, setupAt));
  must("activation", await activateEdition(db, admin, ed, setupAt));
  return true;
}

function proposalNumber(p: SeedProposal, seq: number): string {
  const pos = p.district ? DISTRICTS.findIndex((d) => d.slug === p.district) + 1 : 0;
  const where = p.district ? `D${String(pos).padStart(2, "0")}` : p.pool === "city" ? "M" : p.pool === "youth" ? "MBO" : "DM";
  const kind = p.pool === "district_large" ? "/L" : p.pool === "district_small" ? "/S" : "";
  return `${DEMO_YEAR}/${where}${kind}/${seq}`;
}

async function seedProposals(db: Db, at: Date) {
  const ed = `ed_${DEMO_YEAR}`;
  const pools = await db.selectFrom("pools").select(["id", "max_project_cost_grosze"]).where("id", "like", `pool_${DEMO_YEAR}_%`).execute();
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
  // The programme's texts, accepted (the bulk of the demo's ballots). Written by the query that
  // saveProposal uses, without running 130 proposals through the whole workflow: the stories in
  // seed-stories.ts do that for a few, act by act.
  await db.transaction().execute(async (trx) => {
    for (const p of PROPOSALS) {
      const pool = poolOf(p);
      const seq = (seqs.get(pool) ?? 0) + 1;
      seqs.set(pool, seq);
      await insertProposal(
        trx,
        {
          id: `prp_${p.key}`,
          editionId: ed,
          number: proposalNumber(p, seq),
          poolId: pool,
          title: p.title,
          summary: p.summary,
          description: p.description,
          category: p.category,
          location: p.location,
          beneficiaries: p.beneficiaries,
          lat: null,
          lng: null,
          costItems: fitted(p).map((c) => ({ label: c.label, amountGrosze: zlToGrosze(c.amountZl) })),
          guardianName: null,
          guardianConsent: false,
          authorUserId: null,
          status: "accepted",
          channel: "online",
          enteredBy: null,
        },
        at,
      );
    }
  });
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
  { id: "usr_demo_translator", email: "tlumacz@demo.bo-gdynia.pl", name: "Olena z Przystani", password: "Demo-Tlumacz-2026", roles: [["translator", "children"]] },
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

/** The demo administrator as `npm run admin:create` makes one; returns them as the actor of the setup. */
async function seedAdmin(db: Db, at: Date): Promise<Actor> {
  const u = DEMO_USERS[0];
  const account = await createVerifiedAccount(db, { id: u.id, email: u.email, displayName: u.name, password: u.password, locale: "pl" }, SEED, at);
  must("administrator", await grantAdministratorFromCli(db, account.id, SEED, at));
  return { id: account.id, roles: [{ role: "admin", scope: "*" }] };
}

/** The other demo accounts and their roles, granted by the demo administrator (Administration → Users). */
async function seedUsers(db: Db, admin: Actor, at: Date) {
  const hash = await hashPassword(DEMO_SUPPORTER_PASSWORD);
  for (const u of DEMO_SUPPORTERS) await createVerifiedAccount(db, { id: u.id, email: u.email, displayName: u.name, passwordHash: hash, locale: "pl" }, SEED, at);
  for (const u of DEMO_USERS.slice(1)) {
    const account = await createVerifiedAccount(db, { id: u.id, email: u.email, displayName: u.name, password: u.password, locale: "pl" }, SEED, at);
    for (const [role, scope] of u.roles) {
      const r = await changeRole(db, admin, { kind: "grant", userId: account.id, role: role as Role, scope: scope as Scope }, at);
      if (!r.ok && r.reason !== "role_already_granted") throw new Error(`demo seed: role ${role} for ${u.id}: ${r.reason}`);
    }
  }
}

/**
 * The demo, built the way people build an edition: the administrator sets it up a month before
 * submission opens, then the rest follows the phase plan (placed so that `now` is a few days into
 * `phase`). Safe to re-run: whatever exists is left alone.
 */
export async function seedDemo(db: Db, now: Date, phase: Phase = "voting", opts: { stories?: boolean } = {}): Promise<void> {
  const phases = demoPhases(now, phase);
  const setupAt = new Date(Date.parse(phases[0]!.startsAt) - 30 * DAY);
  const admin = await seedAdmin(db, setupAt);
  await seedUsers(db, admin, setupAt);
  await seedDistricts(db, admin, setupAt);
  if (await setUpEdition(db, admin, setupAt, phases)) {
    await seedProposals(db, new Date(Date.parse(phases[0]!.startsAt) + DAY));
    await seedTranslations(db, new Date(Date.parse(phases[0]!.startsAt) + 2 * DAY));
    // a test that moves the clock on through later phases leaves the stories' proposals pending
    // (nobody verifies them): it asks for the demo without them
    if (opts.stories !== false) await seedStories(db, DEMO_YEAR, phases, now);
  }
  await db.transaction().execute((trx) =>
    importPabulibArchive(trx, readFileSync(archiveFilePath(), "utf8"), { year: 2025, source: "pabulib:Poland_Gdynia_2025.pb", now }),
  );
  await seedImplementations(db, "ed_2025", now);
  await seedVoting(db, admin, setupAt, now);
}

/** Seeds only a database without any edition; returns whether it seeded. */
export async function seedIfEmpty(db: Db, now: Date, phase?: Phase): Promise<boolean> {
  const any = await db.selectFrom("editions").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  await seedDemo(db, now, phase ?? seedPhaseFromEnv(), { stories: seedStoriesFromEnv() });
  return true;
}

/** SEED_STORIES=false: the demo without the proposals that go through the workflow (for tests that move the clock on). */
function seedStoriesFromEnv(): boolean {
  return process.env.SEED_STORIES !== "false";
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
  await seedDemo(db, new Date(), seedPhaseFromEnv(), { stories: seedStoriesFromEnv() });
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
