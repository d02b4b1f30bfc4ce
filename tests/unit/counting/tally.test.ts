import { describe, expect, it } from "vitest";
import { parsePabulib } from "~/domain/counting/pabulib";
import { CountingError } from "~/domain/counting/scores";
import type { TallyRule } from "~/domain/counting/tally";
import { metaRuleOptions, tallyElection } from "~/domain/counting/tally";

/**
 * Budget 1000 zł. Scores: A 5, B 4, C 3, D 1 (approval). B does not fit after A; C and D do.
 * `extraMeta` lines are added to META.
 */
function pb(rule: string, extraMeta: string[] = []): string {
  return [
    "META",
    "key;value",
    "budget;1000",
    "vote_type;approval",
    `rule;${rule}`,
    ...extraMeta,
    "PROJECTS",
    "project_id;cost;votes;name;selected",
    "A;600;5;Park;1",
    "B;500;4;Road;0",
    "C;300;3;Library;1",
    "D;100;1;Bench;1",
    "VOTES",
    "voter_id;vote",
    "1;A,B,C",
    "2;A,B,C",
    "3;A,B,C",
    "4;A,B",
    "5;A,D",
  ].join("\n");
}

const run = (text: string, rule: TallyRule = "meta", opts = {}) => tallyElection(parsePabulib(text), rule, opts);
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as CountingError).code;
  }
  return undefined;
};

describe("tallyElection: the META rule", () => {
  it("greedy", () => {
    const r = run(pb("greedy"));
    expect(r).toMatchObject({ requested: "meta", metaRule: "greedy", rule: "greedy", selected: ["A", "C", "D"], spent: 100000, budget: 100000 });
  });

  it("greedy-threshold uses min_project_score_threshold", () => {
    const r = run(pb("greedy-threshold", ["min_project_score_threshold;2"]));
    expect(r.rule).toBe("greedy+threshold");
    expect(r.selected).toEqual(["A", "C"]);
    expect(r.decisions.find((d) => d.projectId === "D")?.reason).toBe("below_threshold");
  });

  it("greedy-no-skip (with a threshold when META has one)", () => {
    expect(run(pb("greedy-no-skip")).selected).toEqual(["A"]);
    expect(run(pb("greedy-no-skip", ["min_project_score_threshold;2"])).rule).toBe("greedy-no-skip+threshold");
  });

  it("greedy-custom: Poznań's reserve rule for Poznań, plain greedy elsewhere", () => {
    const poz = run(pb("greedy-custom", ["unit;Poznań"]));
    // leftover 400 zł covers 80% of B (500 zł) → B from reserve; C and D are after the stop
    expect(poz).toMatchObject({ rule: "greedy-no-skip+reserve", selected: ["A"], reserve: ["B"], spent: 60000 });
    const other = run(pb("greedy-custom", ["unit;Łódź"]));
    expect(other).toMatchObject({ rule: "greedy", selected: ["A", "C", "D"], reserve: [] });
  });

  it("greedy-exclusive takes the exclusions as an option", () => {
    expect(run(pb("greedy-exclusive")).selected).toEqual(["A", "C", "D"]);
    const r = run(pb("greedy-exclusive"), "meta", { excluded: ["A"] });
    expect(r.selected).toEqual(["B", "C", "D"]);
    expect(r.decisions.find((d) => d.projectId === "A")?.reason).toBe("excluded");
  });

  it("equalshares variants run Equal Shares without completion", () => {
    for (const [label, add1, comparison] of [
      ["equalshares", "none", false],
      ["equalshares-comparison", "none", true],
      ["equalshares/add1", "pabulib", false],
      ["equalshares/add1-comparison", "pabulib", true],
    ] as const) {
      expect(metaRuleOptions(parsePabulib(pb(label)))).toEqual({
        kind: "mes",
        label,
        options: { add1, completion: "none", tie: undefined, seed: undefined, ...(comparison ? { comparison: true } : {}) },
      });
      const r = run(pb(label));
      expect(r.equalShares).toBeDefined();
      expect(r.spent).toBeLessThanOrEqual(r.budget);
    }
  });

  it("refuses a META rule it does not know", () => {
    expect(code(() => run(pb("unknown")))).toBe("unsupported_rule");
  });
});

describe("tallyElection: explicit rules", () => {
  it("greedy ignores the META threshold unless asked", () => {
    const text = pb("greedy-threshold", ["min_project_score_threshold;2"]);
    expect(run(text, "greedy").selected).toEqual(["A", "C", "D"]);
    expect(run(text, "greedy", { threshold: 2 }).selected).toEqual(["A", "C"]);
  });

  it("greedy-no-skip", () => {
    expect(run(pb("greedy"), "greedy-no-skip")).toMatchObject({ requested: "greedy-no-skip", rule: "greedy-no-skip", selected: ["A"] });
  });

  it("mes = pabutools Add1 then greedy completion, with its details", () => {
    const r = run(pb("greedy"), "mes");
    expect(r.rule).toBe("mes+add1-pabutools+greedy-completion");
    expect(r.equalShares?.iterations).toBeGreaterThan(0);
    expect(r.spent).toBeLessThanOrEqual(r.budget);
    expect(r.decisions).toHaveLength(4);
  });

  it("refuses an unknown rule", () => {
    expect(code(() => run(pb("greedy"), "borda" as TallyRule))).toBe("unknown_rule");
  });

  it("withdrawn projects (cost 999999999) are never funded", () => {
    const text = pb("greedy").replace("B;500;4;Road;0", "B;999999999;4;Road;0");
    for (const rule of ["meta", "greedy", "greedy-no-skip", "mes"] as const) {
      const r = run(text, rule);
      expect(r.selected).not.toContain("B");
      expect(r.decisions.find((d) => d.projectId === "B")?.reason).toBe("withdrawn");
    }
    // and it does not stop a no-skip count
    expect(run(text, "greedy-no-skip").selected).toEqual(["A", "C", "D"]);
  });
});
