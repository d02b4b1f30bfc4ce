/**
 * Scale-out on PostgreSQL: two real app processes (`node server.js`, the build) share one
 * PostgreSQL database, as two stateless nodes behind a load balancer would. Every voter gets a
 * voting session on each node, then both casts are fired at the same moment — some on the node
 * that identified them, some on the other one (the signed voting cookie is not tied to a node).
 * Exactly one ballot per identity must be acknowledged and stored; the other cast is refused.
 * Also: a sign-in on one node is a session on the other (sessions are in the database).
 * Runs only when TEST_DATABASE_URL names a PostgreSQL server (npm test starts one where it can).
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDb } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { DEMO_USERS, seedDemo } from "../../app/cli/seed";
import { ageBand, ageOn, calendarDateIn } from "~/domain/voting";
import { createPgDatabase } from "../support/db";
import { signIn } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { BENCH_PARENT, benchBirth, benchPesel, benchVoterId, BO_PROGRAMME, chooseTicks, cookieFrom, tickValues, VOTING_DISTRICTS } from "../support/voting-load";

const pgServer = process.env.TEST_DATABASE_URL;
const IDENTITY_KEY = "two-nodes-identity-key-0123456789abcdef";
const VOTERS = 40;

const hmac = (s: string) => createHmac("sha256", IDENTITY_KEY).update(s, "utf8").digest("base64url");

/** A voter's session on one node, walked up to the review step; cast() sends the final POST to any node. */
interface Prepared {
  voter: number;
  cast: (baseURL: string) => Promise<{ status: number; location: string | null }>;
}

async function prepare(baseURL: string, i: number): Promise<Prepared> {
  const headers = (cookie?: string) => ({
    "Content-Type": "application/x-www-form-urlencoded",
    Origin: baseURL,
    "Sec-Fetch-Site": "same-origin",
    ...(cookie ? { Cookie: cookie } : {}),
  });
  let r = await fetch(`${baseURL}/vote/bo?index`, {
    method: "POST",
    redirect: "manual",
    headers: headers(),
    body: new URLSearchParams({ method: "pesel", pesel: benchPesel(i), parentFirstName: BENCH_PARENT }).toString(),
  });
  await r.arrayBuffer();
  expect(r.status, `identify voter ${i} on ${baseURL}`).toBe(302);
  const state = cookieFrom(r.headers.get("set-cookie"), "bo_vote");
  expect(state).toBeTruthy();
  const cookie = `bo_vote=${state}`;
  const district = VOTING_DISTRICTS[i % VOTING_DISTRICTS.length]!;
  const path = `/vote/bo/ballot?district=${district}`;
  r = await fetch(baseURL + path, { redirect: "manual", headers: { Cookie: cookie } });
  const ticks = chooseTicks(tickValues(await r.text()));
  expect(r.status).toBe(200);
  expect(ticks.length).toBeGreaterThan(0);
  const form = (intent: string) => {
    const f = new URLSearchParams({ district });
    for (const t of ticks) f.append("tick", t);
    f.append("intent", intent);
    return f.toString();
  };
  r = await fetch(baseURL + path, { method: "POST", redirect: "manual", headers: headers(cookie), body: form("review") });
  await r.arrayBuffer();
  expect(r.status).toBe(200);
  return {
    voter: i,
    cast: async (target) => {
      const res = await fetch(target + path, {
        method: "POST",
        redirect: "manual",
        headers: { ...headers(cookie), Origin: target },
        body: form("cast"),
      });
      await res.arrayBuffer();
      return { status: res.status, location: res.headers.get("location") };
    },
  };
}

/**
 * startServer, made sure the healthy answer came from our process: on a busy machine another
 * process can take the port between the free-port probe and our listen, and then answer /healthz.
 */
async function startNode(env: Record<string, string>): Promise<RunningServer> {
  for (let attempt = 1; ; attempt++) {
    const s = await startServer(env);
    await new Promise((r) => setTimeout(r, 500));
    if (s.proc.exitCode === null) return s;
    await s.stop();
    if (attempt === 3) throw new Error(`node did not stay up:\n${s.output()}`);
  }
}

