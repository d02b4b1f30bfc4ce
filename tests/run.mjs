#!/usr/bin/env node
// `npm test`: builds the app (the browser tests serve the real build), makes sure Debian's Chromium
// is there for them, runs every vitest project (unit, integration, e2e) and prints the plain
// closing line "N passed, N failed" that CI reads. Exits with vitest's exit code.
// PostgreSQL: with TEST_DATABASE_URL set (CI sets it), the integration suite runs again against that
// server ("integration-pg") and the two-node test runs. Without it, where PostgreSQL's server
// binaries are installed and we may run them (root, or BO_TEST_PG_START=1), a throwaway cluster is
// started for the run and removed afterwards; otherwise the PostgreSQL tests are left out.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

let stopPg = () => {};
if (!process.env.TEST_DATABASE_URL && process.env.BO_TEST_PG_START !== "0") {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasServer = existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
  if (hasServer && (isRoot || process.env.BO_TEST_PG_START === "1")) {
    const dir = mkdtempSync(join(tmpdir(), "bo-pg-"));
    const script = join(root, "tests", "support", "pg-throwaway.sh");
    const started = spawnSync("bash", [script, "start", dir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const url = started.stdout?.trim();
    if (started.status === 0 && url) {
      console.log(`PostgreSQL tests: a throwaway cluster at ${url}`);
      process.env.TEST_DATABASE_URL = url;
      stopPg = () => spawnSync("bash", [script, "stop", dir], { stdio: "inherit" });
    } else {
      console.log("PostgreSQL tests left out: the throwaway cluster did not start.");
    }
  }
}
if (!process.env.TEST_DATABASE_URL) console.log("PostgreSQL tests left out: set TEST_DATABASE_URL (or install Debian's postgresql and run as root).");

const report = join(artifacts, "vitest-report.json");
const args = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)];
const res = run("npx", args);
stopPg();

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
