/**
 * Districts and pools of an edition: add, rename and merge districts, split the district money by
 * the city's formula (preview, then apply), and set each pool's cap, supports threshold and ballot
 * rule. Every write is audited with before/after in the same transaction; a refusal writes nothing.
 */
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import {
  countDistrictProposals,
  findDistrictBySlugOrName,
  getAllocation,
  getDistrict,
  getEditionRow,
  getPoolEditionId,
  getVotingStart,
  insertDistrict,
  insertPool,
  isDistrictUsed,
  listAllDistricts,
  listEditionPools,
  listEditionProgrammes,
  saveAllocation,
  updateDistrict,
  updatePool,
  updateProgrammeDistrictChoice,
  type DistrictRow,
  type PoolRow,
} from "~/data/pool-setup.server";
import { can, type Actor } from "~/domain/permissions";
import { canMerge, previewAllocation, type AllocationField, type AllocationRefusal, type AllocationSettings, type DistrictChoice, type DistrictInput, type MergeRefusal } from "~/domain/pool-setup";
import { BallotRuleSchema, SelectionRuleSchema, type BallotRule } from "~/domain/rules";

type Refusal<R extends string> = { ok: false; reason: R };
const no = <R extends string>(reason: R): Refusal<R> => ({ ok: false, reason });

const APPROVAL_3: BallotRule = { kind: "approval", minTicks: 0, maxTicks: 3 };
const DEFAULT_SELECTION = JSON.stringify({ method: "greedy-no-skip", minScore: 0, tieBreak: "lower-cost" });

function audit(db: Db, by: Actor, action: string, objectType: string, objectId: string, before: unknown, after: unknown, now: Date) {
  return insertAudit(db, { actorUserId: by.id, actorRole: "admin", action, objectType, objectId, before, after }, now);
}

// ---------------------------------------------------------------------------------------------
// Districts

/** `opts.id` keeps a fixed id (the demo seed's `dst_<slug>`); by default `d_<slug>`. */
export async function addDistrict(db: Db, by: Actor, input: DistrictInput, now = new Date(), opts: { id?: string } = {}): Promise<{ ok: true; id: string } | Refusal<"not_allowed" | "district_exists">> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    if (await findDistrictBySlugOrName(trx, input.slug, input.name)) return no("district_exists");
    const id = opts.id ?? `d_${input.slug}`;
    if (await getDistrict(trx, id)) return no("district_exists");
    await insertDistrict(trx, { id, ...input });
    await audit(trx, by, "district.add", "district", id, null, await getDistrict(trx, id), now);
    return { ok: true as const, id };
  });
}

/** A new name; the slug (in links) changes only if nothing refers to the district yet. */
export async function renameDistrict(
  db: Db,
  by: Actor,
  input: { districtId: string; name: string; slug?: string },
  now = new Date(),
): Promise<{ ok: true } | Refusal<"not_allowed" | "district_missing" | "district_exists" | "slug_in_use">> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const before = await getDistrict(trx, input.districtId);
    if (!before) return no("district_missing");
    const slug = input.slug && input.slug !== before.slug ? input.slug : undefined;
    if (slug && (await isDistrictUsed(trx, before.id))) return no("slug_in_use");
    const clash = await findDistrictBySlugOrName(trx, slug ?? before.slug, input.name);
    if (clash && clash.id !== before.id) return no("district_exists");
    await updateDistrict(trx, before.id, { name: input.name, slug });
    await audit(trx, by, "district.rename", "district", before.id, before, await getDistrict(trx, before.id), now);
    return { ok: true as const };
  });
}

/**
 * `from` joins `into` (Witomino 2018): allowed only while the edition being set up has no proposals
 * in `from`'s pools. `from` stays (history keeps it) but is inactive; its pools in this edition are
 * removed and what was carried over into them moves to `into`'s matching pools.
 */
