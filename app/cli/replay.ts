/**
 * `npm run edition -- replay FILE.pb [--json]`: runs a real election from a Pabulib file through the
 * platform, on a throwaway database. The edition is set up with the administrators' services
 * (edition, programme, district, phases, commission key, activation) and a pool configured as the
 * file's META says through the pools page's own services (vote type and limits → ballot rule through
 * the ballot-type registry; rule, threshold → selection rule: `setPoolBallotRules`; `--exclusive`
 * groups: `changeExclusiveGroups`). The register gets one synthetic resident per ballot through the
 * city's register import; every ballot is cast with `castBallot` — the validation, sealing and
 * storage the web's ballot page uses after a voter is identified (identification itself is not
 * replayed); the commission opens the box with its shares and `countEdition` counts.
 * What the platform cannot reproduce (a budget raised by hand, extra funds, exclusive projects not
 * given with `--exclusive`) is listed in `notes`, not faked.
 */
import { parsePabulib, pbBudget, type PbElection } from "../domain/counting";
import { citySelection, replayConfig, selectionOf, type ReplayConfig } from "../domain/replay";
import { makePesel } from "../domain/voting";
import type { Actor } from "../domain/permissions";
import type { Db } from "../../db/client";
import { clearCatalogueCache, getVotingProgramme } from "../data/ballots.server";
import { getPoolOutcome, insertReplayPool, insertReplayProjects, listRegisterVoterIds, withdrawReplayProjects } from "../data/replay.server";
import { changeExclusiveGroups, setPoolBallotRules } from "../services/ballot-setup.server";
import { activateEdition, closeVotingEarly, createEdition, saveProgramme, savePhases } from "../services/edition-admin.server";
import { addDistrict } from "../services/pool-setup.server";
import { importRegister } from "../services/register.server";
import { createCommissionKey, openBallotBox } from "../services/ballot-box.server";
import { castBallot, type IdentifiedVoter } from "../services/voting.server";
import { countEdition } from "../services/results.server";
import { createVerifiedAccount } from "../services/accounts.server";
import { grantAdministratorFromCli } from "../services/roles.server";
import { demoPhases } from "./seed";

const ADMIN: Actor = { id: "usr_replay_admin", roles: [{ role: "admin", scope: "*" }] };
const OFFICIAL: Actor = { id: "usr_replay_official", roles: [{ role: "official", scope: "*" }] };
const PREFIX = "prp_replay_";
const POOL = "pool_replay";

export interface ReplaySummary {
  file: string;
  voteType: string;
  rule: string;
  config: ReplayConfig;
  ballots: number;
  ballotsAccepted: number;
  ballotsRefused: number;
  refusals: Record<string, number>;
  /** the platform's funded projects (file ids), in the order of the count */
  selected: string[];
  /** the city's funded projects (selected = 1), or null when the file does not say */
  city: string[] | null;
  /** per project: file id, the platform's voters and score */
  scores: { id: string; votes: number; score: number; decision: string }[];
  seconds: { setup: number; cast: number; count: number; total: number };
  /** the replayed database, for the `.pb` export check */
  editionId: string;
  poolId: string;
}

