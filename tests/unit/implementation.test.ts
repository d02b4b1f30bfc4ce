import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkImplementation,
  deadlineOf,
  EntryInputSchema,
  IMPLEMENTATION_STATUSES,
  isOverdue,
  normalised,
  overview,
  photoAlt,
  UpdateInputSchema,
  warsawDate,
  type ImplementationState,
} from "~/domain/implementation";

const base: ImplementationState = { status: "in_progress", progressPct: 40, notFeasibleReason: null, plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null };

describe("checkImplementation", () => {
  it.each<[string, Partial<ImplementationState>, string | null]>([
    ["an ordinary update", {}, null],
    ["not feasible without a reason", { status: "not_feasible", notFeasibleReason: null }, "reason_required"],
    ["not feasible with blanks only", { status: "not_feasible", notFeasibleReason: "   " }, "reason_required"],
    ["not feasible with a reason", { status: "not_feasible", notFeasibleReason: "Brak ofert." }, null],
    ["done below 100 %", { status: "done", progressPct: 90, actualEnd: "2026-05-01" }, "done_needs_progress"],
    ["done without an actual end", { status: "done", progressPct: 100 }, "done_needs_end"],
    ["done, complete", { status: "done", progressPct: 100, actualEnd: "2026-05-01" }, null],
    ["planned end before start", { plannedStart: "2026-05-02", plannedEnd: "2026-05-01" }, "planned_dates_order"],
    ["actual end before start", { actualStart: "2026-05-02", actualEnd: "2026-05-01" }, "actual_dates_order"],
    ["same start and end day", { plannedStart: "2026-05-01", plannedEnd: "2026-05-01" }, null],
    ["progress over 100", { progressPct: 101 }, "progress_range"],
    ["negative progress", { progressPct: -1 }, "progress_range"],
    ["fractional progress", { progressPct: 12.5 }, "progress_range"],
  ])("%s", (_name, change, reason) => {
    const r = checkImplementation({ ...base, ...change });
    expect(r.ok ? null : r.reason).toBe(reason);
  });

  it("keeps a reason only while not feasible", () => {
    expect(normalised({ ...base, notFeasibleReason: "x" }).notFeasibleReason).toBeNull();
    expect(normalised({ ...base, status: "not_feasible", notFeasibleReason: " Brak ofert. " }).notFeasibleReason).toBe("Brak ofert.");
  });
});

describe("deadline and overdue", () => {
  it("is 31 December of the year after the edition, or a later planned end", () => {
    expect(deadlineOf(2025, null)).toBe("2026-12-31");
    expect(deadlineOf(2025, "2026-06-30")).toBe("2026-12-31");
    expect(deadlineOf(2025, "2027-03-31")).toBe("2027-03-31");
  });

  it.each<[string, (typeof IMPLEMENTATION_STATUSES)[number], string | null, string, boolean]>([
    ["on the deadline day", "in_progress", null, "2026-12-31", false],
    ["the day after", "in_progress", null, "2027-01-01", true],
    ["planned, long past", "planned", null, "2028-01-01", true],
    ["done is never overdue", "done", null, "2028-01-01", false],
    ["not feasible says so itself", "not_feasible", null, "2028-01-01", false],
    ["a later planned end moves it", "design", "2027-03-31", "2027-02-01", false],
    ["past the later planned end", "design", "2027-03-31", "2027-04-01", true],
  ])("%s", (_name, status, plannedEnd, today, want) => {
    expect(isOverdue({ status, editionYear: 2025, plannedEnd }, today)).toBe(want);
  });

  it("reads today in Warsaw", () => {
    expect(warsawDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(warsawDate(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });

  it("property: overdue only for projects still to be built, and only after the deadline", () => {
    const day = fc.date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...IMPLEMENTATION_STATUSES), fc.integer({ min: 2020, max: 2030 }), fc.option(day, { nil: null }), day, (status, year, plannedEnd, today) => {
        const overdue = isOverdue({ status, editionYear: year, plannedEnd }, today);
        if (overdue) {
          expect(["done", "not_feasible"]).not.toContain(status);
          expect(today > `${year + 1}-12-31`).toBe(true);
          if (plannedEnd) expect(today > plannedEnd).toBe(true);
        }
      }),
    );
  });
});

