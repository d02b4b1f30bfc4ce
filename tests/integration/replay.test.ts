/**
 * Issue #14: real elections replayed through the platform (app/cli/replay.ts) — an edition set up
 * from the file's META, one synthetic voter per ballot, every ballot cast with castBallot, the box
 * opened by the commission, counted by countEdition. The platform must fund what the city funded
 * (or, where the city's outcome needed something outside the count, exactly the documented
 * difference), accept ≥ 98 % of the ballots, and its `.pb` export must recount to the same winners.
 * Always on a fixture of each vote type; on every file of ../shared/pabulib/ when it is present
 * (files over BO_REPLAY_MAX_BALLOTS ballots, default 10 000, are skipped with a logged reason).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replayText, type ReplaySummary } from "../../app/cli/replay";
import { listPublishedResults } from "~/data/results.server";
import { parsePabulib, tallyElection } from "~/domain/counting";
import { poolPabulib } from "~/services/open-data.server";
import { createTestDb, type TestDb } from "../support/db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixtures = path.join(root, "tests/fixtures/pabulib");
const shared = path.resolve(root, "../shared/pabulib");
const MAX_BALLOTS = Number(process.env.BO_REPLAY_MAX_BALLOTS ?? 10_000);

interface Expected {
  num_voters: number;
  selected_in_file: string[] | null;
  rule_variant_selection: string[] | null;
  rule_variant_reproduces_selected: boolean | null;
  mes_add1_pabulib_reproduces_selected?: boolean;
}
const sorted = (xs: readonly string[]) => [...xs].sort();

/**
 * Where the city's real outcome is not what its stated rule gives, the exact difference (the same
 * cases as tests/unit/counting/real-elections.test.ts).
 */
const CITY_DIFFERENCES: Record<string, { platformOnly: string[]; cityOnly: string[]; why: string }> = {
  "Poland_Krakow_2022_Czyzyny.pb": { platformOnly: ["24"], cityOnly: ["26"], why: "a 40-point tie the city broke for the dearer project (the platform flags it for a public lot)" },
  // greedy-exclusive: 459, 1687 and 2150 overlap and the city kept 2150 — the exclusion is named only
  // in the file's comment, so the replay counts plain greedy, which then differs further down. Giving
  // the three as one exclusive group (--exclusive 459,1687,2150) does not reproduce it either: 1687
  // outvotes 2150, so a group funds 1687; the city's list reads as 459 and 1687 taken out by hand
  "Poland_Warszawa_2021_Ursynow.pb": { platformOnly: ["1471", "1687", "2136", "459"], cityOnly: ["2150", "976"], why: "mutually exclusive projects named only in the file's comment" },
  "Poland_Lodz_2020.pb": { platformOnly: ["L048"], cityOnly: ["L099", "L155", "L163", "L249"], why: "budget raised by hand after the vote" },
};

const report: string[] = [];

function suite(dir: string, files: string[]) {
  const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Record<string, Expected>;
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it.each(files)("%s", async (file) => {
    const x = expected[file]!;
    if (x.num_voters > MAX_BALLOTS) {
      console.log(`replay: skipped ${file}: ${x.num_voters} ballots > BO_REPLAY_MAX_BALLOTS=${MAX_BALLOTS}`);
      return;
    }
    const text = readFileSync(path.join(dir, file), "utf8");
    const e = parsePabulib(text);
    const s: ReplaySummary = await replayText(t.db, text, { file });
    const pct = (100 * s.ballotsAccepted) / s.ballots;
    report.push(`${file} | ${s.voteType} | ${s.ballotsAccepted}/${s.ballotsRefused} ${JSON.stringify(s.refusals)} | ${pct.toFixed(2)} % | city? | ${s.seconds.total.toFixed(1)} s`);

    // ≥ 98 % of the real ballots pass the platform's own ballot validation
    expect(pct, JSON.stringify(s.refusals)).toBeGreaterThanOrEqual(98);
    expect(s.ballotsAccepted + s.ballotsRefused).toBe(e.votes.length);

    // the platform's count = the counting engine's reading of the file's META (same rule, same ballots)
    const meta = tallyElection(e, "meta");
    if (s.ballotsRefused === 0) expect(sorted(s.selected)).toEqual(sorted(meta.selected));

    // … = the city's own outcome, or exactly the documented difference
    const city = x.selected_in_file;
    let verdict: string;
    if (city === null) {
      expect(s.selected).toEqual(x.rule_variant_selection);
      verdict = "rule's outcome (file has no selected column)";
    } else if (CITY_DIFFERENCES[file]) {
      const d = CITY_DIFFERENCES[file];
      expect(sorted(s.selected.filter((id) => !city.includes(id)))).toEqual(d.platformOnly);
      expect(sorted(city.filter((id) => !s.selected.includes(id)))).toEqual(d.cityOnly);
      verdict = `no: ${d.why}`;
    } else {
      expect(sorted(s.selected)).toEqual(sorted(city));
      verdict = "yes";
    }
    report[report.length - 1] = report[report.length - 1]!.replace("city?", verdict);

    // the open data recounts to the platform's winners
    const [pool] = await listPublishedResults(t.db, s.editionId, { includeDrafts: true, poolId: s.poolId });
    const exported = parsePabulib(await poolPabulib(t.db, pool!, 2100));
    expect(exported.meta["vote_type"]).toBe(e.meta["vote_type"]);
    // every accepted ballot is a line of the file (less those that named only a withdrawn project)
    if (s.config.withdrawn.length === 0) expect(exported.votes).toHaveLength(s.ballotsAccepted);
    else expect(exported.votes.length).toBeLessThanOrEqual(s.ballotsAccepted);
    const recount = tallyElection(exported, "meta");
    expect(sorted(recount.selected.map((id) => id.replace(/^prp_replay_/, "")))).toEqual(sorted(s.selected));
  });
}

