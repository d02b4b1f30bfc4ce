import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale, LOCALES, loadMessages, registerMessages } from "./i18n";
import { RequestLocaleContext } from "./i18n/request-locale";

// the language the server rendered in, for pages drawn without the root loader data (see request-locale)
const lang = document.documentElement.lang;
const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;

// The messages this page rendered, sent in its HTML (entry.server): enough to hydrate. The
// language's whole dictionary (its own chunk) is fetched once the visitor starts doing something,
// before a navigation or a form needs it; a render that needs it sooner waits for it.
try {
  const block = document.getElementById("bo-i18n")?.textContent;
  const messages = block ? (JSON.parse(block) as Record<string, Record<string, string>>) : {};
  for (const l of LOCALES) if (messages[l]) registerMessages(l, messages[l]);
} catch {
  // a broken block: renders wait for the dictionary instead (t() suspends until it is here)
}
const interactions = ["pointerdown", "keydown", "focusin", "touchstart"] as const;
const loadDictionary = () => {
  for (const e of interactions) window.removeEventListener(e, loadDictionary, true);
  void loadMessages(locale);
};
for (const e of interactions) window.addEventListener(e, loadDictionary, { capture: true, passive: true });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RequestLocaleContext.Provider value={locale}>
        <RemixBrowser />
      </RequestLocaleContext.Provider>
    </StrictMode>,
  );
});
