/**
 * What a page answer says about caching when its route said nothing: an answer to a form
 * (POST, …) may echo what was typed — a commission member's key share, a PESEL, a name — and a
 * signed-in page shows one person's data. Neither may be kept by the browser's history cache, a
 * shared computer at a voting point, or a proxy. Anonymous GET pages stay as they are: the page
 * cache (app/page-cache.server.ts) decides about them. Applied to every answer in the app's HTTP
 * adapter (./remix-handler.server.ts): pages, data requests and resource routes alike.
 */
import { SESSION_COOKIE } from "~/auth/lucia.server";

const SESSION = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=[^;]`);

export function defaultCacheControl(method: string, cookieHeader: string | null): string | null {
  if (method !== "GET" && method !== "HEAD") return "no-store";
  if (cookieHeader && SESSION.test(cookieHeader)) return "private, no-store";
  return null;
}
