/**
 * Properties of the voting rules: app/domain/voting/{pesel,karta,identity,eligibility,ballot,receipt,register}.ts.
 * Constants and types (CHANNELS, AGE_BANDS, DECLARATION_ID_PATTERN, …) have no behaviour to test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageBand,
  ageBandRange,
  ageOn,
  AGE_BANDS,
  calendarDateIn,
  canVote,
  canVoteForChild,
  compareCalendarDates,
  daysInMonth,
  declarationKeyString,
  formatReceiptCode,
  identify,
  isValidCalendarDate,
  makePesel,
  normaliseKartaNumber,
  normaliseName,
  parseKartaNumber,
  parsePesel,
  parseReceiptCode,
  parseRegisterRow,
  personKeyOf,
  remainingBudget,
  remainingTicks,
  RECEIPT_ALPHABET,
  RECEIPT_BYTES,
  validateBallot,
  validatePaperBallot,
  PAPER_CATEGORY_REASONS,
  type BallotInput,
  type CalendarDate,
  type CataloguePool,
  type PeselSex,
} from "~/domain/voting";
import { PHASES, type Phase } from "~/domain/rules";
import { counter } from "./_count";

const { check } = counter("voting");

const date = (min = 1800, max = 2299): fc.Arbitrary<CalendarDate> =>
  fc
    .record({ year: fc.integer({ min, max }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map((d) => ({ ...d, day: Math.min(d.day, daysInMonth(d.year, d.month)) }));
const sex = fc.constantFrom<PeselSex>("female", "male");
const pesel = fc.record({ d: date(), serial: fc.integer({ min: 0, max: 999 }), sex, variant: fc.integer({ min: 0, max: 4 }) });

describe("PESEL", () => {
  it("makePesel → parsePesel gives back the birth date and sex, with a valid checksum", () => {
    check(
      fc.property(pesel, ({ d, serial, sex: s, variant }) => {
        const p = makePesel(d, serial, s, variant);
        expect(p).toMatch(/^\d{11}$/);
        const parsed = parsePesel(p);
        expect(parsed).toEqual({ ok: true, pesel: p, birthDate: d, sex: s });
        // whitespace anywhere is ignored
        expect(parsePesel(` ${p.slice(0, 4)} ${p.slice(4)}\t`)).toEqual(parsed);
      }),
    );
  });
  it("any single-digit change is caught (checksum or date), never read as another valid PESEL", () => {
    check(
      fc.property(pesel, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), ({ d, serial, sex: s, variant }, pos, delta) => {
        const p = makePesel(d, serial, s, variant);
        const digit = (Number(p[pos]) + delta) % 10;
        const changed = p.slice(0, pos) + String(digit) + p.slice(pos + 1);
        const r = parsePesel(changed);
        expect(r).toEqual({ ok: false, reason: "pesel_checksum" });
      }),
    );
  });
  it("swapping two different adjacent digits is caught unless their weights differ by a multiple of 10", () => {
    check(
      fc.property(pesel, fc.integer({ min: 0, max: 9 }), ({ d, serial, sex: s, variant }, pos) => {
        const p = makePesel(d, serial, s, variant);
        if (p[pos] === p[pos + 1]) return;
        const swapped = p.slice(0, pos) + p[pos + 1] + p[pos] + p.slice(pos + 2);
        // weights 1 3 7 9 1 3 7 9 1 3 (check digit weight 1): a swap changes the sum by (w_i - w_j)(a - b)
        const W = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3, -1];
        const diff = ((W[pos]! - W[pos + 1]!) * (Number(p[pos]) - Number(p[pos + 1]))) % 10;
        if (diff !== 0) expect(parsePesel(swapped).ok).toBe(false);
      }),
    );
  });
  it("never throws; accepts only 11 digits with a good checksum and a real date", () => {
    check(
      fc.property(fc.oneof(fc.string({ maxLength: 15 }), fc.stringMatching(/^\d{11}$/)), (s) => {
        const r = parsePesel(s);
        if (r.ok) {
          expect(r.pesel).toMatch(/^\d{11}$/);
          expect(isValidCalendarDate(r.birthDate)).toBe(true);
          expect(makePesel(r.birthDate, Number(r.pesel.slice(6, 9)), r.sex, Math.floor(Number(r.pesel[9]) / 2))).toBe(r.pesel);
        } else expect(["pesel_format", "pesel_checksum", "pesel_birth_date"]).toContain(r.reason);
      }),
      300,
    );
  });
});

describe("ages and bands", () => {
  it("ageOn grows by exactly one each year on the same day, is 0 on the birth date and negative before it", () => {
    check(
      fc.property(date(1900, 2100), date(1900, 2100), (b, d) => {
        const on = { ...d, day: Math.min(d.day, 28) };
        const a = ageOn(b, on);
        expect(ageOn(b, { ...on, year: on.year + 1 })).toBe(a + 1);
        if (compareCalendarDates(b, on) > 0) expect(a).toBeLessThan(0);
        else expect(a).toBeGreaterThanOrEqual(0);
        expect(ageOn(b, b)).toBe(0);
      }),
    );
  });
  it("an older person (earlier birth date) is never younger on the same day", () => {
    check(
      fc.property(date(1900, 2100), date(1900, 2100), date(1900, 2100), (x, y, on) => {
        const [older, younger] = compareCalendarDates(x, y) <= 0 ? [x, y] : [y, x];
        expect(ageOn(older, on)).toBeGreaterThanOrEqual(ageOn(younger, on));
        // so the statistics band is monotone in the birth date too
        if (ageOn(younger, on) >= 0) expect(AGE_BANDS.indexOf(ageBand(ageOn(older, on)))).toBeGreaterThanOrEqual(AGE_BANDS.indexOf(ageBand(ageOn(younger, on))));
      }),
    );
  });
  it("ageBand puts every age in the one band whose range holds it; bands are monotone in age", () => {
    check(
      fc.property(fc.integer({ min: 0, max: 130 }), fc.integer({ min: 0, max: 130 }), (a, b) => {
        const band = ageBand(a);
        const { min, max } = ageBandRange(band);
        expect(a).toBeGreaterThanOrEqual(min);
        if (max !== null) expect(a).toBeLessThanOrEqual(max);
        expect(AGE_BANDS.filter((x) => a >= ageBandRange(x).min && (ageBandRange(x).max ?? Infinity) >= a)).toEqual([band]);
        if (a <= b) expect(AGE_BANDS.indexOf(ageBand(a))).toBeLessThanOrEqual(AGE_BANDS.indexOf(ageBand(b)));
      }),
    );
  });
  it("ageBand refuses negative or fractional ages", () => {
    check(
      fc.property(fc.oneof(fc.integer({ max: -1 }), fc.double({ min: 0.01, max: 100, noInteger: true })), (a) => {
        expect(() => ageBand(a)).toThrow(RangeError);
      }),
      100,
    );
  });
});

describe("eligibility", () => {
  const now = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true });
  const programme = fc.record(
    { minAge: fc.integer({ min: 0, max: 20 }), maxAge: fc.integer({ min: 10, max: 30 }), guardianBelowAge: fc.integer({ min: 0, max: 16 }), guardianMinAge: fc.integer({ min: 16, max: 21 }) },
    { requiredKeys: [] },
  );
  it("outside the voting phase or outside the register nobody may vote", () => {
    check(
      fc.property(date(1900, 2090), programme, fc.constantFrom<Phase>(...PHASES), now, fc.boolean(), (b, prog, phase, n, registered) => {
        const r = canVote({ voter: { birthDate: b, registered }, programme: prog, phase, now: n });
        if (phase !== "voting") expect(r).toEqual({ ok: false, reason: "not_voting_phase" });
        else if (!registered) expect(r).toEqual({ ok: false, reason: "not_in_register" });
      }),
    );
  });
  it("with a birth date: allowed exactly when the age on the Warsaw calendar day is within the programme's bounds", () => {
    check(
      fc.property(date(1900, 2090), programme, now, (b, prog, n) => {
        const r = canVote({ voter: { birthDate: b, registered: true }, programme: prog, phase: "voting", now: n });
        const age = ageOn(b, calendarDateIn(n));
        const within = age >= 0 && (prog.minAge === undefined || age >= prog.minAge) && (prog.maxAge === undefined || age <= prog.maxAge) && (prog.guardianBelowAge === undefined || age >= prog.guardianBelowAge);
        expect(r.ok).toBe(within);
        if (r.ok) {
          expect(r.age).toBe(age);
          expect(r.ageBand).toBe(ageBand(age));
        } else expect(["birth_date_in_future", "too_young", "too_old", "must_vote_through_guardian"]).toContain(r.reason);
      }),
    );
  });
  it("a band-only voter is allowed only when the whole band is inside the limits (never on a guess)", () => {
    check(
      fc.property(fc.constantFrom(...AGE_BANDS), programme, now, (band, prog, n) => {
        const r = canVote({ voter: { ageBand: band, registered: true }, programme: prog, phase: "voting", now: n });
        const { min, max } = ageBandRange(band);
        if (r.ok) {
          if (prog.minAge !== undefined) expect(min).toBeGreaterThanOrEqual(prog.minAge);
          if (prog.maxAge !== undefined) expect(max ?? Infinity).toBeLessThanOrEqual(prog.maxAge);
          if (prog.guardianBelowAge !== undefined) expect(min).toBeGreaterThanOrEqual(prog.guardianBelowAge);
          expect(r.age).toBeNull();
          expect(r.ageBand).toBe(band);
        }
      }),
    );
  });
  it("a child is voted for by a guardian exactly when voting for themselves is refused as too young for own vote", () => {
    check(
      fc.property(date(1990, 2090), date(1900, 2010), programme, now, (child, guardian, prog, n) => {
        const own = canVote({ voter: { birthDate: child, registered: true }, programme: prog, phase: "voting", now: n });
        const viaGuardian = canVoteForChild({ guardian: { birthDate: guardian, registered: true }, child: { birthDate: child }, programme: prog, phase: "voting", now: n });
        // never both: a child who may vote alone does not also vote through a parent
        expect(own.ok && viaGuardian.ok).toBe(false);
        if (viaGuardian.ok) {
          expect(own).toEqual({ ok: false, reason: "must_vote_through_guardian" });
          expect(ageOn(guardian, calendarDateIn(n))).toBeGreaterThanOrEqual(prog.guardianMinAge ?? 18);
        }
      }),
    );
  });
});

describe("receipt codes", () => {
  const bytes = fc.uint8Array({ minLength: RECEIPT_BYTES, maxLength: RECEIPT_BYTES + 4 });
  it("format → parse round-trips, in any case and with any spacing or dashes", () => {
    check(
      fc.property(bytes, fc.boolean(), (b, lower) => {
        const code = formatReceiptCode(b);
        expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}-[2-9A-HJKMNP-Z]$/);
        expect(parseReceiptCode(code)).toEqual({ ok: true, code });
        const messy = (lower ? code.toLowerCase() : code).replace(/-/g, () => (lower ? " " : "\u2013"));
        expect(parseReceiptCode(messy)).toEqual({ ok: true, code });
      }),
    );
  });
  it("different bytes give different codes (the 12 bytes fit losslessly)", () => {
    check(
      fc.property(bytes, bytes, (a, b) => {
        const same = a.slice(0, RECEIPT_BYTES).every((x, i) => x === b[i]);
        expect(formatReceiptCode(a) === formatReceiptCode(b)).toBe(same);
      }),
    );
  });
  it("one changed character is always detected", () => {
    check(
      fc.property(bytes, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: RECEIPT_ALPHABET.length - 1 }), (b, pos, shift) => {
        const chars = formatReceiptCode(b).replace(/-/g, "");
        const v = (RECEIPT_ALPHABET.indexOf(chars[pos]!) + shift) % RECEIPT_ALPHABET.length;
        const changed = chars.slice(0, pos) + RECEIPT_ALPHABET[v] + chars.slice(pos + 1);
        expect(parseReceiptCode(changed)).toEqual({ ok: false, reason: "receipt_checksum" });
      }),
    );
  });
  it("never throws on arbitrary text", () => {
    check(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = parseReceiptCode(s);
        expect(r.ok || ["receipt_format", "receipt_checksum"].includes(r.reason)).toBe(true);
      }),
    );
  });
});

describe("Karta Mieszkańca numbers, names and identification keys", () => {
  const digits = fc.stringMatching(/^[0-9]{6,12}$/);
  it("a number with spaces and dashes anywhere normalises to the same card; normalising twice changes nothing", () => {
    check(
      fc.property(digits, fc.array(fc.constantFrom(" ", "-", "\u2013", "\t"), { maxLength: 4 }), fc.nat(), (n, seps, at) => {
        let messy = n;
        for (const s of seps) {
          const i = at % (messy.length + 1);
          messy = messy.slice(0, i) + s + messy.slice(i);
        }
        expect(parseKartaNumber(messy)).toEqual({ ok: true, cardNumber: n });
        expect(normaliseKartaNumber(normaliseKartaNumber(messy))).toBe(normaliseKartaNumber(messy));
      }),
    );
  });
  it("normaliseName is idempotent and never lets control, bidi or zero-width characters through", () => {
    check(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const r = normaliseName(s);
        if (r.ok) {
          expect(normaliseName(r.name)).toEqual(r);
          expect(r.name).not.toMatch(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u);
          expect(r.name).toBe(r.name.trim());
        } else expect(["required", "name_too_long", "name_invalid_characters"]).toContain(r.reason);
      }),
      300,
    );
  });
  const name = fc.constantFrom("Anna", "Łukasz", "Zoë", "Ołeksandr", "Олена", "Jean-Luc", "O'Brien", "Żaneta Maria");
  const vary = (s: string) => fc.constantFrom(s, s.toUpperCase(), ` ${s.toLowerCase()}  `, s.replace("-", " - ").replace("'", "\u2019"));
  it("a voter identifying at a point gets the same key as the register row for them, whatever the case and spacing", () => {
    check(
      fc.property(pesel, name.chain((n) => fc.tuple(fc.constant(n), vary(n))), ({ d, serial, sex: s, variant }, [parent, typed]) => {
        const p = makePesel(d, serial, s, variant);
        const row = parseRegisterRow({ pesel: p, parent_first_name: parent }, { districtIdByName: () => null, today: { year: 2026, month: 5, day: 1 } });
        const voter = identify({ method: "pesel", pesel: p, parentFirstName: typed });
        expect(row.ok && voter.ok).toBe(true);
        if (row.ok && voter.ok) {
          expect(voter.keyString).toBe(row.row.pesel!.checkKey);
          expect(personKeyOf(voter.keyString)).toBe(row.row.pesel!.personKey);
        }
      }),
    );
  });
  it("identify never throws on arbitrary input and answers a known reason code", () => {
    const anyField = fc.oneof(fc.string({ maxLength: 30 }), fc.constant(undefined), fc.integer(), fc.constant(null));
    check(
      fc.property(fc.record({ method: fc.oneof(fc.constantFrom("pesel", "karta", "declaration"), anyField), pesel: anyField, parentFirstName: anyField, cardNumber: anyField, firstName: anyField, lastName: anyField }), (input) => {
        const r = identify(input);
        if (!r.ok) expect(["identify_method", "karta_format", "declaration_format", "pesel_format", "pesel_checksum", "pesel_birth_date", "required", "name_too_long", "name_invalid_characters"]).toContain(r.reason);
      }),
      300,
    );
  });
  it("declaration ids: accepted exactly when they are 1-64 safe characters after trimming", () => {
    check(
      fc.property(fc.string({ maxLength: 70 }), (s) => {
        const r = declarationKeyString(s);
        expect(r.ok).toBe(/^[A-Za-z0-9_-]{1,64}$/.test(s.trim()));
      }),
    );
  });
  it("register rows never throw; an accepted PESEL row keys by the PESEL and has the band of the person's age", () => {
    const cell = fc.oneof(fc.string({ maxLength: 15 }), fc.constant(undefined), pesel.map((x) => makePesel(x.d, x.serial, x.sex, x.variant)), name, fc.constantFrom(...AGE_BANDS));
    check(
      fc.property(fc.record({ pesel: cell, karta_number: fc.oneof(cell, fc.stringMatching(/^[0-9]{6,12}$/)), first_name: cell, last_name: cell, parent_first_name: cell, district: cell, age_band: cell }), (raw) => {
        const today = { year: 2026, month: 5, day: 1 };
        const r = parseRegisterRow(raw, { districtIdByName: (n) => (n === "Anna" ? "d_anna" : null), today });
        if (!r.ok) return;
        expect(r.row.pesel || r.row.karta).toBeTruthy();
        if (r.row.pesel) {
          const p = parsePesel(raw.pesel!);
          expect(p.ok).toBe(true);
          if (p.ok) {
            expect(r.row.pesel.personKey).toBe(`pesel:${p.pesel}`);
            expect(r.row.ageBand).toBe(ageBand(Math.max(0, ageOn(p.birthDate, today))));
            expect(r.row).not.toHaveProperty("sex");
          }
        }
      }),
      300,
    );
  });
});

describe("ballot validation", () => {
  // one pool per kind; projects P0..P5 with costs; approval pools allow 0..3 ticks (Gdynia)
  const catalogue = (costs: number[], budget: number, maxTicks: number): CataloguePool[] => [
    { poolId: "city", kind: "city", ballotRule: { kind: "approval", minTicks: 0, maxTicks }, budgetGrosze: budget, projects: costs.map((c, i) => ({ id: `C${i}`, costGrosze: c })) },
    { poolId: "large", kind: "district_large", districtId: "d1", ballotRule: { kind: "approval", minTicks: 0, maxTicks }, budgetGrosze: budget, projects: costs.map((c, i) => ({ id: `L${i}`, costGrosze: c })) },
    { poolId: "knap", kind: "programme", ballotRule: { kind: "knapsack" }, budgetGrosze: budget, projects: costs.map((c, i) => ({ id: `K${i}`, costGrosze: c })) },
    { poolId: "pts", kind: "programme", ballotRule: { kind: "points", maxTotal: 10, maxPerProject: 5 }, budgetGrosze: budget, projects: costs.map((c, i) => ({ id: `T${i}`, costGrosze: c })) },
  ];
  const setup = fc.record({
    costs: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 6, maxLength: 6 }),
    budget: fc.integer({ min: 50, max: 400 }),
    maxTicks: fc.integer({ min: 1, max: 5 }),
  });
  const ticks = (prefix: string) => fc.subarray(["0", "1", "2", "3", "4", "5"]).map((xs) => xs.map((x) => prefix + x));
  const ballot = fc.record({
    district: fc.constantFrom<string | null>("d1", "d2", null),
    city: ticks("C"),
    large: ticks("L"),
    knap: ticks("K"),
    pts: fc.dictionary(fc.constantFrom("T0", "T1", "T2", "T3"), fc.integer({ min: 0, max: 6 }), { maxKeys: 4 }),
  });
  const toInput = (b: { district: string | null; city: string[]; large: string[]; knap: string[]; pts: Record<string, number> }): BallotInput => ({
    districtId: b.district,
    selections: { city: b.city, large: b.large, knap: b.knap, pts: b.pts },
  });

  it("never throws on arbitrary input, and every refusal carries a known reason", () => {
    check(
      fc.property(setup, fc.record({ districtId: fc.oneof(fc.string(), fc.constant(null)), selections: fc.dictionary(fc.constantFrom("city", "large", "knap", "pts", "x", "__proto__"), fc.anything()) }), ({ costs, budget, maxTicks }, input) => {
        const r = validateBallot(input as BallotInput, catalogue(costs, budget, maxTicks), { districtIds: ["d1", "d2"] });
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        const paper = validatePaperBallot(input as BallotInput, catalogue(costs, budget, maxTicks), { districtIds: ["d1", "d2"] });
        if (paper.ok) for (const v of Object.values(paper.pools)) if (!v.valid) expect(PAPER_CATEGORY_REASONS.has(v.reason)).toBe(true);
      }),
      300,
    );
  });
  it("a valid ballot stays valid, with the same normalised lines, when its ticks are reordered; an invalid one stays invalid", () => {
    check(
      fc.property(setup, ballot, fc.integer(), ({ costs, budget, maxTicks }, b, seed) => {
        const cat = catalogue(costs, budget, maxTicks);
        const r = validateBallot(toInput(b), cat);
        const shuffle = <T,>(xs: T[]) => xs.map((x, i) => ({ x, k: Math.sin(seed + i) })).sort((p, q) => p.k - q.k).map((p) => p.x);
        const r2 = validateBallot(toInput({ ...b, city: shuffle(b.city), large: shuffle(b.large), knap: shuffle(b.knap) }), cat);
        if (r.ok) expect(r2).toEqual(r);
        // an invalid one stays invalid for the same reasons (listed in tick order)
        else expect(!r2.ok && new Set(r2.errors.map((e) => e.reason))).toEqual(new Set(r.errors.map((e) => e.reason)));
      }),
    );
  });
  it("one tick more than allowed in an approval category is always refused with ballot_too_many_ticks", () => {
    check(
      fc.property(setup, ballot, ({ costs, budget, maxTicks }, b) => {
        const cat = catalogue(costs, budget, maxTicks);
        if (maxTicks >= 6) return;
        const over = ["0", "1", "2", "3", "4", "5"].slice(0, maxTicks + 1).map((x) => `C${x}`);
        const r = validateBallot(toInput({ ...b, city: over }), cat);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors).toContainEqual({ poolId: "city", reason: "ballot_too_many_ticks" });
        // on paper the category is void, the others are judged on their own
        const paper = validatePaperBallot(toInput({ ...b, city: over }), cat);
        if (paper.ok) expect(paper.pools.city).toEqual({ valid: false, reason: "ballot_too_many_ticks" });
      }),
    );
  });
  it("knapsack: accepted only within the budget, and remainingBudget says how much is left", () => {
    check(
      fc.property(setup, ticks("K"), ({ costs, budget, maxTicks }, knap) => {
        const cat = catalogue(costs, budget, maxTicks);
        const r = validateBallot({ districtId: null, selections: { knap } }, cat);
        const spent = knap.reduce((s, id) => s + costs[Number(id.slice(1))]!, 0);
        expect(remainingBudget(cat[2]!, knap)).toBe(budget - spent);
        if (knap.length > 0) expect(r.ok).toBe(spent <= budget);
      }),
    );
  });
  it("a district pool is refused without a district or for another district, accepted for its own", () => {
    check(
      fc.property(setup, ticks("L").filter((x) => x.length > 0 && x.length <= 1), ({ costs, budget, maxTicks }, large) => {
        const cat = catalogue(costs, budget, maxTicks);
        expect(validateBallot({ districtId: "d1", selections: { large } }, cat).ok).toBe(true);
        const none = validateBallot({ districtId: null, selections: { large } }, cat);
        expect(!none.ok && none.errors.some((e) => e.reason === "ballot_district_required")).toBe(true);
        const other = validateBallot({ districtId: "d2", selections: { large } }, cat);
        expect(!other.ok && other.errors.some((e) => e.reason === "ballot_project_other_district")).toBe(true);
      }),
    );
  });
  it("an accepted ballot's lines are exactly the ticked projects, in catalogue order, each once", () => {
    check(
      fc.property(setup, ballot, ({ costs, budget, maxTicks }, b) => {
        const cat = catalogue(costs, budget, maxTicks);
        const r = validateBallot(toInput(b), cat);
        if (!r.ok) return;
        const ids = r.normalised.lines.map((l) => l.projectId);
        expect(new Set(ids).size).toBe(ids.length);
        const expected = [...b.city, ...(b.district ? b.large : b.large), ...b.knap, ...Object.keys(b.pts).filter((k) => b.pts[k]! > 0)];
        expect([...ids].sort()).toEqual([...expected].sort());
        const order = cat.flatMap((p) => p.projects.map((x) => x.id));
        expect(ids).toEqual([...ids].sort((x, y) => order.indexOf(x) - order.indexOf(y)));
      }),
    );
  });
  it("remainingTicks never goes below zero and counts a repeated tick once", () => {
    check(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 8 }), (max, t) => {
        const left = remainingTicks({ kind: "approval", minTicks: 0, maxTicks: max }, t);
        expect(left).toBe(Math.max(0, max - new Set(t).size));
        expect(remainingTicks({ kind: "knapsack" }, t)).toBeNull();
      }),
    );
  });
});
