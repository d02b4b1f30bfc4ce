/**
 * Printable paper materials (issue #17): the box each ballot rule prints, the rules in short, who
 * may download a ballot or a support list, and the ASCII-safe file name.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayPrintBallot, maySupportList, printBoxOf, printFileName, ruleLines } from "~/domain/print";
import { PHASES, type BallotRule, type Phase } from "~/domain/rules";

describe("printBoxOf", () => {
  it.each<[BallotRule, string]>([
    [{ kind: "approval", minTicks: 0, maxTicks: 3 }, "tick"],
    [{ kind: "knapsack" }, "tick"],
    [{ kind: "choose-one", required: false }, "tick"],
    [{ kind: "points", maxTotal: 10, maxPerProject: 5 }, "points"],
    [{ kind: "ranked", ranks: 3, exact: true }, "rank"],
  ])("%j prints a %s box", (rule, box) => {
    expect(printBoxOf(rule)).toBe(box);
  });
});

describe("ruleLines", () => {
  it.each<[BallotRule, string[]]>([
    [{ kind: "approval", minTicks: 0, maxTicks: 3 }, ["print.rule.approval", "print.rule.invalid"]],
    [{ kind: "approval", minTicks: 1, maxTicks: 3 }, ["print.rule.approval", "print.rule.approvalMin", "print.rule.invalid"]],
    [{ kind: "points", maxTotal: 10, maxPerProject: 5 }, ["print.rule.points", "print.rule.invalid"]],
    [{ kind: "knapsack" }, ["print.rule.knapsack", "print.rule.invalid"]],
    [{ kind: "choose-one", required: false }, ["print.rule.chooseOne", "print.rule.invalid"]],
    [{ kind: "choose-one", required: true }, ["print.rule.chooseOneRequired", "print.rule.invalid"]],
    [{ kind: "ranked", ranks: 3, exact: false }, ["print.rule.ranked", "print.rule.rankPoints", "print.rule.invalid"]],
    [{ kind: "ranked", ranks: 3, exact: true }, ["print.rule.rankedExact", "print.rule.rankPoints", "print.rule.invalid"]],
  ])("%j says %j", (rule, keys) => {
    expect(ruleLines(rule, "100 zł").map((l) => l.key)).toEqual(keys);
  });

  it("carries the limits and the budget into the text", () => {
    expect(ruleLines({ kind: "approval", minTicks: 0, maxTicks: 3 }, "x")[0]!.vars).toEqual({ max: 3 });
    expect(ruleLines({ kind: "points", maxTotal: 10, maxPerProject: 4 }, "x")[0]!.vars).toEqual({ total: 10, per: 4 });
    expect(ruleLines({ kind: "knapsack" }, "2 500 000 zł")[0]!.vars).toEqual({ budget: "2 500 000 zł" });
  });

  it("lists the points of each rank, Kraków's 3/2/1 by default", () => {
    expect(ruleLines({ kind: "ranked", ranks: 3, exact: true }, "x")[1]!.vars).toEqual({ points: "1 = 3, 2 = 2, 3 = 1" });
    expect(ruleLines({ kind: "ranked", ranks: 2, exact: false, pointsPerRank: [5, 1] }, "x")[1]!.vars).toEqual({ points: "1 = 5, 2 = 1" });
  });
});

describe("mayPrintBallot", () => {
  it.each([
    [true, false, true],
    [true, true, true],
    [false, true, true],
    [false, false, false],
  ])("published %s, may preview %s: %s", (published, mayPreview, expected) => {
    expect(mayPrintBallot({ published, mayPreview })).toBe(expected);
  });
});

describe("maySupportList", () => {
  const open = { status: "submitted", phase: "submission" as Phase, supportsRequired: 15, finalListPublished: false, isAuthor: false };
  it.each<[string, Partial<typeof open>, boolean]>([
    ["a submitted proposal collecting supports", {}, true],
    ["a draft, for the public", { status: "draft" }, false],
    ["a draft, for its author", { status: "draft", isAuthor: true }, true],
    ["after the submission phase", { phase: "verification" }, false],
    ["after the submission phase, even for its author", { phase: "verification", isAuthor: true }, false],
    ["a draft of a programme without supports, even for its author", { status: "draft", isAuthor: true, supportsRequired: 0 }, false],
    ["an accepted proposal, even for its author", { status: "accepted", isAuthor: true }, false],
    ["a programme without supports", { supportsRequired: 0 }, false],
    ["a frozen final list", { finalListPublished: true }, false],
    ["a proposal in verification", { status: "in_verification" }, false],
    ["a withdrawn proposal, even for its author", { status: "withdrawn", isAuthor: true }, false],
  ])("%s: %s", (_, change, expected) => {
    expect(maySupportList({ ...open, ...change })).toBe(expected);
  });

  it("the public never gets more than the author", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("draft", "submitted", "accepted", "withdrawn", "in_verification"),
        fc.constantFrom(null, ...PHASES),
        fc.nat(30),
        fc.boolean(),
        (status, phase, supportsRequired, finalListPublished) => {
          const s = { status, phase, supportsRequired, finalListPublished };
          if (maySupportList({ ...s, isAuthor: false })) expect(maySupportList({ ...s, isAuthor: true })).toBe(true);
        },
      ),
    );
  });
});

describe("printFileName", () => {
  it.each([
    [["karta", 2026, "bo", "babie-doly"], "karta-2026-bo-babie-doly.pdf"],
    [["lista-poparcia", "2026/D01/L/1"], "lista-poparcia-2026-d01-l-1.pdf"],
    [["Łąka", "Śródmieście"], "laka-srodmiescie.pdf"],
    [["Бюлетень"], "document.pdf"],
  ])("%j → %s", (parts, name) => {
    expect(printFileName(...(parts as (string | number)[]))).toBe(name);
  });

  it("is always short lower-case ASCII ending in .pdf", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer())), (parts) => {
        expect(printFileName(...parts)).toMatch(/^[a-z0-9][a-z0-9-]{0,99}\.pdf$/);
      }),
    );
  });
});
