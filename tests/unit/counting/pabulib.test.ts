import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PbElection, PbProject, PbVote } from "~/domain/counting/pabulib";
import {
  isWithdrawnCost,
  PabulibFormatError,
  parsePabulib,
  pbBudget,
  pbMetaInt,
  pbRule,
  pbThreshold,
  pbVoteType,
  WITHDRAWN_COST,
  writePabulib,
} from "~/domain/counting/pabulib";

const SMALL = [
  "META",
  "key;value",
  "description;Test",
  "budget;1000.50",
  "vote_type;approval",
  "rule;greedy",
  "PROJECTS",
  "project_id;cost;votes;name;selected",
  "a1;500;2;Park;1",
  "b/2;600.25;1;Road;0",
  "VOTES",
  "voter_id;vote",
  "v1;a1,b/2",
  "v2;a1",
].join("\n");

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof PabulibFormatError) return e.code;
    throw e;
  }
  return undefined;
}

describe("parsePabulib: structure", () => {
  it("reads META, PROJECTS and VOTES with typed well-known columns", () => {
    const e = parsePabulib(SMALL);
    expect(e.meta).toEqual({ description: "Test", budget: "1000.50", vote_type: "approval", rule: "greedy" });
    expect(e.projects).toEqual([
      { id: "a1", cost: 50000, votes: 2, name: "Park", selected: 1, extra: {} },
      { id: "b/2", cost: 60025, votes: 1, name: "Road", selected: 0, extra: {} },
    ]);
    expect(e.votes).toEqual([
      { voterId: "v1", vote: ["a1", "b/2"], extra: {} },
      { voterId: "v2", vote: ["a1"], extra: {} },
    ]);
    expect(e.projectColumns).toEqual(["project_id", "cost", "votes", "name", "selected"]);
    expect(e.voteColumns).toEqual(["voter_id", "vote"]);
    expect(pbBudget(e)).toBe(100050);
    expect(pbVoteType(e)).toBe("approval");
    expect(pbRule(e)).toBe("greedy");
    expect(pbThreshold(e)).toBeUndefined();
  });

  it("looks columns up by header name, in any order, and keeps unknown ones in `extra`", () => {
    const text = [
      "META",
      "key;value",
      "budget;10",
      "fully_funded;1",
      "PROJECTS",
      "category;name;cost;project_id;latitude",
      "education;School;4;p1;",
      "VOTES",
      "sex;vote;age;voter_id;points",
      "F;p1;33;x;",
    ].join("\n");
    const e = parsePabulib(text);
    expect(e.meta["fully_funded"]).toBe("1");
    expect(e.projects[0]).toEqual({ id: "p1", cost: 400, name: "School", extra: { category: "education", latitude: "" } });
    expect(e.projects[0]!.selected).toBeUndefined(); // no `selected` column
    expect(e.votes[0]).toEqual({ voterId: "x", vote: ["p1"], extra: { sex: "F", age: "33" } });
  });

  it("parses the points list of cumulative ballots", () => {
    const text = "META\nkey;value\nbudget;10\nPROJECTS\nproject_id;cost;score\n1;5;5\n3;5;1\nVOTES\nvoter_id;vote;points\n43;1,3;4,1\n";
    expect(parsePabulib(text).votes[0]).toEqual({ voterId: "43", vote: ["1", "3"], points: [4, 1], extra: {} });
  });
});

