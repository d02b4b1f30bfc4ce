/**
 * Against the built server in production mode: a forged Host header does not reach the links we
 * mail (they are built from PUBLIC_ORIGIN), and a burst of reset attempts gets a translated 429 with
 * Retry-After.
 */
import { request } from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => server?.stop());

/** A form post as curl would send it: any Host, no Origin, no Sec-Fetch-Site. */
function rawPost(path: string, host: string, fields: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const body = new URLSearchParams(fields).toString();
  const url = new URL(server.baseURL);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: "POST", headers: { Host: host, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), "Accept-Language": "pl" } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function outboxTo(email: string): { body_text: string }[] {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    return db.prepare("select body_text from outbox where to_address = ? order by created_at desc").all(email) as { body_text: string }[];
  } finally {
    db.close();
  }
}

describe("links in e-mails (production server)", () => {
  it("POST /forgot-password with Host: evil.example mails a link to PUBLIC_ORIGIN", async () => {
    const r = await rawPost("/forgot-password", "evil.example", { email: "mieszkaniec@demo.bo-gdynia.pl" });
    expect(r.status).toBe(200);
    const [mail] = outboxTo("mieszkaniec@demo.bo-gdynia.pl");
    expect(mail!.body_text).toContain(`${server.baseURL}/reset-password?token=`);
    expect(mail!.body_text).not.toContain("evil.example");
  });

  it("reset attempts from one address: after 10, a 429 in Polish with Retry-After", async () => {
    const form = { token: "x".repeat(43), password: "nowe-bardzo-dlugie-haslo", passwordConfirm: "nowe-bardzo-dlugie-haslo" };
    for (let i = 0; i < 10; i++) expect((await rawPost(`/reset-password?token=${form.token}`, new URL(server.baseURL).host, form)).status).toBe(400);
    const refused = await rawPost(`/reset-password?token=${form.token}`, new URL(server.baseURL).host, form);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.text).toMatch(/Zbyt wiele prób\. Spróbuj ponownie za 1[45] min\./);
  });
});
