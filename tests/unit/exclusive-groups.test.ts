/** Groups of mutually exclusive projects (#14, Warszawa): the rules the set-up service asks, and the count honouring them. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyExclusiveChange, checkGroups, GROUP_MAX, GROUPS_MAX, withoutExclusiveGroups, type ExclusiveChange } from "~/domain/exclusive-groups";
import { countPool } from "~/domain/results";
import { SelectionRuleSchema } from "~/domain/rules";

const pool = new Set(["a", "b", "c", "d", "e"]);
const ids = (n: number, p = "p") => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe("applyExclusiveChange", () => {
  const cases: [string, string[][], ExclusiveChange, ReadonlySet<string>, ReturnType<typeof applyExclusiveChange>][] = [
    ["adds a first group", [], { add: ["a", "b"] }, pool, { ok: true, groups: [["a", "b"]] }],
    ["adds a second group beside the first", [["a", "b"]], { add: ["c", "d", "e"] }, pool, { ok: true, groups: [["a", "b"], ["c", "d", "e"]] }],
    ["a ticked box sent twice counts once", [], { add: ["a", "a", "b"] }, pool, { ok: true, groups: [["a", "b"]] }],
    ["one project is not a group", [], { add: ["a"] }, pool, { ok: false, reason: "group_too_small" }],
    ["the same project twice is still one", [], { add: ["a", "a"] }, pool, { ok: false, reason: "group_too_small" }],
    ["nothing ticked", [], { add: [] }, pool, { ok: false, reason: "group_too_small" }],
    ["a project of another pool", [], { add: ["a", "zz"] }, pool, { ok: false, reason: "project_not_in_pool" }],
    ["a project already in a group", [["a", "b"]], { add: ["b", "c"] }, pool, { ok: false, reason: "project_in_two_groups" }],
    ["51 projects", [], { add: ids(51) }, new Set(ids(51)), { ok: false, reason: "group_too_large" }],
    ["50 projects", [], { add: ids(50) }, new Set(ids(50)), { ok: true, groups: [ids(50)] }],
    ["removes the group holding a project", [["a", "b"], ["c", "d"]], { remove: "d" }, pool, { ok: true, groups: [["a", "b"]] }],
    ["removing a group that is not there", [["a", "b"]], { remove: "c" }, pool, { ok: false, reason: "group_missing" }],
    ["a saved member that left the ballot does not block a new group", [["gone", "a"]], { add: ["b", "c"] }, pool, { ok: true, groups: [["gone", "a"], ["b", "c"]] }],
    ["set replaces all", [["a", "b"]], { set: [["c", "d"]] }, pool, { ok: true, groups: [["c", "d"]] }],
    ["set checks membership of every group", [], { set: [["a", "b"], ["c", "x"]] }, pool, { ok: false, reason: "project_not_in_pool" }],
    ["set to none", [["a", "b"]], { set: [] }, pool, { ok: true, groups: [] }],
  ];
  it.each(cases)("%s", (_, current, change, projects, expected) => {
    expect(applyExclusiveChange(current, change, projects)).toEqual(expected);
  });

  it("the 51st group is refused, the 50th accepted", () => {
    const fifty = Array.from({ length: GROUPS_MAX }, (_, i) => [`x${i}`, `y${i}`]);
    const all = new Set(fifty.flat().concat(["n1", "n2"]));
    expect(applyExclusiveChange(fifty.slice(1), { add: fifty[0]! }, all).ok).toBe(true);
    expect(applyExclusiveChange(fifty, { add: ["n1", "n2"] }, all)).toEqual({ ok: false, reason: "too_many_groups" });
  });

  it("whatever is accepted fits the stored rule's schema and leaves no project in two groups", () => {
    const id = fc.constantFrom(...ids(12, "q"));
    fc.assert(
      fc.property(fc.array(fc.array(id, { maxLength: 6 }), { maxLength: 8 }), (adds) => {
        let groups: string[][] = [];
        for (const add of adds) {
          const r = applyExclusiveChange(groups, { add }, new Set(ids(12, "q")));
          if (r.ok) groups = r.groups;
        }
        const flat = groups.flat();
        expect(new Set(flat).size).toBe(flat.length);
        expect(groups.every((g) => g.length >= 2 && g.length <= GROUP_MAX)).toBe(true);
        expect(SelectionRuleSchema.safeParse({ method: "greedy", exclusive: groups.length ? groups : undefined }).success).toBe(true);
        expect(checkGroups(groups)).toEqual({ ok: true, groups });
      }),
      { numRuns: 200 },
    );
  });
});

describe("the count honours the groups", () => {
  // a and b are the top two and exclude each other: a is funded, b excluded, c (next that fits) funded
  const projects = [
    { id: "a", costGrosze: 40 },
    { id: "b", costGrosze: 40 },
    { id: "c", costGrosze: 50 },
    { id: "d", costGrosze: 30 },
  ];
  const ballots = [["a", "b", "c"], ["a", "b", "c"], ["a", "b"], ["a", "d"], ["c"], ["d"]]; // a 4, b 3, c 3, d 2
  for (const method of ["greedy", "greedy-no-skip"] as const) {
    it(`${method}: the first of a group is funded, the next fitting project instead of its rival`, () => {
      const plain = countPool({ projects, ballots, budgetGrosze: 90, rule: { method, minScore: 0, tieBreak: "lower-cost" } });
      expect(plain.official.selected).toEqual(["a", "b"]);
      const r = countPool({ projects, ballots, budgetGrosze: 90, rule: { method, minScore: 0, tieBreak: "lower-cost", exclusive: [["a", "b"]] } });
      expect(r.official.selected).toEqual(["a", "c"]);
      expect(r.official.decisions.find((x) => x.projectId === "b")?.reason).toBe("excluded");
    });
  }
});

describe("withoutExclusiveGroups (a pool copied into a new edition)", () => {
  it.each([
    ['{"method":"greedy","minScore":5,"tieBreak":"lot","exclusive":[["a","b"]]}', '{"method":"greedy","minScore":5,"tieBreak":"lot"}'],
    ['{"method":"greedy-no-skip","minScore":0,"tieBreak":"lower-cost"}', '{"method":"greedy-no-skip","minScore":0,"tieBreak":"lower-cost"}'],
    ["not json", "not json"],
    ["[1,2]", "[1,2]"],
  ])("%s → %s", (from, to) => {
    expect(withoutExclusiveGroups(from)).toBe(to);
  });
});
