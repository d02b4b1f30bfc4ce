import { LOCALE_COOKIE, negotiateLocale, type Locale } from "./index";

/** A cookie's value in a Cookie header, URI-decoded (undefined when absent or malformed). */
export function cookieFromHeader(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function readCookie(request: Request, name: string): string | undefined {
  return cookieFromHeader(request.headers.get("Cookie"), name);
}

export function getLocale(request: Request): Locale {
  return negotiateLocale(readCookie(request, LOCALE_COOKIE), request.headers.get("Accept-Language"));
}

export function localeCookie(locale: Locale, secure: boolean): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure ? "; Secure" : ""}`;
}
