import { describe, expect, it } from "vitest";
import type { ScoredProject } from "~/domain/counting/greedy";
import { greedy, greedyFromScores } from "~/domain/counting/greedy";
import { buildProfile, CountingError } from "~/domain/counting/scores";
import { lotteryNumber, lotteryOrder } from "~/domain/counting/ties";

const zl = (x: number): number => x * 100;

// Scores 10 > 8 > 5 > 1, budget 1000 zł.
const BASIC: ScoredProject[] = [
  { id: "A", cost: zl(600), score: 10 },
  { id: "B", cost: zl(500), score: 8 },
  { id: "C", cost: zl(300), score: 5 },
  { id: "D", cost: zl(100), score: 1 },
];

const reasons = (r: ReturnType<typeof greedyFromScores>): Record<string, string> =>
  Object.fromEntries(r.decisions.map((d) => [d.projectId, d.reason]));

describe("greedy (skip)", () => {
  it("funds what fits and skips what does not", () => {
    const r = greedyFromScores(BASIC, zl(1000));
    expect(r.selected).toEqual(["A", "C", "D"]);
    expect(reasons(r)).toEqual({ A: "funded", B: "did_not_fit", C: "funded", D: "funded" });
    expect(r.spent).toBe(zl(1000));
    expect(r.budget).toBe(zl(1000));
    expect(r.rule).toBe("greedy");
    expect(r.decisions.map((d) => [d.projectId, d.rank, d.remainingBefore])).toEqual([
      ["A", 1, zl(1000)],
      ["B", 2, zl(400)],
      ["C", 3, zl(400)],
      ["D", 4, zl(100)],
    ]);
  });

  it("counts exactly in grosze (a project costing exactly the remainder fits)", () => {
    const r = greedyFromScores(
      [
        { id: "x", cost: 33333, score: 3 },
        { id: "y", cost: 66667, score: 2 },
        { id: "z", cost: 1, score: 1 },
      ],
      100000,
    );
    expect(r.selected).toEqual(["x", "y"]);
    expect(reasons(r)["z"]).toBe("did_not_fit");
  });

  it("applies a threshold: below it a project is not eligible", () => {
    const r = greedyFromScores(BASIC, zl(1000), { threshold: 5 });
    expect(r.selected).toEqual(["A", "C"]);
    expect(reasons(r)["D"]).toBe("below_threshold");
    expect(r.rule).toBe("greedy+threshold");
  });

  it("never funds a withdrawn or excluded project", () => {
    const r = greedyFromScores([{ id: "W", cost: zl(1), score: 99, withdrawn: true }, ...BASIC], zl(1000), { excluded: ["C"] });
    expect(r.selected).toEqual(["A", "D"]);
    expect(reasons(r)).toMatchObject({ W: "withdrawn", C: "excluded" });
  });

  it("funds projects with no votes if they fit (pabutools semantics); a threshold stops that", () => {
    const ps: ScoredProject[] = [{ id: "A", cost: 10, score: 3 }, { id: "Z", cost: 10, score: 0 }];
    expect(greedyFromScores(ps, 20).selected).toEqual(["A", "Z"]);
    expect(greedyFromScores(ps, 20, { threshold: 1 }).selected).toEqual(["A"]);
  });
});

describe("greedy-no-skip", () => {
  it("stops at the first project that does not fit", () => {
    const r = greedyFromScores(BASIC, zl(1000), { noSkip: true });
    expect(r.selected).toEqual(["A"]);
    expect(reasons(r)).toEqual({ A: "funded", B: "did_not_fit", C: "stopped_no_skip", D: "stopped_no_skip" });
    expect(r.decisions.find((d) => d.projectId === "C")!.remainingBefore).toBeUndefined();
    expect(r.rule).toBe("greedy-no-skip");
  });

  it("is not stopped by a withdrawn project (Wrocław 2017) nor by one below the threshold", () => {
    const r = greedyFromScores(
      [
        { id: "150", cost: 99999999900, score: 454, withdrawn: true },
        { id: "425", cost: zl(750000), score: 395 },
        { id: "571", cost: zl(750000), score: 165 },
      ],
      zl(750000),
      { noSkip: true },
    );
    expect(r.selected).toEqual(["425"]);
    expect(reasons(r)).toEqual({ "150": "withdrawn", "425": "funded", "571": "did_not_fit" });
  });
});

describe("Poznań reserve rule (greedy-custom)", () => {
  // the leftover after V.6 is 300000 zł
  const poz = (costOfV5: number): ReturnType<typeof greedyFromScores> =>
    greedyFromScores(
      [
        { id: "V.6", cost: zl(750000), score: 5908 },
        { id: "V.5", cost: costOfV5, score: 5481 },
        { id: "V.3", cost: zl(10), score: 4964 },
      ],
      zl(1050000),
      { noSkip: true, reserveShare: [4, 5] },
    );

  it("funds the first project that did not fit from reserve when the leftover covers ≥ 80%", () => {
    const r = poz(zl(315000)); // Poznań 2023: 300000 / 315000 = 95%
    expect(r.selected).toEqual(["V.6"]);
    expect(r.reserve).toEqual(["V.5"]);
    expect(r.spent).toBe(zl(750000));
    expect(reasons(r)).toEqual({ "V.6": "funded", "V.5": "funded_from_reserve", "V.3": "stopped_no_skip" });
    expect(r.rule).toBe("greedy-no-skip+reserve");
  });

  it("exactly 80% is enough, a grosz less is not", () => {
    expect(poz(zl(375000)).reserve).toEqual(["V.5"]); // 300000 / 375000 = 80% exactly
    expect(poz(zl(375000) + 1).reserve).toEqual([]);
    const r = greedyFromScores(
      [
        { id: "a", cost: 1000, score: 2 },
        { id: "b", cost: 1001, score: 1 },
      ],
      1800,
      { noSkip: true, reserveShare: [4, 5] },
    );
    // leftover 800 < 0.8 × 1001 = 800.8
    expect(r.reserve).toEqual([]);
    expect(reasons(r)["b"]).toBe("did_not_fit");
  });
});

