/**
 * Voting use cases: identify a voter against the register, cast a ballot (online, assisted or
 * paper) and look up a receipt. The one-ballot-per-person rule is the participations primary key,
 * written first in the same transaction as the ballot: two concurrent attempts cannot both commit.
 * The ballot is sealed (encrypted to the edition's public key) before it is written: the
 * participation row and the sealed ballot share nothing that links them, and the choices exist in
 * clear only after the counting commission opens the box (app/services/ballot-box.server.ts).
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { identityHash, sameHash } from "~/auth/identity-hash.server";
import { sha256 } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { inGroupCommit } from "~/data/group-commit.server";
import { insertSealedBallot, publicKeyOfProgramme } from "~/data/sealed-ballots.server";
import { sealBallot } from "~/auth/ballot-seal.server";
import { getVoterDistrictId, loadCatalogue, type CatalogueEntry, type VotingProgramme } from "~/data/ballots.server";
import { findVoterByDeclaration, findVoterByKarta, findVoterByPesel, hasVoted, isGuardianOf, type RegisterEntry } from "~/data/register.server";
import { limits } from "~/auth/rate-limit.server";
import { countBallotCast } from "~/metrics.server";
import { currentPhase } from "~/domain/phases";
import {
  calendarDateIn,
  canVote,
  canVoteForChild,
  declarationKeyString,
  encodeSealedContent,
  formatReceiptCode,
  identify,
  mayVoteForChild,
  parseGuardianRule,
  parseReceiptCode,
  polishLettersHint,
  personKeyOf,
  RECEIPT_BYTES,
  validateBallot,
  validatePaperBallot,
  type AgeBand,
  type BallotError,
  type BallotInput,
  type CalendarDate,
  type CataloguePool,
  type Channel,
  type GuardianBasis,
  type GuardianEligibilityReason,
  type GuardianRule,
  type IdentifyReason,
  type NormalisedBallot,
  type VoteEligibilityReason,
} from "~/domain/voting";

export interface IdentifiedVoter {
  voterId: string;
  programmeId: string;
  ageBand: string | null;
  birthDate: CalendarDate | null;
  onBehalf: "self" | "guardian";
  /** For a vote for a child: who votes (register row id) and on what basis — audited at the cast. */
  guardian?: { voterId: string; basis: GuardianBasis } | null;
}

/**
 * "identity_not_confirmed" is the ONE answer for an unknown identifier, a wrong name, and (for a
 * child) a guardian who may not vote for this child; "identify_wait" when the per-identity back-off
 * holds. Both may carry the Polish-letters hint, which depends only on what was typed.
 */
export type IdentifyRefusal = IdentifyReason | VoteEligibilityReason | "identity_not_confirmed" | "identify_wait" | "already_voted";
export type GenericRefusal = { ok: false; reason: "identity_not_confirmed" | "identify_wait"; retryAfterS?: number; hint?: "polish_letters" };

/** The per-identity failure counter shared by every identification path (see app/domain/voting/guard.ts). */
export interface IdentifyGuard {
  attempt(key: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }>;
  reset(key: string): Promise<void>;
}
export interface IdentifyOptions {
  guard?: IdentifyGuard;
  /** Who may vote for a child; default from VOTE_GUARDIAN_RULE ("register_link" unless set to "same_district"). */
  guardianRule?: GuardianRule;
}
const guardOf = (o: IdentifyOptions | undefined): IdentifyGuard => o?.guard ?? limits.identifyFailuresPerPerson;

/** The counter's key for one identity (an identifier, never the names typed with it). */
export function identityLimitKey(personKey: string): string {
  return identityHash(`limit:${personKey}`);
}

/**
 * Whose counter an attempt is charged to: the voter's when the register knows the identifier (so a
 * PESEL, a Karta number and a declaration of one person share ONE counter), else the identifier's.
 * Seen through one identifier the answers are the same either way, so this tells nothing about the
 * register.
 */
function counterKey(entry: RegisterEntry | null, personKey: string): string {
  return identityLimitKey(entry ? `voter:${entry.id}` : personKey);
}

