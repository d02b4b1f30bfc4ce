/**
 * Counting and publishing an edition's results. Officials count when voting has ended and see a
 * draft (ties that matter are flagged); a tie is broken by a public lot whose seed is recorded so
 * anyone can repeat the draw; publishing is audited and final. Every pool is counted by the pure
 * rule in app/domain/results.ts from the stored ballots.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import { countSealedByProgramme } from "~/data/sealed-ballots.server";
import { ensureImplementations } from "./implementations.server";
import { countPool, turnoutAward, type AwardPool, type PoolBallot } from "~/domain/results";
import { ballotType } from "~/domain/voting/ballot-types";
import { notifyResultsPublished } from "./follow-notifications.server";
import { listPhaseWindows } from "~/data/editions.server";
import { currentPhase, phaseHasEnded } from "~/domain/phases";
import { ON_BALLOT_STATUSES } from "~/domain/workflow/corrections";
import { BallotRuleSchema, SelectionRuleSchema } from "~/domain/rules";
import { canInAll, type Actor, type ProgrammeKind } from "~/domain/permissions";

export type CountRefusal = "voting_not_finished" | "results_published" | "no_pools" | "not_allowed" | "ballot_box_sealed";

/**
 * Counting and publishing cover the whole edition (all programmes at once; the turnout award
 * crosses pools), so they need results.publish in every programme the edition has: an official
 * scoped to one programme may do neither.
 */
export async function mayCountEdition(db: Db, editionId: string, by: Actor): Promise<boolean> {
  const kinds = await db.selectFrom("programmes").select("kind").where("edition_id", "=", editionId).execute();
  return canInAll(by, "results.publish", kinds.map((k): ProgrammeKind => k.kind));
}

/** Ballots of a programme as, per pool, the lines (projects with their points) of every ballot that had the pool on it. */
async function ballotsByPool(db: Db, programmeId: string, pools: { id: string; district_id: string | null }[]) {
  const ballots = await db.selectFrom("ballots").select(["id", "district_id"]).where("programme_id", "=", programmeId).execute();
  const lines = await db
    .selectFrom("ballot_lines as l")
    .innerJoin("ballots as b", "b.id", "l.ballot_id")
    .select(["l.ballot_id", "l.pool_id", "l.proposal_id", "l.points"])
    .where("b.programme_id", "=", programmeId)
    .execute();
  const invalid = await db
    .selectFrom("ballot_invalid_pools as i")
    .innerJoin("ballots as b", "b.id", "i.ballot_id")
    .select(["i.ballot_id", "i.pool_id"])
    .where("b.programme_id", "=", programmeId)
    .execute();
  const ticks = new Map<string, { projects: string[]; points: number[] }>(); // `${pool}|${ballot}` → lines
  for (const l of lines) {
    const k = `${l.pool_id}|${l.ballot_id}`;
    const entry = ticks.get(k);
    if (entry) {
      entry.projects.push(l.proposal_id);
      entry.points.push(Number(l.points));
    } else ticks.set(k, { projects: [l.proposal_id], points: [Number(l.points)] });
  }
  const voided = new Set(invalid.map((i) => `${i.pool_id}|${i.ballot_id}`));
  const none = { projects: [], points: [] };
  const out = new Map<string, PoolBallot[]>();
  for (const pool of pools) {
    const onBallot = ballots.filter((b) => pool.district_id === null || b.district_id === pool.district_id);
    out.set(
      pool.id,
      onBallot.filter((b) => !voided.has(`${pool.id}|${b.id}`)).map((b) => ticks.get(`${pool.id}|${b.id}`) ?? none),
    );
  }
  return out;
}

