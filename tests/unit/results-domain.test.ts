import { describe, expect, it } from "vitest";
import { countPool, turnoutAward, type AwardPool } from "~/domain/results";

const rule = { method: "greedy-no-skip" as const, minScore: 0, tieBreak: "lower-cost" as const };

describe("countPool", () => {
  it("funds by votes and stops at the first project that does not fit (Gdynia)", () => {
    const r = countPool({
      projects: [
        { id: "a", costGrosze: 600 },
        { id: "b", costGrosze: 500 },
        { id: "c", costGrosze: 100 },
      ],
      ballots: [["a"], ["a"], ["a"], ["a", "b"], ["b"], ["b", "c"], ["c"], []],
      budgetGrosze: 1000,
      rule,
    });
    expect(r.voters).toBe(8);
    expect(r.official.selected).toEqual(["a"]);
    expect(r.official.decisions.map((d) => [d.projectId, d.reason])).toEqual([
      ["a", "funded"],
      ["b", "did_not_fit"],
      ["c", "stopped_no_skip"],
    ]);
    // Equal Shares, side by side, funds the cheap project of the third group as well
    expect(r.mes.selected).toContain("c");
  });

  it("applies the minimum score", () => {
    const r = countPool({ projects: [{ id: "a", costGrosze: 1 }], ballots: [["a"]], budgetGrosze: 10, rule: { ...rule, minScore: 2 } });
    expect(r.official.decisions[0]!.reason).toBe("below_threshold");
  });

  it("flags a tie that decides the outcome, and a recorded lot decides it reproducibly", () => {
    const input = { projects: [{ id: "a", costGrosze: 600 }, { id: "b", costGrosze: 600 }], ballots: [["a"], ["b"]], budgetGrosze: 1000, rule };
    expect(countPool(input).tiesThatMatter).toHaveLength(1);
    const x = countPool({ ...input, lotSeed: "seed-1" });
    const y = countPool({ ...input, lotSeed: "seed-1" });
    expect(x.official.selected).toEqual(y.official.selected);
    expect(x.official.selected).toHaveLength(1);
  });
});

describe("turnoutAward (Projekt +1)", () => {
  const pool = (poolId: string, districtId: string, kind: AwardPool["kind"], reasons: [string, string][]): AwardPool => ({
    poolId,
    districtId,
    kind,
    decisions: reasons.map(([projectId, reason], i) => ({ projectId, reason, rank: i + 1 })),
  });
  const pools = [
    pool("L1", "d1", "district_large", [["l1a", "funded"], ["l1b", "below_threshold"], ["l1c", "stopped_no_skip"]]),
    pool("S2", "d2", "district_small", [["s2a", "funded"], ["s2b", "did_not_fit"]]),
    pool("S3", "d3", "district_small", [["s3a", "funded"]]),
    pool("L2", "d2", "district_large", [["l2a", "did_not_fit"]]),
  ];

  it("gives the 1st district a large project and the 2nd and 3rd a small one, by turnout share", () => {
    const award = turnoutAward(
      [
        { districtId: "d2", voters: 300, population: 1000 }, // 30%
        { districtId: "d1", voters: 500, population: 1000 }, // 50%
        { districtId: "d3", voters: 2000, population: 10000 }, // 20%
        { districtId: "d4", voters: 10, population: 1000 }, // 1%
      ],
      pools,
    );
    expect(award).toEqual([
      { place: 1, districtId: "d1", poolId: "L1", projectId: "l1c" }, // skips the one under the threshold
      { place: 2, districtId: "d2", poolId: "S2", projectId: "s2b" },
      // d3 has nothing below the line: no award
    ]);
  });

  it("ignores districts without population and keeps order on equal turnout", () => {
    const award = turnoutAward(
      [
        { districtId: "d2", voters: 1, population: 10 },
        { districtId: "d1", voters: 1, population: 10 },
        { districtId: "x", voters: 5, population: 0 },
      ],
      pools,
    );
    expect(award.map((a) => a.districtId)).toEqual(["d2"]); // d2 first: its large pool has l2a below the line
    expect(award[0]).toMatchObject({ place: 1, poolId: "L2", projectId: "l2a" });
  });
});
