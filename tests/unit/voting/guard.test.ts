import { describe, expect, it } from "vitest";
import {
  backoffWaitS,
  decideAttempt,
  IDENTIFY_BACKOFF,
  maxAttemptsWithin,
  mayVoteForChild,
  parseGuardianRule,
  parseRegisterRow,
  polishLettersHint,
  makePesel,
} from "~/domain/voting";

describe("identification back-off", () => {
  it.each([
    [0, 0],
    [1, 0],
    [3, 0],
    [4, 2],
    [5, 4],
    [8, 32],
    [11, 256],
    [12, 300],
    [1000, 300],
  ])("after %i failures the next attempt waits %i s", (failures, wait) => {
    expect(backoffWaitS(failures)).toBe(wait);
  });

  it("lets three attempts through at once, then makes the fourth failure cost 2 s", () => {
    let state = null;
    for (let i = 0; i < 4; i++) {
      const d = decideAttempt(state, 1000);
      if (!d.ok) throw new Error(`attempt ${i + 1} refused`);
      state = d.next;
    }
    expect(decideAttempt(state, 1000)).toEqual({ ok: false, retryAfterS: 2 });
    expect(decideAttempt(state, 3000).ok).toBe(true);
  });

  it("never makes anyone wait more than five minutes, however many failures", () => {
    const state = { failures: 10_000, lastFailureAtMs: 0 };
    expect(decideAttempt(state, 1)).toEqual({ ok: false, retryAfterS: 300 });
    expect(decideAttempt(state, 300_000).ok).toBe(true);
  });

  it("forgets failures a day after the last one", () => {
    const state = { failures: 50, lastFailureAtMs: 0 };
    expect(decideAttempt(state, IDENTIFY_BACKOFF.forgetS * 1000)).toEqual({ ok: true, next: { failures: 1, lastFailureAtMs: IDENTIFY_BACKOFF.forgetS * 1000 } });
  });

  it("allows at most 298 guesses per identity per day (and 22 in the first hour)", () => {
    expect(maxAttemptsWithin(24 * 3600)).toBe(298);
    expect(maxAttemptsWithin(3600)).toBe(22);
  });
});

describe("Polish letters hint", () => {
  it.each([
    [["Lukasz"], true],
    [["lukasz", "Nowak"], true],
    [["Łukasz"], false],
    [["Olga", "Wąs"], false],
    [[""], false],
    [[undefined, "  "], false],
    [["123"], false],
  ] as const)("%o → %s", (names, hint) => {
    expect(polishLettersHint(names)).toBe(hint);
  });
});

describe("who may vote for a child", () => {
  it.each([
    ["a linked guardian, strict rule", { linked: true, guardianDistrictId: "a", childDistrictId: "b" }, "register_link", { ok: true, basis: "register_link" }],
    ["a stranger, strict rule, same district", { linked: false, guardianDistrictId: "a", childDistrictId: "a" }, "register_link", { ok: false, reason: "guardian_not_authorised" }],
    ["a neighbour under the district rule", { linked: false, guardianDistrictId: "a", childDistrictId: "a" }, "same_district", { ok: true, basis: "same_district" }],
    ["another district under the district rule", { linked: false, guardianDistrictId: "a", childDistrictId: "b" }, "same_district", { ok: false, reason: "guardian_not_authorised" }],
    ["unknown districts under the district rule", { linked: false, guardianDistrictId: null, childDistrictId: null }, "same_district", { ok: false, reason: "guardian_not_authorised" }],
  ] as const)("%s", (_n, facts, rule, verdict) => {
    expect(mayVoteForChild(facts, rule)).toEqual(verdict);
  });

  it("reads the configured rule, falling back to the strict one", () => {
    expect(parseGuardianRule("same_district")).toBe("same_district");
    expect(parseGuardianRule("anyone")).toBe("register_link");
    expect(parseGuardianRule(undefined)).toBe("register_link");
  });

  it("the register row carries the guardians' identifiers and no sex", () => {
    const g = makePesel({ year: 1985, month: 3, day: 3 }, 7, "female");
    const r = parseRegisterRow(
      { pesel: makePesel({ year: 2019, month: 1, day: 1 }, 1, "male"), parent_first_name: "Anna", guardian_pesel: `${g} | ${g.slice(0, 10)}x` },
      { districtIdByName: () => null, today: { year: 2026, month: 6, day: 1 } },
    );
    expect(r).toEqual({ ok: false, reason: "register_guardian_invalid" });
    const ok = parseRegisterRow(
      { pesel: makePesel({ year: 2019, month: 1, day: 1 }, 1, "male"), parent_first_name: "Anna", guardian_pesel: g, guardian_karta: "123-456" },
      { districtIdByName: () => null, today: { year: 2026, month: 6, day: 1 } },
    );
    expect(ok.ok && ok.row.guardians).toEqual([`pesel:${g}`, "karta:123456"]);
    expect(ok.ok && ok.row).not.toHaveProperty("sex");
  });
});
