import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkActivation,
  checkPhasePlan,
  closeVotingEarly,
  EditionCreateInputSchema,
  extendVoting,
  planFromForm,
  ProgrammeInputSchema,
  reasonRequired,
  rulesBlocks,
  shiftYear,
  utcToWarsaw,
  warsawToUtc,
} from "~/domain/edition-setup";
import type { PhaseWindow } from "~/domain/phases";
import { PHASES } from "~/domain/rules";

/** Seven back-to-back phases of `days` days each from `start`. */
function plan(start = "2027-03-01T08:00:00.000Z", days = 10): PhaseWindow[] {
  const t0 = Date.parse(start);
  return PHASES.map((phase, i) => ({ phase, startsAt: new Date(t0 + i * days * 86_400_000).toISOString(), endsAt: new Date(t0 + (i + 1) * days * 86_400_000).toISOString() }));
}
const set = (p: PhaseWindow[], phase: string, patch: Partial<PhaseWindow>) => p.map((w) => (w.phase === phase ? { ...w, ...patch } : w));

describe("Warsaw wall-clock time", () => {
  it.each([
    ["2027-01-15T12:00", "2027-01-15T11:00:00.000Z"], // winter: UTC+1
    ["2027-07-15T12:00", "2027-07-15T10:00:00.000Z"], // summer: UTC+2
    ["2027-03-28T01:59", "2027-03-28T00:59:00.000Z"], // last minute before clocks go forward
    ["2027-03-28T03:00", "2027-03-28T01:00:00.000Z"], // first minute after
    ["2027-10-31T02:30", "2027-10-31T00:30:00.000Z"], // happens twice: the first (summer time)
    ["2027-10-31T03:00", "2027-10-31T02:00:00.000Z"],
  ])("%s in Warsaw is %s", (local, utc) => {
    expect(warsawToUtc(local)).toBe(utc);
    expect(utcToWarsaw(utc)).toBe(local);
  });

  it.each(["2027-03-28T02:00", "2027-03-28T02:59", "2027-02-30T10:00", "2027-13-01T10:00", "2027-01-01 10:00", "", "2027-01-01T24:00"])("%s is refused", (local) => {
    expect(warsawToUtc(local)).toBeNull();
  });

  it("round-trips every minute between 2000 and 2200 (the repeated October hour maps to its first time)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2200, 0, 1) / 60_000 }), (minute) => {
        const t = minute * 60_000;
        const back = warsawToUtc(utcToWarsaw(t));
        expect(back).not.toBeNull();
        const diff = t - Date.parse(back!);
        expect([0, 3_600_000]).toContain(diff);
        expect(utcToWarsaw(back!)).toBe(utcToWarsaw(t));
      }),
      { numRuns: 2000 },
    );
  });

  it("is UTC+1 in winter and UTC+2 in summer, whatever the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2199 }), fc.integer({ min: 1, max: 28 }), (y, d) => {
        const day = String(d).padStart(2, "0");
        expect(Date.parse(`${y}-01-${day}T12:00:00Z`) - Date.parse(warsawToUtc(`${y}-01-${day}T12:00`)!)).toBe(3_600_000);
        expect(Date.parse(`${y}-07-${day}T12:00:00Z`) - Date.parse(warsawToUtc(`${y}-07-${day}T12:00`)!)).toBe(7_200_000);
      }),
    );
  });

  it("shifts a date one year keeping the Warsaw wall-clock time", () => {
    expect(utcToWarsaw(shiftYear(warsawToUtc("2026-03-01T09:00")!))).toBe("2027-03-01T09:00");
    expect(utcToWarsaw(shiftYear(warsawToUtc("2026-07-01T00:00")!))).toBe("2027-07-01T00:00");
    expect(utcToWarsaw(shiftYear(warsawToUtc("2028-02-29T10:00")!))).toBe("2029-02-28T10:00");
    // 2:30 on 29 March 2026 is summer time already skipped in 2027? 28 March 2027 is the change day
    expect(utcToWarsaw(shiftYear(warsawToUtc("2026-03-28T02:30")!))).toBe("2027-03-28T03:30");
    // seconds stay (voting closed early ends at the second it was closed): edges within a minute stay apart
    expect(shiftYear("2026-12-03T01:17:00.000Z")).toBe("2027-12-03T01:17:00.000Z");
    expect(shiftYear("2026-12-03T01:17:42.123Z")).toBe("2027-12-03T01:17:42.123Z");
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2001, 0, 1) / 60_000, max: Date.UTC(2190, 0, 1) / 60_000 }), (minute) => {
        const iso = new Date(minute * 60_000).toISOString();
        const shifted = shiftYear(iso);
        const a = utcToWarsaw(iso);
        const b = utcToWarsaw(shifted);
        expect(Number(b.slice(0, 4))).toBe(Number(a.slice(0, 4)) + 1);
        if (!a.includes("-02-29") && !(a.slice(5, 7) === "03" && a.slice(11, 13) === "02")) expect(b.slice(4)).toBe(a.slice(4));
      }),
      { numRuns: 500 },
    );
  });
});

