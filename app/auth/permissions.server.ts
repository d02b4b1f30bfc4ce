/**
 * `can` for loaders and actions. Route modules import it from here rather than from
 * ~/domain/permissions: the browser build empties *.server modules, and the domain module (which
 * builds zod schemas) would otherwise stay in the page's JavaScript although only the loader uses it.
 */
export { can } from "~/domain/permissions";
