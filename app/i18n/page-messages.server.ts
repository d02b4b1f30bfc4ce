/**
 * The messages a page shows, sent with its HTML so the browser hydrates without downloading any
 * dictionary. entry.server renders inside collectPageMessages(); every message the render looks up
 * (t, tn, titles) is noted for that request, and withPageMessages() puts them in the page as a JSON
 * data block (not a script: the CSP nonce is not needed) that entry.client reads before hydrating.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { messagesFor, observeKeys, type Locale } from "./index";

export const PAGE_MESSAGES_ID = "bo-i18n";

export type UsedKeys = Map<Locale, Set<string>>;
const current = new AsyncLocalStorage<UsedKeys>();

observeKeys((locale, key) => {
  const used = current.getStore();
  if (!used) return;
  let keys = used.get(locale);
  if (!keys) used.set(locale, (keys = new Set()));
  keys.add(key);
});

/** Runs fn (the render) noting the messages it and the work it schedules look up. */
export function collectPageMessages<T>(fn: () => T): { result: T; used: UsedKeys } {
  const used: UsedKeys = new Map();
  const result = current.run(used, fn);
  return { result, used };
}

/** The JSON data block: `{ "pl": { "key": "message", … } }`, safe inside HTML. */
export function pageMessagesBlock(used: UsedKeys): string {
  const data: Record<string, Record<string, string>> = {};
  for (const [locale, keys] of used) data[locale] = messagesFor(locale, keys) as Record<string, string>;
  return `<script type="application/json" id="${PAGE_MESSAGES_ID}">${jsonInHtml(data)}</script>`;
}

/** JSON that cannot end the element it sits in ("</script>") or open another ("<!--"). */
export function jsonInHtml(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

/** The page with the messages block just before </body> (or at the end when there is none). */
export function withPageMessages(html: Buffer<ArrayBuffer>, used: UsedKeys): Buffer<ArrayBuffer> {
  if (used.size === 0) return html;
  const block = Buffer.from(pageMessagesBlock(used));
  const at = html.lastIndexOf("</body>");
  if (at < 0) return Buffer.concat([html, block]);
  return Buffer.concat([html.subarray(0, at), block, html.subarray(at)]);
}
