/**
 * Replaying a Pabulib election on the platform (`npm run edition -- replay FILE.pb`), the pure part:
 * which ballot rule and selection rule the file's META asks for, how one of its ballots is entered
 * on the platform's ballot, and what in the file the platform's count cannot reproduce (said, not
 * faked). The writing and counting happen through the services (app/cli/replay.ts).
 */
import type { PbElection, PbVote } from "./counting/pabulib";
import { isWithdrawnCost, pbMetaInt, pbRule, pbThreshold } from "./counting/pabulib";
import { rankPoints, type BallotRule, type SelectionRule } from "./rules";
import type { BallotSelection } from "./voting/ballot";

export interface ReplayConfig {
  ballotRule: BallotRule;
  selectionRule: SelectionRule;
  /** Projects the file marks withdrawn (cost 999999999): on the ballot, taken off before the count. */
  withdrawn: string[];
  /** What the platform does differently from the file's rule, in plain words. */
  notes: string[];
}

export type ReplayConfigRefusal = "unsupported_vote_type" | "unsupported_rule";

function ballotRuleOf(e: PbElection, notes: string[]): BallotRule | null {
  const vt = e.meta["vote_type"];
  const minLength = pbMetaInt(e, "min_length");
  const maxLength = pbMetaInt(e, "max_length");
  const longest = e.votes.reduce((n, v) => Math.max(n, v.vote.length), 0);
  if (vt === "approval") {
    if (e.meta["max_sum_cost"] !== undefined) notes.push(`META max_sum_cost ${e.meta["max_sum_cost"]} (a cost limit on approval ballots) is not enforced: the platform's approval ballot limits the number of ticks only`);
    return { kind: "approval", minTicks: minLength ?? 0, maxTicks: Math.max(1, maxLength ?? e.projects.length) };
  }
  if (vt === "choose-1") return { kind: "choose-one", required: true };
  if (vt === "cumulative") {
    const most = e.votes.reduce((n, v) => Math.max(n, (v.points ?? []).reduce((s, x) => s + x, 0)), 1);
    const maxTotal = pbMetaInt(e, "max_sum_points") ?? most;
    if (pbMetaInt(e, "max_sum_points") === undefined) notes.push(`META has no max_sum_points: the largest ballot's total (${most}) is used`);
    return { kind: "points", maxTotal, maxPerProject: pbMetaInt(e, "max_points") ?? maxTotal };
  }
  if (vt === "ordinal") {
    const ranks = Math.min(20, Math.max(1, maxLength ?? longest));
    const full = e.votes.find((v) => v.vote.length === ranks && v.points && v.points.length === ranks);
    const defaults = rankPoints({ ranks });
    const given = full?.points;
    const decreasing = given?.every((p, i) => i === 0 || p < (given[i - 1] as number)) && given.every((p) => p >= 1);
    const pointsPerRank = given && decreasing && given.some((p, i) => p !== defaults[i]) ? [...given] : undefined;
    return { kind: "ranked", ranks, exact: minLength !== undefined && minLength === maxLength, ...(pointsPerRank ? { pointsPerRank } : {}) };
  }
  return null;
}

function selectionRuleOf(e: PbElection, notes: string[]): SelectionRule | null {
  const label = (pbRule(e) ?? "greedy").trim().toLowerCase();
  const minScore = pbThreshold(e) ?? 0;
  const base = { minScore, tieBreak: "lower-cost" as const };
  switch (label) {
    case "greedy":
    case "greedy-threshold":
      return { method: "greedy", ...base };
    case "greedy-no-skip":
      return { method: "greedy-no-skip", ...base };
    case "greedy-exclusive":
      notes.push("greedy-exclusive: the mutually exclusive projects are named only in the file's comment; give them with --exclusive ID,ID,… (otherwise counted as plain greedy)");
      return { method: "greedy", ...base };
    case "greedy-custom": {
      const unit = (e.meta["unit"] ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
      if (unit.startsWith("poznan")) {
        notes.push("Poznań's 80% reserve rule (a project funded from the reserve, selected=2) and money moved between districts (selected=3) are decided outside the count: counted greedy-no-skip");
        return { method: "greedy-no-skip", ...base };
      }
      notes.push("greedy-custom: the city's custom steps are described only in prose; counted as greedy");
      return { method: "greedy", ...base };
    }
    case "equalshares":
    case "equalshares-comparison":
    case "equalshares/add1":
    case "equalshares/add1-comparison":
      // as tally.ts reads the label: Pabulib's Add1 (or none), no completion, comparison when named
      return {
        method: "equal-shares",
        ...base,
        equalShares: { add1: label.includes("add1") ? "pabulib" : "none", completion: "none", comparison: label.endsWith("-comparison") },
      };
    default:
      return null;
  }
}

/** The platform's configuration for a file, or why it cannot be replayed. */
export function replayConfig(
  e: PbElection,
  opts: { exclusive?: readonly (readonly string[])[] } = {},
): { ok: true; config: ReplayConfig } | { ok: false; reason: ReplayConfigRefusal } {
  const notes: string[] = [];
  const ballotRule = ballotRuleOf(e, notes);
  if (!ballotRule) return { ok: false, reason: "unsupported_vote_type" };
  const read = selectionRuleOf(e, notes);
  if (!read) return { ok: false, reason: "unsupported_rule" };
  let selectionRule = read;
  if (opts.exclusive && opts.exclusive.length > 0) {
    if (read.method === "equal-shares") notes.push("mutually exclusive projects are applied by the greedy rules only, not by Equal Shares");
    else {
      selectionRule = { ...read, exclusive: opts.exclusive.map((g) => [...g]) };
      notes.push(`mutually exclusive (given on the command line): ${opts.exclusive.map((g) => g.join(" / ")).join("; ")}`);
    }
  }
  const withdrawn = e.projects.filter((p) => isWithdrawnCost(p.cost)).map((p) => p.id);
  if (withdrawn.length > 0) notes.push(`withdrawn after the vote (cost 999999999 in the file): ${withdrawn.join(", ")} — taken off the ballot before the count`);
  for (const p of e.projects) if (p.selected !== undefined && p.selected > 1) notes.push(`project ${p.id} has selected=${p.selected}: funded outside the count (extra funds or a budget raised by hand), not reproduced`);
  return { ok: true, config: { ballotRule, selectionRule, withdrawn, notes } };
}

/** One file ballot as the platform's ballot form would send it for the pool. */
export function selectionOf(rule: BallotRule, vote: PbVote): BallotSelection {
  if (rule.kind === "points") {
    const out: Record<string, number> = Object.create(null);
    vote.vote.forEach((id, i) => (out[id] = (out[id] ?? 0) + (vote.points?.[i] ?? 0)));
    return out;
  }
  if (rule.kind === "ranked") {
    const out: Record<string, number> = Object.create(null);
    // the order is the ranking; a repeated project keeps its first (best) rank
    vote.vote.forEach((id, i) => (out[id] ??= i + 1));
    return out;
  }
  return vote.vote;
}

/** The city's own outcome as the file records it (selected = 1), or null when the file has no `selected` column. */
export function citySelection(e: PbElection): string[] | null {
  if (!e.projects.some((p) => p.selected !== undefined)) return null;
  return e.projects.filter((p) => p.selected === 1).map((p) => p.id);
}
