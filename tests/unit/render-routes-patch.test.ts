/**
 * Two patches (patches/@remix-run+react+*.patch, patches/react-router-dom+*.patch; decision record
 * docs/decisions/0009) make the route tree of the server render once per build instead of once per
 * request, so that the @remix-run/router patch's per-tree cache of ranked branches holds (before
 * them, every document request flattened and ranked the ~70 routes again, several times: a sixth
 * of the server's CPU for a page). This checks the patches are in place, that a page still renders
 * right on every request, and that the tree is really built once.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createRequestHandler, type EntryContext, type ServerBuild } from "@remix-run/node";
import { Outlet, RemixServer, Scripts, useLoaderData } from "@remix-run/react";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);

function Root() {
  return createElement("html", { lang: "pl" }, createElement("body", null, createElement(Outlet), createElement(Scripts)));
}
function Page() {
  const { n } = useLoaderData<{ n: number }>();
  return createElement("p", null, `strona ${n}`);
}

/** A hand-made server build of a root and two pages; reads of the page module's `handle` are counted. */
function makeBuild() {
  const reads = { handle: 0 };
  let n = 0;
  const pageModule = {
    default: Page,
    loader: () => ({ n: ++n }),
    get handle() {
      reads.handle++;
      return { cache: "public" };
    },
  };
  const manifestRoute = (id: string, path: string | undefined, hasLoader: boolean) => ({
    id,
    parentId: id === "root" ? undefined : "root",
    path,
    index: undefined,
    caseSensitive: undefined,
    module: `/build/${id}.js`,
    imports: [],
    hasAction: false,
    hasLoader,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: false,
  });
  const build = {
    mode: "production",
    entry: {
      module: {
        default: (request: Request, status: number, headers: Headers, context: EntryContext) => {
          const html = renderToString(createElement(RemixServer, { context, url: request.url }));
          headers.set("Content-Type", "text/html; charset=utf-8");
          return new Response(`<!DOCTYPE html>${html}`, { status, headers });
        },
      },
    },
    routes: {
      root: { id: "root", path: "", module: { default: Root } },
      "routes/page": { id: "routes/page", parentId: "root", path: "page", module: pageModule },
      "routes/other": { id: "routes/other", parentId: "root", path: "other/:slug", module: { default: () => createElement("p", null, "inna") } },
    },
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: { root: manifestRoute("root", "", false), "routes/page": manifestRoute("routes/page", "page", true), "routes/other": manifestRoute("routes/other", "other/:slug", false) },
      url: "/build/manifest.js",
      version: "test",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
  return { build, reads };
}

describe("the server render's route tree, made once per build", () => {
  it("is patched into the installed @remix-run/react and react-router-dom (run `npm install` if this fails)", () => {
    expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("BO Gdynia patch");
    expect(readFileSync(require.resolve("react-router-dom/server.js"), "utf8")).toContain("BO Gdynia patch");
  });

  it("renders every request right, building the route tree from the route modules only once", async () => {
    const { build, reads } = makeBuild();
    const handle = createRequestHandler(build, "production");
    const get = async (path: string) => {
      const r = await handle(new Request(`http://localhost${path}`));
      return { status: r.status, html: await r.text() };
    };
    const first = await get("/page");
    expect(first.status).toBe(200);
    expect(first.html).toContain("<p>strona 1</p>");
    const afterFirst = reads.handle;
    for (let i = 2; i <= 4; i++) {
      const next = await get("/page");
      expect(next.html).toContain(`<p>strona ${i}</p>`); // fresh loader data each time, not a cached page
    }
    expect((await get("/other/oksywie")).html).toContain("<p>inna</p>");
    expect((await get("/nowhere")).status).toBe(404);
    // unpatched, the render's route tree re-reads every module's `handle` on every request
    expect(reads.handle).toBe(afterFirst);
  });

  it("matches the parent paths of a URL for the page's route manifest once per path, with the same routes", async () => {
    // the lazy route discovery's partial manifest (<Scripts>) lists the routes of the URL and of its
    // parent paths; unpatched, every render matched each parent path against all routes again
    const router = require("@remix-run/router") as { matchRoutes: (...args: unknown[]) => unknown };
    const original = router.matchRoutes;
    let parentLookups = 0;
    router.matchRoutes = (...args: unknown[]) => {
      if (args[1] === "/other") parentLookups++; // only the partial manifest asks for the parent path
      return original(...args);
    };
    try {
      const { build } = makeBuild();
      const handle = createRequestHandler(build, "production");
      // the route ids of the page's partial manifest, as <Scripts> writes them for the client
      const routeIdsOf = async (path: string) => {
        const html = await (await handle(new Request(`http://localhost${path}`))).text();
        const modules = /window\.__remixRouteModules = \{([^}]*)\}/.exec(html)?.[1] ?? "";
        return [...modules.matchAll(/"([^"]+)":route\d+/g)].map((m) => m[1]).sort();
      };
      for (const slug of ["oksywie", "chylonia", "oksywie"]) {
        expect(await routeIdsOf(`/other/${slug}`)).toEqual(["root", "routes/other"]);
      }
      expect(await routeIdsOf("/page")).toEqual(["root", "routes/page"]);
      expect(parentLookups).toBe(1);
    } finally {
      router.matchRoutes = original;
    }
  });

  it("builds a new tree for another build", async () => {
    const a = makeBuild();
    const b = makeBuild();
    await createRequestHandler(a.build, "production")(new Request("http://localhost/page"));
    const before = b.reads.handle;
    const html = await (await createRequestHandler(b.build, "production")(new Request("http://localhost/page"))).text();
    expect(html).toContain("<p>strona 1</p>");
    expect(b.reads.handle).toBeGreaterThan(before);
  });

  it("gives the static router the same data routes for the same tree, and its own for another", () => {
    const server = require("react-router-dom/server") as typeof import("react-router-dom/server");
    const context = { matches: [], location: { pathname: "/" }, basename: "/", loaderData: {}, actionData: null, errors: null } as never;
    const tree = [{ id: "root", path: "/", children: [{ id: "a", path: "a" }] }];
    const first = server.createStaticRouter(tree, context);
    expect(server.createStaticRouter(tree, context).routes).toBe(first.routes);
    expect(first.routes[0]?.children?.[0]?.id).toBe("a");
    const other = server.createStaticRouter([{ id: "root", path: "/", children: [{ id: "b", path: "b" }] }], context);
    expect(other.routes).not.toBe(first.routes);
    expect(other.routes[0]?.children?.[0]?.id).toBe("b");
  });
});
