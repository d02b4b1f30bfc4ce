/**
 * Properties of the edition calendar and the rule records: app/domain/phases.ts and app/domain/rules.ts.
 * rules.ts is schemas and constants (PHASES, PoolKindSchema): its properties are what the schemas
 * accept; PHASES itself is checked through orderPhases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentPhase, editionMoment, orderPhases, phaseHasEnded, timeline, type PhaseWindow } from "~/domain/phases";
import { BallotRuleSchema, GroszeSchema, PHASES, SelectionRuleSchema } from "~/domain/rules";
import { counter } from "./_count";

const { check } = counter("phases and rules");

const T0 = Date.parse("2026-01-01T00:00:00Z");
const HOUR = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

/** A whole edition: the seven phases in order, each at least an hour long, with optional gaps between them. */
const edition = fc
  .record({
    lengths: fc.array(fc.integer({ min: 1, max: 24 * 60 }), { minLength: PHASES.length, maxLength: PHASES.length }),
    gaps: fc.array(fc.integer({ min: 0, max: 48 }), { minLength: PHASES.length, maxLength: PHASES.length }),
    contiguous: fc.boolean(),
  })
  .map(({ lengths, gaps, contiguous }) => {
    let t = T0;
    return PHASES.map((phase, i): PhaseWindow => {
      if (!contiguous) t += gaps[i]! * HOUR;
      const w = { phase, startsAt: iso(t), endsAt: iso(t + lengths[i]! * HOUR) };
      t += lengths[i]! * HOUR;
      return w;
    });
  });
/** Any instant around the edition, often exactly on a boundary (or a millisecond either side). */
const instant = (ws: PhaseWindow[]) =>
  fc
    .oneof(
      fc.integer({ min: Date.parse(ws[0]!.startsAt) - 100 * HOUR, max: Date.parse(ws[ws.length - 1]!.endsAt) + 100 * HOUR }),
      fc.tuple(fc.constantFrom(...ws.flatMap((w) => [w.startsAt, w.endsAt])), fc.integer({ min: -1, max: 1 })).map(([b, d]) => Date.parse(b) + d),
    )
    .map((t) => new Date(t));
const inside = (w: PhaseWindow, t: Date) => t.getTime() >= Date.parse(w.startsAt) && t.getTime() < Date.parse(w.endsAt);

describe("phases", () => {
  it("at any instant the current phase is the one window holding it, or none; inside a gap-free edition there always is one", () => {
    check(
      fc.property(edition.chain((ws) => fc.tuple(fc.constant(ws), instant(ws))), ([ws, t]) => {
        const holding = ws.filter((w) => inside(w, t));
        expect(holding.length).toBeLessThanOrEqual(1);
        expect(currentPhase(ws, t)).toBe(holding[0]?.phase ?? null);
        const start = Date.parse(ws[0]!.startsAt);
        const end = Date.parse(ws[ws.length - 1]!.endsAt);
        const contiguous = ws.every((w, i) => i === 0 || w.startsAt === ws[i - 1]!.endsAt);
        if (contiguous && t.getTime() >= start && t.getTime() < end) expect(currentPhase(ws, t)).not.toBeNull();
        if (t.getTime() < start || t.getTime() >= end) expect(currentPhase(ws, t)).toBeNull();
      }),
      300,
    );
  });
  it("the stored order of the windows does not matter", () => {
    check(
      fc.property(edition.chain((ws) => fc.tuple(fc.constant(ws), instant(ws), fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length }))), ([ws, t, shuffled]) => {
        expect(orderPhases(shuffled)).toEqual(ws);
        expect(editionMoment(shuffled, t)).toEqual(editionMoment(ws, t));
        expect(timeline(shuffled, t)).toEqual(timeline(ws, t));
      }),
    );
  });
  it("the moment agrees with the current phase: before the first, between two, in one, or after the last", () => {
    check(
      fc.property(edition.chain((ws) => fc.tuple(fc.constant(ws), instant(ws))), ([ws, t]) => {
        const m = editionMoment(ws, t);
        const tt = t.getTime();
        if (m.kind === "in") {
          expect(inside(m.current, t)).toBe(true);
          expect(m.next?.phase ?? null).toBe(PHASES[PHASES.indexOf(m.current.phase) + 1] ?? null);
        } else expect(currentPhase(ws, t)).toBeNull();
        if (m.kind === "before") expect(tt).toBeLessThan(Date.parse(ws[0]!.startsAt));
        if (m.kind === "after") expect(tt).toBeGreaterThanOrEqual(Date.parse(ws[ws.length - 1]!.endsAt));
        if (m.kind === "between") {
          expect(tt).toBeGreaterThanOrEqual(Date.parse(m.previous.endsAt));
          expect(tt).toBeLessThan(Date.parse(m.next.startsAt));
        }
        expect(editionMoment([], t)).toEqual({ kind: "unscheduled" });
      }),
      300,
    );
  });
  it("the timeline is done…done, at most one current, upcoming…upcoming, and only moves forward in time", () => {
    check(
      fc.property(edition.chain((ws) => fc.tuple(fc.constant(ws), instant(ws), instant(ws))), ([ws, a, b]) => {
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        const rank = { done: 2, current: 1, upcoming: 0 } as const;
        const states = timeline(ws, early).map((w) => rank[w.state]);
        expect(states).toEqual([...states].sort((x, y) => y - x));
        expect(states.filter((s) => s === 1).length).toBe(currentPhase(ws, early) ? 1 : 0);
        timeline(ws, late).forEach((w, i) => expect(rank[w.state]).toBeGreaterThanOrEqual(states[i]!));
        for (const p of PHASES) if (phaseHasEnded(ws, p, early)) expect(phaseHasEnded(ws, p, late)).toBe(true);
      }),
      300,
    );
  });
});

describe("rule records", () => {
  it("grosze are exactly the safe non-negative whole numbers", () => {
    check(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger(), fc.constantFrom(2 ** 53, -0, NaN, Infinity), fc.string()), (v) => {
        expect(GroszeSchema.safeParse(v).success).toBe(typeof v === "number" && Number.isSafeInteger(v) && v >= 0);
      }),
    );
  });
  it("an approval rule needs whole ticks with maxTicks ≥ 1 and minTicks ≥ 0; a points rule positive whole limits", () => {
    check(
      fc.property(fc.integer({ min: -3, max: 5 }), fc.integer({ min: -3, max: 5 }), fc.boolean(), (a, b, points) => {
        const r = points ? BallotRuleSchema.safeParse({ kind: "points", maxTotal: a, maxPerProject: b }) : BallotRuleSchema.safeParse({ kind: "approval", minTicks: a, maxTicks: b });
        expect(r.success).toBe(points ? a >= 1 && b >= 1 : a >= 0 && b >= 1);
      }),
    );
  });
  it("a selection rule defaults to no threshold and lower-cost ties, and refuses negative or fractional thresholds", () => {
    check(
      fc.property(fc.constantFrom("greedy", "greedy-no-skip", "equal-shares"), fc.option(fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double({ min: -5, max: 50, noNaN: true })), { nil: undefined }), (method, minScore) => {
        const r = SelectionRuleSchema.safeParse(minScore === undefined ? { method } : { method, minScore });
        const valid = minScore === undefined || (Number.isInteger(minScore) && minScore >= 0);
        expect(r.success).toBe(valid);
        if (r.success) {
          expect(r.data.minScore).toBe(minScore ?? 0);
          expect(r.data.tieBreak).toBe("lower-cost");
        }
      }),
    );
  });
});
