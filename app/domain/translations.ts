/**
 * #16 item 4: a proposal is written in one language (its content language) and its title and
 * summary may be translated into the others. Pure: which text a reader sees, who may translate,
 * and the translation form (the same plain-text rules and lengths as the proposal's own fields).
 */
import { z } from "zod";
import { can, type Actor, type ProgrammeKind } from "./permissions";
import { line } from "./workflow/text";

export const CONTENT_LANGS = ["pl", "uk", "en"] as const;
export const ContentLangSchema = z.enum(CONTENT_LANGS, { error: "translation.error.lang" });
export type ContentLang = (typeof CONTENT_LANGS)[number];

export interface TranslatedText {
  lang: ContentLang;
  title: string;
  summary: string;
}

/** What a reader is shown: the text, its language, and whether it is the author's own words. */
export interface ShownText {
  title: string;
  summary: string;
  /** The language of `title` and `summary` (for the `lang` attribute). */
  lang: ContentLang;
  isOriginal: boolean;
  originalLang: ContentLang;
}

/**
 * The reader's language when the proposal is written in it or translated into it; otherwise the
 * original (the page marks it with its `lang` and a short note). A translation into the original's
 * own language (left from before the author changed the content language) is ignored.
 */
export function shownText(reader: ContentLang, original: TranslatedText, translations: readonly TranslatedText[]): ShownText {
  const asOriginal: ShownText = { title: original.title, summary: original.summary, lang: original.lang, isOriginal: true, originalLang: original.lang };
  if (reader === original.lang) return asOriginal;
  const tr = translations.find((x) => x.lang === reader);
  if (!tr) return asOriginal;
  return { title: tr.title, summary: tr.summary, lang: tr.lang, isOriginal: false, originalLang: original.lang };
}

/** Whether the page should mark the text as being in another language (and add the note). */
export function needsLangNote(reader: ContentLang, shown: ShownText): boolean {
  return shown.isOriginal && shown.lang !== reader;
}

/** The languages a proposal may be translated into: all but its own. */
export function translationLangs(contentLang: ContentLang): ContentLang[] {
  return CONTENT_LANGS.filter((l) => l !== contentLang);
}

/**
 * Who may translate a proposal: its author, or a translator whose role covers the proposal's
 * programme (the neighbourhood centres' staff for the children-and-youth budget).
 */
export function canTranslate(actor: Actor | null, proposal: { authorUserId: string | null; programmeKind: ProgrammeKind }): boolean {
  if (!actor) return false;
  if (proposal.authorUserId !== null && proposal.authorUserId === actor.id) return true;
  return can(actor, "proposal.translate", proposal.programmeKind);
}

export type TranslationRefusal = "same_as_original";

/** A translation must be into another language than the original. */
export function checkTranslationLang(contentLang: ContentLang, lang: ContentLang): { ok: true } | { ok: false; reason: TranslationRefusal } {
  return lang === contentLang ? { ok: false, reason: "same_as_original" } : { ok: true };
}

/** The form of one language on /proposals/:id/translations: save it or remove it. */
export const TranslationInputSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("save"), lang: ContentLangSchema, title: line(5, 120), summary: line(10, 300) }),
    z.object({ intent: z.literal("remove"), lang: ContentLangSchema }),
  ],
  { error: "form.error.invalid" },
);
export type TranslationInput = z.output<typeof TranslationInputSchema>;
