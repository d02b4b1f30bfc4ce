import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  AGE_BANDS,
  ageBand,
  ageOn,
  daysInMonth,
  isLeapYear,
  makePesel,
  normalisePeselInput,
  parsePesel,
  type CalendarDate,
} from "~/domain/voting/pesel";

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

describe("parsePesel: valid numbers from every century", () => {
  // Check digits computed independently (Python) with weights 1,3,7,9,1,3,7,9,1,3.
  it.each([
    ["44051401359", d(1944, 5, 14), "male"],
    ["80810112344", d(1880, 1, 1), "female"],
    ["00810100002", d(1800, 1, 1), "female"],
    ["99123100010", d(1999, 12, 31), "male"],
    ["00022800006", d(1900, 2, 28), "female"],
    ["00222945624", d(2000, 2, 29), "female"],
    ["04222978990", d(2004, 2, 29), "male"],
    ["01222801239", d(2001, 2, 28), "male"],
    ["24222900005", d(2024, 2, 29), "female"],
    ["01431500105", d(2101, 3, 15), "female"],
    ["00622800004", d(2200, 2, 28), "female"],
    ["99723199977", d(2299, 12, 31), "male"],
  ] as const)("%s → %o %s", (pesel, birthDate, sex) => {
    expect(parsePesel(pesel)).toEqual({ ok: true, pesel, birthDate, sex });
  });

  it("strips spaces, tabs and newlines", () => {
    expect(parsePesel(" 440 514 01359\n")).toMatchObject({ ok: true, pesel: "44051401359" });
    expect(parsePesel("44051\t401359")).toMatchObject({ ok: true, pesel: "44051401359" });
  });
});

describe("parsePesel: a PESEL typed with dashes or spaces is accepted and normalised", () => {
  it.each([
    ["440514-01359"], // as some print it: birth date, dash, the rest
    ["44-05-14-01359"],
    ["440 514 013 59"],
    ["44 05 14 01359"],
    ["440514\u201301359"], // en dash from a phone's keyboard
    ["440514\u221201359"], // minus sign from a pasted document
    ["440514\u00a001359"], // no-break space
    ["\u200b44051401359\u00ad"], // invisible characters from a paste
    [" 440514 - 01359 "],
  ])("%j → 44051401359", (input) => {
    expect(normalisePeselInput(input)).toBe("44051401359");
    expect(parsePesel(input)).toMatchObject({ ok: true, pesel: "44051401359" });
  });

  it("any spaces and dashes between the digits of a valid PESEL give the same number", () => {
    const sep = fc.constantFrom("", " ", "-", " - ", "\u2013", "  ");
    fc.assert(
      fc.property(fc.array(sep, { minLength: 12, maxLength: 12 }), (seps) => {
        const digits = "44051401359";
        const typed = seps[0] + [...digits].map((c, i) => c + seps[i + 1]).join("");
        expect(parsePesel(typed)).toEqual({ ok: true, pesel: digits, birthDate: d(1944, 5, 14), sex: "male" });
      }),
    );
  });
});

describe("parsePesel: refusals", () => {
  it.each([
    ["", "pesel_format"],
    ["4405140135", "pesel_format"], // 10 digits
    ["440514013590", "pesel_format"], // 12 digits
    ["4405140135a", "pesel_format"],
    ["44_05_14_01359", "pesel_format"], // only spaces and dashes are dropped
    ["44/05/14/01359", "pesel_format"],
    ["44.05.14.01359", "pesel_format"],
    ["٤٤٠٥١٤٠١٣٥٩", "pesel_format"], // Arabic-Indic digits
    ["44051401358", "pesel_checksum"],
    ["44051401350", "pesel_checksum"],
    ["54051401359", "pesel_checksum"], // one digit changed
    ["44051401395", "pesel_checksum"], // adjacent digits swapped
    ["00022900003", "pesel_birth_date"], // 29 Feb 1900: not a leap year
    ["00422900005", "pesel_birth_date"], // 29 Feb 2100: not a leap year
    ["00622900001", "pesel_birth_date"], // 29 Feb 2200: not a leap year
    ["19243100006", "pesel_birth_date"], // 31 Apr 2019
    ["19263100008", "pesel_birth_date"], // 31 Jun 2019
    ["19213200000", "pesel_birth_date"], // 32 Jan 2019
    ["99010000005", "pesel_birth_date"], // day 00
    ["99000100001", "pesel_birth_date"], // month 00
    ["99130100007", "pesel_birth_date"], // month 13 (1900s)
    ["99330100003", "pesel_birth_date"], // month 13 (2000s)
    ["99730100005", "pesel_birth_date"], // month 13 (2200s)
    ["99930100001", "pesel_birth_date"], // month 13 (1800s)
  ] as const)("%j → %s", (input, reason) => {
    expect(parsePesel(input)).toEqual({ ok: false, reason });
  });

  it("29 Feb: valid in 1996 and 2024, not in 1902 or 1900", () => {
    expect(parsePesel("96022900006")).toMatchObject({ ok: true, birthDate: d(1996, 2, 29) });
    expect(parsePesel("24222900005")).toMatchObject({ ok: true, birthDate: d(2024, 2, 29) });
    expect(parsePesel("02022900007")).toEqual({ ok: false, reason: "pesel_birth_date" });
    expect(parsePesel("00022900003")).toEqual({ ok: false, reason: "pesel_birth_date" });
  });
});

