/**
 * Demo data for voting: voting points and a register of synthetic identities (valid PESEL checksums,
 * made up). It goes through the real import (CSV → validation → keyed hashes), so the demo register
 * is stored exactly as a city's would be. The first identities are listed in the README to try.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { DISTRICTS } from "./seed-data/districts";
import { makePesel } from "../domain/voting";
import { importRegister } from "../services/register.server";
import { getVotingPoint } from "../data/voting-points.server";
import { createVotingPoint, setPointOfficials } from "../services/voting-points-admin.server";
import type { Actor } from "../domain/permissions";

type Db = Kysely<Database>;

/** Identities to try in the demo (also used by the browser tests). */
export const DEMO_VOTERS = {
  adult: { pesel: "80051412313", parentFirstName: "Krystyna", district: "Orłowo" },
  adult2: { pesel: "92110345601", parentFirstName: "Tadeusz", district: "Chylonia" },
  child: { pesel: "18260107704", parentFirstName: "Jan", district: "Orłowo" },
  teen: { pesel: "11231001111", parentFirstName: "Ewa", district: "Witomino" },
  ukrainianChild: { pesel: "16292022200", parentFirstName: "Oksana", district: "Chylonia" },
  karta: { cardNumber: "123456789", firstName: "Olga", lastName: "Nowak", ageBand: "25-34", district: "Karwiny" },
} as const;

export const DEMO_POINTS = [
  { id: "vp_przystan_witomino", name: "Przystań – centrum sąsiedzkie (Witomino)", address: "Witomino, Gdynia" },
  { id: "vp_wymiennikownia", name: "Wymiennikownia", address: "Gdynia" },
  { id: "vp_biblioteka_srodmiescie", name: "Biblioteka Gdynia – filia w Śródmieściu", address: "Śródmieście, Gdynia" },
];

const PARENTS = ["Anna", "Piotr", "Maria", "Krzysztof", "Katarzyna", "Tomasz", "Agnieszka", "Marek", "Barbara", "Andrzej", "Ewa", "Paweł"];

/** The n-th synthetic resident of the demo register: resident n lives in DISTRICTS[floor(n / perDistrict)]. */
export function demoResident(n: number): { pesel: string; parentFirstName: string } {
  const year = 1940 + (n % 80);
  const birth = { year, month: 1 + (n % 12), day: 1 + (n % 28) };
  return { pesel: makePesel(birth, n % 1000, n % 2 ? "male" : "female", Math.floor(n / 1000) % 5), parentFirstName: PARENTS[n % PARENTS.length]! };
}

/** CSV of the register: the documented identities plus `perDistrict` synthetic residents of each district. */
export function demoRegisterCsv(perDistrict: number): string {
  const lines = ["pesel;karta_number;first_name;last_name;parent_first_name;district;age_band;guardian_pesel"];
  for (const v of [DEMO_VOTERS.adult, DEMO_VOTERS.adult2, DEMO_VOTERS.child, DEMO_VOTERS.teen, DEMO_VOTERS.ukrainianChild]) {
    // the register links each demo child to a parent, so that parent may vote for them: the demo adult
    // for the demo child, the second adult (both in Chylonia) for the Ukrainian-speaking child
    const guardian = v === DEMO_VOTERS.child ? DEMO_VOTERS.adult.pesel : v === DEMO_VOTERS.ukrainianChild ? DEMO_VOTERS.adult2.pesel : "";
    lines.push(`${v.pesel};;;;${v.parentFirstName};${v.district};;${guardian}`);
  }
  const k = DEMO_VOTERS.karta;
  lines.push(`;${k.cardNumber};${k.firstName};${k.lastName};;${k.district};${k.ageBand};`);
  let n = 0;
  for (const d of DISTRICTS) {
    for (let i = 0; i < perDistrict; i++, n++) {
      const r = demoResident(n);
      lines.push(`${r.pesel};;;;${r.parentFirstName};${d.name};`);
    }
  }
  return lines.join("\n");
}

/** The demo official runs every demo point (a device must still be enrolled for it by an administrator). */
export const DEMO_POINT_OFFICIAL = "usr_demo_official";

/**
 * The demo's voting points, set up by the administrator with the demo official on each, and the
 * register, imported as the city would ("system": the register is the city's, not a person's act).
 */
export async function seedVoting(db: Db, admin: Actor, setupAt: Date, now: Date, perDistrict = 20): Promise<void> {
  const edition = await db.selectFrom("editions").select("id").where("status", "=", "active").orderBy("year", "desc").limit(1).executeTakeFirst();
  for (const p of DEMO_POINTS) {
    if (await getVotingPoint(db, p.id)) continue;
    const r = await createVotingPoint(db, admin, { id: p.id, editionId: edition?.id, name: p.name, address: p.address, openingHours: "pn–pt 9:00–17:00" }, setupAt);
    if (!r.ok) throw new Error(`demo seed: voting point ${p.id}: ${r.reason}`);
    if (await db.selectFrom("users").select("id").where("id", "=", DEMO_POINT_OFFICIAL).executeTakeFirst()) {
      const o = await setPointOfficials(db, admin, p.id, [DEMO_POINT_OFFICIAL], setupAt);
      if (!o.ok) throw new Error(`demo seed: officials of ${p.id}: ${o.reason}`);
    }
  }
  const any = await db.selectFrom("voters").select("id").limit(1).executeTakeFirst();
  if (any) return;
  await importRegister(db, demoRegisterCsv(perDistrict), "system", now);
}
