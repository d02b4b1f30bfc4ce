import { createContext, useContext } from "react";
import { DEFAULT_LOCALE, type Locale } from "./index";

/**
 * The language the request asked for, given by the entry files (server: cookie / Accept-Language;
 * browser: the `<html lang>` the server rendered). The root uses it when its loader data is
 * missing: when an action throws a 4xx, Remix renders the root ErrorBoundary without running the
 * root loader, and the refusal page would otherwise always be Polish.
 */
export const RequestLocaleContext = createContext<Locale>(DEFAULT_LOCALE);
export const useRequestLocale = () => useContext(RequestLocaleContext);
