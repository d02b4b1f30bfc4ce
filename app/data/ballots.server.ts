import type { Db } from "../../db/client";
import { BallotRuleSchema, type BallotRule, type PoolKind } from "~/domain/rules";
import { listPhaseWindows } from "./editions.server";
import type { PhaseWindow } from "~/domain/phases";
import { ON_BALLOT_STATUSES } from "~/domain/workflow/corrections";
import type { ContentLang, TranslatedText } from "~/domain/translations";
import { listTranslationsOf } from "./proposal-translations.server";

export interface VotingProgramme {
  programmeId: string;
  editionId: string;
  kind: "bo" | "youth" | "children";
  phases: PhaseWindow[];
  minAge: number | null;
  maxAge: number | null;
  guardianBelowAge: number | null;
  /** chosen: any one district the voter picks; own: only the voter's registered district (set on /admin/editions/:id/pools). */
  districtChoice: "chosen" | "own";
}

// Read on every step of every voter: cached for a few seconds (phase dates and age rules change
// rarely, and a phase boundary is still honoured to within this much).
let programmeCache = new WeakMap<Db, Map<string, { at: number; value: VotingProgramme | null }>>();
const PROGRAMME_CACHE_MS = 5_000;

/** The current edition's programme of this kind, with what the voting rules need. */
export async function getVotingProgramme(db: Db, kind: "bo" | "youth" | "children"): Promise<VotingProgramme | null> {
  let mine = programmeCache.get(db);
  if (!mine) programmeCache.set(db, (mine = new Map()));
  const hit = mine.get(kind);
  if (hit && Date.now() - hit.at < PROGRAMME_CACHE_MS) return hit.value;
  const value = await readVotingProgramme(db, kind);
  mine.set(kind, { at: Date.now(), value });
  return value;
}

async function readVotingProgramme(db: Db, kind: "bo" | "youth" | "children"): Promise<VotingProgramme | null> {
  const row = await db
    .selectFrom("programmes as pr")
    .innerJoin("editions as e", "e.id", "pr.edition_id")
    .select(["pr.id", "pr.edition_id", "pr.kind", "pr.min_age", "pr.max_age", "pr.guardian_below_age", "pr.district_choice"])
    .where("e.status", "=", "active")
    .where("pr.kind", "=", kind)
    .orderBy("e.year", "desc")
    .executeTakeFirst();
  if (!row) return null;
  return {
    programmeId: row.id,
    editionId: row.edition_id,
    kind: row.kind,
    phases: await listPhaseWindows(db, row.edition_id),
    minAge: row.min_age,
    maxAge: row.max_age,
    guardianBelowAge: row.guardian_below_age,
    districtChoice: row.district_choice === "own" ? "own" : "chosen",
  };
}

/** The district a register row lives in (null: unknown). */
export async function getVoterDistrictId(db: Db, voterId: string): Promise<string | null> {
  const row = await db.selectFrom("voters").select("district_id").where("id", "=", voterId).executeTakeFirst();
  return row?.district_id ?? null;
}

export interface CatalogueEntry {
  poolId: string;
  kind: PoolKind;
  districtId: string | null;
  budgetGrosze: number;
  ballotRule: BallotRule;
  projects: { id: string; number: string; title: string; summary: string; costGrosze: number; contentLang: ContentLang; translations: TranslatedText[] }[];
}

// The ballot's content is read-mostly while voting runs (the final list is frozen), so each
// (programme, district) catalogue is cached for a short time instead of queried per voter.
let cache = new WeakMap<Db, Map<string, { at: number; value: CatalogueEntry[] }>>();
const CACHE_MS = 30_000;

/** Forgets every cached catalogue and programme (tests that rewrite a database in place). */
export function clearCatalogueCache(): void {
  cache = new WeakMap();
  programmeCache = new WeakMap();
}

/** The pools on one ballot: programme-wide pools plus, where a district is chosen, that district's pools. */
export async function loadCatalogue(db: Db, programmeId: string, districtId: string | null): Promise<CatalogueEntry[]> {
  const key = `${programmeId}|${districtId ?? "-"}`;
  let mine = cache.get(db);
  if (!mine) cache.set(db, (mine = new Map()));
  const hit = mine.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  let q = db
    .selectFrom("pools")
    .select(["id", "kind", "district_id", "budget_grosze", "ballot_rule"])
    .where("programme_id", "=", programmeId);
  q = districtId ? q.where((eb) => eb.or([eb("district_id", "is", null), eb("district_id", "=", districtId)])) : q.where("district_id", "is", null);
  const pools = await q.orderBy("position").execute();
  if (pools.length === 0) return [];
  const projects = await db
    .selectFrom("proposals")
    .select(["id", "pool_id", "number", "title", "summary", "cost_grosze", "content_lang"])
    .where(
      "pool_id",
      "in",
      pools.map((p) => p.id),
    )
    .where("status", "in", ON_BALLOT_STATUSES)
    .execute();
  const translations = await listTranslationsOf(db, projects.map((x) => x.id));
  const value = pools.map((p) => ({
    poolId: p.id,
    kind: p.kind,
    districtId: p.district_id,
    budgetGrosze: Number(p.budget_grosze),
    ballotRule: BallotRuleSchema.parse(JSON.parse(p.ballot_rule)),
    projects: projects
      .filter((x) => x.pool_id === p.id)
      .map((x) => ({ id: x.id, number: x.number, title: x.title, summary: x.summary, costGrosze: Number(x.cost_grosze), contentLang: x.content_lang, translations: translations.get(x.id) ?? [] }))
      .sort((a, b) => a.title.localeCompare(b.title, "pl")),
  }));
  mine.set(key, { at: Date.now(), value });
  return value;
}

export interface TurnoutRow {
  districtId: string;
  channel: string;
  voters: number;
}

export async function listTurnout(db: Db, programmeId: string): Promise<TurnoutRow[]> {
  const rows = await db.selectFrom("turnout_counters").select(["district_id", "channel", "voters"]).where("programme_id", "=", programmeId).execute();
  return rows.map((r) => ({ districtId: r.district_id, channel: r.channel, voters: Number(r.voters) }));
}

export async function listVotingPoints(db: Db) {
  return db.selectFrom("voting_points").select(["id", "name", "address"]).where("active", "=", 1).orderBy("name").execute();
}
