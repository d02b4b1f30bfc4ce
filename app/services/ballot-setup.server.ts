/**
 * Ballot types of an edition's pools (#14): a pool's ballot rule and selection rule, optionally for
 * every pool of the same kind in its programme at once, and the programme's ballot order. Refused
 * once voting has started (ballots already cast were read with the old rule); every change is
 * audited with before/after in the same transaction, and a refusal writes nothing.
 */
import { createHmac } from "node:crypto";
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import { getProgrammeOfEdition, listPoolRules, listSameKindPoolIds, updateBallotOrder, updatePoolRules } from "~/data/ballot-setup.server";
import { getEditionRow, getVotingStart, listEditionPools } from "~/data/pool-setup.server";
import type { BallotOrder } from "~/domain/ballot-order";
import { can, type Actor } from "~/domain/permissions";
import { SelectionRuleSchema, type BallotRule, type SelectionRule } from "~/domain/rules";
import { getEnv } from "~/env.server";

type Refusal<R extends string> = { ok: false; reason: R };
const no = <R extends string>(reason: R): Refusal<R> => ({ ok: false, reason });

async function votingStarted(db: Db, editionId: string, now: Date): Promise<boolean> {
  const start = await getVotingStart(db, editionId);
  return start !== null && start <= now.toISOString();
}

function minScoreOf(json: string): number {
  try {
    return SelectionRuleSchema.parse(JSON.parse(json)).minScore;
  } catch {
    return 0;
  }
}

export type BallotRuleRefusal = "not_allowed" | "pool_missing" | "edition_archived" | "voting_started" | "list_published";

/**
 * Sets how a pool is voted on and how its winners are chosen; `sameKind` applies the same to every
 * pool of that kind in the programme (all district large pools, say). The threshold (minScore) of a
 * pool whose list is published stays (voters were told it), as on the pool rules form.
 */
export async function setPoolBallotRules(
  db: Db,
  by: Actor,
  input: { editionId: string; poolId: string; ballotRule: BallotRule; selectionRule: SelectionRule; sameKind: boolean },
  now = new Date(),
): Promise<{ ok: true; changed: number } | Refusal<BallotRuleRefusal>> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const edition = await getEditionRow(trx, input.editionId);
    const [pool] = edition ? await listEditionPools(trx, input.editionId, input.poolId) : [];
    if (!edition || !pool) return no("pool_missing");
    if (edition.status === "archived") return no("edition_archived");
    if (await votingStarted(trx, input.editionId, now)) return no("voting_started");
    const ids = input.sameKind ? await listSameKindPoolIds(trx, pool.programmeId, pool.kind) : [pool.id];
    const ballotRule = JSON.stringify(input.ballotRule);
    const selectionRule = JSON.stringify(input.selectionRule);
    const all = await listEditionPools(trx, input.editionId);
    const published = new Set(all.filter((p) => p.publishedAt !== null).map((p) => p.id));
    const before = await listPoolRules(trx, ids);
    if (before.some((b) => published.has(b.id) && minScoreOf(b.selectionRule) !== input.selectionRule.minScore)) return no("list_published");
    let changed = 0;
    for (const b of before) {
      if (b.ballotRule === ballotRule && b.selectionRule === selectionRule) continue;
      await updatePoolRules(trx, b.id, ballotRule, selectionRule);
      await insertAudit(
        trx,
        { actorUserId: by.id, actorRole: "admin", action: "pool.ballot_rule", objectType: "pool", objectId: b.id, before: { ballotRule: JSON.parse(b.ballotRule), selectionRule: JSON.parse(b.selectionRule) }, after: { ballotRule: input.ballotRule, selectionRule: input.selectionRule } },
        now,
      );
      changed++;
    }
    return { ok: true as const, changed };
  });
}

/** The order of projects on the programme's ballots; refused once voting has started. */
export async function setBallotOrder(
  db: Db,
  by: Actor,
  input: { editionId: string; programmeId: string; order: BallotOrder },
  now = new Date(),
): Promise<{ ok: true } | Refusal<"not_allowed" | "programme_missing" | "edition_archived" | "voting_started">> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const edition = await getEditionRow(trx, input.editionId);
    const programme = edition ? await getProgrammeOfEdition(trx, input.editionId, input.programmeId) : null;
    if (!edition || !programme) return no("programme_missing");
    if (edition.status === "archived") return no("edition_archived");
    if (programme.ballotOrder === input.order) return { ok: true as const };
    if (await votingStarted(trx, input.editionId, now)) return no("voting_started");
    await updateBallotOrder(trx, programme.id, input.order);
    await insertAudit(trx, { actorUserId: by.id, actorRole: "admin", action: "programme.ballot_order", objectType: "programme", objectId: programme.id, before: { ballotOrder: programme.ballotOrder }, after: { ballotOrder: input.order } }, now);
    return { ok: true as const };
  });
}

/**
 * The seed of a voter's random ballot order: a keyed hash of the voter's session and the pool, so
 * the order stays the same across reloads and steps, cannot be guessed from outside, and is never stored.
 */
export function voterBallotSeed(voterId: string, programmeId: string, poolId: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET).update(`ballot-order:${programmeId}:${voterId}:${poolId}`).digest("base64url");
}