describe("checkPhasePlan", () => {
  it("accepts seven back-to-back phases", () => {
    expect(checkPhasePlan(plan(), { allowGaps: false }).ok).toBe(true);
  });

  it.each([
    ["a phase is missing", plan().filter((w) => w.phase !== "appeals"), false, "phase_missing", "appeals"],
    ["a phase ends when it starts", set(plan(), "voting", { endsAt: plan().find((w) => w.phase === "voting")!.startsAt }), false, "phase_ends_before_start", "voting"],
    ["a phase starts before the previous ends", set(plan(), "verification", { startsAt: "2027-03-05T08:00:00.000Z" }), false, "phase_overlap", "verification"],
    ["a gap without gaps allowed", set(plan(), "appeals", { endsAt: "2027-03-30T08:00:00.000Z" }), false, "phase_gap", "final_list"],
    ["an unreadable date", set(plan(), "results", { startsAt: "invalid" }), false, "phase_invalid_date", "results"],
  ] as const)("refuses when %s", (_n, p, allowGaps, reason, phase) => {
    expect(checkPhasePlan(p, { allowGaps })).toEqual({ ok: false, reason, phase });
  });

  it("accepts a gap when gaps are allowed", () => {
    expect(checkPhasePlan(set(plan(), "appeals", { endsAt: "2027-03-30T08:00:00.000Z" }), { allowGaps: true }).ok).toBe(true);
  });

  it("whatever the dates, an accepted plan is ordered, non-empty per phase and gapless without gaps allowed", () => {
    const ms = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) });
    fc.assert(
      fc.property(fc.array(fc.tuple(ms, ms), { minLength: 7, maxLength: 7 }), fc.boolean(), (pairs, allowGaps) => {
        const windows = PHASES.map((phase, i) => ({ phase, startsAt: new Date(pairs[i]![0]).toISOString(), endsAt: new Date(pairs[i]![1]).toISOString() }));
        const r = checkPhasePlan(windows, { allowGaps });
        const ordered = windows.every((w, i) => Date.parse(w.endsAt) > Date.parse(w.startsAt) && (i === 0 || (allowGaps ? Date.parse(w.startsAt) >= Date.parse(windows[i - 1]!.endsAt) : w.startsAt === windows[i - 1]!.endsAt)));
        expect(r.ok).toBe(ordered);
      }),
      { numRuns: 1000 },
    );
    // and generated valid plans (random lengths and gaps) always pass
    fc.assert(
      fc.property(ms, fc.array(fc.tuple(fc.integer({ min: 1, max: 90 * 86_400_000 }), fc.integer({ min: 0, max: 5 * 86_400_000 })), { minLength: 7, maxLength: 7 }), (start, steps) => {
        let t = start;
        const windows = PHASES.map((phase, i) => {
          t += steps[i]![1];
          const w = { phase, startsAt: new Date(t).toISOString(), endsAt: new Date(t + steps[i]![0]).toISOString() };
          t += steps[i]![0];
          return w;
        });
        expect(checkPhasePlan(windows, { allowGaps: true }).ok).toBe(true);
      }),
    );
  });

  it("reads the form's Warsaw values, telling empty from unreadable", () => {
    const values: Record<string, string> = {};
    for (const w of plan()) {
      values[`${w.phase}_start`] = utcToWarsaw(w.startsAt);
      values[`${w.phase}_end`] = utcToWarsaw(w.endsAt);
    }
    expect(checkPhasePlan(planFromForm(values), { allowGaps: false })).toEqual({ ok: true, plan: plan() });
    expect(checkPhasePlan(planFromForm({ ...values, voting_end: "" }), { allowGaps: false })).toMatchObject({ reason: "phase_missing", phase: "voting" });
    expect(checkPhasePlan(planFromForm({ ...values, voting_end: "2027-03-28T02:30" }), { allowGaps: false })).toMatchObject({ reason: "phase_invalid_date", phase: "voting" });
  });
});

