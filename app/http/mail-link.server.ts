/**
 * Route glue for the pages a mailed link opens (verify the e-mail address, set a new password) and
 * for the forms behind a rate limit.
 */
import type { HeadersFunction } from "@remix-run/node";
import { TokenSchema } from "~/domain/account";

/** The loader of a page a mailed link opens: its single-use token (?token=…), or null when missing or malformed. */
export function tokenFromLink(request: Request): { token: string | null } {
  const token = TokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  return { token: token.success ? token.data : null };
}

/** A refusal for too many attempts tells the client when to try again (Retry-After). */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => (actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders);
