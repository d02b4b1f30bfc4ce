/**
 * The counts behind the administrator's set-up checklist (see app/domain/setup-checklist.ts). They
 * count the voting points, voters and register imports of the edition being set up; roles are
 * platform-wide.
 */
import type { Db } from "../../db/client";
import type { SetupFacts } from "~/domain/setup-checklist";
import { listPhaseWindows } from "./editions.server";

/** The edition being set up: the newest draft one, else the current (newest active) one. */
export async function getEditionBeingSetUp(db: Db): Promise<SetupFacts["edition"]> {
  for (const status of ["draft", "active"] as const) {
    const row = await db.selectFrom("editions").select(["id", "year", "status"]).where("status", "=", status).orderBy("year", "desc").limit(1).executeTakeFirst();
    if (row) return row;
  }
  return null;
}

async function count(q: { executeTakeFirstOrThrow: () => Promise<{ n: number | string | bigint }> }): Promise<number> {
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function loadSetupFacts(db: Db, edition: SetupFacts["edition"]): Promise<SetupFacts> {
  // voting points, the register and its imports belong to an edition; roles are platform-wide
  const editionId = edition?.id ?? "";
  const platform = {
    activeVotingPoints: await count(db.selectFrom("voting_points").select((eb) => eb.fn.countAll<number>().as("n")).where("active", "=", 1).where("edition_id", "=", editionId)),
    voters: await count(db.selectFrom("voters").select((eb) => eb.fn.countAll<number>().as("n")).where("edition_id", "=", editionId).where("removed_at", "is", null)),
    registerImports: await count(db.selectFrom("register_imports").select((eb) => eb.fn.countAll<number>().as("n")).where("edition_id", "=", editionId)),
    officials: await count(db.selectFrom("user_roles").select((eb) => eb.fn.count<number>("user_id").distinct().as("n")).where("role", "=", "official")),
    youthModerators: await count(db.selectFrom("user_roles").select((eb) => eb.fn.count<number>("user_id").distinct().as("n")).where("role", "=", "youth_moderator")),
  };
  if (!edition) {
    return { edition, districts: 0, pools: 0, poolsWithMoney: 0, programmes: 0, programmesWithoutPools: 0, poolRules: [], phases: [], needsYouthCouncil: false, commissionKey: false, ...platform };
  }
  const programmes = await db
    .selectFrom("programmes as pr")
    .leftJoin("pools as po", "po.programme_id", "pr.id")
    .select((eb) => ["pr.id", "pr.moderation", eb.fn.count<number>("po.id").as("pools")])
    .where("pr.edition_id", "=", edition.id)
    .groupBy(["pr.id", "pr.moderation"])
    .execute();
  const pools = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .select(["po.district_id", "po.budget_grosze", "po.ballot_rule", "po.selection_rule"])
    .where("pr.edition_id", "=", edition.id)
    .execute();
  return {
    edition,
    districts: new Set(pools.flatMap((p) => (p.district_id ? [p.district_id] : []))).size,
    pools: pools.length,
    poolsWithMoney: pools.filter((p) => Number(p.budget_grosze) > 0).length,
    programmes: programmes.length,
    programmesWithoutPools: programmes.filter((p) => Number(p.pools) === 0).length,
    poolRules: pools.map((p) => ({ ballotRule: p.ballot_rule, selectionRule: p.selection_rule })),
    phases: await listPhaseWindows(db, edition.id),
    needsYouthCouncil: programmes.some((p) => p.moderation === "youth_council"),
    commissionKey: (await db.selectFrom("edition_keys").select("edition_id").where("edition_id", "=", edition.id).executeTakeFirst()) !== undefined,
    ...platform,
  };
}