describe("parsePabulib: format quirks", () => {
  it("handles a `;` inside quotes and doubled quotes", () => {
    const text = [
      "META",
      "key;value",
      'comment;"#1: a; b ""quoted"" c"',
      "budget;5",
      "PROJECTS",
      "project_id;cost;name",
      '7;1;"Zielona obwodnica; ETAP III"',
      '43;1;"""Miejskie tężnie"" - budowa"',
      "VOTES",
      "voter_id;vote",
    ].join("\n");
    const e = parsePabulib(text);
    expect(e.meta["comment"]).toBe('#1: a; b "quoted" c');
    expect(e.projects.map((p) => p.name)).toEqual(["Zielona obwodnica; ETAP III", '"Miejskie tężnie" - budowa']);
  });

  it("keeps a field literally when text follows its closing quote (Częstochowa 2020)", () => {
    const text = 'META\nkey;value\nbudget;5\nPROJECTS\nproject_id;cost;name;x\n47;1;"Odkupmy" i my - kosze;y\nVOTES\nvoter_id;vote\n';
    const p = parsePabulib(text).projects[0]!;
    expect(p.name).toBe('"Odkupmy" i my - kosze');
    expect(p.extra).toEqual({ x: "y" });
  });

  it("accepts a quoted field spanning lines", () => {
    const text = 'META\nkey;value\nbudget;5\ncomment;"line one\r\nline two"\nPROJECTS\nproject_id;cost\n1;1\nVOTES\nvoter_id;vote\n9;1\n';
    const e = parsePabulib(text);
    expect(e.meta["comment"]).toBe("line one\r\nline two");
    expect(e.votes).toHaveLength(1);
  });

  it("treats CRLF, LF, lone CR, a missing final newline, blank lines and a BOM alike", () => {
    const lf = SMALL;
    const variants = [
      lf.replace(/\n/g, "\r\n"),
      lf.replace(/\n/g, "\r"),
      "\uFEFF" + lf,
      lf + "\n",
      lf.replace("PROJECTS\n", "\n\nPROJECTS\n").replace("v1;", "\n \n;;\nv1;") + "\n\n",
      lf.split("\n").map((l, i) => (i % 2 ? l + "\r\n" : l + "\n")).join(""),
    ];
    const expected = parsePabulib(lf);
    for (const v of variants) expect(parsePabulib(v)).toEqual(expected);
  });

  it("trims whitespace around cells and list items, but keeps it inside quotes", () => {
    const text = 'META\nkey;value\n budget ; 1000.50 \nPROJECTS\n project_id ; cost ;name\n a1 ; 500 ; " padded "\nVOTES\nvoter_id;vote\n v1 ; a1 , a1\n';
    const e = parsePabulib(text);
    expect(e.meta).toEqual({ budget: "1000.50" });
    expect(e.projects[0]).toEqual({ id: "a1", cost: 50000, name: " padded ", extra: {} });
    expect(e.votes[0]!.vote).toEqual(["a1", "a1"]);
  });

  it("drops empty items in a vote list", () => {
    const text = "META\nkey;value\nbudget;1\nPROJECTS\nproject_id;cost\na;1\nb;1\nVOTES\nvoter_id;vote\n1;a,,b,\n2;\n";
    const e = parsePabulib(text);
    expect(e.votes.map((v) => v.vote)).toEqual([["a", "b"], []]);
  });

  it("reads decimal budgets and costs exactly, with a dot or a comma", () => {
    const text = "META\nkey;value\nbudget;2458488.22\nPROJECTS\nproject_id;cost\nx;0,10\ny;999999999\nVOTES\nvoter_id;vote\n";
    const e = parsePabulib(text);
    expect(pbBudget(e)).toBe(245848822);
    expect(e.projects.map((p) => p.cost)).toEqual([10, WITHDRAWN_COST]);
    expect(isWithdrawnCost(e.projects[1]!.cost)).toBe(true);
    expect(isWithdrawnCost(e.projects[0]!.cost)).toBe(false);
  });

  it("reads META numbers", () => {
    const e = parsePabulib("META\nkey;value\nbudget;1\nmin_project_score_threshold;59\nmax_length;3\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n");
    expect(pbThreshold(e)).toBe(59);
    expect(pbMetaInt(e, "max_length")).toBe(3);
    expect(pbMetaInt(e, "min_length")).toBeUndefined();
  });
});

