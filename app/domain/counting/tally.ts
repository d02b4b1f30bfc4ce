/**
 * Apply a selection rule to a parsed Pabulib election, by name — including the rule its META names.
 *
 * `rule`:
 *  - `greedy`          — plain greedy by score (skip), no threshold unless `options.threshold`;
 *  - `greedy-no-skip`  — stop at the first project that does not fit;
 *  - `mes`             — Equal Shares, pabutools Add1, then greedy completion (expected.json `mes`);
 *  - `meta`            — the rule in META `rule`, with META `min_project_score_threshold`:
 *      greedy, greedy-threshold   → greedy (+threshold)
 *      greedy-no-skip             → greedy-no-skip (+threshold)
 *      greedy-custom              → Poznań (unit Poznań or an "80%" comment): no-skip, then the
 *                                   first project that did not fit from reserve if the leftover
 *                                   covers ≥ 80% of it; other cities: greedy (+threshold) — their
 *                                   custom steps are described only in prose (Łódź 2020);
 *      greedy-exclusive           → greedy (+threshold), minus `options.excluded` (the mutually
 *                                   exclusive projects are named only in the META comment);
 *      equalshares[-comparison]   → one MES run at B/n (and the comparison step);
 *      equalshares/add1[-comparison] → MES with Pabulib's Add1 (and the comparison step).
 * Withdrawn projects (cost 999999999) are never funded, under every rule.
 */
import type { GreedyOptions } from "./greedy";
import { greedy } from "./greedy";
import type { MesOptions, MesResult } from "./equal-shares";
import { equalShares } from "./equal-shares";
import type { PbElection } from "./pabulib";
import { pbRule, pbThreshold } from "./pabulib";
import type { RuleResult } from "./result";
import type { Profile } from "./scores";
import { CountingError, profileFromPabulib } from "./scores";
import type { TieOptions } from "./ties";

export type TallyRule = "meta" | "greedy" | "greedy-no-skip" | "mes";
export const TALLY_RULES: readonly TallyRule[] = ["meta", "greedy", "greedy-no-skip", "mes"];

export interface TallyOptions extends TieOptions {
  /** overrides META `min_project_score_threshold` (for `meta`) or sets one (other rules) */
  threshold?: number;
  /** projects excluded by officials (e.g. Warszawa's mutually exclusive projects) */
  excluded?: readonly string[];
  /** overrides for Equal Shares */
  mes?: Omit<MesOptions, keyof TieOptions | "threshold" | "excluded">;
}

export interface TallyResult extends RuleResult {
  requested: TallyRule;
  /** META `rule`, when `requested` is `meta` */
  metaRule?: string;
  /** Equal Shares details when the applied rule is MES-based */
  equalShares?: Omit<MesResult, keyof RuleResult>;
}

function isPoznan(e: PbElection): boolean {
  const unit = (e.meta["unit"] ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return unit.startsWith("poznan") || (e.meta["comment"] ?? "").includes("80%");
}

/** The rule options META asks for (used by `tallyElection(e, "meta")`). */
export function metaRuleOptions(
  e: PbElection,
  options: TallyOptions = {},
): { kind: "greedy"; options: GreedyOptions; label: string } | { kind: "mes"; options: MesOptions; label: string } {
  const label = (pbRule(e) ?? "").trim().toLowerCase();
  const threshold = options.threshold ?? pbThreshold(e);
  const base: GreedyOptions = { tie: options.tie, seed: options.seed };
  if (threshold !== undefined) base.threshold = threshold;
  if (options.excluded) base.excluded = options.excluded;
  const mesBase: MesOptions = { ...base, completion: "none", ...options.mes };
  switch (label) {
    case "greedy":
    case "greedy-threshold":
    case "greedy-exclusive":
      return { kind: "greedy", options: base, label };
    case "greedy-no-skip":
      return { kind: "greedy", options: { ...base, noSkip: true }, label };
    case "greedy-custom":
      return isPoznan(e)
        ? { kind: "greedy", options: { ...base, noSkip: true, reserveShare: [4, 5] }, label }
        : { kind: "greedy", options: base, label };
    case "equalshares":
      return { kind: "mes", options: { add1: "none", ...mesBase }, label };
    case "equalshares-comparison":
      return { kind: "mes", options: { add1: "none", comparison: true, ...mesBase }, label };
    case "equalshares/add1":
      return { kind: "mes", options: { add1: "pabulib", ...mesBase }, label };
    case "equalshares/add1-comparison":
      return { kind: "mes", options: { add1: "pabulib", comparison: true, ...mesBase }, label };
    default:
      throw new CountingError("unsupported_rule", `META rule ${JSON.stringify(pbRule(e) ?? "")} is not supported`);
  }
}

function fromMes(r: MesResult, requested: TallyRule): TallyResult {
  const { rule, selected, reserve, spent, budget, decisions, ties, ...details } = r;
  return { rule, selected, reserve, spent, budget, decisions, ties, requested, equalShares: details };
}

/** Counts a parsed election. Pass a prebuilt `profile` to avoid rebuilding it for several rules. */
export function tallyElection(e: PbElection, rule: TallyRule, options: TallyOptions = {}, profile?: Profile): TallyResult {
  const prof = profile ?? profileFromPabulib(e);
  const base: GreedyOptions = { tie: options.tie, seed: options.seed };
  if (options.threshold !== undefined) base.threshold = options.threshold;
  if (options.excluded) base.excluded = options.excluded;
  switch (rule) {
    case "greedy":
      return { ...greedy(prof, base), requested: rule };
    case "greedy-no-skip":
      return { ...greedy(prof, { ...base, noSkip: true }), requested: rule };
    case "mes":
      return fromMes(equalShares(prof, { ...base, add1: "pabutools", completion: "greedy", ...options.mes }), rule);
    case "meta": {
      const m = metaRuleOptions(e, options);
      const r: TallyResult =
        m.kind === "greedy" ? { ...greedy(prof, m.options), requested: rule } : fromMes(equalShares(prof, m.options), rule);
      r.metaRule = m.label;
      return r;
    }
    default:
      throw new CountingError("unknown_rule", `unknown rule ${JSON.stringify(rule)}; use one of ${TALLY_RULES.join(", ")}`);
  }
}
