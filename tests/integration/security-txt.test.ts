/** /.well-known/security.txt says where to report a vulnerability, in the RFC 9116 form. */
import { expect, it } from "vitest";

it("publishes the configured contact with an expiry within a year, and 404 without one", async () => {
  process.env.SECURITY_CONTACT = "mailto:bezpieczenstwo@example.pl";
  process.env.PUBLIC_ORIGIN = "https://bo.example.pl";
  const { loader } = await import("~/routes/[.well-known].security[.txt]");
  const res = loader();
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(text).toMatch(/^Contact: mailto:bezpieczenstwo@example\.pl$/m);
  expect(text).toMatch(/^Canonical: https:\/\/bo\.example\.pl\/\.well-known\/security\.txt$/m);
  const expires = new Date(/^Expires: (.+)$/m.exec(text)![1]!);
  expect(expires.getTime()).toBeGreaterThan(Date.now());
  expect(expires.getTime() - Date.now()).toBeLessThanOrEqual(366 * 24 * 3600 * 1000);

  const { parseEnv } = await import("~/env.server");
  expect(() => parseEnv({ SECURITY_CONTACT: "bezpieczenstwo@example.pl" })).toThrow(/SECURITY_CONTACT/);
});
