/**
 * The two reference servers `npm run bench` measures next to the app, in a child process of their
 * own (as the app is), so the numbers are comparable on the same machine and in the same run:
 *
 *   bare     — plain `node:http`, answers "ok" (the ceiling of the machine + load generator);
 *   remix    — a trivial Remix app: Express + @remix-run/express + compression, with a hand-made
 *              server build of three routes: a root layout, `GET /page` (a trivial page) and
 *              `POST /act` (a trivial action that inserts one row into SQLite with the app's
 *              settings — WAL, synchronous=FULL — and redirects, as casting a ballot does).
 *
 * Usage (by tests/bench/run.ts): tsx tests/bench/reference-servers.tsx bare|remix PORT [DBFILE]
 */
import { createServer } from "node:http";
import { renderToString } from "react-dom/server";
import Database from "better-sqlite3";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import { redirect, type ServerBuild, type EntryContext } from "@remix-run/node";
import { Links, Meta, Outlet, RemixServer, Scripts, useLoaderData } from "@remix-run/react";

const [kind, portArg, dbFile] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port <= 0) throw new Error("usage: reference-servers.tsx bare|remix PORT [DBFILE]");

if (kind === "bare") {
  createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("ok");
  }).listen(port, "127.0.0.1", () => console.log("ready"));
} else if (kind === "remix") {
  const sqlite = new Database(dbFile ?? ":memory:");
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.exec("create table if not exists hits (id integer primary key, at text not null)");
  const insert = sqlite.prepare("insert into hits (at) values (?)");

  function Root() {
    return (
      <html lang="en">
        <head>
          <meta charSet="utf-8" />
          <Meta />
          <Links />
        </head>
        <body>
          <Outlet />
          <Scripts />
        </body>
      </html>
    );
  }
  function Page() {
    const { n } = useLoaderData<{ n: number }>();
    return <p>trivial page {n}</p>;
  }
  const route = (id: string, path: string | undefined, extra: { hasLoader?: boolean; hasAction?: boolean }) => ({
    id,
    parentId: id === "root" ? undefined : "root",
    path,
    index: undefined,
    caseSensitive: undefined,
    module: `/build/${id}.js`,
    imports: [],
    hasAction: extra.hasAction ?? false,
    hasLoader: extra.hasLoader ?? false,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: false,
  });
  const build: ServerBuild = {
    mode: "production",
    entry: {
      module: {
        default: (request: Request, status: number, headers: Headers, context: EntryContext) => {
          const html = renderToString(<RemixServer context={context} url={request.url} />);
          headers.set("Content-Type", "text/html; charset=utf-8");
          return new Response(`<!DOCTYPE html>${html}`, { status, headers });
        },
      },
    },
    routes: {
      root: { id: "root", path: "", module: { default: Root } },
      "routes/page": { id: "routes/page", parentId: "root", path: "page", module: { default: Page, loader: () => ({ n: 1 }) } },
      "routes/act": {
        id: "routes/act",
        parentId: "root",
        path: "act",
        module: {
          default: () => <p>act</p>,
          action: async () => {
            insert.run(new Date().toISOString());
            return redirect("/page");
          },
        },
      },
    },
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: {
        root: route("root", "", {}),
        "routes/page": route("routes/page", "page", { hasLoader: true }),
        "routes/act": route("routes/act", "act", { hasAction: true }),
      },
      url: "/build/manifest.js",
      version: "bench",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true } as ServerBuild["future"],
    isSpaMode: false,
  } as unknown as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.all("*", createRequestHandler({ build, mode: "production" }));
  app.listen(port, "127.0.0.1", () => console.log("ready"));
} else {
  throw new Error(`unknown reference server ${kind}`);
}