export async function countEdition(
  db: Db,
  editionId: string,
  by: Actor,
  opts: { drawLotForTies?: boolean; turnoutAward?: boolean } = {},
  now = new Date(),
): Promise<{ ok: true; pools: number; tiesThatMatter: number; awarded: number } | { ok: false; reason: CountRefusal }> {
  if (!(await mayCountEdition(db, editionId, by))) return { ok: false, reason: "not_allowed" };
  const phases = await listPhaseWindows(db, editionId);
  const phase = currentPhase(phases, now);
  if (!phaseHasEnded(phases, "voting", now) || phase === "voting") return { ok: false, reason: "voting_not_finished" };
  const pools = await db
    .selectFrom("pools as po")
    .innerJoin("programmes as pr", "pr.id", "po.programme_id")
    .leftJoin("pool_tallies as t", "t.pool_id", "po.id")
    .select(["po.id", "po.programme_id", "po.kind", "po.district_id", "po.budget_grosze", "po.selection_rule", "po.ballot_rule", "t.published_at", "t.lot_seed"])
    .where("pr.edition_id", "=", editionId)
    .orderBy("po.position")
    .execute();
  if (pools.length === 0) return { ok: false, reason: "no_pools" };
  if (pools.some((p) => p.published_at)) return { ok: false, reason: "results_published" };
  // nothing is counted while any ballot is still sealed: the commission opens the box first
  if ([...(await countSealedByProgramme(db, editionId)).values()].some((n) => n > 0)) return { ok: false, reason: "ballot_box_sealed" };

  const byProgramme = new Map<string, typeof pools>();
  for (const p of pools) byProgramme.set(p.programme_id, [...(byProgramme.get(p.programme_id) ?? []), p]);
  let tiesThatMatter = 0;
  let awarded = 0;
  const at = now.toISOString();
  const awardPools: AwardPool[] = [];

  await db.transaction().execute(async (trx) => {
    // every pool's projects in one query, not one per pool
    const onBallot = await trx
      .selectFrom("proposals")
      .select(["id", "pool_id", "cost_grosze"])
      .where(
        "pool_id",
        "in",
        pools.map((p) => p.id),
      )
      .where("status", "in", ON_BALLOT_STATUSES)
      .execute();
    for (const [programmeId, programmePools] of byProgramme) {
      const ballots = await ballotsByPool(trx, programmeId, programmePools);
      for (const pool of programmePools) {
        const projects = onBallot.filter((p) => p.pool_id === pool.id);
        const rule = SelectionRuleSchema.parse(JSON.parse(pool.selection_rule));
        // the pool's ballot type says how its lines count: by voters, or by their points
        const voteType = ballotType(BallotRuleSchema.parse(JSON.parse(pool.ballot_rule))).pabulib.voteType;
        const input = {
          projects: projects.map((p) => ({ id: p.id, costGrosze: Number(p.cost_grosze) })),
          ballots: ballots.get(pool.id) ?? [],
          voteType,
          budgetGrosze: Number(pool.budget_grosze),
          rule,
          lotSeed: pool.lot_seed,
        };
        let result = countPool(input);
        let lotSeed = pool.lot_seed;
        if (opts.drawLotForTies && result.tiesThatMatter.length > 0 && !lotSeed) {
          lotSeed = randomBytes(16).toString("hex");
          result = countPool({ ...input, lotSeed });
        }
        if (pool.district_id && (pool.kind === "district_large" || pool.kind === "district_small")) {
          awardPools.push({ poolId: pool.id, districtId: pool.district_id, kind: pool.kind, decisions: result.official.decisions });
        }
        const open = lotSeed ? [] : result.tiesThatMatter;
        tiesThatMatter += open.length;
        await trx.deleteFrom("pool_results").where("pool_id", "=", pool.id).execute();
        if (result.official.decisions.length > 0) {
          await trx
            .insertInto("pool_results")
            .values(
              result.official.decisions.map((d) => ({
                pool_id: pool.id,
                proposal_id: d.projectId,
                votes: result.projectVoters[d.projectId] ?? 0, // voters who ticked it or gave it points
                score: d.score, // votes, or points for a points/ranked pool
                rank: d.rank,
                selected: d.reason === "funded" || d.reason === "funded_by_completion" ? 1 : 0,
                decision: d.reason,
              })),
            )
            .execute();
        }
        const tally = {
          voters: result.voters,
          spent_grosze: result.official.spent,
          rule: result.official.rule,
          lot_seed: lotSeed,
          ties_json: JSON.stringify(result.official.ties.filter((t) => t.mattered)),
          mes_json: JSON.stringify(result.mes),
          counted_at: at,
          counted_by: by.id,
          published_at: null,
        };
        await trx
          .insertInto("pool_tallies")
          .values({ pool_id: pool.id, ...tally })
          .onConflict((oc) => oc.column("pool_id").doUpdateSet(tally))
          .execute();
      }
    }
    let award: ReturnType<typeof turnoutAward> = [];
    if (opts.turnoutAward) {
      // turnout of a district: its residents (by the register) who voted in the main programme, per resident
      const turnout = await trx
        .selectFrom("participations as p")
        .innerJoin("voters as v", "v.id", "p.voter_id")
        .innerJoin("programmes as pr", "pr.id", "p.programme_id")
        .select((eb) => ["v.district_id", eb.fn.countAll<number>().as("n")])
        .where("pr.edition_id", "=", editionId)
        .where("pr.kind", "=", "bo")
        .groupBy("v.district_id")
        .execute();
      const districts = await trx.selectFrom("districts").select(["id", "population"]).orderBy("position").execute();
      award = turnoutAward(
        districts.map((d) => ({ districtId: d.id, population: d.population, voters: Number(turnout.find((x) => x.district_id === d.id)?.n ?? 0) })),
        awardPools,
      );
      for (const a of award) {
        await trx.updateTable("pool_results").set({ selected: 2, decision: "funded_turnout_award" }).where("pool_id", "=", a.poolId).where("proposal_id", "=", a.projectId).execute();
      }
      awarded = award.length;
    }
    await insertAudit(
      trx,
      {
        actorUserId: by.id,
        actorRole: "official",
        action: opts.drawLotForTies ? "results.count_with_lot" : "results.count",
        objectType: "edition",
        objectId: editionId,
        after: { pools: pools.length, tiesThatMatter, turnoutAward: award },
      },
      now,
    );
  });
  return { ok: true, pools: pools.length, tiesThatMatter, awarded };
}