class ReplayError extends Error {}
function must<T extends { ok: boolean }>(step: string, r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new ReplayError(`${step} refused: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

/** A synthetic adult's PESEL, distinct for i < 20 160 000. */
function syntheticPesel(i: number): string {
  const birth = { year: 1940 + (i % 60), month: 1 + (Math.floor(i / 60) % 12), day: 1 + (Math.floor(i / 720) % 28) };
  return makePesel(birth, Math.floor(i / 20_160) % 1000, i % 2 ? "male" : "female", Math.floor(i / 20_160_000) % 5);
}

/** Replays a parsed file on `db` (a fresh, migrated database). */
export interface ReplayOptions {
  file?: string;
  now?: Date;
  year?: number;
  batch?: number;
  /** groups of mutually exclusive projects (file ids), e.g. Warszawa's `greedy-exclusive` */
  exclusive?: readonly (readonly string[])[];
}

export async function replayElection(db: Db, e: PbElection, opts: ReplayOptions = {}): Promise<ReplaySummary> {
  const t0 = Date.now();
  const now = opts.now ?? new Date();
  const later = (s: number) => new Date(now.getTime() + s * 1000);
  const made = replayConfig(e, { exclusive: opts.exclusive });
  if (!made.ok) throw new ReplayError(`cannot replay: ${made.reason} (vote_type ${e.meta["vote_type"]}, rule ${e.meta["rule"]})`);
  const config = made.config;

  // the administrator and the counting official exist as accounts no one can sign in to
  for (const a of [ADMIN, OFFICIAL]) {
    await createVerifiedAccount(db, { id: a.id, email: `${a.id.replace(/_/g, "-")}@replay.invalid`, displayName: a === ADMIN ? "Replay administrator" : "Replay official", passwordHash: "!no-sign-in" }, "edition:replay", now);
  }
  must("administrator", await grantAdministratorFromCli(db, ADMIN.id, "edition:replay", now));
  const year = opts.year ?? 2100;
  const { id: editionId } = must("edition", await createEdition(db, ADMIN, { year, name: `Replay: ${e.meta["description"] ?? opts.file ?? "Pabulib"}`.slice(0, 120) }, now));
  const { id: programmeId } = must(
    "programme",
    await saveProgramme(db, ADMIN, editionId, { kind: "bo", moderation: "officials", minAge: null, maxAge: null, guardianBelowAge: null, supportsRequired: 0, languages: ["pl"] }, undefined, now),
  );
  must("district", await addDistrict(db, ADMIN, { name: "Replay", slug: "replay", population: e.votes.length, areaHa: 0 }, now));
  await insertReplayPool(db, { id: POOL, programmeId, budgetGrosze: pbBudget(e) });
  await insertReplayProjects(db, { editionId, poolId: POOL, prefix: PREFIX, projects: e.projects, at: now.toISOString() });
  // the rules as an administrator sets them on the pools page; groups name proposals, not the file's project ids
  must("ballot rules", await setPoolBallotRules(db, ADMIN, { editionId, poolId: POOL, ballotRule: config.ballotRule, selectionRule: config.selectionRule, sameKind: false }, now));
  const exclusive = config.selectionRule.exclusive?.map((g) => g.map((id) => `${PREFIX}${id}`));
  if (exclusive) must("exclusive groups", await changeExclusiveGroups(db, ADMIN, { editionId, poolId: POOL, change: { set: exclusive } }, now));
  must("phases", await savePhases(db, ADMIN, editionId, { windows: demoPhases(now, "voting"), allowGaps: false, reason: "Replay of a past election: voting is open from the start" }, now));
  const key = must("commission key", await createCommissionKey(db, editionId, { members: ["Anna Replay", "Jan Replay", "Ewa Replay"], threshold: 2 }, ADMIN, now));
  must("activate", await activateEdition(db, ADMIN, editionId, now));
  const csv = ["pesel;karta_number;first_name;last_name;parent_first_name;district;age_band;guardian_pesel"];
  for (let i = 0; i < e.votes.length; i++) csv.push(`${syntheticPesel(i)};;;;Anna;Replay;;`);
  const reg = must("register", await importRegister(db, csv.join("\n"), "system", now));
  const voterIds = await listRegisterVoterIds(db, editionId);
  if (voterIds.length < e.votes.length) throw new ReplayError(`register: ${voterIds.length} of ${e.votes.length} imported (${JSON.stringify(reg.skipped.slice(0, 3))})`);
  clearCatalogueCache();
  const programme = await getVotingProgramme(db, "bo");
  if (!programme || programme.editionId !== editionId) throw new ReplayError("the replayed edition is not the current one");
  const t1 = Date.now();

  // cast: many at once, so the group commit writes them in shared transactions
  const refusals: Record<string, number> = {};
  let accepted = 0;
  const batch = opts.batch ?? 256;
  for (let i = 0; i < e.votes.length; i += batch) {
    const chunk = e.votes.slice(i, i + batch);
    const results = await Promise.all(
      chunk.map((v, k) => {
        const voter: IdentifiedVoter = { voterId: voterIds[i + k]!, programmeId, ageBand: null, birthDate: null, onBehalf: "self" };
        return castBallot(db, voter, programme, { districtId: null, selections: { [POOL]: selectionOf(config.ballotRule, { ...v, vote: v.vote.map((id) => `${PREFIX}${id}`) }) } }, { channel: "online" }, now);
      }),
    );
    for (const r of results) {
      if (r.ok) accepted++;
      else {
        const reason = r.reason === "ballot_invalid" ? (r.errors[0]?.reason ?? r.reason) : r.reason;
        refusals[reason] = (refusals[reason] ?? 0) + 1;
      }
    }
  }
  const t2 = Date.now();
  if (accepted === 0) throw new ReplayError(`no ballot was accepted: ${JSON.stringify(refusals)}`);

  must("close voting", await closeVotingEarly(db, ADMIN, editionId, "Replay: all ballots cast", later(1)));
  await withdrawReplayProjects(db, config.withdrawn.map((id) => `${PREFIX}${id}`), later(2).toISOString());
  must("open the ballot box", await openBallotBox(db, editionId, key.shares.slice(0, 2).map((s) => s.code), OFFICIAL, later(3)));
  must("count", await countEdition(db, editionId, OFFICIAL, {}, later(4)));
  const outcome = await getPoolOutcome(db, POOL);
  const fileId = (pid: string) => pid.slice(PREFIX.length);
  const t3 = Date.now();
  return {
    file: opts.file ?? "",
    voteType: e.meta["vote_type"] ?? "",
    rule: e.meta["rule"] ?? "",
    config,
    ballots: e.votes.length,
    ballotsAccepted: accepted,
    ballotsRefused: e.votes.length - accepted,
    refusals,
    selected: outcome.rows.filter((r) => r.selected > 0).map((r) => fileId(r.proposal_id)),
    city: citySelection(e),
    scores: outcome.rows.map((r) => ({ id: fileId(r.proposal_id), votes: Number(r.votes), score: Number(r.score), decision: r.decision })),
    seconds: { setup: (t1 - t0) / 1000, cast: (t2 - t1) / 1000, count: (t3 - t2) / 1000, total: (t3 - t0) / 1000 },
    editionId,
    poolId: POOL,
  };
}

export function replayText(db: Db, text: string, opts: ReplayOptions = {}): Promise<ReplaySummary> {
  return replayElection(db, parsePabulib(text), opts);
}

/** The human-readable summary printed by the command. */
export function formatReplay(s: ReplaySummary): string {
  const pct = s.ballots > 0 ? ((100 * s.ballotsAccepted) / s.ballots).toFixed(2) : "–";
  const same = s.city === null ? "the file does not record the city's selection" : [...s.city].sort().join() === [...s.selected].sort().join() ? "the same as the city's" : `DIFFERENT from the city's (${s.city.join(", ")})`;
  return [
    `${s.file}: ${s.voteType}, ${s.rule}`,
    `  ballot rule ${JSON.stringify(s.config.ballotRule)}; selection ${JSON.stringify(s.config.selectionRule)}`,
    `  ballots: ${s.ballots}, accepted ${s.ballotsAccepted} (${pct} %), refused ${s.ballotsRefused}${s.ballotsRefused ? ` ${JSON.stringify(s.refusals)}` : ""}`,
    `  selected: ${s.selected.join(", ") || "none"} — ${same}`,
    ...s.config.notes.map((n) => `  note: ${n}`),
    `  seconds: set-up ${s.seconds.setup.toFixed(1)}, casting ${s.seconds.cast.toFixed(1)}, opening and counting ${s.seconds.count.toFixed(1)}`,
  ].join("\n");
}

export function replayJson(s: ReplaySummary): string {
  return JSON.stringify({ selected: s.selected, ballots_accepted: s.ballotsAccepted, ballots_refused: s.ballotsRefused, refusals: s.refusals, seconds: Number(s.seconds.total.toFixed(3)) });
}
