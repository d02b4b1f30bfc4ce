import { describe, expect, it } from "vitest";
import { currentPhase, editionMoment, phaseHasEnded, timeline, type PhaseWindow } from "~/domain/phases";

const w = (phase: PhaseWindow["phase"], s: string, e: string): PhaseWindow => ({
  phase,
  startsAt: `${s}T00:00:00.000Z`,
  endsAt: `${e}T00:00:00.000Z`,
});
// Deliberately stored out of order, with a gap between appeals and the final list.
const phases: PhaseWindow[] = [
  w("voting", "2026-09-01", "2026-09-16"),
  w("submission", "2026-03-01", "2026-04-01"),
  w("verification", "2026-04-01", "2026-06-01"),
  w("appeals", "2026-06-01", "2026-06-15"),
  w("final_list", "2026-07-01", "2026-09-01"),
  w("counting", "2026-09-16", "2026-09-25"),
  w("results", "2026-09-25", "2027-03-01"),
];
const at = (iso: string) => new Date(iso);

describe("currentPhase", () => {
  it.each([
    ["2026-02-28T23:59:59Z", null],
    ["2026-03-01T00:00:00Z", "submission"],
    ["2026-03-31T23:59:59Z", "submission"],
    ["2026-04-01T00:00:00Z", "verification"],
    ["2026-06-14T12:00:00Z", "appeals"],
    ["2026-06-20T12:00:00Z", null],
    ["2026-08-31T23:59:59Z", "final_list"],
    ["2026-09-01T00:00:00Z", "voting"],
    ["2026-09-16T00:00:00Z", "counting"],
    ["2026-12-24T00:00:00Z", "results"],
    ["2027-03-01T00:00:00Z", null],
  ])("at %s is %s", (now, expected) => {
    expect(currentPhase(phases, at(now))).toBe(expected);
  });
});

describe("editionMoment", () => {
  it("before the first phase names the next one", () => {
    const m = editionMoment(phases, at("2026-01-01T00:00:00Z"));
    expect(m).toMatchObject({ kind: "before", next: { phase: "submission" } });
  });
  it("inside a phase names the current and the next", () => {
    const m = editionMoment(phases, at("2026-08-01T00:00:00Z"));
    expect(m).toMatchObject({ kind: "in", current: { phase: "final_list" }, next: { phase: "voting" } });
  });
  it("in a gap names the previous and the next", () => {
    const m = editionMoment(phases, at("2026-06-20T00:00:00Z"));
    expect(m).toMatchObject({ kind: "between", previous: { phase: "appeals" }, next: { phase: "final_list" } });
  });
  it("after the last phase", () => {
    expect(editionMoment(phases, at("2028-01-01T00:00:00Z")).kind).toBe("after");
  });
  it("without phases", () => {
    expect(editionMoment([], at("2026-01-01T00:00:00Z")).kind).toBe("unscheduled");
  });
  it("the last phase has no next", () => {
    const m = editionMoment(phases, at("2026-10-01T00:00:00Z"));
    expect(m).toMatchObject({ kind: "in", current: { phase: "results" }, next: null });
  });
});

describe("timeline and phaseHasEnded", () => {
  it("orders phases and marks done/current/upcoming", () => {
    const tl = timeline(phases, at("2026-09-05T00:00:00Z"));
    expect(tl.map((x) => x.phase)).toEqual(["submission", "verification", "appeals", "final_list", "voting", "counting", "results"]);
    expect(tl.map((x) => x.state)).toEqual(["done", "done", "done", "done", "current", "upcoming", "upcoming"]);
  });
  it("phaseHasEnded at the exact end instant", () => {
    expect(phaseHasEnded(phases, "voting", at("2026-09-15T23:59:59Z"))).toBe(false);
    expect(phaseHasEnded(phases, "voting", at("2026-09-16T00:00:00Z"))).toBe(true);
  });
});
