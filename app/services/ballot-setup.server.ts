/**
 * Ballot types of an edition's pools (#14): a pool's ballot rule and selection rule, optionally for
 * every pool of the same kind in its programme at once, and the programme's ballot order. Refused
 * once voting has started (ballots already cast were read with the old rule); every change is
 * audited with before/after in the same transaction, and a refusal writes nothing.
 */
import { createHmac } from "node:crypto";
import type { Db } from "../../db/client";
import { insertAudit } from "~/data/audit.server";
import { getProgrammeOfEdition, listPoolProposals, listPoolRules, listSameKindPoolIds, updateBallotOrder, updatePoolRules } from "~/data/ballot-setup.server";
import { getEditionRow, getVotingStart, listEditionPools } from "~/data/pool-setup.server";
import type { BallotOrder } from "~/domain/ballot-order";
import { applyExclusiveChange, sameGroups, type ExclusiveChange, type ExclusiveGroupsRefusal } from "~/domain/exclusive-groups";
import { can, type Actor } from "~/domain/permissions";
import { SelectionRuleSchema, type BallotRule, type SelectionRule } from "~/domain/rules";
import { getEnv } from "~/env.server";

type Refusal<R extends string> = { ok: false; reason: R };
const no = <R extends string>(reason: R): Refusal<R> => ({ ok: false, reason });

async function votingStarted(db: Db, editionId: string, now: Date): Promise<boolean> {
  const start = await getVotingStart(db, editionId);
  return start !== null && start <= now.toISOString();
}

function selectionOf(json: string): SelectionRule | null {
  try {
    return SelectionRuleSchema.parse(JSON.parse(json));
  } catch {
    return null;
  }
}

export type BallotRuleRefusal = "not_allowed" | "pool_missing" | "edition_archived" | "voting_started" | "list_published" | "exclusive_needs_greedy";

/** The pool of an edition whose rules may still change: not archived, voting not started. */
async function editablePool(trx: Db, editionId: string, poolId: string, now: Date) {
  const edition = await getEditionRow(trx, editionId);
  const [pool] = edition ? await listEditionPools(trx, editionId, poolId) : [];
  if (!edition || !pool) return no("pool_missing");
  if (edition.status === "archived") return no("edition_archived");
  if (await votingStarted(trx, editionId, now)) return no("voting_started");
  return { ok: true as const, pool };
}

/**
 * Sets how a pool is voted on and how its winners are chosen; `sameKind` applies the same to every
 * pool of that kind in the programme (all district large pools, say). The threshold (minScore) of a
 * pool whose list is published stays (voters were told it), as on the pool rules form. Each pool
 * keeps its own groups of mutually exclusive projects (`changeExclusiveGroups` sets them; any in
 * `input.selectionRule` are ignored): Equal Shares is refused for a pool that has groups.
 */
export async function setPoolBallotRules(
  db: Db,
  by: Actor,
  input: { editionId: string; poolId: string; ballotRule: BallotRule; selectionRule: SelectionRule; sameKind: boolean },
  now = new Date(),
): Promise<{ ok: true; changed: number } | Refusal<BallotRuleRefusal>> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const found = await editablePool(trx, input.editionId, input.poolId, now);
    if (!found.ok) return found;
    const { pool } = found;
    const ids = input.sameKind ? await listSameKindPoolIds(trx, pool.programmeId, pool.kind) : [pool.id];
    const ballotRule = JSON.stringify(input.ballotRule);
    const { exclusive: _groupsAreSetApart, ...chosen } = input.selectionRule;
    const all = await listEditionPools(trx, input.editionId);
    const published = new Set(all.filter((p) => p.publishedAt !== null).map((p) => p.id));
    const before = (await listPoolRules(trx, ids)).map((b) => {
      const groups = selectionOf(b.selectionRule)?.exclusive;
      const selection: SelectionRule = groups && groups.length > 0 ? { ...chosen, exclusive: groups } : chosen;
      return { ...b, selection };
    });
    if (before.some((b) => published.has(b.id) && (selectionOf(b.selectionRule)?.minScore ?? 0) !== input.selectionRule.minScore)) return no("list_published");
    if (chosen.method === "equal-shares" && before.some((b) => b.selection.exclusive)) return no("exclusive_needs_greedy");
    let changed = 0;
    for (const b of before) {
      const selectionRule = JSON.stringify(b.selection);
      if (b.ballotRule === ballotRule && b.selectionRule === selectionRule) continue;
      await updatePoolRules(trx, b.id, ballotRule, selectionRule);
      await insertAudit(
        trx,
        { actorUserId: by.id, actorRole: "admin", action: "pool.ballot_rule", objectType: "pool", objectId: b.id, before: { ballotRule: JSON.parse(b.ballotRule), selectionRule: JSON.parse(b.selectionRule) }, after: { ballotRule: input.ballotRule, selectionRule: b.selection } },
        now,
      );
      changed++;
    }
    return { ok: true as const, changed };
  });
}

export type ExclusiveGroupsResult = { ok: true; groups: string[][] } | Refusal<"not_allowed" | "pool_missing" | "edition_archived" | "voting_started" | "rule_invalid" | "exclusive_needs_greedy" | ExclusiveGroupsRefusal>;

/**
 * Groups of mutually exclusive projects of one pool (Warszawa): add a group of the pool's ballot
 * projects, remove the group holding a project, or set them all (the replay). Refused once voting
 * has started, like the ballot rule, and for a pool counted by Equal Shares (only the greedy rules
 * honour groups). Written into the pool's selection rule and audited before/after.
 */
export async function changeExclusiveGroups(
  db: Db,
  by: Actor,
  input: { editionId: string; poolId: string; change: ExclusiveChange },
  now = new Date(),
): Promise<ExclusiveGroupsResult> {
  if (!can(by, "edition.manage")) return no("not_allowed");
  return db.transaction().execute(async (trx) => {
    const found = await editablePool(trx, input.editionId, input.poolId, now);
    if (!found.ok) return found;
    const { pool } = found;
    const [row] = await listPoolRules(trx, [pool.id]);
    const rule = row ? selectionOf(row.selectionRule) : null;
    if (!row || !rule) return no("rule_invalid");
    const current = rule.exclusive ?? [];
    const onBallot = new Set((await listPoolProposals(trx, pool.id)).filter((p) => p.onBallot).map((p) => p.id));
    const next = applyExclusiveChange(current, input.change, onBallot);
    if (!next.ok) return next;
    if (next.groups.length > 0 && rule.method === "equal-shares") return no("exclusive_needs_greedy");
    if (sameGroups(current, next.groups)) return { ok: true as const, groups: next.groups };
    const { exclusive: _old, ...rest } = rule;
    const after: SelectionRule = next.groups.length > 0 ? { ...rest, exclusive: next.groups } : rest;
    await updatePoolRules(trx, pool.id, row.ballotRule, JSON.stringify(after));
    await insertAudit(trx, { actorUserId: by.id, actorRole: "admin", action: "pool.exclusive_groups", objectType: "pool", objectId: pool.id, before: { exclusive: current }, after: { exclusive: next.groups } }, now);
    return { ok: true as const, groups: next.groups };
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
