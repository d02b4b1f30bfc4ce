import type { MetaDescriptor } from "@remix-run/node";
import { DEFAULT_LOCALE, getTranslator, isLocale, type MessageKey } from "./index";

type Match = { id: string; data: unknown };

/** The page title in the visitor's language (read from the root loader's data). */
export function titleMeta(matches: readonly Match[], key: MessageKey, vars?: Record<string, string | number>): MetaDescriptor[] {
  const data = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  const { t } = getTranslator(isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE);
  return [{ title: `${t(key, vars)} · ${t("site.name")}` }];
}
