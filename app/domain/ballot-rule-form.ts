/**
 * The pools page's "ballot type and selection" form: which kind of ballot a pool has (ticks,
 * points, knapsack, choose one, ranks) with that kind's settings, and how its winners are chosen.
 * Every field is typed text; errors are reason codes per field (shown as `ballotui.error.<code>`).
 */
import { z } from "zod";
import { BallotRuleSchema, SelectionRuleSchema, type BallotKind, type BallotRule, type SelectionRule } from "./rules";

export const BALLOT_KINDS = ["approval", "points", "knapsack", "choose-one", "ranked"] as const satisfies readonly BallotKind[];
export const SELECTION_METHODS = SelectionRuleSchema.shape.method.options;
export const TIE_BREAKS = ["lower-cost", "voters", "lot"] as const;

const text = z.string().max(80).optional().default("");
export const BallotRuleFormSchema = z.object({
  poolId: z.string().min(1).max(100),
  kind: z.enum(BALLOT_KINDS),
  minTicks: text,
  maxTicks: text,
  maxTotal: text,
  maxPerProject: text,
  required: text,
  ranks: text,
  exact: text,
  pointsPerRank: text,
  method: z.enum(SELECTION_METHODS),
  minScore: text,
  tieBreak: z.enum(TIE_BREAKS),
  sameKind: text,
});
export type BallotRuleFormValues = z.infer<typeof BallotRuleFormSchema>;
export type BallotRuleField = "minTicks" | "maxTicks" | "maxTotal" | "maxPerProject" | "ranks" | "pointsPerRank" | "minScore";

export type BallotRuleForm =
  | { ok: true; ballotRule: BallotRule; selectionRule: SelectionRule; sameKind: boolean }
  | { ok: false; errors: Partial<Record<BallotRuleField, string>> };

/** A whole number typed in a field: "" → null; "-3" → negative; "x", "1,5" → whole. */
function whole(s: string): { ok: true; value: number | null } | { ok: false; error: "negative" | "whole" } {
  const t = s.replace(/[\s\u00a0]/g, "");
  if (t === "") return { ok: true, value: null };
  if (/^(-|−)\d+$/.test(t)) return { ok: false, error: "negative" };
  if (!/^\d{1,7}$/.test(t)) return { ok: false, error: "whole" };
  return { ok: true, value: Number(t) };
}

export function readBallotRuleForm(v: BallotRuleFormValues): BallotRuleForm {
  const errors: Partial<Record<BallotRuleField, string>> = {};
  const num = (f: BallotRuleField, min: number, fallback: number | null): number => {
    const r = whole(v[f]);
    if (!r.ok) errors[f] = r.error;
    else if (r.value === null && fallback === null) errors[f] = "required";
    else if (r.value !== null && r.value < min) errors[f] = min === 1 ? "at_least_one" : "whole";
    else return r.value ?? (fallback as number);
    return 0;
  };
  const on = (s: string) => s === "on" || s === "1" || s === "true";
  let rule: BallotRule | null = null;
  if (v.kind === "approval") {
    const maxTicks = num("maxTicks", 1, null);
    const minTicks = num("minTicks", 0, 0);
    if (!errors.maxTicks && !errors.minTicks && minTicks > maxTicks) errors.minTicks = "min_above_max";
    rule = { kind: "approval", minTicks, maxTicks };
  } else if (v.kind === "points") {
    const maxTotal = num("maxTotal", 1, null);
    const maxPerProject = num("maxPerProject", 1, maxTotal || 1);
    if (!errors.maxTotal && !errors.maxPerProject && maxPerProject > maxTotal) errors.maxPerProject = "per_project_above_total";
    rule = { kind: "points", maxTotal, maxPerProject };
  } else if (v.kind === "knapsack") rule = { kind: "knapsack" };
  else if (v.kind === "choose-one") rule = { kind: "choose-one", required: on(v.required) };
  else {
    const ranks = num("ranks", 1, null);
    if (!errors.ranks && ranks > 20) errors.ranks = "too_many_ranks";
    let pointsPerRank: number[] | undefined;
    const typed = v.pointsPerRank.trim();
    if (typed !== "") {
      const parts = typed.split(/[\s,;/]+/).filter(Boolean);
      if (!parts.every((p) => /^\d{1,6}$/.test(p) && Number(p) > 0)) errors.pointsPerRank = "points_list";
      else {
        pointsPerRank = parts.map(Number);
        if (!errors.ranks && pointsPerRank.length !== ranks) errors.pointsPerRank = "points_count";
        else if (!pointsPerRank.every((p, i) => i === 0 || p < (pointsPerRank as number[])[i - 1]!)) errors.pointsPerRank = "points_not_decreasing";
      }
    }
    rule = { kind: "ranked", ranks, exact: on(v.exact), ...(pointsPerRank ? { pointsPerRank } : {}) };
  }
  const minScore = num("minScore", 0, 0);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // the stored shapes are the schemas' own: a rule that passed here always parses when read
  const ballotRule = BallotRuleSchema.parse(rule);
  const selectionRule = SelectionRuleSchema.parse({ method: v.method, minScore, tieBreak: v.tieBreak });
  return { ok: true, ballotRule, selectionRule, sameKind: on(v.sameKind) };
}

/** A stored rule shown back in the form's fields. */
export function ballotRuleFormValues(rule: BallotRule, selection: SelectionRule): Omit<BallotRuleFormValues, "poolId" | "sameKind"> {
  const blank = { minTicks: "", maxTicks: "", maxTotal: "", maxPerProject: "", required: "", ranks: "", exact: "", pointsPerRank: "" };
  const sel = { method: selection.method, minScore: selection.minScore ? String(selection.minScore) : "", tieBreak: selection.tieBreak };
  if (rule.kind === "approval") return { ...blank, ...sel, kind: rule.kind, minTicks: rule.minTicks ? String(rule.minTicks) : "", maxTicks: String(rule.maxTicks) };
  if (rule.kind === "points") return { ...blank, ...sel, kind: rule.kind, maxTotal: String(rule.maxTotal), maxPerProject: String(rule.maxPerProject) };
  if (rule.kind === "choose-one") return { ...blank, ...sel, kind: rule.kind, required: rule.required ? "on" : "" };
  if (rule.kind === "ranked") return { ...blank, ...sel, kind: rule.kind, ranks: String(rule.ranks), exact: rule.exact ? "on" : "", pointsPerRank: rule.pointsPerRank ? rule.pointsPerRank.join(", ") : "" };
  return { ...blank, ...sel, kind: rule.kind };
}
