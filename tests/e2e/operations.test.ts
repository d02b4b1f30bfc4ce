/**
 * Operations of the production server (server.js): /healthz, structured logs without personal data,
 * graceful shutdown on SIGTERM that answers the requests in flight before exiting.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { makePesel } from "~/domain/voting";
import { formPost } from "../support/http";
import { startServer, type RunningServer } from "../support/server";

let srv: RunningServer;
beforeAll(async () => {
  srv = await startServer({ LOG_LEVEL: "info" });
});
afterAll(async () => srv?.stop());

it("answers /healthz when the database is reachable", async () => {
  const r = await fetch(`${srv.baseURL}/healthz`);
  expect(r.status).toBe(200);
  expect(await r.text()).toBe("ok");
});

it("logs one JSON line per request, without query strings, bodies, cookies or IP addresses", async () => {
  const pesel = makePesel({ year: 1950, month: 5, day: 5 }, 7, "female", 0);
  await fetch(`${srv.baseURL}/vote/bo?expired=1&pesel=${pesel}`, { headers: { Cookie: "bo_vote=secret-cookie-value; lang=pl" } }).then((r) => r.text());
  await formPost(srv.baseURL, "/vote/bo?index", { method: "pesel", pesel, parentFirstName: "Grażyna" }).then((r) => r.text());
  // the log is written in batches, at least once a second
  const requestLines = () =>
    srv
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === "request");
  for (let i = 0; i < 30 && !requestLines().some((l) => l.method === "POST"); i++) await new Promise((r) => setTimeout(r, 100));
  const requests = requestLines();
  expect(requests.some((l) => l.path === "/vote/bo" && l.method === "GET" && l.status === 200)).toBe(true);
  expect(requests.some((l) => l.path === "/vote/bo" && l.method === "POST")).toBe(true);
  for (const l of requests) expect(Object.keys(l).sort()).toEqual(expect.arrayContaining(["level", "method", "ms", "path", "status", "time"]));
  const all = srv.output();
  for (const secret of [pesel, "expired", "secret-cookie-value", "Grażyna", "Gra%C5%BCyna", "parentFirstName"]) expect(all).not.toContain(secret);
  for (const l of requests) expect(l).not.toHaveProperty("ip");
});

it("on SIGTERM finishes the requests in flight, refuses new connections, and exits cleanly", async () => {
  const inFlight = Array.from({ length: 30 }, () => fetch(`${srv.baseURL}/districts/orlowo`).then(async (r) => ({ status: r.status, size: (await r.text()).length })));
  // let the requests reach the server (30 renders of this page take far longer than this); then one
  // more request answered proves the server has accepted the connections queued before it — on a
  // busy machine 300 ms alone was not always enough, and an unaccepted connection is reset at close
  await new Promise((r) => setTimeout(r, 300));
  expect((await fetch(`${srv.baseURL}/healthz`)).status).toBe(200);
  const exit = new Promise<number | null>((r) => srv.proc.once("exit", (code) => r(code)));
  srv.proc.kill("SIGTERM");
  const results = await Promise.all(inFlight);
  expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
  expect(Math.min(...results.map((r) => r.size))).toBeGreaterThan(1000);
  const t0 = Date.now();
  expect(await exit).toBe(0);
  expect(Date.now() - t0).toBeLessThan(5_000); // no waiting for kept-alive connections to time out
  expect(srv.output()).toContain("stopped");
  await expect(fetch(`${srv.baseURL}/healthz`)).rejects.toThrow();
});