export async function mergeDistricts(
  db: Db,
  by: Actor,
  input: { editionId: string; fromId: string; intoId: string },
  now = new Date(),
): Promise<{ ok: true } | Refusal<"not_allowed" | "edition_missing" | "district_missing" | "district_has_proposals" | "edition_archived" | "target_pool_missing" | MergeRefusal>> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const edition = await getEditionRow(trx, input.editionId);
    if (!edition) return no("edition_missing");
    if (edition.status === "archived") return no("edition_archived");
    const [from, into] = await Promise.all([getDistrict(trx, input.fromId), getDistrict(trx, input.intoId)]);
    if (!from || !into) return no("district_missing");
    const verdict = canMerge(from, into);
    if (!verdict.ok) return verdict;
    if ((await countDistrictProposals(trx, edition.id, from.id)) > 0) return no("district_has_proposals");
    const pools = await listEditionPools(trx, edition.id);
    const fromPools = pools.filter((p) => p.districtId === from.id);
    const targetOf = (p: PoolRow) => pools.find((x) => x.districtId === into.id && x.kind === p.kind && x.programmeId === p.programmeId);
    // money carried over from earlier years must not vanish with the pool
    if (fromPools.some((p) => p.carriedOverGrosze > 0 && !targetOf(p))) return no("target_pool_missing");
    for (const p of fromPools) {
      const target = targetOf(p);
      if (target && p.carriedOverGrosze > 0) {
        await trx
          .updateTable("pools")
          .set((eb) => ({ carried_over_grosze: eb("carried_over_grosze", "+", p.carriedOverGrosze), budget_grosze: eb("budget_grosze", "+", p.carriedOverGrosze) }))
          .where("id", "=", target.id)
          .execute();
      }
      await trx.deleteFrom("pools").where("id", "=", p.id).execute();
    }
    await updateDistrict(trx, from.id, { active: 0, mergedIntoId: into.id });
    await audit(trx, by, "district.merge", "district", from.id, { district: from, pools: fromPools }, { district: await getDistrict(trx, from.id), into: into.id, edition: edition.id }, now);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Allocation

type EditionRefusal = "edition_missing" | "edition_archived" | "programme_missing" | "list_published" | "voting_started";

async function allocationInputs(db: Db, editionId: string) {
  const [districts, pools, programmes] = await Promise.all([listAllDistricts(db), listEditionPools(db, editionId), listEditionProgrammes(db, editionId)]);
  const active = districts.filter((d) => d.active);
  const carried = (d: DistrictRow, kind: PoolRow["kind"]) => pools.find((p) => p.districtId === d.id && p.kind === kind)?.carriedOverGrosze ?? 0;
  return {
    active,
    pools,
    bo: programmes.find((p) => p.kind === "bo") ?? null,
    weights: active.map((d) => ({ id: d.id, population: d.population, areaHa: d.areaHa, leftoverLargeGrosze: carried(d, "district_large"), leftoverSmallGrosze: carried(d, "district_small") })),
  };
}

/** The preview table (no writes): each active district's share, the city pool, the rounding remainder. */
export async function previewEditionAllocation(db: Db, editionId: string, settings: AllocationSettings) {
  const { active, weights } = await allocationInputs(db, editionId);
  const result = previewAllocation(settings, weights);
  if (!result.ok) return result;
  const byId = new Map(active.map((d) => [d.id, d]));
  return { ok: true as const, preview: result.preview, districts: result.preview.districts.map((r) => ({ ...r, name: byId.get(r.id)!.name, population: byId.get(r.id)!.population, areaHa: byId.get(r.id)!.areaHa })) };
}

/**
 * What the allocation form starts with: the saved formula, or — for an edition set up before this
 * page (the demo, an import) — what its BO pools show: their total, the city pool and the caps.
 */
export async function loadAllocation(db: Db, editionId: string): Promise<{ saved: (AllocationSettings & { savedAt: string }) | null; fromPools: Partial<AllocationSettings> | null }> {
  const saved = await getAllocation(db, editionId);
  if (saved) return { saved, fromPools: null };
  const { pools, bo } = await allocationInputs(db, editionId);
  const mine = pools.filter((p) => p.programmeId === bo?.id);
  const city = mine.find((p) => p.kind === "city");
  if (!city) return { saved: null, fromPools: null };
  const fresh = (p: PoolRow) => p.budgetGrosze - p.carriedOverGrosze;
  const small = mine.find((p) => p.kind === "district_small");
  return {
    saved: null,
    fromPools: {
      totalGrosze: mine.reduce((sum, p) => sum + fresh(p), 0),
      cityGrosze: fresh(city),
      ...(city.maxProjectCostGrosze !== null ? { cityCapGrosze: city.maxProjectCostGrosze } : {}),
      ...(small?.maxProjectCostGrosze != null ? { smallCapGrosze: small.maxProjectCostGrosze } : {}),
    },
  };
}

/**
 * Writes the split: the BO programme's city pool and each active district's large and small pools
 * (created if missing, ids like `pool_2026_city`, `pool_2026_orlowo_large`), budgets and caps; what
 * was carried over stays in each pool. Refused once a final list is published or voting started.
 */