describe("parsePabulib: errors carry a reason code and a line", () => {
  it.each([
    ["", "empty_file"],
    ["PROJECTS\nproject_id;cost\n", "missing_section"],
    ["hello\nMETA\n", "content_before_meta"],
    ["META\nkey;value\nVOTES\nvoter_id;vote\nPROJECTS\nproject_id;cost\n", "section_out_of_order"],
    ["META\nkey;value\nPROJECTS\nid;cost\nVOTES\nvoter_id;vote\n", "missing_column"],
    ["META\nkey;value\nPROJECTS\nproject_id;cost\n1;1\n1;2\nVOTES\nvoter_id;vote\n", "duplicate_project_id"],
    ["META\nkey;value\nPROJECTS\nproject_id;cost\n1;12.345\nVOTES\nvoter_id;vote\n", "bad_cost"],
    ["META\nkey;value\nPROJECTS\nproject_id;cost\n1;-1\nVOTES\nvoter_id;vote\n", "bad_cost"],
    ["META\nkey;value\nPROJECTS\nproject_id;cost;votes\n1;1;many\nVOTES\nvoter_id;vote\n", "bad_number"],
    ["META\nkey;value\nPROJECTS\nproject_id;cost\n1;1;extra\nVOTES\nvoter_id;vote\n", "too_many_cells"],
    ["META\nkey;value\nPROJECTS\nproject_id;cost\n1;1\nVOTES\nvoter_id;vote;points\nv;1;x\n", "bad_points"],
    ["META\nkey;value\nPROJECTS\nproject_id;cost\n1;1\nVOTES\nvoter_id;vote;points\nv;1;1,2\n", "points_length_mismatch"],
    ['META\nkey;value\ncomment;"never closed\n', "unterminated_quote"],
    ["META\nkey;value\nPROJECTS\nproject_id;cost;cost\n", "duplicate_column"],
  ])("%j → %s", (text, code) => {
    expect(codeOf(() => parsePabulib(text))).toBe(code);
  });

  it("reports the line number", () => {
    try {
      parsePabulib("META\nkey;value\nPROJECTS\nproject_id;cost\n1;1\n2;x\n");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PabulibFormatError);
      expect((e as PabulibFormatError).line).toBe(6);
    }
  });

  it("pbBudget refuses a missing or malformed budget", () => {
    const e = parsePabulib("META\nkey;value\nPROJECTS\nproject_id;cost\nVOTES\nvoter_id;vote\n");
    expect(codeOf(() => pbBudget(e))).toBe("bad_budget");
    e.meta["budget"] = "lots";
    expect(codeOf(() => pbBudget(e))).toBe("bad_budget");
  });
});

