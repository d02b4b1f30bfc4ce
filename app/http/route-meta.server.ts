/**
 * What a route is, declared beside it (issue #12): a route module may export
 *
 *   export const handle: RouteHandle = { upload: "attachment" };   // takes multipart uploads
 *   export const handle: RouteHandle = { cache: "public" };        // anonymous page cache may keep it
 *   export const handle: RouteHandle = { cache: "voter" };         // cached per programme for voters
 *   export const handle: RouteHandle = { cache: "public", signedIn: "shared" };
 *       // also kept for signed-in visitors, per what their roles and follows make the page show
 *   export const handle: RouteHandle = { keepsCache: true };       // its POSTs change no public page
 *   export const handle: RouteHandle = { layout: "focused" };      // a voting step: no site navigation
 *
 * The server's body guard and page cache read these through `routeMetaLookup(build.routes)`, which
 * matches a request path with Remix's own router (so `/proposals/new` is the form, not a proposal),
 * instead of keeping their own lists of path patterns that drift from the routes.
 */
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { z } from "zod";

export const RouteHandleSchema = z.object({
  upload: z.enum(["attachment", "register"]).optional(),
  cache: z.enum(["public", "voter"]).optional(),
  /**
   * With `cache: "public"`: the page shows a signed-in visitor nothing of their own but what their
   * roles and what they follow decide (the header's links, "follow" buttons), so the page cache may
   * keep it for signed-in visitors too, one copy per such variant (app/auth/page-variant.server.ts).
   * tests/e2e/signed-in-cache.test.ts renders every such route for two different people of one
   * variant and requires the same page.
   */
  signedIn: z.literal("shared").optional(),
  keepsCache: z.literal(true).optional(),
  layout: z.literal("focused").optional(),
});
export type RouteHandle = z.infer<typeof RouteHandleSchema>;
export type RouteMetaLookup = (pathname: string) => RouteHandle;

/** The part of a built route this needs (Remix's ServerBuild["routes"] values have it). */
export interface BuildRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  module: { handle?: unknown };
}

const NONE: RouteHandle = Object.freeze({});
const MEMO_LIMIT = 10_000;

/** The handle a route declares, or nothing when it declares none (or something else). */
function handleOf(route: BuildRoute | undefined): RouteHandle {
  const parsed = RouteHandleSchema.safeParse(route?.module.handle);
  return parsed.success ? parsed.data : NONE;
}

/** Remix's data requests (`/x.data`, the root's `/_root.data`) ask for the same route as the page. */
export function pagePath(pathname: string): string {
  if (!pathname.endsWith(".data")) return pathname;
  const page = pathname.slice(0, -".data".length);
  return page === "/_root" || page === "" ? "/" : page;
}

export function routeMetaLookup(routes: Record<string, BuildRoute | undefined>): RouteMetaLookup {
  const all = Object.values(routes).filter((r): r is BuildRoute => r !== undefined);
  const tree = (parentId: string | undefined): AgnosticRouteObject[] =>
    all
      .filter((r) => r.parentId === parentId)
      .map((r) =>
        r.index
          ? { id: r.id, index: true as const, path: r.path, caseSensitive: r.caseSensitive }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, children: tree(r.id) },
      );
  const root = tree(undefined);
  const byId = new Map(all.map((r) => [r.id, r]));
  const memo = new Map<string, RouteHandle>();
  return (pathname) => {
    const known = memo.get(pathname);
    if (known) return known;
    const matches = matchRoutes(root, pagePath(pathname));
    const leaf = matches?.[matches.length - 1];
    const meta = leaf ? handleOf(byId.get(leaf.route.id!)) : NONE;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(pathname, meta);
    return meta;
  };
}
