/**
 * ./invariant for loaders and actions. A route module that imports it from here keeps zod (which
 * ./invariant uses for URL params) out of its browser bundle: the browser build empties *.server
 * modules, and only the loader, which the browser never runs, uses these.
 */
export { httpError, invariantResponse, requireParam, TEXT_PLAIN, YearParam } from "./invariant";