export async function applyAllocation(
  db: Db,
  by: Actor,
  editionId: string,
  settings: AllocationSettings,
  now = new Date(),
): Promise<{ ok: true } | (Refusal<"not_allowed" | EditionRefusal | AllocationRefusal> & { field?: AllocationField | null })> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const edition = await getEditionRow(trx, editionId);
    if (!edition) return no("edition_missing");
    if (edition.status === "archived") return no("edition_archived");
    const { active, pools, bo, weights } = await allocationInputs(trx, editionId);
    if (!bo) return no("programme_missing");
    if (pools.some((p) => p.programmeId === bo.id && p.publishedAt)) return no("list_published");
    const votingStart = await getVotingStart(trx, editionId);
    if (votingStart && votingStart <= now.toISOString()) return no("voting_started");
    const result = previewAllocation(settings, weights);
    if (!result.ok) return result;
    const { preview } = result;
    const before = { allocation: await getAllocation(trx, editionId), pools: pools.filter((p) => p.programmeId === bo.id) };
    const upsert = async (id: string, kind: PoolRow["kind"], districtId: string | null, budget: number, cap: number, position: number) => {
      const existing = pools.find((p) => p.programmeId === bo.id && p.kind === kind && p.districtId === districtId);
      if (existing) await updatePool(trx, existing.id, { budgetGrosze: budget, maxProjectCostGrosze: cap });
      else
        await insertPool(trx, {
          id,
          programme_id: bo.id,
          district_id: districtId,
          kind,
          budget_grosze: budget,
          max_project_cost_grosze: cap,
          ballot_rule: JSON.stringify(APPROVAL_3),
          selection_rule: DEFAULT_SELECTION,
          position,
        });
    };
    const y = edition.year;
    await upsert(`pool_${y}_city`, "city", null, preview.cityBudgetGrosze, preview.cityCapGrosze, 0);
    for (const [i, share] of preview.districts.entries()) {
      const d = active[i]!;
      await upsert(`pool_${y}_${d.slug}_large`, "district_large", d.id, share.largeGrosze, share.largeCapGrosze, 1 + i * 2);
      await upsert(`pool_${y}_${d.slug}_small`, "district_small", d.id, share.smallGrosze, preview.smallCapGrosze, 2 + i * 2);
    }
    await saveAllocation(trx, editionId, settings, by.id, now.toISOString());
    const after = { allocation: await getAllocation(trx, editionId), pools: (await listEditionPools(trx, editionId)).filter((p) => p.programmeId === bo.id) };
    await audit(trx, by, "edition.allocation", "edition", editionId, before, after, now);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Pool rules

export type PoolRulesInput = {
  maxProjectCostGrosze: number | null;
  supportsRequired: number | null;
  maxTicks: number | null;
  /** A youth or children programme's own pool only (the BO pools' money comes from the allocation): its amount without money carried over; null or absent: unchanged. */
  budgetGrosze?: number | null;
  /** The votes a project needs to be selected (the city pool's 1 000 in Gdynia). */
  minScore?: number;
};