function generic(names: ReadonlyArray<string | undefined>, wait?: number): GenericRefusal {
  const hint = polishLettersHint(names) ? { hint: "polish_letters" as const } : {};
  return wait === undefined ? { ok: false, reason: "identity_not_confirmed", ...hint } : { ok: false, reason: "identify_wait", retryAfterS: wait, ...hint };
}

/** Claims one attempt on every key (all are counted); refused when any is still waiting. */
async function claim(guard: IdentifyGuard, keys: string[]): Promise<number | null> {
  let wait: number | null = null;
  for (const k of keys) {
    const r = await guard.attempt(k);
    if (!r.ok) wait = Math.max(wait ?? 0, r.retryAfterS);
  }
  return wait;
}

const typedNames = (input: unknown): (string | undefined)[] => {
  const o = (input ?? {}) as Record<string, unknown>;
  return [o.parentFirstName, o.firstName, o.lastName].map((v) => (typeof v === "string" ? v : undefined));
};

/** The register row holding this identifier, if any — not yet confirmed by the names (see `confirmed`). */
async function findByIdentifier(db: Db, method: "pesel" | "karta", keyString: string, editionId: string): Promise<RegisterEntry | null> {
  const person = identityHash(personKeyOf(keyString));
  return method === "pesel" ? findVoterByPesel(db, editionId, person) : findVoterByKarta(db, editionId, person);
}

/** The second factor (parent's or own names) must match too; one answer for both failures. */
function confirmed(entry: RegisterEntry | null, keyString: string): RegisterEntry | null {
  return entry && sameHash(entry.checkHash, identityHash(keyString)) ? entry : null;
}

function ageRule(p: VotingProgramme) {
  return {
    minAge: p.minAge ?? undefined,
    maxAge: p.maxAge ?? undefined,
    guardianBelowAge: p.guardianBelowAge ?? undefined,
  };
}

function ageVerdict(birthDate: CalendarDate | null, ageBand: string | null, programme: VotingProgramme, now: Date) {
  return canVote({
    voter: { birthDate: birthDate ?? undefined, ageBand: (ageBand as AgeBand | null) ?? undefined, registered: true },
    programme: ageRule(programme),
    phase: currentPhase(programme.phases, now) ?? "results",
    now,
  });
}

/**
 * Checks who someone is and whether they may vote now in this programme. Never says whether an
 * identifier is in the register: what a PESEL itself says (age) is checked before the register is
 * read, and every failure of the register check is the same generic refusal, counted per identity.
 */
export async function identifyVoter(
  db: Db,
  input: unknown,
  programme: VotingProgramme,
  now: Date,
  opts?: IdentifyOptions,
): Promise<{ ok: true; voter: IdentifiedVoter } | { ok: false; reason: IdentifyRefusal; field?: string; retryAfterS?: number; hint?: "polish_letters" }> {
  const id = identify(input);
  if (!id.ok) return id;
  if (id.method === "pesel") {
    const early = ageVerdict(id.birthDate, null, programme, now);
    if (!early.ok) return { ok: false, reason: early.reason };
  }
  const guard = guardOf(opts);
  const found = await findByIdentifier(db, id.method, id.keyString, programme.editionId);
  const key = counterKey(found, personKeyOf(id.keyString));
  const wait = await claim(guard, [key]);
  if (wait !== null) return generic(typedNames(input), wait);
  const entry = confirmed(found, id.keyString);
  if (!entry) return generic(typedNames(input));
  await guard.reset(key);
  return admit(db, entry, id.method === "pesel" ? id.birthDate : null, programme, now);
}

/** Eligibility and the already-voted check for someone found in the register. */
async function admit(
  db: Db,
  entry: RegisterEntry,
  birthDate: CalendarDate | null,
  programme: VotingProgramme,
  now: Date,
): Promise<{ ok: true; voter: IdentifiedVoter } | { ok: false; reason: IdentifyRefusal }> {
  const verdict = ageVerdict(birthDate, entry.ageBand, programme, now);
  if (!verdict.ok) return { ok: false, reason: verdict.reason };
  if (await hasVoted(db, entry.id, programme.programmeId)) return { ok: false, reason: "already_voted" };
  return {
    ok: true,
    voter: { voterId: entry.id, programmeId: programme.programmeId, ageBand: verdict.ageBand ?? entry.ageBand, birthDate, onBehalf: "self" },
  };
}