export type PublishRefusal = "not_counted" | "ties_unresolved" | "results_published" | "not_allowed";

/** Publishes every counted pool of the edition at once. Final: only a recorded correction can change it. */
export async function publishEdition(db: Db, editionId: string, by: Actor, now = new Date()): Promise<{ ok: true } | { ok: false; reason: PublishRefusal }> {
  return db.transaction().execute(async (trx) => {
    if (!(await mayCountEdition(trx, editionId, by))) return { ok: false as const, reason: "not_allowed" as const };
    const tallies = await trx
      .selectFrom("pool_tallies as t")
      .innerJoin("pools as po", "po.id", "t.pool_id")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .select(["t.pool_id", "t.published_at", "t.ties_json", "t.lot_seed"])
      .where("pr.edition_id", "=", editionId)
      .execute();
    const poolCount = await trx
      .selectFrom("pools as po")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("pr.edition_id", "=", editionId)
      .executeTakeFirstOrThrow();
    if (tallies.some((t) => t.published_at)) return { ok: false as const, reason: "results_published" as const };
    if (tallies.length === 0 || tallies.length < Number(poolCount.n)) return { ok: false as const, reason: "not_counted" as const };
    if (tallies.some((t) => !t.lot_seed && t.ties_json && t.ties_json !== "[]")) return { ok: false as const, reason: "ties_unresolved" as const };
    await trx
      .updateTable("pool_tallies")
      .set({ published_at: now.toISOString() })
      .where(
        "pool_id",
        "in",
        tallies.map((t) => t.pool_id),
      )
      .execute();
    await insertAudit(trx, { actorUserId: by.id, actorRole: "official", action: "results.publish", objectType: "edition", objectId: editionId, after: { pools: tallies.length } }, now);
    await ensureImplementations(trx, editionId, now); // each winner gets its public implementation page
    await notifyResultsPublished(trx, editionId, now); // authors and followers are told
    return { ok: true as const };
  });
}
