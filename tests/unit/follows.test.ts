import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { choicesFromForm, FollowInputSchema, notificationOfDecision, pickRecipients, type FollowerRow } from "~/domain/follows";

const ALL = { status_changes: true, verification: true, results: true, implementation: true };
const row = (userId: string, targetKind: FollowerRow["targetKind"], choices = ALL): FollowerRow => ({ followId: `${userId}-${targetKind}`, userId, targetKind, choices });

describe("who of the followers gets a mail", () => {
  it.each([
    ["one per person, through the most specific follow", [row("a", "edition"), row("a", "proposal"), row("a", "district")], [], ["a-proposal"]],
    ["district before edition", [row("a", "edition"), row("a", "district")], [], ["a-district"]],
    ["leaves out the excluded (the author, told otherwise)", [row("a", "proposal"), row("b", "district")], ["a"], ["b-district"]],
    ["respects the choice", [row("a", "proposal", { ...ALL, status_changes: false }), row("b", "edition")], [], ["b-edition"]],
    ["nobody follows", [], [], []],
  ] as const)("%s", (_name, rows, exclude, expected) => {
    expect(pickRecipients(rows, "status_changes", exclude).map((r) => r.followId)).toEqual(expected);
  });

  it("never mails a person twice, never the excluded, never against their choice", () => {
    const kinds = ["proposal", "district", "edition"] as const;
    const arb = fc.array(fc.record({ userId: fc.constantFrom("a", "b", "c", "d"), kind: fc.constantFrom(...kinds), wants: fc.boolean() }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, fc.subarray(["a", "b", "c", "d"]), (rows, exclude) => {
        const followers = rows.map((r, i) => ({ followId: `f${i}`, userId: r.userId, targetKind: r.kind, choices: { ...ALL, results: r.wants } }));
        const got = pickRecipients(followers, "results", exclude);
        expect(new Set(got.map((g) => g.userId)).size).toBe(got.length);
        for (const g of got) {
          expect(exclude).not.toContain(g.userId);
          expect(g.choices.results).toBe(true);
        }
        const wanting = new Set(followers.filter((f) => f.choices.results && !exclude.includes(f.userId)).map((f) => f.userId));
        expect(got.length).toBe(wanting.size);
      }),
    );
  });
});

describe("which notification a decision is", () => {
  it.each([
    ["formal_pass", "verification"],
    ["formal_changes", "verification"],
    ["merit_reject", "verification"],
    ["appeal_accept", "verification"],
    ["start_verification", "status_changes"],
    ["withdraw", "status_changes"],
    ["youth_approve", "status_changes"],
  ])("%s → %s", (intent, kind) => expect(notificationOfDecision(intent)).toBe(kind));
});

describe("forms", () => {
  it.each([
    [{ intent: "follow", kind: "proposal", id: "prp_2026_1" }, true],
    [{ intent: "unfollow", kind: "edition", id: "ed_2026" }, true],
    [{ intent: "follow", kind: "user", id: "usr_1" }, false],
    [{ intent: "follow", kind: "proposal", id: "../etc" }, false],
    [{ intent: "follow", kind: "proposal", id: "" }, false],
    [{ intent: "follow", kind: "proposal", id: "x".repeat(65) }, false],
  ])("%j valid: %s", (input, ok) => expect(FollowInputSchema.safeParse(input).success).toBe(ok));

  it("unticked boxes are off", () => {
    expect(choicesFromForm({ results: "on" })).toEqual({ status_changes: false, verification: false, results: true, implementation: false });
  });
});
