import { describe, it, expect } from "vitest";
import { PHASES, type Phase } from "~/domain/rules";
import { calendarDateIn, canVote, canVoteForChild, type ProgrammeAgeRule, type VoterFacts } from "~/domain/voting/eligibility";
import type { CalendarDate } from "~/domain/voting/pesel";

const NOW = new Date("2025-05-20T10:00:00Z"); // 20 May 2025 in Gdynia
const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const bornAged = (age: number): CalendarDate => d(2025 - age, 1, 15); // already had this year's birthday

const CITY: ProgrammeAgeRule = { guardianBelowAge: 13 };
const YOUTH: ProgrammeAgeRule = { minAge: 13, maxAge: 18 };
const adult: VoterFacts = { birthDate: bornAged(40), registered: true };

describe("calendarDateIn (Europe/Warsaw)", () => {
  it.each([
    ["2025-05-19T21:59:59Z", d(2025, 5, 19)], // 23:59:59 CEST
    ["2025-05-19T22:00:00Z", d(2025, 5, 20)], // 00:00 CEST
    ["2025-01-31T22:59:59Z", d(2025, 1, 31)], // 23:59:59 CET
    ["2025-01-31T23:00:00Z", d(2025, 2, 1)],
  ])("%s → %o", (iso, date) => {
    expect(calendarDateIn(new Date(iso))).toEqual(date);
  });
  it("honours another time zone", () => {
    expect(calendarDateIn(new Date("2025-05-19T22:00:00Z"), "UTC")).toEqual(d(2025, 5, 19));
  });
  it("throws on an invalid date", () => {
    expect(() => calendarDateIn(new Date("nope"))).toThrow(RangeError);
  });
});

describe("canVote: phase and register", () => {
  it.each(PHASES.filter((p) => p !== "voting"))("phase %s → not_voting_phase", (phase) => {
    expect(canVote({ voter: adult, programme: CITY, phase, now: NOW })).toEqual({ ok: false, reason: "not_voting_phase" });
  });
  it("voting phase, adult → ok with age and band", () => {
    expect(canVote({ voter: adult, programme: CITY, phase: "voting", now: NOW })).toEqual({ ok: true, age: 40, ageBand: "35-44" });
  });
  it("not registered → not_in_register", () => {
    expect(canVote({ voter: { ...adult, registered: false }, programme: CITY, phase: "voting", now: NOW })).toEqual({
      ok: false,
      reason: "not_in_register",
    });
  });
  it("phase is checked before the register", () => {
    expect(canVote({ voter: { registered: false }, programme: CITY, phase: "results", now: NOW })).toEqual({
      ok: false,
      reason: "not_voting_phase",
    });
  });
});

describe("canVote: ages", () => {
  type Row = [string, VoterFacts, ProgrammeAgeRule, { ok: true; age: number | null; ageBand: string | null } | { ok: false; reason: string }];
  const reg = (facts: Omit<VoterFacts, "registered">): VoterFacts => ({ ...facts, registered: true });
  const rows: Row[] = [
    ["12-year-old in city pool", reg({ birthDate: bornAged(12) }), CITY, { ok: false, reason: "must_vote_through_guardian" }],
    ["13-year-old in city pool", reg({ birthDate: bornAged(13) }), CITY, { ok: true, age: 13, ageBand: "13-15" }],
    ["newborn in city pool", reg({ birthDate: d(2025, 5, 1) }), CITY, { ok: false, reason: "must_vote_through_guardian" }],
    ["13th birthday today", reg({ birthDate: d(2012, 5, 20) }), CITY, { ok: true, age: 13, ageBand: "13-15" }],
    ["13th birthday tomorrow", reg({ birthDate: d(2012, 5, 21) }), CITY, { ok: false, reason: "must_vote_through_guardian" }],
    ["guardian limit configurable (16)", reg({ birthDate: bornAged(15) }), { guardianBelowAge: 16 }, { ok: false, reason: "must_vote_through_guardian" }],
    ["no guardian rule: any age", reg({ birthDate: bornAged(5) }), {}, { ok: true, age: 5, ageBand: "0-12" }],
    ["youth: 12 → too_young", reg({ birthDate: bornAged(12) }), YOUTH, { ok: false, reason: "too_young" }],
    ["youth: 13 ok", reg({ birthDate: bornAged(13) }), YOUTH, { ok: true, age: 13, ageBand: "13-15" }],
    ["youth: 18 ok", reg({ birthDate: bornAged(18) }), YOUTH, { ok: true, age: 18, ageBand: "16-18" }],
    ["youth: 19 → too_old", reg({ birthDate: bornAged(19) }), YOUTH, { ok: false, reason: "too_old" }],
    ["youth: 19th birthday tomorrow", reg({ birthDate: d(2006, 5, 21) }), YOUTH, { ok: true, age: 18, ageBand: "16-18" }],
    ["youth: too_young beats guardian", reg({ birthDate: bornAged(5) }), { ...YOUTH, guardianBelowAge: 13 }, { ok: false, reason: "too_young" }],
    ["birth date in future", reg({ birthDate: d(2025, 6, 1) }), {}, { ok: false, reason: "birth_date_in_future" }],
    // Only an age band known (in-person declaration)
    ["band 25-34 in city pool", reg({ ageBand: "25-34" }), CITY, { ok: true, age: null, ageBand: "25-34" }],
    ["band 0-12 in city pool", reg({ ageBand: "0-12" }), CITY, { ok: false, reason: "must_vote_through_guardian" }],
    ["band 13-15 with guardian limit 14", reg({ ageBand: "13-15" }), { guardianBelowAge: 14 }, { ok: false, reason: "age_unknown" }],
    ["band 13-15 in youth", reg({ ageBand: "13-15" }), YOUTH, { ok: true, age: null, ageBand: "13-15" }],
    ["band 16-18 in youth", reg({ ageBand: "16-18" }), YOUTH, { ok: true, age: null, ageBand: "16-18" }],
    ["band 19-24 in youth", reg({ ageBand: "19-24" }), YOUTH, { ok: false, reason: "too_old" }],
    ["band 0-12 in youth", reg({ ageBand: "0-12" }), YOUTH, { ok: false, reason: "too_young" }],
    ["band 16-18 with maxAge 17", reg({ ageBand: "16-18" }), { maxAge: 17 }, { ok: false, reason: "age_unknown" }],
    ["band 75+ with maxAge 90", reg({ ageBand: "75+" }), { maxAge: 90 }, { ok: false, reason: "age_unknown" }],
    ["band 16-18 with minAge 17", reg({ ageBand: "16-18" }), { minAge: 17 }, { ok: false, reason: "age_unknown" }],
    // Nothing known about age
    ["no age, no limits", reg({}), {}, { ok: true, age: null, ageBand: null }],
    ["no age, guardian rule", reg({}), CITY, { ok: false, reason: "age_unknown" }],
    ["no age, youth", reg({}), YOUTH, { ok: false, reason: "age_unknown" }],
    ["birth date wins over band", reg({ birthDate: bornAged(40), ageBand: "0-12" }), CITY, { ok: true, age: 40, ageBand: "35-44" }],
  ];
  it.each(rows)("%s", (_name, voter, programme, expected) => {
    expect(canVote({ voter, programme, phase: "voting", now: NOW })).toEqual(expected);
  });

  it("counts the birthday in Warsaw time, not UTC", () => {
    const voter: VoterFacts = { birthDate: d(2012, 5, 21), registered: true };
    const lateEveningUtc = new Date("2025-05-20T22:30:00Z"); // 00:30 on 21 May in Gdynia
    expect(canVote({ voter, programme: CITY, phase: "voting", now: lateEveningUtc })).toMatchObject({ ok: true, age: 13 });
    expect(canVote({ voter, programme: CITY, phase: "voting", now: lateEveningUtc, timeZone: "UTC" })).toEqual({
      ok: false,
      reason: "must_vote_through_guardian",
    });
  });
});

