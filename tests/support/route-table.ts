/**
 * The app's real route table without building or importing the app: Remix's own flat-routes
 * convention over app/routes (what `remix build` uses) plus each route's declared `handle`, read
 * from its source. Lets unit tests check what the server will decide for a path (upload limits,
 * page cache) against the routes as they are, not against a copy of path patterns.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { BuildRoute } from "~/http/route-meta.server";

const require = createRequire(import.meta.url);
const repoRoot = new URL("../..", import.meta.url).pathname;

interface FlatRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  file: string;
}

const HANDLE = /export const handle(?::\s*RouteHandle)?\s*=\s*(\{[^;]*\});/;

export function appRouteTable(): Record<string, BuildRoute> {
  const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js") as { flatRoutes: (appDir: string) => Record<string, FlatRoute> };
  const appDir = join(repoRoot, "app");
  const table: Record<string, BuildRoute> = { root: { id: "root", path: "", module: {} } };
  for (const r of Object.values(flatRoutes(appDir))) {
    const literal = HANDLE.exec(readFileSync(join(appDir, r.file), "utf8"))?.[1];
    // our own source, an object literal of strings and booleans
    const handle: unknown = literal ? new Function(`return (${literal});`)() : undefined;
    table[r.id] = { id: r.id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: r.caseSensitive, module: { handle } };
  }
  return table;
}
