/**
 * Starts the built app (`node server.js`) on 127.0.0.1 with its own temporary, seeded database.
 * Requires `remix build` to have run (npm test does it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const repoRoot = new URL("../..", import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  baseURL: string;
  dbPath: string;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The page cache is off unless a test turns it on (PAGE_CACHE_TTL_MS): several tests move the demo's
 * phases straight in the database, behind the server's back, and then read public pages at once.
 * tests/e2e/page-cache.test.ts tests the cache itself.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(join(repoRoot, "build", "index.js"))) throw new Error("build/index.js is missing: run `npx remix build` first");
  const dir = mkdtempSync(join(tmpdir(), "bo-e2e-"));
  const dbPath = join(dir, "e2e.sqlite");
  const port = await freePort();
  let out = "";
  const baseURL = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ["server.js"], {
    cwd: repoRoot,
    // production requires PUBLIC_ORIGIN: links in the mail the tests follow point back at this server
    env: { ...process.env, NODE_ENV: "production", PUBLIC_ORIGIN: baseURL, SESSION_SECRET: "e2e-session-secret-0123456789abcdef", IDENTITY_HASH_KEY: "e2e-identity-key-0123456789abcdef0", DATABASE_URL: dbPath, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "true", DEV_MAILBOX: "true", PAGE_CACHE_TTL_MS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (d) => (out += d));
  proc.stderr?.on("data", (d) => (out += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const r = await fetch(`${baseURL}/healthz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseURL,
    dbPath,
    proc,
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once("exit", r));
        proc.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
