import { describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import { getTranslator, negotiateLocale } from "~/i18n";
import { pl } from "~/i18n/pl";
import { uk } from "~/i18n/uk";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it.each([
    ["uk", uk],
    ["en", en],
  ] as const)("%s has exactly the Polish keys, none empty, same placeholders", (_name, dict) => {
    expect(Object.keys(dict).sort()).toEqual(Object.keys(pl).sort());
    for (const [key, value] of Object.entries(dict)) {
      expect(value.trim(), key).not.toBe("");
      expect(placeholders(value), key).toEqual(placeholders(pl[key as keyof typeof pl]));
    }
  });
  it("Ukrainian is really translated (not copied from Polish) for most keys", () => {
    const same = Object.keys(pl).filter((k) => pl[k as keyof typeof pl] === uk[k as keyof typeof uk]);
    // language names and date ranges are legitimately identical
    expect(same.length).toBeLessThan(6);
  });
});

describe("the in-person declaration form", () => {
  it.each([
    ["pl", pl],
    ["uk", uk],
    ["en", en],
  ] as const)("%s no longer says it is for people without a PESEL or card, and asks for one if they have it", (_name, dict) => {
    // the form takes an optional PESEL or card number (so nobody votes twice): the heading must not exclude them
    expect(dict["register.declaration.legend"]).not.toMatch(/PESEL|Karta|Karty|Card/i);
    expect(dict["register.declaration.lead"]).toMatch(/PESEL/);
  });
});

describe("plurals", () => {
  it.each([
    [1, "1 projekt"],
    [2, "2 projekty"],
    [5, "5 projektów"],
    [12, "12 projektów"],
    [22, "22 projekty"],
    [25, "25 projektów"],
  ])("pl %i → %s", (n, expected) => {
    expect(getTranslator("pl").tn("districts.proposals", n)).toBe(expected);
  });
  it.each([
    [1, "1 проєкт"],
    [3, "3 проєкти"],
    [11, "11 проєктів"],
    [21, "21 проєкт"],
  ])("uk %i → %s", (n, expected) => {
    expect(getTranslator("uk").tn("districts.proposals", n)).toBe(expected);
  });
  it("en", () => {
    expect(getTranslator("en").tn("districts.proposals", 1)).toBe("1 project");
    expect(getTranslator("en").tn("districts.proposals", 4)).toBe("4 projects");
  });
});

describe("negotiateLocale", () => {
  it.each([
    ["uk", "en-US", "uk"],
    [undefined, "uk-UA,uk;q=0.9,en;q=0.5", "uk"],
    [undefined, "de-DE,en;q=0.7", "en"],
    [undefined, "de-DE", "pl"],
    [undefined, null, "pl"],
    ["xx", "en;q=0.2,uk;q=0.8", "uk"],
    [undefined, "uk;q=0,en;q=0.1", "en"],
  ])("cookie %s, Accept-Language %s → %s", (cookie, header, expected) => {
    expect(negotiateLocale(cookie, header)).toBe(expected);
  });
});

describe("interpolation and dates", () => {
  it("fills placeholders", () => {
    expect(getTranslator("en").t("home.title", { year: 2026 })).toBe("Participatory Budget 2026");
  });
  it("formats dates in Warsaw time (a UTC evening is the next day in summer)", () => {
    expect(getTranslator("en").date("2026-06-30T22:30:00.000Z")).toBe("1 July 2026");
  });
});
