// `npm start` runs this before the server: it builds the app (remix build) only when the build is
// missing or older than its sources, so a restart without changes starts at once instead of after
// a six-second rebuild. `npm run build` still always builds.
//
// Sources: everything under app/, db/ (the schema and migrations are bundled into the server
// build) and patches/ (patched dependencies end up in the bundles), plus remix.config.js,
// package.json and tsconfig.json. Outputs: build/index.js and the browser manifest in public/build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SOURCE_DIRS = ["app", "db", "patches"];
export const SOURCE_FILES = ["remix.config.js", "package.json", "tsconfig.json"];

/** The newest modification time (ms) of the files under dir (0 when it does not exist). */
export function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile()) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** The time of the oldest of the two build outputs, or null when either is missing. */
export function buildTime(root) {
  const server = join(root, "build", "index.js");
  const browserDir = join(root, "public", "build");
  if (!existsSync(server) || !existsSync(browserDir)) return null;
  const manifests = readdirSync(browserDir).filter((f) => /^manifest-.*\.js$/.test(f));
  if (manifests.length === 0) return null;
  const browser = Math.max(...manifests.map((f) => statSync(join(browserDir, f)).mtimeMs));
  return Math.min(statSync(server).mtimeMs, browser);
}

/** Whether the build in root must be (re)made: missing, or older than any source. */
export function isBuildStale(root) {
  const built = buildTime(root);
  if (built === null) return true;
  const sources = Math.max(
    ...SOURCE_DIRS.map((d) => newestMtime(join(root, d))),
    ...SOURCE_FILES.map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0)),
  );
  return sources > built;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.cwd();
  if (isBuildStale(root)) {
    const r = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit" });
    process.exit(r.status ?? 1);
  } else {
    console.log("build is up to date (newer than app/, db/, patches/ and the config): not rebuilding");
  }
}