describe("calendar helpers", () => {
  it.each([
    [1600, true],
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2100, false],
  ])("isLeapYear(%i) = %s", (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
    expect(daysInMonth(y, 2)).toBe(leap ? 29 : 28);
  });
});

describe("makePesel", () => {
  it("builds the known number for 14 May 1944, serial 013, male variant 2", () => {
    expect(makePesel(d(1944, 5, 14), 13, "male", 2)).toBe("44051401359");
  });

  it.each([
    [d(1799, 12, 31), 0],
    [d(2300, 1, 1), 0],
    [d(2023, 2, 29), 0],
    [d(2000, 1, 1), -1],
    [d(2000, 1, 1), 1000],
    [d(2000, 1, 1), 1.5],
  ])("throws RangeError for %o serial %s", (date, serial) => {
    expect(() => makePesel(date, serial, "female")).toThrow(RangeError);
  });

  it("throws RangeError for a variant outside 0..4", () => {
    expect(() => makePesel(d(2000, 1, 1), 0, "male", 5)).toThrow(RangeError);
  });

  it("round-trips every valid date 1800–2299, serial and sex", () => {
    const date = fc
      .record({ year: fc.integer({ min: 1800, max: 2299 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter((x) => x.day <= daysInMonth(x.year, x.month));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 999 }), fc.constantFrom("female" as const, "male" as const), fc.integer({ min: 0, max: 4 }), (birthDate, serial, sex, variant) => {
        const pesel = makePesel(birthDate, serial, sex, variant);
        const parsed = parsePesel(pesel);
        expect(parsed).toEqual({ ok: true, pesel, birthDate, sex });
        expect(pesel.slice(6, 9)).toBe(String(serial).padStart(3, "0"));
      }),
      { numRuns: 2000 },
    );
  });

  it("different serials give different numbers", () => {
    const set = new Set(Array.from({ length: 1000 }, (_, s) => makePesel(d(1990, 6, 15), s, "female")));
    expect(set.size).toBe(1000);
  });
});

describe("ageOn", () => {
  it.each([
    [d(2000, 5, 10), d(2018, 5, 9), 17],
    [d(2000, 5, 10), d(2018, 5, 10), 18],
    [d(2000, 5, 10), d(2018, 12, 31), 18],
    [d(2000, 5, 10), d(2019, 1, 1), 18],
    [d(2000, 5, 10), d(2000, 5, 10), 0],
    [d(2000, 12, 31), d(2001, 12, 30), 0],
    // 29 February: a year older on 28 Feb in non-leap years (Kodeks cywilny art. 112)
    [d(2004, 2, 29), d(2017, 2, 27), 12],
    [d(2004, 2, 29), d(2017, 2, 28), 13],
    [d(2004, 2, 29), d(2016, 2, 28), 11],
    [d(2004, 2, 29), d(2016, 2, 29), 12],
    [d(2004, 2, 29), d(2017, 3, 1), 13],
    [d(2010, 6, 1), d(2010, 5, 31), -1],
  ])("born %o, on %o → %i", (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe("ageBand", () => {
  it.each([
    [0, "0-12"],
    [12, "0-12"],
    [13, "13-15"],
    [15, "13-15"],
    [16, "16-18"],
    [18, "16-18"],
    [19, "19-24"],
    [24, "19-24"],
    [25, "25-34"],
    [34, "25-34"],
    [35, "35-44"],
    [45, "45-54"],
    [55, "55-64"],
    [64, "55-64"],
    [65, "65-74"],
    [74, "65-74"],
    [75, "75+"],
    [120, "75+"],
  ] as const)("%i → %s", (age, band) => {
    expect(ageBand(age)).toBe(band);
  });

  it("exports the fixed list, youngest first", () => {
    expect(AGE_BANDS).toEqual(["0-12", "13-15", "16-18", "19-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"]);
  });

  it("covers every age 0..130 with contiguous bands", () => {
    const seen = Array.from({ length: 131 }, (_, a) => AGE_BANDS.indexOf(ageBand(a)));
    for (let a = 1; a < seen.length; a++) expect(seen[a]! - seen[a - 1]!).toBeGreaterThanOrEqual(0);
    expect(new Set(seen).size).toBe(AGE_BANDS.length);
  });

  it.each([-1, 1.5, Number.NaN])("throws RangeError for %s", (age) => {
    expect(() => ageBand(age)).toThrow(RangeError);
  });
});
