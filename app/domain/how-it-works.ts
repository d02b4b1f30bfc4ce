/**
 * What "Jak to działa" says about an edition's programmes, as message keys with their values (the
 * page translates them): the ballot rule of each kind of pool, who may vote by age, and the
 * support a proposal needs. Pure; the page's loader passes what it read.
 */
import { BallotRuleSchema, rankPoints, type BallotRule, type PoolKind } from "./rules";

export interface Phrase {
  key: string;
  vars?: Record<string, number | string>;
}

/** How a ballot of this rule is filled in. */
export function ballotRulePhrase(rule: BallotRule): Phrase {
  switch (rule.kind) {
    case "approval":
      return { key: "ux2.how.ballot.approval", vars: { max: rule.maxTicks } };
    case "points":
      return { key: "ux2.how.ballot.points", vars: { total: rule.maxTotal, per: rule.maxPerProject } };
    case "knapsack":
      return { key: "ux2.how.ballot.knapsack" };
    case "choose-one":
      return { key: rule.required ? "ux2.how.ballot.chooseOneRequired" : "ux2.how.ballot.chooseOne" };
    case "ranked":
      return { key: "ux2.how.ballot.ranked", vars: { ranks: rule.ranks, points: rankPoints(rule).join("/") } };
  }
}

/** A stored ballot rule (JSON text) as a phrase; null when it does not parse (then the page says nothing). */
export function storedBallotRulePhrase(json: string): Phrase | null {
  try {
    const r = BallotRuleSchema.safeParse(JSON.parse(json));
    return r.success ? ballotRulePhrase(r.data) : null;
  } catch {
    return null;
  }
}

/** Who may vote in a programme by age. */
export function agePhrase(minAge: number | null, maxAge: number | null): Phrase {
  if (minAge !== null && maxAge !== null) return { key: "ux2.how.age.range", vars: { min: minAge, max: maxAge } };
  if (minAge !== null) return { key: "ux2.how.age.min", vars: { min: minAge } };
  if (maxAge !== null) return { key: "ux2.how.age.max", vars: { max: maxAge } };
  return { key: "ux2.how.age.any" };
}

/** What a proposal needs before verification. */
export function supportPhrase(supportsRequired: number, moderation: "officials" | "youth_council"): Phrase {
  if (moderation === "youth_council") return { key: "ux2.how.support.council" };
  return supportsRequired > 0 ? { key: "ux2.how.support.count", vars: { count: supportsRequired } } : { key: "ux2.how.support.none" };
}

/** One line per kind of pool of a programme (its ballot rule), the first pool of each kind deciding: pools of one kind share their rule. */
export function poolRulePhrases(pools: readonly { kind: PoolKind; ballotRule: string }[]): { kind: PoolKind; phrase: Phrase }[] {
  const seen = new Map<PoolKind, Phrase>();
  for (const p of pools) {
    if (seen.has(p.kind)) continue;
    const phrase = storedBallotRulePhrase(p.ballotRule);
    if (phrase) seen.set(p.kind, phrase);
  }
  return [...seen].map(([kind, phrase]) => ({ kind, phrase }));
}