/** At a voting point only: someone added to the register through an in-person declaration (same counter, same answer). */
export async function identifyDeclaration(db: Db, declarationId: string, programme: VotingProgramme, now: Date, opts?: IdentifyOptions) {
  const key = declarationKeyString(declarationId);
  if (!key.ok) return { ok: false as const, reason: key.reason, field: "declarationId" };
  const guard = guardOf(opts);
  const entry = await findVoterByDeclaration(db, programme.editionId, declarationId.trim());
  const limitKey = counterKey(entry, key.keyString);
  const wait = await claim(guard, [limitKey]);
  if (wait !== null) return generic([], wait);
  if (!entry) return generic([]);
  await guard.reset(limitKey);
  return admit(db, entry, null, programme, now);
}

export type ChildRefusal = IdentifyReason | GuardianEligibilityReason | "identity_not_confirmed" | "identify_wait" | "already_voted" | "child_pesel_required";

/** The city's rule for votes for children where the register has no guardian link (env VOTE_GUARDIAN_RULE). */
export function configuredGuardianRule(): GuardianRule {
  return parseGuardianRule(process.env.VOTE_GUARDIAN_RULE);
}

/**
 * A parent or guardian votes for a child: both are identified by PESEL and a parent's first name
 * (the guardian's age comes from their PESEL), and the guardian must be one the register links to
 * this child — or, under the city's "same_district" rule, an adult registered in the child's
 * district. The age rules (from the PESELs alone) come first; then both identities are counted on
 * the shared per-identity counter, and any failure of the register checks — either person unknown,
 * a wrong name, or no right to vote for this child — is the one generic refusal.
 */
export async function identifyChild(
  db: Db,
  guardianInput: unknown,
  childInput: unknown,
  programme: VotingProgramme,
  now: Date,
  opts?: IdentifyOptions,
): Promise<
  | { ok: true; voter: IdentifiedVoter }
  | { ok: false; reason: ChildRefusal; field?: string; who?: "guardian" | "child"; retryAfterS?: number; hint?: "polish_letters" }
> {
  const g = identify(guardianInput);
  if (!g.ok) return { ...g, who: "guardian" };
  if (g.method !== "pesel") return { ok: false, reason: "guardian_age_unknown", who: "guardian" };
  const c = identify(childInput);
  if (!c.ok) return { ...c, who: "child" };
  if (c.method !== "pesel") return { ok: false, reason: "child_pesel_required", who: "child" };
  const verdict = canVoteForChild({
    guardian: { birthDate: g.birthDate, registered: true },
    child: { birthDate: c.birthDate, registered: true },
    programme: ageRule(programme),
    phase: currentPhase(programme.phases, now) ?? "results",
    now,
  });
  if (!verdict.ok) return { ok: false, reason: verdict.reason, who: "child" };

  const guard = guardOf(opts);
  const foundGuardian = await findByIdentifier(db, "pesel", g.keyString, programme.editionId);
  const foundChild = await findByIdentifier(db, "pesel", c.keyString, programme.editionId);
  const keys = [counterKey(foundGuardian, personKeyOf(g.keyString)), counterKey(foundChild, personKeyOf(c.keyString))];
  const names = [...typedNames(guardianInput), ...typedNames(childInput)];
  const wait = await claim(guard, keys);
  if (wait !== null) return generic(names, wait);
  const guardian = confirmed(foundGuardian, g.keyString);
  const child = confirmed(foundChild, c.keyString);
  if (!guardian || !child) return generic(names);
  const may = mayVoteForChild(
    { linked: await isGuardianOf(db, child.id, guardian.identifierHashes), guardianDistrictId: guardian.districtId, childDistrictId: child.districtId },
    opts?.guardianRule ?? configuredGuardianRule(),
  );
  if (!may.ok) return generic(names);
  for (const k of keys) await guard.reset(k);
  if (await hasVoted(db, child.id, programme.programmeId)) return { ok: false, reason: "already_voted", who: "child" };
  return {
    ok: true,
    voter: { voterId: child.id, programmeId: programme.programmeId, ageBand: verdict.ageBand, birthDate: null, onBehalf: "guardian", guardian: { voterId: guardian.id, basis: may.basis } },
  };
}

