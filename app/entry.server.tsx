/**
 * Server entry: renders the HTML with the request's CSP nonce. Also exports the process-level
 * hooks server.js calls (startup, shutdown, healthCheck), so the server needs nothing but the build.
 */
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { sql } from "kysely";
import { NonceContext } from "./components/nonce";
import { closeDatabase, db, prepareDatabase } from "./db.server";
import { getEnv } from "./env.server";
import { getLocale } from "./i18n/locale.server";
import { collectPageMessages, withPageMessages } from "./i18n/page-messages.server";
import { RequestLocaleContext } from "./i18n/request-locale";
import { startOutboxSender } from "./services/mailer.server";
import { startRetentionSchedule } from "./services/retention.server";

export { createPageCache, pageCacheMiddleware } from "./page-cache-middleware.server";
export { bodyGuard } from "./http/body-guard.server";
export { routeMetaLookup } from "./http/route-meta.server";
export { createAppRequestHandler } from "./http/remix-handler.server";
export { parseTrustProxy } from "./http/trust-proxy";
export { loggablePath } from "./http/access-log";
export { recordHttpRequest, routeIdLookup } from "./metrics.server";

export const streamTimeout = 5_000;

let stopSender = () => {};
let stopRetention = () => {};

export async function startup(): Promise<void> {
  const { migrations, seeded } = await prepareDatabase();
  if (migrations.length) console.log(`Applied migrations: ${migrations.join(", ")}`);
  if (seeded) console.log("Seeded the demo data.");
  const env = getEnv();
  stopSender = startOutboxSender(db(), env.SMTP_URL, env.MAIL_FROM, { production: env.NODE_ENV === "production" });
  stopRetention = startRetentionSchedule(db);
}

export async function shutdown(): Promise<void> {
  stopSender();
  stopRetention();
  await closeDatabase();
}

export async function healthCheck(): Promise<boolean> {
  const r = await sql<{ ok: number }>`select 1 as ok`.execute(db());
  return r.rows[0]?.ok === 1;
}

/**
 * Renders the whole page, then answers with it in one piece. The pages have no deferred data, so
 * streaming the shell first gains nothing, while every streamed chunk costs a trip through a web
 * stream and a socket write: under load, one buffer per page is markedly cheaper.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  return new Promise<Response>((resolve, reject) => {
    let failed: unknown = null;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
        done();
      },
      final(done) {
        clearTimeout(timer);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        // the messages the page rendered, for hydration: the browser gets no dictionary up front
        const html = withPageMessages(Buffer.concat(chunks), used);
        resolve(new Response(html, { headers: responseHeaders, status: failed ? 500 : responseStatusCode }));
        done();
      },
    });
    const {
      result: { pipe, abort },
      used,
    } = collectPageMessages(() =>
      renderToPipeableStream(
        <NonceContext.Provider value={nonce}>
          <RequestLocaleContext.Provider value={getLocale(request)}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </RequestLocaleContext.Provider>
        </NonceContext.Provider>,
        {
          nonce,
          onAllReady() {
            pipe(sink);
          },
          onShellError(error: unknown) {
            clearTimeout(timer);
            reject(error);
          },
          onError(error: unknown) {
            failed = error;
            console.error(error);
          },
        },
      ),
    );
    const timer = setTimeout(abort, streamTimeout + 1000);
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