describe("reasonRequired", () => {
  const before = plan();
  const submissionStart = Date.parse(before[0]!.startsAt);
  it.each([
    ["nothing changed, phase started", before, submissionStart + 1, false],
    ["a future phase changed", set(before, "results", { endsAt: "2027-06-01T08:00:00.000Z" }), submissionStart + 1, false],
    ["a started phase changed", set(before, "submission", { startsAt: "2027-02-20T08:00:00.000Z" }), submissionStart + 1, true],
    ["a phase moved to start in the past", set(before, "submission", { startsAt: "2027-02-20T08:00:00.000Z" }), Date.parse("2027-02-25T00:00:00Z"), true],
    ["a phase changed before anything started", set(before, "submission", { endsAt: "2027-03-12T08:00:00.000Z" }), submissionStart - 1, false],
  ] as const)("%s → %s", (_n, after, now, expected) => {
    expect(reasonRequired(before, after, new Date(now))).toBe(expected);
  });
});

describe("closing voting early and extending it", () => {
  const p = plan();
  const voting = p.find((w) => w.phase === "voting")!;
  const inVoting = new Date(Date.parse(voting.startsAt) + 86_400_000);

  it("ends voting now and starts counting now", () => {
    const r = closeVotingEarly(p, inVoting);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.find((w) => w.phase === "voting")!.endsAt).toBe(inVoting.toISOString());
    expect(r.plan.find((w) => w.phase === "counting")!.startsAt).toBe(inVoting.toISOString());
    expect(checkPhasePlan(r.plan, { allowGaps: false }).ok).toBe(true);
  });

  it.each([new Date(Date.parse(voting.startsAt) - 1), new Date(Date.parse(voting.endsAt))])("refuses to close outside voting (%s)", (now) => {
    expect(closeVotingEarly(p, now)).toEqual({ ok: false, reason: "voting_not_open" });
  });

  it("extends voting and moves counting and results by the same amount", () => {
    const newEnd = new Date(Date.parse(voting.endsAt) + 2 * 86_400_000).toISOString();
    const r = extendVoting(p, newEnd, inVoting);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changed).toEqual(["voting", "counting", "results"]);
    expect(r.plan.find((w) => w.phase === "counting")!.startsAt).toBe(newEnd);
    expect(Date.parse(r.plan.find((w) => w.phase === "results")!.endsAt) - Date.parse(p.find((w) => w.phase === "results")!.endsAt)).toBe(2 * 86_400_000);
    expect(r.plan.find((w) => w.phase === "final_list")).toEqual(p.find((w) => w.phase === "final_list"));
    expect(checkPhasePlan(r.plan, { allowGaps: false }).ok).toBe(true);
  });

  it.each([
    ["the same end", voting.endsAt, inVoting, "extend_not_later"],
    ["an earlier end", voting.startsAt, inVoting, "extend_not_later"],
    ["after voting ended", new Date(Date.parse(voting.endsAt) + 86_400_000).toISOString(), new Date(voting.endsAt), "voting_ended"],
  ] as const)("refuses %s", (_n, newEnd, now, reason) => {
    expect(extendVoting(p, newEnd, now)).toEqual({ ok: false, reason });
  });
});

