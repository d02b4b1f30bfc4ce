import { describe, expect, it } from "vitest";
import { parsePabulib } from "~/domain/counting/pabulib";
import type { Ballot, BallotSpec, ElectionInput } from "~/domain/counting/scores";
import {
  ballotSpecFromPabulib,
  buildProfile,
  computeScores,
  CountingError,
  electionFromPabulib,
  validateBallot,
} from "~/domain/counting/scores";

const projects = [
  { id: "A", cost: 100 },
  { id: "B", cost: 200 },
  { id: "C", cost: 300 },
];

function scores(input: Omit<ElectionInput, "projects" | "budget">) {
  return computeScores(buildProfile({ ...input, projects, budget: 1000 }));
}

describe("scores by ballot type", () => {
  it("approval: score = number of voters", () => {
    const s = scores({ voteType: "approval", ballots: [{ projects: ["A", "B"] }, { projects: ["B"] }, { projects: [] }] });
    expect(s).toEqual([
      { id: "A", voters: 1, score: 1 },
      { id: "B", voters: 2, score: 2 },
      { id: "C", voters: 0, score: 0 },
    ]);
  });

  it("approval: a repeated id counts once", () => {
    const s = scores({ voteType: "approval", ballots: [{ projects: ["A", "A"] }] });
    expect(s[0]).toEqual({ id: "A", voters: 1, score: 1 });
  });

  it("choose-1: score = number of voters", () => {
    const s = scores({ voteType: "choose-1", ballots: [{ projects: ["C"] }, { projects: ["C"] }, { projects: ["A"] }] });
    expect(s.map((x) => x.score)).toEqual([1, 0, 2]);
  });

  it("cumulative: score = total points, voters counted separately", () => {
    const s = scores({
      voteType: "cumulative",
      ballots: [
        { projects: ["A", "C"], points: [4, 1] },
        { projects: ["A"], points: [5] },
      ],
    });
    expect(s).toEqual([
      { id: "A", voters: 2, score: 9 },
      { id: "B", voters: 0, score: 0 },
      { id: "C", voters: 1, score: 1 },
    ]);
  });

  it("ordinal without points: points = maxLength − position", () => {
    const s = computeScores(
      buildProfile({
        voteType: "ordinal",
        projects,
        budget: 1000,
        ordinalMaxLength: 3,
        ballots: [{ projects: ["C", "A", "B"] }, { projects: ["A"] }],
      }),
    );
    expect(s.map((x) => x.score)).toEqual([2 + 3, 1, 3]);
  });

  it("ordinal without points and without maxLength: the longest ballot sets the scale", () => {
    const s = scores({ voteType: "ordinal", ballots: [{ projects: ["C", "A"] }, { projects: ["B"] }] });
    expect(s.map((x) => x.score)).toEqual([1, 2, 2]);
  });

  it("ordinal with a points column (Kraków 3,2,1) uses it", () => {
    const s = scores({ voteType: "ordinal", ballots: [{ projects: ["C", "A", "B"], points: [5, 2, 1] }] });
    expect(s.map((x) => x.score)).toEqual([2, 1, 5]);
  });

  it("refuses unknown projects and bad points", () => {
    const err = (b: Ballot[], voteType: ElectionInput["voteType"] = "cumulative"): string | undefined => {
      try {
        buildProfile({ voteType, projects, budget: 1, ballots: b });
      } catch (e) {
        return (e as CountingError).code;
      }
      return undefined;
    };
    expect(err([{ projects: ["Z"] }], "approval")).toBe("unknown_project");
    expect(err([{ projects: ["A"] }])).toBe("points_missing");
    expect(err([{ projects: ["A"], points: [1.5] }])).toBe("bad_points");
    expect(err([{ projects: ["A"], points: [-1] }])).toBe("bad_points");
    expect(err([{ projects: ["A"], points: [2] }])).toBeUndefined();
  });
});

