/**
 * JavaScript a page downloads before it runs (issue #18), from a Remix build's browser manifest
 * (public/build/manifest-*.js): the entry module and its imports, plus each route module of the
 * page (root → … → the route) and their imports, each file once, gzip-measured with zlib at the
 * default level (as the server's compression middleware sends it). Chunks loaded later by a dynamic
 * import (a language's dictionary, Leaflet) are not counted.
 *
 * The reference is a trivial Remix app built with the same compiler and settings: a root layout and
 * one page (`buildTrivialRemixApp`), i.e. what React + Remix cost any page.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}
interface Manifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

export function readManifest(publicDir: string): Manifest {
  const dir = join(publicDir, "build");
  const file = readdirSync(dir).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f));
  if (!file) throw new Error(`no manifest in ${dir}: build the app first`);
  const text = readFileSync(join(dir, file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** The files a page of routeId loads at start, and their gzipped size in KB. */
export function pageJs(publicDir: string, routeId: string): { files: string[]; kbGzip: number; kbRaw: number } {
  const m = readManifest(publicDir);
  const files = new Set([m.entry.module, ...m.entry.imports]);
  const chain: ManifestRoute[] = [];
  for (let r = m.routes[routeId]; r; r = r.parentId ? m.routes[r.parentId] : undefined) chain.unshift(r);
  if (chain.length === 0) throw new Error(`no route ${routeId} in the manifest`);
  for (const r of chain) for (const f of [r.module, ...(r.imports ?? [])]) files.add(f);
  let gz = 0;
  let raw = 0;
  for (const f of files) {
    const body = readFileSync(join(publicDir, f));
    raw += body.length;
    gz += gzipSync(body).length;
  }
  return { files: [...files], kbGzip: gz / 1024, kbRaw: raw / 1024 };
}

/**
 * Builds a trivial Remix app (root layout + one page, a plain hydrating entry, the app's
 * future flags) in dir with the app's node_modules; returns its public folder and the page's route id.
 */
export function buildTrivialRemixApp(dir: string, repoRoot: string): { publicDir: string; routeId: string } {
  mkdirSync(join(dir, "app", "routes"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "trivial", private: true, type: "module", dependencies: { "@remix-run/node": "*", "@remix-run/react": "*", react: "*", "react-dom": "*" } }));
  writeFileSync(
    join(dir, "remix.config.js"),
    `export default { serverModuleFormat: "esm", future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true } };\n`,
  );
  writeFileSync(
    join(dir, "app", "root.tsx"),
    `import { Links, Meta, Outlet, Scripts } from "@remix-run/react";
export default function Root() {
  return (<html lang="en"><head><meta charSet="utf-8" /><Meta /><Links /></head><body><Outlet /><Scripts /></body></html>);
}
`,
  );
  // the app's own entry, minus its language context (the compiler's default one resolves React twice)
  writeFileSync(
    join(dir, "app", "entry.client.tsx"),
    `import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
startTransition(() => {
  hydrateRoot(document, <StrictMode><RemixBrowser /></StrictMode>);
});
`,
  );
  writeFileSync(
    join(dir, "app", "routes", "page.tsx"),
    `import { useLoaderData } from "@remix-run/react";
export const loader = () => ({ n: 1 });
export default function Page() {
  const { n } = useLoaderData<typeof loader>();
  return <p>trivial page {n}</p>;
}
`,
  );
  const r = spawnSync(process.execPath, [join(repoRoot, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "build"], { cwd: dir, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) throw new Error(`the trivial Remix app did not build:\n${r.stderr}`);
  return { publicDir: join(dir, "public"), routeId: "routes/page" };
}
