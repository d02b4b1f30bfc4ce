#!/usr/bin/env node
// `npm test`: builds the app (the browser tests serve the real build), makes sure Debian's Chromium
// is there for them, runs every vitest project (unit, integration, e2e) and prints the plain
// closing line "N passed, N failed" that CI reads. Exits with vitest's exit code.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const artifacts = join(root, "tests", ".artifacts");
mkdirSync(artifacts, { recursive: true });
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("Chromium is missing: installing Debian's chromium for the browser tests (about a minute)…");
    run("bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"]);
  }
  if (!existsSync(chromium)) {
    console.error(`Browser tests need Chromium at ${chromium}: install Debian's 'chromium' package or set CHROMIUM_PATH.`);
    process.exit(1);
  }
}

const build = run("npx", ["remix", "build"], { stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) {
  console.error("remix build failed");
  process.exit(build.status ?? 1);
}

const report = join(artifacts, "vitest-report.json");
const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)];
const res = run("npx", args);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  if ((json.numFailedTestSuites ?? 0) > 0 && failed === 0) failed = json.numFailedTestSuites;
} catch {
  failed = Math.max(failed, 1);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(res.status ?? 1);