/** A small file by hand: ballots where counting voters and counting points fund different projects. */
function handMade(voteType: "cumulative" | "ordinal", votes: [string, string][]): string {
  return [
    "META",
    "key;value",
    "description;hand-made",
    "country;Poland",
    "unit;Test",
    "instance;2100",
    "num_projects;3",
    `num_votes;${votes.length}`,
    "budget;100",
    `vote_type;${voteType}`,
    "rule;greedy",
    ...(voteType === "cumulative" ? ["max_sum_points;5", "max_points;5"] : ["min_length;1", "max_length;2"]),
    "PROJECTS",
    "project_id;cost;name",
    "a;60;A",
    "b;60;B",
    "c;30;C",
    "VOTES",
    "voter_id;vote;points",
    ...votes.map(([vote, points], i) => `${i + 1};${vote};${points}`),
  ].join("\n");
}

describe("points and ranked pools: cast → open → count", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  it("a points pool funds by points; pool_results keep the points (score) and the voters (votes)", async () => {
    // a: 5 points from one voter; b: 1 point from each of three; c: 2+1
    const s = await replayText(t.db, handMade("cumulative", [["a", "5"], ["b,c", "1,2"], ["b", "1"], ["b,c", "1,1"], ["a,b", "5,1"]]));
    expect(s.ballotsAccepted).toBe(4);
    expect(s.refusals).toEqual({ ballot_points_over_total: 1 });
    expect(s.scores).toEqual([
      { id: "a", votes: 1, score: 5, decision: "funded" },
      { id: "c", votes: 2, score: 3, decision: "funded" },
      { id: "b", votes: 3, score: 3, decision: "did_not_fit" },
    ]);
    expect(s.selected).toEqual(["a", "c"]);
  });

  it("a ranked pool (up to 2 ranks, 2/1 points) funds by rank points", async () => {
    // a: 2 + 1 = 3; b: 1 + 2 + 2 = 5; c: 1; the ballot with three ranks is refused
    const s = await replayText(t.db, handMade("ordinal", [["a,b", "2,1"], ["b,a", "2,1"], ["b,c", "2,1"], ["a,b,c", "2,1,0"]]));
    expect(s.refusals).toEqual({ ballot_rank_invalid: 1 }); // a third rank where there are two
    expect(s.scores.map((x) => [x.id, x.votes, x.score, x.decision])).toEqual([
      ["b", 3, 5, "funded"],
      ["a", 2, 3, "did_not_fit"],
      ["c", 1, 1, "funded"],
    ]);
    expect(s.selected).toEqual(["b", "c"]);
  });
});

const FIXTURES = [
  "Poland_Czestochowa_2020_Grabowka.pb", // cumulative
  "Poland_Krakow_2022_Czyzyny.pb", // ordinal 3/2/1
  "Poland_Wroclaw_2017_Rejon_nr_11_750.pb", // choose-1, a project withdrawn after the vote
  "Poland_Warszawa_2018_Anin.pb", // approval with a threshold
  "Poland_Wieliczka_2023_Green_Budget.pb", // Equal Shares
  "Poland_Gdynia_2021_Babie_Doly__small.pb", // Gdynia: greedy stopping at the first that does not fit
];
describe("replay: one fixture of every vote type (tests/fixtures/pabulib)", () => {
  suite(fixtures, FIXTURES);
});

const hasShared = existsSync(path.join(shared, "expected.json"));
describe.runIf(hasShared)("replay: every file of ../shared/pabulib", () => {
  // the files above are not replayed twice
  if (hasShared) suite(shared, readdirSync(shared).filter((f) => f.endsWith(".pb") && !FIXTURES.includes(f)).sort());
});

describe("npm run edition -- replay FILE.pb --json", () => {
  it("prints a summary whose last line is the outcome as JSON, and leaves the site's database alone", () => {
    const out = execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "app/cli/editions.ts"), "replay", path.join(fixtures, "Poland_Wroclaw_2017_Rejon_nr_11_750.pb"), "--json"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "/nonexistent/never-opened.sqlite" },
    });
    const lines = out.trim().split("\n");
    expect(lines[0]).toContain("choose-1, greedy-no-skip");
    expect(out).toContain("withdrawn after the vote");
    const last = JSON.parse(lines.at(-1)!);
    expect(Object.keys(last)).toEqual(["selected", "ballots_accepted", "ballots_refused", "refusals", "seconds"]);
    expect(last).toMatchObject({ selected: ["425"], ballots_accepted: 1014, ballots_refused: 0, refusals: {} });
    expect(last.seconds).toBeGreaterThan(0);
  });
});

describe("replay report", () => {
  it("prints the table", () => {
    console.log(["file | vote type | accepted/refused | accepted % | selected = city's? | seconds", ...report].join("\n"));
    expect(true).toBe(true);
  });
});