describe.runIf(pgServer)("two app nodes on one PostgreSQL", () => {
  let dropDb: () => Promise<void>;
  let url: string;
  let db: OpenedDb;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    const created = await createPgDatabase();
    url = created.url;
    dropDb = created.drop;
    // migrate and seed once, the way one node does at its first start; the nodes then find it ready
    process.env.IDENTITY_HASH_KEY = IDENTITY_KEY; // the demo register's hashes must match the nodes' key
    db = openDatabase(url);
    const now = new Date();
    await migrateToLatest(db.db);
    await seedDemo(db.db, now, "voting");
    const today = calendarDateIn(now);
    const edition = await db.db.selectFrom("editions").select("id").where("status", "=", "active").executeTakeFirstOrThrow();
    await db.db
      .insertInto("voters")
      .values(
        Array.from({ length: VOTERS }, (_, i) => ({
          id: benchVoterId(i),
          pesel_hash: hmac(`pesel:${benchPesel(i)}`),
          pesel_check_hash: hmac(`pesel:${benchPesel(i)}|parent:${BENCH_PARENT.toLocaleLowerCase("pl")}`),
          karta_hash: null,
          karta_check_hash: null,
          declaration_id: null,
          edition_id: edition.id,
          district_id: `dst_${VOTING_DISTRICTS[i % VOTING_DISTRICTS.length]}`,
          age_band: ageBand(Math.max(0, ageOn(benchBirth(i), today))),
          source: "import" as const,
          created_by: null,
          created_at: now.toISOString(),
        })),
      )
      .execute();
    const env = { DATABASE_URL: url, IDENTITY_HASH_KEY: IDENTITY_KEY, SEED_DEMO: "false", RATE_LIMIT_IDENTIFY_PER_IP: "100000", LOG_LEVEL: "warn" };
    a = await startNode(env);
    b = await startNode(env);
    expect(a.baseURL).not.toBe(b.baseURL);
  }, 240_000);

  afterAll(async () => {
    // a node that died mid-test: show why
    for (const n of [a, b]) if (n && n.proc.exitCode !== null) console.error(`node ${n.baseURL} exited (${n.proc.exitCode}):\n${n.output().slice(-4000)}`);
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    await dropDb?.();
  });

  it("every page reachable by links answers without a server error, anonymous and for each role", async () => {
    const roles: [string, string | undefined][] = [["anonymous", undefined]];
    for (const u of DEMO_USERS) roles.push([u.email, await signIn(a.baseURL, u.email, u.password)]);
    const failures: string[] = [];
    let pages = 0;
    for (const [who, cookie] of roles) {
      const seen = new Set<string>(["/"]);
      const queue = ["/"];
      while (queue.length > 0 && seen.size <= 250) {
        const path = queue.shift()!;
        const res = await fetch(a.baseURL + path, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
        const type = res.headers.get("content-type") ?? "";
        const body = type.includes("text/html") ? await res.text() : (await res.arrayBuffer(), "");
        pages++;
        if (res.status >= 500) failures.push(`${who} ${path}: ${res.status}`);
        for (const m of body.matchAll(/href="(\/[^"#]*)"/g)) {
          const next = m[1]!.replace(/&amp;/g, "&");
          if (/^\/(build|signout|attachments|dev)\b/.test(next) || seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(pages).toBeGreaterThan(100);
  }, 300_000);

  it("a sign-in on one node is a session on the other", async () => {
    const cookie = await signIn(a.baseURL, DEMO_USERS[3]!.email, DEMO_USERS[3]!.password);
    const res = await fetch(`${b.baseURL}/account`, { redirect: "manual", headers: { Cookie: cookie } });
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    const anon = await fetch(`${b.baseURL}/account`, { redirect: "manual" });
    await anon.arrayBuffer();
    expect(anon.status).toBe(302); // and without the cookie, B sends to sign-in: the 200 above is the session
  });

  it("casting for the same identities on both nodes at once stores exactly one ballot each", async () => {
    const nodes = [a.baseURL, b.baseURL] as const;
    // two open voting sessions per voter: one from each node
    const pairs: [Prepared, Prepared][] = [];
    for (let i = 0; i < VOTERS; i += 5) {
      const batch = Array.from({ length: Math.min(5, VOTERS - i) }, (_, k) => i + k);
      pairs.push(...(await Promise.all(batch.map(async (v) => [await prepare(nodes[0], v), await prepare(nodes[1], v)] as [Prepared, Prepared]))));
    }
    // fire every cast at once; odd voters cast each session on the other node than the one that opened it
    const outcomes = await Promise.all(
      pairs.map(async ([fromA, fromB]) => {
        const cross = fromA.voter % 2 === 1;
        const results = await Promise.all([fromA.cast(nodes[cross ? 1 : 0]), fromB.cast(nodes[cross ? 0 : 1])]);
        return { voter: fromA.voter, results };
      }),
    );

    const acknowledged: number[] = [];
    for (const { voter, results } of outcomes) {
      const ok = results.filter((r) => r.status === 302 && r.location === "/vote/bo/done");
      expect(ok, `voter ${voter}: ${JSON.stringify(results)}`).toHaveLength(1);
      const refused = results.find((r) => !(r.status === 302 && r.location === "/vote/bo/done"))!;
      expect(refused.status, `voter ${voter}: the second cast is refused as already voted`).toBe(409);
      acknowledged.push(voter);
    }
    expect(acknowledged).toHaveLength(VOTERS);

    // the database agrees: one participation and one ballot per voter, every acknowledged voter present
    const ids = Array.from({ length: VOTERS }, (_, i) => benchVoterId(i));
    const participations = await db.db.selectFrom("participations").select(["voter_id"]).where("programme_id", "=", BO_PROGRAMME).where("voter_id", "in", ids).execute();
    expect(participations.map((p) => p.voter_id).sort()).toEqual([...ids].sort());
    const ballots = await db.db.selectFrom("sealed_ballots").select((eb) => eb.fn.countAll<number>().as("n")).where("programme_id", "=", BO_PROGRAMME).executeTakeFirstOrThrow();
    const allParticipations = await db.db.selectFrom("participations").select((eb) => eb.fn.countAll<number>().as("n")).where("programme_id", "=", BO_PROGRAMME).executeTakeFirstOrThrow();
    expect(Number(ballots.n)).toBe(Number(allParticipations.n));
    expect(Number(allParticipations.n)).toBe(VOTERS);
    const turnout = await db.db.selectFrom("turnout_counters").select((eb) => eb.fn.sum<number>("voters").as("n")).where("programme_id", "=", BO_PROGRAMME).executeTakeFirstOrThrow();
    expect(Number(turnout.n)).toBe(VOTERS);

    // a third attempt, on either node, is refused at identification
    const again = await fetch(`${b.baseURL}/vote/bo?index`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: b.baseURL, "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams({ method: "pesel", pesel: benchPesel(0), parentFirstName: BENCH_PARENT }).toString(),
    });
    await again.arrayBuffer();
    expect(again.status).toBe(409); // "already voted" is a conflict (app/http/refusal.ts)
  }, 180_000);
});