describe("profile grouping", () => {
  it("groups identical ballots (order of ids does not matter for approval)", () => {
    const p = buildProfile({
      voteType: "approval",
      projects,
      budget: 1000,
      ballots: [{ projects: ["A", "B"] }, { projects: ["B", "A"] }, { projects: ["C"] }, { projects: ["A", "B"] }],
    });
    expect(p.voters).toBe(4);
    expect(p.groups).toBe(2);
    expect([...p.mult].sort()).toEqual([1, 3]);
    // supporters of B: one group of multiplicity 3
    const b = p.index.get("B")!;
    const sup = p.suppGroup.slice(p.suppStart[b], p.suppStart[b + 1]);
    expect(sup).toHaveLength(1);
    expect(p.mult[sup[0]!]).toBe(3);
  });

  it("keeps ballots apart when points differ, and leaves 0-point entries out of the supporters", () => {
    const p = buildProfile({
      voteType: "cumulative",
      projects,
      budget: 1000,
      ballots: [
        { projects: ["A", "B"], points: [2, 1] },
        { projects: ["A", "B"], points: [1, 2] },
        { projects: ["A", "C"], points: [3, 0] },
      ],
    });
    expect(p.groups).toBe(3);
    const c = p.index.get("C")!;
    expect(p.suppStart[c + 1]! - p.suppStart[c]!).toBe(0);
    expect(p.projectVoters[c]).toBe(1);
  });
});

describe("validateBallot", () => {
  const ids = new Set(["A", "B", "C"]);
  const cases: Array<[string, Ballot, BallotSpec, string | null]> = [
    ["approval ok", { projects: ["A", "B"] }, { voteType: "approval", minLength: 1, maxLength: 3 }, null],
    ["unknown project", { projects: ["Z"] }, { voteType: "approval" }, "unknown_project"],
    ["duplicate", { projects: ["A", "A"] }, { voteType: "approval" }, "duplicate_project"],
    ["too few ticks", { projects: [] }, { voteType: "approval", minLength: 1 }, "too_few_projects"],
    ["too many ticks", { projects: ["A", "B", "C"] }, { voteType: "approval", maxLength: 2 }, "too_many_projects"],
    ["choose-1 with two", { projects: ["A", "B"] }, { voteType: "choose-1" }, "choose_exactly_one"],
    ["choose-1 ok", { projects: ["C"] }, { voteType: "choose-1" }, null],
    ["cumulative without points", { projects: ["A"] }, { voteType: "cumulative" }, "points_missing"],
    ["cumulative fractional", { projects: ["A"], points: [0.5] }, { voteType: "cumulative" }, "points_not_whole"],
    ["cumulative over the sum", { projects: ["A", "B"], points: [6, 5] }, { voteType: "cumulative", maxSumPoints: 10 }, "too_many_points"],
    ["cumulative under the sum", { projects: ["A"], points: [0] }, { voteType: "cumulative", minSumPoints: 1 }, "too_few_points"],
    ["cumulative over per project", { projects: ["A"], points: [4] }, { voteType: "cumulative", maxPoints: 3 }, "too_many_points_for_project"],
    ["cumulative ok", { projects: ["A", "B"], points: [7, 3] }, { voteType: "cumulative", maxSumPoints: 10 }, null],
    ["ordinal too long", { projects: ["A", "B", "C"] }, { voteType: "ordinal", maxLength: 2 }, "too_many_projects"],
  ];
  it.each(cases)("%s", (_name, ballot, spec, reason) => {
    const r = validateBallot(ballot, spec, ids);
    expect(r).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });

  it("reads the ballot rules from META", () => {
    const e = parsePabulib(
      "META\nkey;value\nbudget;1\nvote_type;cumulative\nmin_sum_points;1\nmax_sum_points;10\nmax_length;3\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n",
    );
    expect(ballotSpecFromPabulib(e)).toEqual({ voteType: "cumulative", maxLength: 3, minSumPoints: 1, maxSumPoints: 10 });
  });
});

describe("electionFromPabulib", () => {
  it("marks the 999999999 sentinel as withdrawn and passes max_length for ordinal ballots", () => {
    const e = parsePabulib(
      "META\nkey;value\nbudget;10\nvote_type;ordinal\nmax_length;3\nPROJECTS\nproject_id;cost\na;1\nw;999999999\nVOTES\nvoter_id;vote\n1;a,w\n",
    );
    const input = electionFromPabulib(e);
    expect(input.projects).toEqual([
      { id: "a", cost: 100 },
      { id: "w", cost: 99999999900, withdrawn: true },
    ]);
    expect(input.ordinalMaxLength).toBe(3);
    expect(computeScores(buildProfile(input)).map((s) => s.score)).toEqual([3, 2]);
  });

  it("refuses an unsupported vote type", () => {
    const e = parsePabulib("META\nkey;value\nbudget;10\nvote_type;scoring\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n");
    expect(() => electionFromPabulib(e)).toThrow(CountingError);
  });
});