describe("canVoteForChild", () => {
  const child = (age: number) => ({ birthDate: bornAged(age) });
  type Args = Parameters<typeof canVoteForChild>[0];
  const base: Args = { guardian: adult, child: child(8), programme: CITY, phase: "voting", now: NOW };

  it("parent casts an 8-year-old's ballot → ok with the child's age", () => {
    expect(canVoteForChild(base)).toEqual({ ok: true, age: 8, ageBand: "0-12" });
  });

  it.each<[string, Partial<Args>, string]>([
    ["outside voting", { phase: "appeals" as Phase }, "not_voting_phase"],
    ["programme without guardian voting", { programme: { minAge: 13, maxAge: 18 } }, "guardian_vote_not_allowed"],
    ["guardian not registered", { guardian: { ...adult, registered: false } }, "guardian_not_in_register"],
    ["guardian aged 17", { guardian: { birthDate: bornAged(17), registered: true } }, "guardian_too_young"],
    ["guardian age unknown", { guardian: { registered: true } }, "guardian_age_unknown"],
    ["guardian band straddles 18", { guardian: { ageBand: "16-18", registered: true } }, "guardian_age_unknown"],
    ["guardianMinAge configurable", { programme: { ...CITY, guardianMinAge: 21 }, guardian: { birthDate: bornAged(20), registered: true } }, "guardian_too_young"],
    ["child not in register", { child: { ...child(8), registered: false } }, "child_not_in_register"],
    ["child born in future", { child: { birthDate: d(2025, 12, 1) } }, "child_birth_date_in_future"],
    ["child aged 13", { child: child(13) }, "child_too_old_for_guardian_vote"],
    ["child turned 13 today", { child: { birthDate: d(2012, 5, 20) } }, "child_too_old_for_guardian_vote"],
    ["child too young for programme", { child: child(2), programme: { guardianBelowAge: 13, minAge: 6 } }, "child_too_young"],
    ["child too old for programme", { child: child(11), programme: { guardianBelowAge: 13, maxAge: 10 } }, "child_too_old"],
  ])("%s → %s", (_name, patch, reason) => {
    expect(canVoteForChild({ ...base, ...patch })).toEqual({ ok: false, reason });
  });

  it.each<[string, Partial<Args>]>([
    ["child turns 13 tomorrow", { child: { birthDate: d(2012, 5, 21) } }],
    ["newborn", { child: { birthDate: d(2025, 5, 20) } }],
    ["guardian band 25-34", { guardian: { ageBand: "25-34", registered: true } }],
    ["guardian exactly 18", { guardian: { birthDate: d(2007, 5, 20), registered: true } }],
    ["child explicitly registered", { child: { ...child(8), registered: true } }],
    ["children's programme 6..12", { child: child(6), programme: { guardianBelowAge: 13, minAge: 6, maxAge: 12 } }],
  ])("%s → ok", (_name, patch) => {
    expect(canVoteForChild({ ...base, ...patch }).ok).toBe(true);
  });
});
