/**
 * Values worked out once per request (issue #13: "resolve the current edition once per request").
 * A page's loaders (root, layout, page) and the services they call each ask for the same facts —
 * which edition is current, which programmes it has; inside one GET request the first answer is
 * kept and shared. Only reads are memoised: a POST runs without a memo, so an action that changes
 * the edition and the loaders that run after it never see a stale answer.
 *
 * Outside a request (CLI, tests calling services directly) nothing is memoised.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const store = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `fn` with a fresh memo when `method` only reads (GET, HEAD), without one otherwise. */
export function withRequestMemo<T>(method: string, fn: () => T): T {
  return method === "GET" || method === "HEAD" ? store.run(new Map(), fn) : store.exit(fn);
}

/** The value of `key` for this request: `load` runs at most once per request (a failure is not kept). */
export function memoPerRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = store.getStore();
  if (!memo) return load();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const p = load();
  memo.set(key, p);
  p.catch(() => memo.delete(key));
  return p;
}
