import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DEFAULT_LOCALE, isLocale } from "./i18n";
import { RequestLocaleContext } from "./i18n/request-locale";

// the language the server rendered in, for pages drawn without the root loader data (see request-locale)
const lang = document.documentElement.lang;

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RequestLocaleContext.Provider value={isLocale(lang) ? lang : DEFAULT_LOCALE}>
        <RemixBrowser />
      </RequestLocaleContext.Provider>
    </StrictMode>,
  );
});
