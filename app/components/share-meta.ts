/**
 * Open Graph and Twitter card tags and the canonical link (issue #17, "Sharing"), built once for
 * every page that is worth sharing. URLs are absolute and start with the public origin the loader
 * passes (PUBLIC_ORIGIN), never with the request's Host header. The image tags appear only when
 * the page has an image.
 */
import type { MetaDescriptor } from "@remix-run/node";
import { isLocale, DEFAULT_LOCALE, type Locale } from "~/i18n";

const OG_LOCALE: Record<Locale, string> = { pl: "pl_PL", uk: "uk_UA", en: "en_GB" };

export interface ShareInfo {
  title: string;
  description: string;
  /** The page's absolute canonical URL. */
  url: string;
  siteName: string;
  locale: Locale;
  type?: "website" | "article";
  image?: { url: string; alt: string } | null;
}

/** The visitor's language as the root loader decided it (meta functions see it through `matches`). */
export function localeOf(matches: readonly { id: string; data: unknown }[]): Locale {
  const data = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** Descriptions in share previews are cut by the sites anyway; keep them to about two lines. */
function shorten(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

export function shareMeta(s: ShareInfo): MetaDescriptor[] {
  const description = shorten(s.description);
  const tags: MetaDescriptor[] = [
    { tagName: "link", rel: "canonical", href: s.url },
    { property: "og:type", content: s.type ?? "article" },
    { property: "og:site_name", content: s.siteName },
    { property: "og:title", content: s.title },
    { property: "og:description", content: description },
    { property: "og:url", content: s.url },
    { property: "og:locale", content: OG_LOCALE[s.locale] },
    { name: "twitter:card", content: s.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: s.title },
    { name: "twitter:description", content: description },
  ];
  if (s.image) {
    tags.push(
      { property: "og:image", content: s.image.url },
      { property: "og:image:alt", content: s.image.alt },
      { name: "twitter:image", content: s.image.url },
      { name: "twitter:image:alt", content: s.image.alt },
    );
  }
  return tags;
}