describe("ties", () => {
  const TIED: ScoredProject[] = [
    { id: "A", cost: zl(500), score: 10, voters: 7 },
    { id: "B", cost: zl(400), score: 10, voters: 3 },
  ];

  it("lower-cost (default): the cheaper wins; a tie that decides funding is flagged and the loser marked", () => {
    const r = greedyFromScores(TIED, zl(500));
    expect(r.selected).toEqual(["B"]);
    expect(reasons(r)).toEqual({ B: "funded", A: "lost_tie" });
    expect(r.ties).toEqual([{ stage: "greedy", projects: ["B", "A"], score: 10, mattered: true }]);
    expect(r.decisions.find((d) => d.projectId === "A")!.tiedWith).toEqual(["B"]);
  });

  it("a tie that does not change the outcome is reported as not mattering", () => {
    const r = greedyFromScores(TIED, zl(900));
    expect(r.selected).toEqual(["B", "A"]);
    expect(r.ties).toEqual([{ stage: "greedy", projects: ["B", "A"], score: 10, mattered: false }]);
    expect(r.decisions.every((d) => d.tiedWith === undefined)).toBe(true);
  });

  it("equal cost falls back to the project id compared as a string", () => {
    const r = greedyFromScores(
      [
        { id: "b", cost: 5, score: 1 },
        { id: "a10", cost: 5, score: 1 },
        { id: "a9", cost: 5, score: 1 },
      ],
      5,
    );
    expect(r.selected).toEqual(["a10"]);
    expect(r.ties[0]!.projects).toEqual(["a10", "a9", "b"]);
  });

  it("voters: more voters first", () => {
    expect(greedyFromScores(TIED, zl(500), { tie: "voters" }).selected).toEqual(["A"]);
  });

  it("lot: a seeded, repeatable draw", () => {
    const first = (seed: string): string => greedyFromScores(TIED, zl(500), { tie: "lot", seed }).selected[0]!;
    expect(first("seed")).toBe(lotteryOrder("seed", ["A", "B"])[0]);
    expect(first("seed")).toBe("A"); // lotteryNumber("seed","A") < lotteryNumber("seed","B"), see below
    const seeds = Array.from({ length: 40 }, (_, i) => `draw-${i}`);
    const winners = new Set(seeds.map(first));
    expect(winners).toEqual(new Set(["A", "B"])); // different seeds can go either way
    for (const s of seeds) expect(first(s)).toBe(first(s)); // and each is repeatable
  });

  it("lot without a seed is refused", () => {
    expect(() => greedyFromScores(TIED, zl(500), { tie: "lot" })).toThrow(CountingError);
  });

  it("lottery numbers follow the documented algorithm (values computed independently in Python)", () => {
    expect(lotteryNumber("seed", "A")).toBe(1692755136661524176n);
    expect(lotteryNumber("seed", "B")).toBe(14641357289345075519n);
    expect(lotteryNumber("Gdynia 2025", "2025/OGM/0007")).toBe(10416237189732449961n);
    expect(lotteryNumber("zażółć", "ć")).toBe(14894346460586954428n);
  });

  it("tries every order of a 3-way tie", () => {
    // Only the 600 zł project or the two 300 zł ones fit; lower-cost funds the two cheap ones.
    const r = greedyFromScores(
      [
        { id: "X", cost: zl(600), score: 4 },
        { id: "Y", cost: zl(300), score: 4 },
        { id: "Z", cost: zl(300), score: 4 },
      ],
      zl(600),
    );
    expect(r.selected).toEqual(["Y", "Z"]);
    expect(r.ties[0]!.mattered).toBe(true);
    expect(reasons(r)["X"]).toBe("lost_tie");
  });
});

describe("greedy on a profile", () => {
  it("ranks by the score computed from the ballots", () => {
    const p = buildProfile({
      voteType: "cumulative",
      budget: 300,
      projects: [
        { id: "P", cost: 200 },
        { id: "Q", cost: 200 },
        { id: "R", cost: 100 },
      ],
      ballots: [
        { projects: ["P", "Q"], points: [1, 3] },
        { projects: ["P", "R"], points: [1, 1] },
      ],
    });
    const r = greedy(p);
    expect(r.decisions.map((d) => [d.projectId, d.score])).toEqual([
      ["Q", 3],
      ["P", 2],
      ["R", 1],
    ]);
    expect(r.selected).toEqual(["Q", "R"]);
  });

  it("refuses malformed input", () => {
    expect(() => greedyFromScores([{ id: "a", cost: 1.5, score: 1 }], 10)).toThrow(CountingError);
    expect(() => greedyFromScores([{ id: "a", cost: 1, score: 1 }, { id: "a", cost: 1, score: 1 }], 10)).toThrow(CountingError);
    expect(() => greedyFromScores([], -1)).toThrow(CountingError);
  });
});
