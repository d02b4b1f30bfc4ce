/**
 * Crash safety of casting ballots: the production server (`node server.js`) runs on a temporary
 * database while several clients walk the whole online voting path over HTTP; at a random moment
 * the server is killed with SIGKILL (no shutdown, no flush), restarted on the same file, and the
 * clients go on. Voters whose cast was cut off are tried again after the restart: they must end up
 * with exactly one ballot (acknowledged then, or refused as already voted).
 *
 * At the end the file is checked: every cast acknowledged to a client (302 → /vote/bo/done) has its
 * participation, participations = ballots, nobody has two, and PRAGMA integrity_check is ok.
 * Used by `npm run test:crash` (tests/crash/run.ts, ≥ 10 kills) and by a short test inside npm test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, repoRoot } from "../support/server";
import { checkBallots, prepareVotingDb, voteOnce, VOTING_DISTRICTS, type DbCheck } from "../support/voting-load";

const IDENTITY_KEY = "crash-identity-key-0123456789abcdef0123";

export interface CrashOptions {
  kills: number;
  /** concurrent clients */
  workers?: number;
  /** the kill comes this many ms (uniformly random) after the clients start */
  minMs?: number;
  maxMs?: number;
  voters?: number;
  log?: (line: string) => void;
}

export interface CrashReport extends DbCheck {
  kills: number;
  acknowledged: number;
  /** casts cut off by a kill (no answer), tried again after the restart */
  interrupted: number;
  /** of those, how many the server then refused as already voted (their first cast had committed) */
  retriedAlreadyVoted: number;
  retriedAcknowledged: number;
  /** unexpected answers (neither success nor an explained refusal) */
  unexpected: number;
  seconds: number;
}

interface Server {
  proc: ChildProcess;
  url: string;
  output: () => string;
}

async function startServer(dbPath: string): Promise<Server> {
  const port = await freePort();
  let out = "";
  const proc = spawn(process.execPath, ["server.js"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      DATABASE_URL: dbPath,
      PORT: String(port),
      HOST: "127.0.0.1",
      SESSION_SECRET: "crash-session-secret-0123456789abcdef0123",
      IDENTITY_HASH_KEY: IDENTITY_KEY,
      SEED_DEMO: "false",
      DEV_MAILBOX: "true",
      RATE_LIMIT_IDENTIFY_PER_IP: "100000000",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (d: Buffer) => void (out = (out + d.toString()).slice(-10_000));
  proc.stdout?.on("data", keep);
  proc.stderr?.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const r = await fetch(`${url}/healthz`);
      await r.arrayBuffer();
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, url, output: () => out };
}

const exited = (p: ChildProcess) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => p.once("exit", () => r())));

export async function runCrashLoop(opts: CrashOptions): Promise<CrashReport> {
  if (!existsSync(join(repoRoot, "build", "index.js"))) throw new Error("build/index.js is missing: run `npx remix build` first");
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const workers = opts.workers ?? 8;
  const minMs = opts.minMs ?? 300;
  const maxMs = opts.maxMs ?? 2_000;
  const dir = mkdtempSync(join(tmpdir(), "bo-crash-"));
  const dbPath = join(dir, "crash.sqlite");
  const acknowledged: number[] = [];
  let interrupted: number[] = [];
  let interruptedTotal = 0;
  let retriedAlreadyVoted = 0;
  let retriedAcknowledged = 0;
  let unexpected = 0;
  let next = 0;
  let server: Server | null = null;
  try {
    await prepareVotingDb(dbPath, { voters: opts.voters ?? 20_000, identityKey: IDENTITY_KEY });

    const cast = async (url: string, i: number, retry: boolean): Promise<"ok" | "cut"> => {
      try {
        const o = await voteOnce(url, i, VOTING_DISTRICTS[i % VOTING_DISTRICTS.length]!);
        if (o.acknowledged) {
          acknowledged.push(i);
          if (retry) retriedAcknowledged++;
        } else if (o.alreadyVoted && retry) retriedAlreadyVoted++;
        else unexpected++;
        return "ok";
      } catch {
        interrupted.push(i); // no answer: the server died while this voter was on the path
        return "cut";
      }
    };

    for (let round = 0; round <= opts.kills; round++) {
      server = await startServer(dbPath);
      const url = server.url;
      // first the voters cut off in the previous round, then fresh ones
      const retries = interrupted;
      interrupted = [];
      for (const i of retries) await cast(url, i, true);
      if (round === opts.kills) break; // the last start only finishes the retries
      let stop = false;
      const clients = Array.from({ length: workers }, async () => {
        while (!stop) if ((await cast(url, next++, false)) === "cut") return;
      });
      const wait = minMs + Math.random() * (maxMs - minMs);
      await new Promise((r) => setTimeout(r, wait));
      server.proc.kill("SIGKILL");
      await exited(server.proc);
      stop = true;
      await Promise.all(clients);
      interruptedTotal += interrupted.length;
      log(`kill ${round + 1}/${opts.kills} after ${Math.round(wait)} ms: ${acknowledged.length} acknowledged so far, ${interrupted.length} cut off`);
    }
    const s = server!;
    const stopped = exited(s.proc);
    s.proc.kill("SIGTERM");
    await stopped;
    server = null;
    const check = checkBallots(dbPath, acknowledged);
    return {
      ...check,
      kills: opts.kills,
      acknowledged: acknowledged.length,
      interrupted: interruptedTotal,
      retriedAlreadyVoted,
      retriedAcknowledged,
      unexpected,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (server && server.proc.exitCode === null) server.proc.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatReport(r: CrashReport): string {
  return [
    `kills: ${r.kills}`,
    `acknowledged_ballots: ${r.acknowledged}`,
    `interrupted_casts: ${r.interrupted}`,
    `retried_then_already_voted: ${r.retriedAlreadyVoted}`,
    `retried_then_acknowledged: ${r.retriedAcknowledged}`,
    `participations: ${r.participations}`,
    `ballots: ${r.ballots}`,
    `lost_ballots: ${r.lost}`,
    `double_ballots: ${r.doubles}`,
    `unexpected_answers: ${r.unexpected}`,
    `integrity_check: ${r.integrity}`,
    `seconds: ${r.seconds.toFixed(1)}`,
  ].join("\n");
}
