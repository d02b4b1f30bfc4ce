/**
 * TRUST_PROXY decides whose address a request is counted under (the per-IP limits). Both ways:
 * - without it, X-Forwarded-For is ignored: a client cannot escape a limit by forging it;
 * - with TRUST_PROXY=1 (one nginx in front), each real client gets its own bucket (the address the
 *   proxy appended, right-most), and what a client writes further left is still ignored.
 * Observed through the identification limit per IP, set to 3 attempts here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

const identify = (srv: RunningServer, xff: string) =>
  fetch(`${srv.baseURL}/vote/youth?index`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: srv.baseURL, "Sec-Fetch-Site": "same-origin", "X-Forwarded-For": xff },
    body: new URLSearchParams({ method: "pesel", pesel: "00000000000", parentFirstName: "Nikt" }).toString(),
  }).then((r) => r.status);

/** Statuses of `n` attempts, each with the X-Forwarded-For that `xff(i)` gives. */
async function attempts(srv: RunningServer, n: number, xff: (i: number) => string) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await identify(srv, xff(i)));
  return out;
}

describe.each([
  { name: "no proxy", env: {} as Record<string, string> },
  { name: "TRUST_PROXY=1", env: { TRUST_PROXY: "1" } },
])("$name", ({ env }) => {
  let srv: RunningServer;
  beforeAll(async () => {
    srv = await startServer({ RATE_LIMIT_IDENTIFY_PER_IP: "3", LOG_LEVEL: "warn", ...env });
  }, 120_000);
  afterAll(async () => {
    await srv?.stop();
  });

  it("a client forging the left of X-Forwarded-For stays in its own bucket", async () => {
    const statuses = await attempts(srv, 5, (i) => `203.0.113.${i}, 198.51.100.7`);
    expect(statuses.slice(0, 3).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it(env.TRUST_PROXY ? "distinct clients behind the proxy are counted apart" : "without a trusted proxy, X-Forwarded-For changes nothing", async () => {
    const statuses = await attempts(srv, 4, (i) => `198.51.100.${100 + i}`);
    if (env.TRUST_PROXY) expect(statuses.filter((s) => s === 429)).toEqual([]);
    else expect(statuses).toEqual([429, 429, 429, 429]); // the loopback bucket is already spent above
  });
});

it("TRUST_PROXY=true is refused at start, naming the variable", async () => {
  await expect(startServer({ TRUST_PROXY: "true" })).rejects.toThrow(/TRUST_PROXY/);
});
