/**
 * `npm run test:crash`: casts ballots over HTTP while the server is killed with SIGKILL at random
 * moments (CRASH_KILLS, default 12), restarting it each time, then checks that every acknowledged
 * ballot is in the database, nobody has two and the file is intact. Builds the app if needed.
 * Exits non-zero when a ballot is lost or doubled, or the file is damaged.
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../support/server";
import { formatReport, runCrashLoop } from "./crash-loop";

const kills = Math.max(10, Number(process.env.CRASH_KILLS) || 12);
if (!existsSync(join(repoRoot, "build", "index.js"))) {
  const r = spawnSync("npx", ["remix", "build"], { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const report = await runCrashLoop({ kills, workers: 8, log: (l) => process.stderr.write(`[crash] ${l}\n`) });
console.log(formatReport(report));
const ok = report.lost === 0 && report.doubles === 0 && report.integrity === "ok" && report.unexpected === 0 && report.acknowledged > 0;
console.log(ok ? "crash test: passed" : "crash test: FAILED");
process.exit(ok ? 0 : 1);
