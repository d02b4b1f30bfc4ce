/**
 * A proposal's title or summary in the reader's language (#16 item 4): the translation when there
 * is one, otherwise the original marked with its `lang` (WCAG 3.1.2: a screen reader switches
 * voice) and, where asked, a short note "Original in Polish".
 */
import type { ReactNode } from "react";
import { useT, type MessageKey } from "~/i18n";
import { needsLangNote, shownText, type ContentLang, type ShownText, type TranslatedText } from "~/domain/translated-text";

/** What a list or page brings for a proposal: its own text, language and translations. */
export interface Translatable {
  title: string;
  summary: string;
  contentLang: ContentLang;
  translations: readonly TranslatedText[];
}

/** The text to show a reader of `locale` (for lists: call once per item, not as a hook). */
export function shownFor(locale: ContentLang, p: Translatable): ShownText {
  return shownText(locale, { lang: p.contentLang, title: p.title, summary: p.summary }, p.translations);
}

export function useShownText(p: Translatable): ShownText {
  const { locale } = useT();
  return shownFor(locale, p);
}

/** The text of one field, wrapped in an element with `lang` when it is not in the page's language. */
export function Localized({ text, field }: { text: ShownText; field: "title" | "summary" }) {
  const { locale } = useT();
  return text.lang !== locale ? <span lang={text.lang}>{text[field]}</span> : <>{text[field]}</>;
}

/** "Oryginał po polsku" after an untranslated text in another language; nothing otherwise. */
export function LangNote({ text, as = "span" }: { text: ShownText; as?: "span" | "p" }): ReactNode {
  const { t, locale } = useT();
  if (!needsLangNote(locale, text)) return null;
  const note = t(`translation.note.${text.lang}` as MessageKey);
  return as === "p" ? <p className="muted small lang-note">{note}</p> : <span className="muted lang-note"> ({note})</span>;
}
