/**
 * Server entry: streams the HTML with the request's CSP nonce. Also exports the process-level
 * hooks server.js calls (startup, shutdown, healthCheck), so the server needs nothing but the build.
 */
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { sql } from "kysely";
import { NonceContext } from "./components/nonce";
import { closeDatabase, db, prepareDatabase } from "./db.server";
import { getEnv } from "./env.server";
import { startOutboxSender } from "./services/mailer.server";

export const streamTimeout = 5_000;

let stopSender = () => {};

export async function startup(): Promise<void> {
  const { migrations, seeded } = await prepareDatabase();
  if (migrations.length) console.log(`Applied migrations: ${migrations.join(", ")}`);
  if (seeded) console.log("Seeded the demo data.");
  const env = getEnv();
  stopSender = startOutboxSender(db(), env.SMTP_URL, env.MAIL_FROM);
}

export async function shutdown(): Promise<void> {
  stopSender();
  await closeDatabase();
}

export async function healthCheck(): Promise<boolean> {
  const r = await sql<{ ok: number }>`select 1 as ok`.execute(db());
  return r.rows[0]?.ok === 1;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const botRequest = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [botRequest ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}

declare module "@remix-run/node" {
  // single fetch: loaders and actions return plain data, typed as such
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    cspNonce?: string;
    clientIp?: string;
  }
}
