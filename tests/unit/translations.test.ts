/**
 * #16 item 4: which text a reader sees (the translation into their language, else the original,
 * marked), who may translate, and the translation form's plain-text rules and lengths.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor, ProgrammeKind } from "~/domain/permissions";
import { proposalInputSchema } from "~/domain/workflow/inputs";
import {
  CONTENT_LANGS,
  TranslationInputSchema,
  canTranslate,
  checkTranslationLang,
  needsLangNote,
  shownText,
  translationLangs,
  type ContentLang,
  type TranslatedText,
} from "~/domain/translations";

const PL: TranslatedText = { lang: "pl", title: "Pokój gier w Przystani", summary: "Piłkarzyki, cymbergaj i pufy dla dzieci." };
const UK: TranslatedText = { lang: "uk", title: "Ігрова кімната", summary: "Настільний футбол, аерохокей і пуфи для дітей." };
const EN: TranslatedText = { lang: "en", title: "A games room", summary: "Table football, air hockey and beanbags." };

describe("shownText: the reader's language when translated, else the original", () => {
  const cases: [string, ContentLang, TranslatedText, TranslatedText[], { title: string; lang: ContentLang; isOriginal: boolean; note: boolean }][] = [
    ["Polish reader, Polish original", "pl", PL, [UK, EN], { title: PL.title, lang: "pl", isOriginal: true, note: false }],
    ["Ukrainian reader, translated", "uk", PL, [UK, EN], { title: UK.title, lang: "uk", isOriginal: false, note: false }],
    ["English reader, translated", "en", PL, [UK, EN], { title: EN.title, lang: "en", isOriginal: false, note: false }],
    ["Ukrainian reader, no translation", "uk", PL, [], { title: PL.title, lang: "pl", isOriginal: true, note: true }],
    ["English reader, only Ukrainian translation", "en", PL, [UK], { title: PL.title, lang: "pl", isOriginal: true, note: true }],
    ["Polish reader, Ukrainian original, no translation", "pl", UK, [], { title: UK.title, lang: "uk", isOriginal: true, note: true }],
    ["Ukrainian reader, Ukrainian original", "uk", UK, [{ ...PL }], { title: UK.title, lang: "uk", isOriginal: true, note: false }],
    ["a stale translation into the original's own language is ignored", "uk", UK, [{ ...UK, title: "stale" }], { title: UK.title, lang: "uk", isOriginal: true, note: false }],
  ];
  it.each(cases)("%s", (_name, reader, original, translations, want) => {
    const s = shownText(reader, original, translations);
    expect({ title: s.title, lang: s.lang, isOriginal: s.isOriginal, note: needsLangNote(reader, s) }).toEqual(want);
    expect(s.originalLang).toBe(original.lang);
  });

  it("always shows a text in its own language, and notes only an untranslated foreign original", () => {
    const lang = fc.constantFrom(...CONTENT_LANGS);
    fc.assert(
      fc.property(lang, lang, fc.subarray([...CONTENT_LANGS]), (reader, origLang, have) => {
        const original = { lang: origLang, title: `o-${origLang}`, summary: "s" };
        const translations = have.map((l) => ({ lang: l, title: `t-${l}`, summary: "s" }));
        const s = shownText(reader, original, translations);
        // the text shown is the one written in s.lang
        expect(s.title).toBe(s.isOriginal ? `o-${origLang}` : `t-${s.lang}`);
        // a translation is shown only into the reader's language
        if (!s.isOriginal) expect(s.lang).toBe(reader);
        // the reader gets their language whenever it exists
        if (reader === origLang || have.includes(reader)) expect(s.lang).toBe(reader);
        expect(needsLangNote(reader, s)).toBe(s.lang !== reader);
      }),
    );
  });
});

describe("who may translate", () => {
  const author: Actor = { id: "u1", roles: [] };
  const stranger: Actor = { id: "u2", roles: [] };
  const childrenTranslator: Actor = { id: "u3", roles: [{ role: "translator", scope: "children" }] };
  const anyTranslator: Actor = { id: "u4", roles: [{ role: "translator", scope: "*" }] };
  const official: Actor = { id: "u5", roles: [{ role: "official", scope: "*" }] };
  const admin: Actor = { id: "u6", roles: [{ role: "admin", scope: "*" }] };
  const rows: [string, Actor | null, ProgrammeKind, string | null, boolean][] = [
    ["the author", author, "bo", "u1", true],
    ["the author of a children's proposal", author, "children", "u1", true],
    ["someone else", stranger, "children", "u1", false],
    ["nobody signed in", null, "children", "u1", false],
    ["a children's translator, children's proposal", childrenTranslator, "children", "u1", true],
    ["a children's translator, BO proposal", childrenTranslator, "bo", "u1", false],
    ["a children's translator, youth proposal", childrenTranslator, "youth", null, false],
    ["a translator of every programme", anyTranslator, "youth", null, true],
    ["an official (not a translator)", official, "children", "u1", false],
    ["an administrator (not a translator)", admin, "children", "u1", false],
    ["nobody is the author of a paper proposal", stranger, "bo", null, false],
  ];
  it.each(rows)("%s → %s", (_n, actor, programmeKind, authorUserId, want) => {
    expect(canTranslate(actor, { authorUserId, programmeKind })).toBe(want);
  });
});

describe("the translation form", () => {
  it("offers every language but the original's", () => {
    expect(translationLangs("pl")).toEqual(["uk", "en"]);
    expect(translationLangs("uk")).toEqual(["pl", "en"]);
    expect(checkTranslationLang("pl", "pl")).toEqual({ ok: false, reason: "same_as_original" });
    expect(checkTranslationLang("pl", "uk")).toEqual({ ok: true });
  });

  const ok = { intent: "save", lang: "uk", title: "Ігрова кімната", summary: "Настільний футбол і пуфи для дітей." };
  const rows: [string, Record<string, string>, string | null, string | null][] = [
    ["a valid translation", ok, null, null],
    ["a title too short", { ...ok, title: "Гра" }, "title", "proposal.error.too_short?min=5"],
    ["a title too long", { ...ok, title: "я".repeat(121) }, "title", "proposal.error.too_long?max=120"],
    ["a summary too short", { ...ok, summary: "коротко" }, "summary", "proposal.error.too_short?min=10"],
    ["a summary too long", { ...ok, summary: "я".repeat(301) }, "summary", "proposal.error.too_long?max=300"],
    ["markup", { ...ok, title: "<b>Ігрова</b> кімната" }, "title", "proposal.error.markup"],
    ["a control character", { ...ok, title: "Ігрова\u0007 кімната" }, "title", "proposal.error.char?"],
    ["an unknown language", { ...ok, lang: "de" }, "lang", "translation.error.lang"],
  ];
  it.each(rows)("%s", (_n, input, path, message) => {
    const r = TranslationInputSchema.safeParse(input);
    if (path === null) {
      expect(r.success).toBe(true);
      return;
    }
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === path);
    expect(issue?.message.startsWith(message!)).toBe(true);
  });

  it("drops invisible characters and counts what a reader sees", () => {
    const r = TranslationInputSchema.parse({ ...ok, title: "  Ігрова\u200b кімната\u00ad  " });
    expect(r.intent === "save" && r.title).toBe("Ігрова кімната");
  });

  it("removal needs only the language", () => {
    expect(TranslationInputSchema.parse({ intent: "remove", lang: "en" })).toEqual({ intent: "remove", lang: "en" });
  });
});

describe("the proposal form's content language", () => {
  const schema = proposalInputSchema([{ id: "pool_children", budgetGrosze: 60_000_00, maxProjectCostGrosze: 15_000_00 }]);
  const valid = {
    intent: "submit",
    title: "Граємо разом",
    summary: "Ігри та спільне куховарство для дітей.",
    description: "Щотижневі ігри, забави й куховарство для дітей з Польщі та України в «Przystań».",
    poolId: "pool_children",
    category: "culture",
    location: "Przystań Chylonia",
    beneficiaries: "діти",
    costItems: [{ label: "Матеріали", amount: "5000" }],
  };
  it.each([
    ["uk", "uk"],
    ["en", "en"],
    ["pl", "pl"],
    [undefined, undefined],
  ] as const)("%s → %s (left out: the stored language stays)", (given, want) => {
    expect(schema.parse({ ...valid, ...(given ? { contentLang: given } : {}) }).contentLang).toBe(want);
  });
  it("refuses a language the site does not have, by the field", () => {
    const r = schema.safeParse({ ...valid, contentLang: "de" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["contentLang", "translation.error.lang"]);
  });
});
