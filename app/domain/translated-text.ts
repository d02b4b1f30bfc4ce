/**
 * Which text of a proposal a reader sees (#16 item 4), without zod: the pages that show proposals
 * (cards, the proposal page, the ballot) bring this to the browser, not the translation form's
 * schemas (./translations re-exports it next to them).
 */
export const CONTENT_LANGS = ["pl", "uk", "en"] as const;
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
