/**
 * TRUST_PROXY, read like Express's "trust proxy" setting but without its foot-gun. It decides
 * which address a request is counted under (rate limits per IP):
 * - unset, "false" or "0": no proxy; the connection's address is the client's;
 * - a whole number N: N proxies stand in front (nginx → app is 1); the client is the address the
 *   N-th proxy from us saw, i.e. the N-th entry of X-Forwarded-For from the right. Anything a client
 *   writes further left is ignored;
 * - a comma-separated list of addresses or subnets (and Express's names loopback, linklocal,
 *   uniquelocal): the proxies we trust; the client is the right-most address not in the list.
 * "true" (trust every hop) is refused: with it any client picks its own address by sending
 * X-Forwarded-For, and with it the rate limits per IP.
 * Pure: server.js passes the result to Express.
 */
import { isIP } from "node:net";

export type TrustProxy = false | number | string[];

const NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? "").trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true")
    throw new Error(
      "TRUST_PROXY=true would let any client choose its own address through X-Forwarded-For (and escape the rate limits). Give the number of proxies in front of the app (e.g. TRUST_PROXY=1 behind one nginx) or their addresses (TRUST_PROXY=10.0.0.5,10.0.0.6).",
    );
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n > 10) throw new Error(`TRUST_PROXY=${v}: more than 10 proxies in front of the app is not a real set-up.`);
    return n;
  }
  const list = v.split(",").map((s) => s.trim()).filter(Boolean);
  for (const entry of list) {
    const [addr, bits, extra] = entry.split("/");
    const family = isIP(addr ?? "");
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(NAMES.has(entry) || (family && okBits && extra === undefined)))
      throw new Error(`TRUST_PROXY: "${entry}" is neither an address, a subnet (10.0.0.0/8) nor one of loopback, linklocal, uniquelocal.`);
  }
  return list;
}