describe("overview", () => {
  it("counts, averages without the not feasible, sums money", () => {
    const o = overview([
      { status: "done", progressPct: 100, votedGrosze: 1000, actualCostGrosze: 900 },
      { status: "in_progress", progressPct: 50, votedGrosze: 2000, actualCostGrosze: null },
      { status: "not_feasible", progressPct: 0, votedGrosze: 500, actualCostGrosze: null },
    ]);
    expect(o.total).toBe(3);
    expect(o.counts).toMatchObject({ done: 1, in_progress: 1, not_feasible: 1, planned: 0 });
    expect(o.meanProgress).toBe(75);
    expect(o.votedGrosze).toBe(3500);
    expect(o.spentGrosze).toBe(900);
  });

  it("is zero for nothing", () => {
    expect(overview([])).toMatchObject({ total: 0, meanProgress: 0, votedGrosze: 0, spentGrosze: 0 });
  });

  it("property: counts add up to the total, mean progress within 0–100", () => {
    const item = fc.record({ status: fc.constantFrom(...IMPLEMENTATION_STATUSES), progressPct: fc.integer({ min: 0, max: 100 }), votedGrosze: fc.integer({ min: 0, max: 1e9 }), actualCostGrosze: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 50 }), (items) => {
        const o = overview(items);
        expect(Object.values(o.counts).reduce((a, b) => a + b, 0)).toBe(items.length);
        expect(o.meanProgress).toBeGreaterThanOrEqual(0);
        expect(o.meanProgress).toBeLessThanOrEqual(100);
        expect(o.votedGrosze).toBe(items.reduce((a, i) => a + i.votedGrosze, 0));
      }),
    );
  });
});

describe("forms", () => {
  const form = { intent: "update", status: "in_progress", progressPct: "40" };

  it("reads amounts in złoty and optional dates", () => {
    const r = UpdateInputSchema.parse({ ...form, actualCost: "98 500,50", plannedEnd: "2026-05-31", plannedStart: "" });
    expect(r.actualCost).toBe(9_850_050);
    expect(r.plannedEnd).toBe("2026-05-31");
    expect(r.plannedStart).toBeNull();
    expect(r.cityUnit).toBe("");
  });

  it.each<[string, Record<string, string>, string]>([
    ["a date that does not exist", { plannedEnd: "2026-02-30" }, "implementation.error.date"],
    ["a date in another format", { actualEnd: "31.05.2026" }, "implementation.error.date"],
    ["an amount that is not one", { actualCost: "sto złotych" }, "implementation.error.amount"],
    ["progress over 100", { progressPct: "150" }, "implementation.error.progress_range"],
    ["progress not a number", { progressPct: "dużo" }, "implementation.error.progress_range"],
    ["markup in the unit", { cityUnit: "<b>ZDiZ</b>" }, "proposal.error.markup"],
  ])("refuses %s", (_name, change, message) => {
    const r = UpdateInputSchema.safeParse({ ...form, ...change });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(message);
  });

  it("needs an entry's date and text", () => {
    expect(EntryInputSchema.safeParse({ entryDate: "2026-05-01", text: "Podpisano umowę." }).success).toBe(true);
    expect(EntryInputSchema.safeParse({ entryDate: "", text: "Podpisano umowę." }).success).toBe(false);
    expect(EntryInputSchema.safeParse({ entryDate: "2026-05-01", text: "" }).success).toBe(false);
  });

  it("gives a photo its caption or the entry's first words", () => {
    expect(photoAlt("Nowa ławka", "cokolwiek")).toBe("Nowa ławka");
    expect(photoAlt("", "Krótki wpis")).toBe("Krótki wpis");
    expect(photoAlt("", "jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście trzynaście")).toBe("jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście…");
  });
});