describe("inputs and activation", () => {
  it.each([
    [{ year: "2027", name: "BO 2027" }, true],
    [{ year: "1999", name: "BO 1999" }, false],
    [{ year: "2201", name: "BO" }, false],
    [{ year: "2027", name: "  " }, false],
    [{ year: "20x7", name: "BO 2027" }, false],
  ])("edition %j valid: %s", (input, ok) => {
    expect(EditionCreateInputSchema.safeParse(input).success).toBe(ok);
  });

  it("programme: languages at least one, ages ordered", () => {
    const base = { kind: "youth", moderation: "youth_council", minAge: "13", maxAge: "18", guardianBelowAge: "", supportsRequired: "15", languages: ["pl", "uk"] };
    expect(ProgrammeInputSchema.parse(base)).toMatchObject({ minAge: 13, maxAge: 18, guardianBelowAge: null, languages: ["pl", "uk"] });
    expect(ProgrammeInputSchema.parse({ ...base, languages: "en" }).languages).toEqual(["en"]);
    expect(ProgrammeInputSchema.safeParse({ ...base, languages: [] }).success).toBe(false);
    expect(ProgrammeInputSchema.safeParse({ ...base, languages: ["de"] }).success).toBe(false);
    expect(ProgrammeInputSchema.safeParse({ ...base, minAge: "19" }).error?.issues[0]).toMatchObject({ path: ["maxAge"], message: "adminEditions.error.age_range" });
  });

  it.each([
    [{ status: "draft", programmes: 3, pools: 5, phases: 7, otherActive: false, commissionKey: true }, { ok: true }],
    [{ status: "active", programmes: 3, pools: 5, phases: 7, otherActive: false, commissionKey: true }, { ok: false, reason: "not_draft" }],
    [{ status: "draft", programmes: 3, pools: 5, phases: 7, otherActive: true, commissionKey: true }, { ok: false, reason: "another_active" }],
    [{ status: "draft", programmes: 0, pools: 0, phases: 7, otherActive: false, commissionKey: true }, { ok: false, reason: "no_programmes" }],
    [{ status: "draft", programmes: 1, pools: 0, phases: 7, otherActive: false, commissionKey: true }, { ok: false, reason: "no_pools" }],
    [{ status: "draft", programmes: 1, pools: 1, phases: 6, otherActive: false, commissionKey: true }, { ok: false, reason: "no_phases" }],
    [{ status: "draft", programmes: 1, pools: 1, phases: 7, otherActive: false, commissionKey: false }, { ok: false, reason: "no_commission_key" }],
  ])("activation %j → %j", (e, expected) => {
    expect(checkActivation(e)).toEqual(expected);
  });
});

describe("rulesBlocks (the rules text's small markdown subset)", () => {
  it.each([
    ["", []],
    ["Zwykły akapit.", [{ kind: "p", text: "Zwykły akapit." }]],
    ["# Regulamin\n\n## § 1\nTekst\nciąg dalszy", [{ kind: "h2", text: "Regulamin" }, { kind: "h3", text: "§ 1" }, { kind: "p", text: "Tekst\nciąg dalszy" }]],
    ["Lista:\n- jeden\n* dwa\n\n- trzy", [{ kind: "p", text: "Lista:" }, { kind: "ul", items: ["jeden", "dwa", "trzy"] }]],
    ["<script>alert(1)</script>", [{ kind: "p", text: "<script>alert(1)</script>" }]],
  ] as const)("%j", (text, blocks) => {
    expect(rulesBlocks(text)).toEqual(blocks);
  });
});
