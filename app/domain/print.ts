/**
 * Printable paper materials (issue #17): who may download a paper ballot or a proposal's support
 * list, what kind of box a ballot rule asks for, the rules in short as message keys, and the
 * ASCII-safe name of the file. Pure.
 */
import { rankPoints, type BallotRule } from "./rules";
import type { Phase } from "./rules";

/** The box printed beside each project: a tick (X), a number of points, or a rank (1, 2, 3 …). */
export type PrintBox = "tick" | "points" | "rank";

export function printBoxOf(rule: BallotRule): PrintBox {
  switch (rule.kind) {
    case "points":
      return "points";
    case "ranked":
      return "rank";
    default:
      return "tick";
  }
}

/** One line of "the rules in short": a message key of the `print` namespace and its values. */
export interface RuleLine {
  key:
    | "print.rule.approval"
    | "print.rule.approvalMin"
    | "print.rule.points"
    | "print.rule.knapsack"
    | "print.rule.chooseOne"
    | "print.rule.chooseOneRequired"
    | "print.rule.ranked"
    | "print.rule.rankedExact"
    | "print.rule.rankPoints"
    | "print.rule.invalid";
  vars: Record<string, string | number>;
}

/** What a voter must know to fill one pool's part of the ballot; `budget` is already formatted. */
export function ruleLines(rule: BallotRule, budget: string): RuleLine[] {
  const lines: RuleLine[] = [];
  switch (rule.kind) {
    case "approval":
      lines.push({ key: "print.rule.approval", vars: { max: rule.maxTicks } });
      if (rule.minTicks > 0) lines.push({ key: "print.rule.approvalMin", vars: { min: rule.minTicks } });
      break;
    case "points":
      lines.push({ key: "print.rule.points", vars: { total: rule.maxTotal, per: rule.maxPerProject } });
      break;
    case "knapsack":
      lines.push({ key: "print.rule.knapsack", vars: { budget } });
      break;
    case "choose-one":
      lines.push({ key: rule.required ? "print.rule.chooseOneRequired" : "print.rule.chooseOne", vars: {} });
      break;
    case "ranked":
      lines.push({ key: rule.exact ? "print.rule.rankedExact" : "print.rule.ranked", vars: { ranks: rule.ranks } });
      lines.push({ key: "print.rule.rankPoints", vars: { points: rankPoints(rule).map((p, i) => `${i + 1} = ${p}`).join(", ") } });
      break;
  }
  lines.push({ key: "print.rule.invalid", vars: {} });
  return lines;
}

/**
 * Who may download a paper ballot: anyone once every pool on it is on a published final list;
 * before that only those preparing the vote (officials of the programme, administrators), so
 * nobody else learns from a 404 whether a list exists.
 */
export function mayPrintBallot(input: { published: boolean; mayPreview: boolean }): boolean {
  return input.published || input.mayPreview;
}

/**
 * Who may download a proposal's support list, only where supports are required and the list is not
 * frozen: anyone while the proposal collects supports (submitted, in the submission phase); a
 * draft's list only its author (or co-author), to collect signatures before submitting.
 */
export function maySupportList(p: { status: string; phase: Phase | null; supportsRequired: number; finalListPublished: boolean; isAuthor: boolean }): boolean {
  if (p.supportsRequired <= 0 || p.finalListPublished) return false;
  if (p.status === "draft") return p.isAuthor;
  return p.status === "submitted" && p.phase === "submission";
}

/** `karta-2026-bo-babie-doly.pdf`: lower-case ASCII letters, digits and hyphens only. */
export function printFileName(...parts: (string | number)[]): string {
  const slug = parts
    .map((p) =>
      String(p)
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/ł/g, "l")
        .replace(/Ł/g, "L")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter((s) => s !== "")
    .join("-")
    .slice(0, 100)
    .replace(/-+$/, "");
  return `${slug || "document"}.pdf`;
}

/** A ballot's district in the URL: a district's slug, or `all` for a programme without districts. */
export const ALL_DISTRICTS = "all";

/** PESEL has 11 digits, the Gdynia resident card (Karta Mieszkańca) number 9. */
export const PESEL_BOXES = 11;
export const KARTA_BOXES = 9;
