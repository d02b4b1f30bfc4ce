/**
 * Translations: Polish first, Ukrainian and English complete (the type makes a missing key a
 * compile error). Small and dependency-free on purpose: three flat dictionaries, `{name}`
 * placeholders, plurals by Intl.PluralRules, dates and numbers by Intl with the Warsaw time zone
 * so server and browser render the same text.
 *
 * The server holds all three dictionaries. The browser does not download them: the HTML carries
 * the messages the page rendered (entry.server collects them through observeKeys; entry.client
 * registers them before hydrating), and the visitor's language's dictionary is loaded as its own
 * chunk (loadMessages) on the first interaction or when a render needs a message the page did not
 * bring — such a render suspends until it arrives (a navigation keeps showing the old page).
 */
import { createContext, useContext, useEffect, useState } from "react";
import type { MessageKey, Messages } from "./pl";
// On purpose: the browser build empties *.server modules, so this is undefined in the browser and
// the three dictionaries stay out of every page's JavaScript.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { serverDictionaries } from "./dictionaries.server";
import { formatMoney } from "~/domain/money";

export const LOCALES = ["pl", "uk", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "pl";
export const LOCALE_COOKIE = "lang";

type Dictionary = Partial<Record<MessageKey, string>>;
const dictionaries: Partial<Record<Locale, Dictionary>> = {};
/** Languages whose whole dictionary is here (on the server: all of them). */
const complete = new Set<Locale>();
if (serverDictionaries) {
  for (const l of LOCALES) {
    dictionaries[l] = serverDictionaries[l];
    complete.add(l);
  }
}

const loaders: Record<Locale, () => Promise<Messages>> = {
  pl: () => import("./pl").then((m) => m.pl),
  uk: () => import("./uk").then((m) => m.uk),
  en: () => import("./en").then((m) => m.en),
};
const loading = new Map<Locale, Promise<void>>();
/** Why the last load of a language failed (the network): a render then fails instead of waiting. */
const failed = new Map<Locale, unknown>();

/** Loads a language's whole dictionary (in the browser, its own chunk); resolves when it is here. */
export function loadMessages(locale: Locale): Promise<void> {
  if (complete.has(locale)) return Promise.resolve();
  let p = loading.get(locale);
  if (!p) {
    failed.delete(locale);
    p = loaders[locale]().then(
      (messages) => {
        dictionaries[locale] = messages;
        complete.add(locale);
      },
      (error: unknown) => {
        // a later call tries again; the renders waiting now go to the error boundary
        loading.delete(locale);
        failed.set(locale, error);
      },
    );
    loading.set(locale, p);
  }
  return p;
}

export function hasAllMessages(locale: Locale): boolean {
  return complete.has(locale);
}

/** Adds some messages of a language (the ones a page brought in its HTML). */
export function registerMessages(locale: Locale, messages: Dictionary): void {
  if (complete.has(locale)) return;
  dictionaries[locale] = { ...messages, ...dictionaries[locale] };
}

/** The messages behind some keys, as t() would look them up (entry.server puts them in the HTML). */
export function messagesFor(locale: Locale, keys: Iterable<string>): Dictionary {
  const out: Dictionary = {};
  const dict = dictionaries[locale] ?? {};
  const fallback = dictionaries[DEFAULT_LOCALE] ?? {};
  for (const k of keys) {
    const s = dict[k as MessageKey] ?? fallback[k as MessageKey];
    if (s !== undefined) out[k as MessageKey] = s;
  }
  return out;
}

type KeyObserver = (locale: Locale, key: MessageKey) => void;
let observer: KeyObserver | null = null;
/** Server: be told of every message looked up (entry.server collects a page's keys with it). */
export function observeKeys(fn: KeyObserver | null): void {
  observer = fn;
}

const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
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
  const plural = new Intl.PluralRules(intlLocale[locale]);
  const num = new Intl.NumberFormat(intlLocale[locale]);
  const dateFmt = new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: TIME_ZONE });
  const lookup = (key: MessageKey): string => {
    const s = dictionaries[locale]?.[key];
    if (s !== undefined) {
      observer?.(locale, key);
      return s;
    }
    // a message this page did not bring: suspend the render until the dictionary is here
    if (!complete.has(locale)) {
      if (failed.has(locale)) throw new Error(`the ${locale} messages could not be loaded`, { cause: failed.get(locale) });
      throw loadMessages(locale);
    }
    observer?.(locale, key);
    return dictionaries[DEFAULT_LOCALE]?.[key] ?? key;
  };
  const t = (key: MessageKey, vars?: Vars) => interpolate(lookup(key), vars);
  const tr: Translator = {
    locale,
    t,
    tn: (key, count, vars) => {
      const dict = dictionaries[locale] ?? {};
      // the page brings every plural form of the messages it shows, so a new count picks right
      if (observer) for (const c of PLURAL_CATEGORIES) if (`${key}.${c}` in dict) observer(locale, `${key}.${c}` as MessageKey);
      const full = `${key}.${plural.select(count)}` as MessageKey;
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

/**
 * False on the server and while hydrating; true once the page runs in the browser and its
 * language's whole dictionary is here. For UI drawn only with JavaScript (copy buttons, the map):
 * its texts are not among the messages the server rendered, and waiting here avoids suspending the
 * page for them (or using a text outside rendering before it is loaded).
 */
export function useHydrated(): boolean {
  const { locale } = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadMessages(locale).then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [locale]);
  return ready;
}
export type { MessageKey };
