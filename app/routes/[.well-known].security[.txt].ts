/**
 * RFC 9116 security.txt: where to report a vulnerability in this installation (SECURITY_CONTACT),
 * in which languages, and the policy (SECURITY.md). Without a configured contact there is nothing
 * true to say, so 404. Expires a year from now, as the RFC asks for a date at most a year ahead.
 */
import { getEnv } from "~/env.server";
import { invariantResponse, TEXT_PLAIN } from "~/http/invariant";

export function loader() {
  const env = getEnv();
  invariantResponse(env.SECURITY_CONTACT, 404, undefined, TEXT_PLAIN);
  const expires = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  const body = [
    `Contact: ${env.SECURITY_CONTACT}`,
    `Expires: ${expires.toISOString()}`,
    "Preferred-Languages: pl, en, uk",
    `Canonical: ${env.publicOrigin}/.well-known/security.txt`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