export function toCataloguePools(catalogue: CatalogueEntry[]): CataloguePool[] {
  return catalogue.map((p) => ({
    poolId: p.poolId,
    kind: p.kind,
    ballotRule: p.ballotRule,
    budgetGrosze: p.budgetGrosze,
    districtId: p.districtId,
    projects: p.projects.map((x) => ({ id: x.id, costGrosze: x.costGrosze })),
  }));
}

export interface CastContext {
  channel: Channel;
  votingPointId?: string | null;
  officialUserId?: string | null;
}

export type CastResult =
  | { ok: true; receipt: string; invalidPools: { poolId: string; reason: string }[] }
  | { ok: false; reason: "already_voted" | "not_voting_phase" | "ballot_box_not_ready" }
  | { ok: false; reason: "ballot_invalid"; errors: BallotError[] };

/** The hour that contains `now`: audit rows of assisted, paper and child votes say when to this precision only. */
function hourOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
}

/**
 * Writes the participation (who voted), the sealed ballot (how: ciphertext to the edition's public
 * key, with nothing that ties it to the participation) and the turnout counter in one transaction.
 * The choices never reach the database in clear: the ballot is encrypted here, before the write.
 */
async function writeBallot(
  db: Db,
  voter: IdentifiedVoter,
  ballot: NormalisedBallot,
  ctx: CastContext,
  now: Date,
  invalidPools: { poolId: string; reason: string }[] = [],
): Promise<{ ok: true; receipt: string } | { ok: false; reason: "already_voted" | "ballot_box_not_ready" }> {
  const publicKey = await publicKeyOfProgramme(db, voter.programmeId);
  if (!publicKey) return { ok: false, reason: "ballot_box_not_ready" };
  const receipt = formatReceiptCode(randomBytes(RECEIPT_BYTES));
  const receiptHash = sha256(receipt);
  const sealed = await sealBallot(publicKey, encodeSealedContent({ programmeId: voter.programmeId, ballot, invalidPools, receiptHash }));
  const day = calendarDateIn(now);
  const votedOn = `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
  const districtKey = ballot.districtId ?? "-";
  const hour = hourOf(now);
  // shared with the other ballots cast at the same moment: one disk flush acknowledges them all
  return inGroupCommit(db, async (trx) => {
    const inserted = await trx
      .insertInto("participations")
      .values({
        voter_id: voter.voterId,
        programme_id: voter.programmeId,
        channel: ctx.channel,
        on_behalf: voter.onBehalf,
        district_id: ballot.districtId,
        age_band: voter.ageBand,
        voting_point_id: ctx.votingPointId ?? null,
        official_user_id: ctx.officialUserId ?? null,
        voted_on: votedOn,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return { ok: false as const, reason: "already_voted" as const };
    await insertSealedBallot(trx, { id: `sb_${randomBytes(16).toString("base64url")}`, programmeId: voter.programmeId, receiptHash, sealed });
    await trx
      .insertInto("turnout_counters")
      .values({ programme_id: voter.programmeId, district_id: districtKey, channel: ctx.channel, voters: 1 })
      .onConflict((oc) => oc.columns(["programme_id", "district_id", "channel"]).doUpdateSet((eb) => ({ voters: eb("turnout_counters.voters", "+", 1) })))
      .execute();
    if (voter.onBehalf === "guardian") {
      // every vote for a child says on what basis it was allowed (register link or the city's rule),
      // to the hour: the participation is named, the moment its ballot was stored is not
      await insertAudit(
        trx,
        {
          actorUserId: ctx.officialUserId ?? null,
          actorRole: ctx.officialUserId ? "official" : "resident",
          action: "ballot.for_child",
          objectType: "participation",
          objectId: `${voter.programmeId}:${voter.voterId}`,
          after: { basis: voter.guardian?.basis ?? null, guardianVoterId: voter.guardian?.voterId ?? null },
        },
        hour,
      );
    }
    if (ctx.officialUserId) {
      // that an official helped or entered a ballot, where and in which hour — never for whom (the
      // participation says that, without a time), never the choices
      await insertAudit(
        trx,
        {
          actorUserId: ctx.officialUserId,
          actorRole: "official",
          action: ctx.channel === "paper" ? "ballot.paper_entered" : "ballot.assisted",
          objectType: "voting_point",
          objectId: ctx.votingPointId ?? "paper",
          after: { channel: ctx.channel, hour: hour.toISOString() },
        },
        hour,
      );
    }
    return { ok: true as const, receipt };
  }).then((r) => countBallotCast(r, ctx.channel));
}

/** The districts a ballot may name: the chosen one, or under the "own district only" rule only the voter's registered district. */
async function allowedDistricts(db: Db, programme: VotingProgramme, voterId: string | null, chosen: string | null): Promise<string[]> {
  if (programme.districtChoice === "own" && voterId) {
    const own = await getVoterDistrictId(db, voterId);
    return own ? [own] : [];
  }
  return chosen ? [chosen] : [];
}

/** The online ballot rule on this programme's catalogue: shown on the review step, enforced again at cast. */
export async function checkBallot(db: Db, programme: VotingProgramme, input: BallotInput, voterId: string | null = null) {
  const catalogue = await loadCatalogue(db, programme.programmeId, input.districtId);
  return validateBallot(input, toCataloguePools(catalogue), { allowEmpty: false, districtIds: await allowedDistricts(db, programme, voterId, input.districtId) });
}

/** An online or assisted ballot: every category must be valid, and it is final once cast. */
export async function castBallot(
  db: Db,
  voter: IdentifiedVoter,
  programme: VotingProgramme,
  input: BallotInput,
  ctx: CastContext,
  now: Date,
): Promise<CastResult> {
  if (currentPhase(programme.phases, now) !== "voting") return { ok: false, reason: "not_voting_phase" };
  const verdict = await checkBallot(db, programme, input, voter.voterId);
  if (!verdict.ok) return { ok: false, reason: "ballot_invalid", errors: verdict.errors };
  const written = await writeBallot(db, voter, verdict.normalised, ctx, now);
  return written.ok ? { ok: true, receipt: written.receipt, invalidPools: [] } : written;
}

/**
 * A paper ballot typed in by an official: the voter is identified like online, the same uniqueness
 * applies; a category that breaks its limit is invalid there only (recorded with the reason).
 */
export async function castPaperBallot(
  db: Db,
  identityInput: unknown,
  programme: VotingProgramme,
  input: BallotInput,
  officialUserId: string,
  now: Date,
  opts?: IdentifyOptions,
): Promise<CastResult | { ok: false; reason: IdentifyRefusal; field?: string; retryAfterS?: number; hint?: "polish_letters" }> {
  const who = await identifyVoter(db, identityInput, programme, now, opts);
  if (!who.ok) return who;
  const catalogue = await loadCatalogue(db, programme.programmeId, input.districtId);
  const verdict = validatePaperBallot(input, toCataloguePools(catalogue), { districtIds: await allowedDistricts(db, programme, who.voter.voterId, input.districtId) });
  if (!verdict.ok) return { ok: false, reason: "ballot_invalid", errors: verdict.errors };
  const invalidPools = Object.entries(verdict.pools).flatMap(([poolId, v]) => (v.valid ? [] : [{ poolId, reason: v.reason }]));
  const written = await writeBallot(db, who.voter, verdict.normalised, { channel: "paper", officialUserId }, now, invalidPools);
  return written.ok ? { ok: true, receipt: written.receipt, invalidPools } : written;
}

/** Normalises a typed receipt code and returns its hash for the lookup (or why it is malformed). */
export function receiptLookupHash(input: string): { ok: true; hash: string; code: string } | { ok: false; reason: "receipt_format" | "receipt_checksum" } {
  const parsed = parseReceiptCode(input);
  return parsed.ok ? { ok: true, hash: sha256(parsed.code), code: parsed.code } : parsed;
}
