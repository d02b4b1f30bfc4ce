/**
 * Translations: Polish first, Ukrainian and English complete (the type makes a missing key a
 * compile error). Small and dependency-free on purpose: three flat dictionaries, `{name}`
 * placeholders, plurals by Intl.PluralRules, dates and numbers by Intl with the Warsaw time zone
 * so server and browser render the same text.
 */
import { createContext, useContext } from "react";
import { en } from "./en";
import { pl, type MessageKey, type Messages } from "./pl";
import { uk } from "./uk";
import { formatMoney } from "~/domain/money";

export const LOCALES = ["pl", "uk", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "pl";
export const LOCALE_COOKIE = "lang";

const dictionaries: Record<Locale, Messages> = { pl, uk, en };
const intlLocale: Record<Locale, string> = { pl: "pl-PL", uk: "uk-UA", en: "en-GB" };
export const TIME_ZONE = "Europe/Warsaw";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

type PluralBase<K> = K extends `${infer B}.one` ? B : never;
export type PluralKey = PluralBase<MessageKey>;
export type Vars = Record<string, string | number>;

function interpolate(s: string, vars?: Vars): string {
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export interface Translator {
  locale: Locale;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Plural-aware: picks key.one/.few/.many/.other for vars.count. */
  tn: (key: PluralKey, count: number, vars?: Vars) => string;
  money: (grosze: number | bigint, opts?: { wholeZloty?: boolean }) => string;
  number: (n: number) => string;
  date: (iso: string) => string;
}

const translators = new Map<Locale, Translator>();

export function getTranslator(locale: Locale): Translator {
  const cached = translators.get(locale);
  if (cached) return cached;
  const dict = dictionaries[locale];
  const plural = new Intl.PluralRules(intlLocale[locale]);
  const num = new Intl.NumberFormat(intlLocale[locale]);
  const dateFmt = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: TIME_ZONE });
  const t = (key: MessageKey, vars?: Vars) => interpolate(dict[key] ?? pl[key] ?? key, vars);
  const tr: Translator = {
    locale,
    t,
    tn: (key, count, vars) => {
      const cat = plural.select(count);
      const full = `${key}.${cat}` as MessageKey;
      const chosen = full in dict ? full : (`${key}.other` as MessageKey);
      return t(chosen, { count: num.format(count), ...vars });
    },
    money: (g, opts) => formatMoney(g, locale, opts),
    number: (n) => num.format(n),
    date: (iso) => dateFmt.format(new Date(iso)),
  };
  translators.set(locale, tr);
  return tr;
}

/** Picks the language: the cookie first, then the browser's preference among ours, then Polish. */
export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (acceptLanguage) {
    const prefs = acceptLanguage
      .split(",")
      .map((part) => {
        const [tag = "", ...params] = part.trim().split(";");
        const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
        return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1 };
      })
      .filter((p) => p.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const p of prefs) if (isLocale(p.lang)) return p.lang;
  }
  return DEFAULT_LOCALE;
}

export const I18nContext = createContext<Translator>(getTranslator(DEFAULT_LOCALE));
export const useT = () => useContext(I18nContext);
export type { MessageKey };
