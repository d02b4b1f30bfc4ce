/**
 * Issue #14, the pure parts: a pool counted by its ballot type's points (countPool), and a Pabulib
 * file's META read into the platform's ballot and selection rules (app/domain/replay.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePabulib } from "~/domain/counting";
import { citySelection, replayConfig, selectionOf } from "~/domain/replay";
import { countPool } from "~/domain/results";
import type { SelectionRule } from "~/domain/rules";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/pabulib");
const greedy: SelectionRule = { method: "greedy", minScore: 0, tieBreak: "lower-cost" };

describe("countPool by the pool's ballot type", () => {
  const projects = [{ id: "a", costGrosze: 60 }, { id: "b", costGrosze: 60 }];
  const ballots = [{ projects: ["a", "b"], points: [5, 1] }, { projects: ["b"], points: [1] }, { projects: ["b"], points: [1] }, { projects: [], points: [] }];

  it("cumulative and ordinal pools rank by points; votes are the voters who gave any", () => {
    for (const voteType of ["cumulative", "ordinal"] as const) {
      const r = countPool({ projects, ballots, budgetGrosze: 100, rule: greedy, voteType });
      expect(r.official.selected).toEqual(["a"]);
      expect(r.official.decisions.map((d) => [d.projectId, d.score])).toEqual([["a", 5], ["b", 3]]);
      expect(r.projectVoters).toEqual({ a: 1, b: 3 });
      expect(r.voters).toBe(4);
    }
  });

  it("approval pools count voters, whatever points the lines carry", () => {
    const r = countPool({ projects, ballots, budgetGrosze: 100, rule: greedy, voteType: "approval" });
    expect(r.official.selected).toEqual(["b"]);
    expect(r.official.decisions.map((d) => [d.projectId, d.score])).toEqual([["b", 3], ["a", 1]]);
  });

  it("the minimum score is on points for a points pool", () => {
    const r = countPool({ projects, ballots, budgetGrosze: 200, rule: { ...greedy, minScore: 4 }, voteType: "cumulative" });
    expect(r.official.selected).toEqual(["a"]);
    expect(r.official.decisions.find((d) => d.projectId === "b")?.reason).toBe("below_threshold");
  });

  it("mutually exclusive projects: once one is funded the others are not, and they never stop a no-skip count", () => {
    const three = [{ id: "a", costGrosze: 40 }, { id: "b", costGrosze: 30 }, { id: "c", costGrosze: 30 }];
    const votes = [["a", "b", "c"], ["a", "b"], ["a"], ["c"]]; // a 3, b 2, c 2 (tie: lower cost, then id)
    const plain = countPool({ projects: three, ballots: votes, budgetGrosze: 100, rule: greedy });
    expect(plain.official.selected).toEqual(["a", "b", "c"]);
    for (const method of ["greedy", "greedy-no-skip"] as const) {
      const r = countPool({ projects: three, ballots: votes, budgetGrosze: 100, rule: { ...greedy, method, exclusive: [["a", "b"]] } });
      expect(r.official.selected).toEqual(["a", "c"]);
      expect(r.official.decisions.find((d) => d.projectId === "b")?.reason).toBe("excluded");
      expect(r.official.rule).toContain("+exclusive");
    }
  });

  it("lines of a project taken off the ballot are ignored; the ballot still counts as a voter", () => {
    const r = countPool({ projects: [projects[0]!], ballots: [["gone"], ["a", "gone"]], budgetGrosze: 100, rule: greedy });
    expect(r.official.selected).toEqual(["a"]);
    expect(r.voters).toBe(2);
    expect(r.projectVoters).toEqual({ a: 1 });
  });
});

describe("replayConfig: META → the platform's rules", () => {
  const read = (f: string) => parsePabulib(readFileSync(path.join(fixtures, f), "utf8"));
  it.each([
    ["Poland_Czestochowa_2020_Grabowka.pb", { kind: "points", maxTotal: 10, maxPerProject: 10 }, { method: "greedy", minScore: 0 }],
    ["Poland_Czestochowa_2025_Kiedrzyn.pb", { kind: "points", maxTotal: 10, maxPerProject: 10 }, { method: "greedy", minScore: 300 }],
    ["Poland_Krakow_2022_Czyzyny.pb", { kind: "ranked", ranks: 3, exact: true }, { method: "greedy", minScore: 0 }],
    ["Poland_Wroclaw_2017_Rejon_nr_11_750.pb", { kind: "choose-one", required: true }, { method: "greedy-no-skip", minScore: 0 }],
    ["Poland_Warszawa_2018_Anin.pb", { kind: "approval", minTicks: 1, maxTicks: 17 }, { method: "greedy", minScore: 59 }],
    ["Poland_Gdynia_2021_Babie_Doly__small.pb", { kind: "approval", minTicks: 1, maxTicks: 3 }, { method: "greedy-no-skip", minScore: 50 }],
    [
      "Poland_Wieliczka_2023_Green_Budget.pb",
      { kind: "approval", minTicks: 1, maxTicks: 64 },
      { method: "equal-shares", minScore: 0, equalShares: { add1: "pabulib", completion: "none", comparison: true } },
    ],
  ])("%s", (file, ballotRule, selection) => {
    const r = replayConfig(read(file));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.ballotRule).toEqual(ballotRule);
    expect(r.config.selectionRule).toMatchObject({ ...selection, tieBreak: "lower-cost" });
  });

  it("says what it cannot reproduce instead of faking it", () => {
    const wro = replayConfig(read("Poland_Wroclaw_2017_Rejon_nr_11_750.pb"));
    expect(wro.ok && wro.config.withdrawn).toEqual(["150"]);
    const anin = replayConfig(read("Poland_Warszawa_2018_Anin.pb"));
    expect(anin.ok && anin.config.notes.join()).toMatch(/max_sum_cost/);
    const murcki = replayConfig(read("Poland_Katowice_2024_Murcki.pb"));
    expect(murcki.ok && murcki.config.notes.join()).toMatch(/selected=2: funded outside the count/);
    const ochota = replayConfig(read("Poland_Warszawa_2024_Ochota.pb"));
    expect(ochota.ok && ochota.config.notes.join()).toMatch(/exclusive/);
  });

  it("refuses a vote type or rule it does not know", () => {
    const e = read("Poland_Gdynia_2021_Babie_Doly__small.pb");
    expect(replayConfig({ ...e, meta: { ...e.meta, vote_type: "scoring" } })).toEqual({ ok: false, reason: "unsupported_vote_type" });
    expect(replayConfig({ ...e, meta: { ...e.meta, rule: "sequential-phragmen" } })).toEqual({ ok: false, reason: "unsupported_rule" });
  });

  it("enters a ballot as the ballot form would: ids, points per project, or ranks by position", () => {
    const v = { voterId: "1", vote: ["x", "y", "x"], points: [2, 1, 3], extra: {} };
    expect(selectionOf({ kind: "approval", minTicks: 0, maxTicks: 3 }, v)).toEqual(["x", "y", "x"]);
    expect({ ...selectionOf({ kind: "points", maxTotal: 10, maxPerProject: 10 }, v) }).toEqual({ x: 5, y: 1 });
    expect({ ...selectionOf({ kind: "ranked", ranks: 3, exact: false }, v) }).toEqual({ x: 1, y: 2 });
  });

  it("reads the city's selection (selected = 1) or says the file has none", () => {
    expect(citySelection(read("Poland_Czestochowa_2020_Grabowka.pb"))).toBeNull();
    expect(citySelection(read("Poland_Wroclaw_2017_Rejon_nr_11_750.pb"))).toEqual(["425"]);
  });
});