describe("writePabulib", () => {
  it("writes a file that parses back to the same election", () => {
    const e = parsePabulib(SMALL);
    expect(parsePabulib(writePabulib(e))).toEqual(e);
  });

  it("quotes only where needed", () => {
    const e: PbElection = {
      meta: { budget: "1", comment: 'a;b "c"' },
      projects: [{ id: "p", cost: 100, name: " x ", extra: {} }],
      votes: [],
      projectColumns: ["project_id", "cost", "name"],
      voteColumns: ["voter_id", "vote"],
    };
    const text = writePabulib(e);
    expect(text).toContain('comment;"a;b ""c"""');
    expect(text).toContain('p;1;" x "');
    expect(text.endsWith("\n")).toBe(true);
  });

  it("adds columns the data needs even if the column lists omit them", () => {
    const e: PbElection = {
      meta: { budget: "1" },
      projects: [{ id: "p", cost: 100, votes: 3, extra: { category: "sport" } }],
      votes: [{ voterId: "v", vote: ["p"], points: [2], extra: { age: "40" } }],
      projectColumns: [],
      voteColumns: [],
    };
    const back = parsePabulib(writePabulib(e));
    expect(back.projects).toEqual(e.projects);
    expect(back.votes).toEqual(e.votes);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: parse(write(e)) == e for any election the data model can express.
// ---------------------------------------------------------------------------------------------

/** any text; the writer must quote what needs quoting */
const anyText = fc.string({ unit: fc.constantFrom("a", "Ż", "ó", " ", ";", '"', ",", "\n", "\r", "x", "1", "🙂", "\t") , maxLength: 12 });
/** ids are trimmed, non-empty and comma-free (votes are comma lists of ids) */
const idText = fc
  .string({ unit: fc.constantFrom("a", "B", "/", ".", "-", "1", "2", "ź", ";", '"', " "), minLength: 1, maxLength: 8 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const metaKey = idText.filter((k) => !["meta", "projects", "votes", "key"].includes(k.toLowerCase()));
const extraKey = fc.constantFrom("category", "age", "sex", "district", "latitude", "voting_method", "Beneficiaries");

const electionArb: fc.Arbitrary<PbElection> = fc
  .record({
    meta: fc.dictionary(metaKey, anyText, { maxKeys: 5 }),
    ids: fc.uniqueArray(idText, { minLength: 0, maxLength: 6 }),
    hasName: fc.boolean(),
    hasVotes: fc.boolean(),
    hasScore: fc.boolean(),
    hasSelected: fc.boolean(),
    hasPoints: fc.boolean(),
    pExtra: fc.uniqueArray(extraKey, { maxLength: 2 }),
    vExtra: fc.uniqueArray(extraKey, { maxLength: 2 }),
    seed: fc.array(fc.record({ cost: fc.nat(10 ** 12), n: fc.nat(10 ** 6), s: fc.integer({ min: 0, max: 3 }), t: anyText }), { minLength: 6, maxLength: 6 }),
    voters: fc.array(fc.record({ id: idText, picks: fc.array(fc.nat(5), { maxLength: 4 }), pts: fc.array(fc.nat(20), { maxLength: 4 }), t: anyText }), { maxLength: 6 }),
  })
  .map((r) => {
    const projects: PbProject[] = r.ids.map((id, i) => {
      const s = r.seed[i]!;
      const p: PbProject = { id, cost: s.cost, extra: {} };
      if (r.hasName) p.name = s.t;
      if (r.hasVotes) p.votes = s.n;
      if (r.hasScore) p.score = s.n * 2;
      if (r.hasSelected) p.selected = s.s;
      for (const k of r.pExtra) p.extra[k] = s.t;
      return p;
    });
    const votes: PbVote[] = r.voters.map((v) => {
      const vote = r.ids.length === 0 ? [] : v.picks.map((i) => r.ids[i % r.ids.length]!);
      const pv: PbVote = { voterId: v.id, vote, extra: {} };
      if (r.hasPoints && vote.length > 0) pv.points = vote.map((_, i) => v.pts[i] ?? 1);
      for (const k of r.vExtra) pv.extra[k] = v.t;
      return pv;
    });
    const projectColumns = ["project_id", "cost"];
    if (r.hasName) projectColumns.push("name");
    if (r.hasVotes) projectColumns.push("votes");
    if (r.hasScore) projectColumns.push("score");
    if (r.hasSelected) projectColumns.push("selected");
    projectColumns.push(...r.pExtra);
    const voteColumns = ["voter_id", "vote"];
    if (r.hasPoints) voteColumns.push("points");
    voteColumns.push(...r.vExtra);
    return { meta: r.meta, projects, votes, projectColumns, voteColumns };
  });

describe("writePabulib / parsePabulib round trip (property)", () => {
  it("parse(write(e)) equals e", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        // A META row whose key and value are both empty is a blank line: not representable.
        fc.pre(!Object.entries(e.meta).some(([k, v]) => k === "" && v === ""));
        expect(parsePabulib(writePabulib(e))).toEqual(e);
      }),
      { numRuns: 400 },
    );
  });

  it("write(parse(write(e))) is a fixed point", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const once = writePabulib(e);
        expect(writePabulib(parsePabulib(once))).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});