/** Cap, supports threshold and ticks per category of one pool of the edition (and a programme pool's budget, the selection threshold). */
export async function setPoolRules(
  db: Db,
  by: Actor,
  input: { editionId: string; poolId: string } & PoolRulesInput,
  now = new Date(),
): Promise<{ ok: true } | Refusal<"not_allowed" | "pool_missing" | "negative_amount" | "cap_above_pool" | "list_published" | "ballot_rule_not_approval" | "voting_started" | "edition_archived" | "budget_from_allocation">> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    if ((await getPoolEditionId(trx, input.poolId)) !== input.editionId) return no("pool_missing");
    const edition = await getEditionRow(trx, input.editionId);
    if (!edition) return no("pool_missing");
    if (edition.status === "archived") return no("edition_archived");
    const [pool] = await listEditionPools(trx, input.editionId, input.poolId);
    if (!pool) return no("pool_missing");
    if ([input.maxProjectCostGrosze, input.supportsRequired, input.maxTicks, input.budgetGrosze ?? null, input.minScore ?? null].some((v) => v !== null && v < 0)) return no("negative_amount");
    // a programme's own pool (youth, children) has no allocation: its amount is set here, kept with what was carried over into it
    const newBudget = input.budgetGrosze == null ? undefined : input.budgetGrosze + pool.carriedOverGrosze;
    const budgetChanged = newBudget !== undefined && newBudget !== pool.budgetGrosze;
    if (budgetChanged) {
      if (pool.kind !== "programme") return no("budget_from_allocation");
      const votingStart = await getVotingStart(trx, input.editionId);
      if (votingStart && votingStart <= now.toISOString()) return no("voting_started");
    }
    const budget = budgetChanged ? newBudget! : pool.budgetGrosze;
    if (input.maxProjectCostGrosze !== null && input.maxProjectCostGrosze > budget) return no("cap_above_pool");
    // the projects on a published list were checked against the cap: it stays as it is
    if (pool.publishedAt && input.maxProjectCostGrosze !== pool.maxProjectCostGrosze) return no("list_published");
    const rule = BallotRuleSchema.safeParse(JSON.parse(pool.ballotRule));
    let ballotRule: string | undefined;
    if (input.maxTicks !== null) {
      const current = rule.success ? rule.data : APPROVAL_3;
      if (current.kind !== "approval") return no("ballot_rule_not_approval");
      if (current.maxTicks !== input.maxTicks) {
        const votingStart = await getVotingStart(trx, input.editionId);
        if (votingStart && votingStart <= now.toISOString()) return no("voting_started");
        ballotRule = JSON.stringify({ ...current, maxTicks: input.maxTicks, minTicks: Math.min(current.minTicks, input.maxTicks) });
      }
    }
    // the money and the threshold stay once the list is published (voters see them)
    if (pool.publishedAt && (budgetChanged || input.minScore !== undefined)) return no("list_published");
    let selectionRule: string | undefined;
    if (input.minScore !== undefined) {
      const current = SelectionRuleSchema.safeParse(JSON.parse(pool.selectionRule));
      selectionRule = JSON.stringify({ ...(current.success ? current.data : JSON.parse(DEFAULT_SELECTION)), minScore: input.minScore });
    }
    await updatePool(trx, pool.id, { maxProjectCostGrosze: input.maxProjectCostGrosze, supportsRequired: input.supportsRequired, ballotRule, selectionRule, budgetGrosze: budgetChanged ? budget : undefined });
    const [after] = await listEditionPools(trx, input.editionId, pool.id);
    await audit(trx, by, "pool.rules", "pool", pool.id, pool, after, now);
    return { ok: true as const };
  });
}

/** A youth or children programme without a pool gets one (`pool_<year>_<kind>`), empty, to be set up here. */
export async function createProgrammePool(
  db: Db,
  by: Actor,
  input: { editionId: string; programmeId: string },
  now = new Date(),
): Promise<{ ok: true; poolId: string } | Refusal<"not_allowed" | "programme_missing" | "pool_exists" | "edition_archived">> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const edition = await getEditionRow(trx, input.editionId);
    const programme = (await listEditionProgrammes(trx, input.editionId)).find((p) => p.id === input.programmeId);
    if (!edition || !programme || programme.kind === "bo") return no("programme_missing");
    if (edition.status === "archived") return no("edition_archived");
    if ((await listEditionPools(trx, input.editionId)).some((p) => p.programmeId === programme.id)) return no("pool_exists");
    const poolId = `pool_${edition.year}_${programme.kind}`;
    await insertPool(trx, {
      id: poolId,
      programme_id: programme.id,
      district_id: null,
      kind: "programme",
      budget_grosze: 0,
      max_project_cost_grosze: null,
      ballot_rule: JSON.stringify(APPROVAL_3),
      selection_rule: DEFAULT_SELECTION,
      position: 100 + programme.position,
    });
    await audit(trx, by, "pool.create", "pool", poolId, null, (await listEditionPools(trx, input.editionId, poolId))[0], now);
    return { ok: true as const, poolId };
  });
}

/** Whether a programme's ballot names any one district the voter picks, or only the voter's own. */
export async function setDistrictChoice(
  db: Db,
  by: Actor,
  input: { editionId: string; programmeId: string; choice: DistrictChoice },
  now = new Date(),
): Promise<{ ok: true } | Refusal<"not_allowed" | "programme_missing" | "voting_started">> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const programme = (await listEditionProgrammes(trx, input.editionId)).find((p) => p.id === input.programmeId);
    if (!programme) return no("programme_missing");
    const votingStart = await getVotingStart(trx, input.editionId);
    if (programme.districtChoice !== input.choice && votingStart && votingStart <= now.toISOString()) return no("voting_started");
    await updateProgrammeDistrictChoice(trx, programme.id, input.choice);
    await audit(trx, by, "programme.district_choice", "programme", programme.id, { districtChoice: programme.districtChoice }, { districtChoice: input.choice }, now);
    return { ok: true as const };
  });
}
