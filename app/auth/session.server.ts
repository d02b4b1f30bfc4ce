/**
 * The signed-in person for a request, and the guards every loader and action uses.
 */
import { redirect } from "@remix-run/node";
import { listUserRoles } from "~/data/users.server";
import { db } from "~/db.server";
import { can, isScopedPermission, type Actor, type ProgrammeKind, type RoleGrant, type ScopedPermission, type UnscopedPermission } from "~/domain/permissions";
import { getEnv } from "~/env.server";
import { readCookie } from "~/i18n/locale.server";
import { createLucia, SESSION_COOKIE, type AppLucia } from "./lucia.server";
import { invariantResponse } from "~/http/invariant";

let instance: AppLucia | null = null;
export function lucia(): AppLucia {
  if (!instance) instance = createLucia(db(), getEnv().NODE_ENV === "production");
  return instance;
}

export interface CurrentUser extends Actor {
  id: string;
  email: string;
  displayName: string;
  roles: RoleGrant[];
}

// One lookup per request, however many loaders ask.
const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let p = cache.get(request);
  if (!p) {
    p = (async () => {
      const token = readCookie(request, SESSION_COOKIE);
      if (!token || token.length > 100) return null;
      const { session, user } = await lucia().validateSession(token);
      if (!session || !user || !user.emailVerified) return null;
      return { id: user.id, email: user.email, displayName: user.displayName, roles: await listUserRoles(db(), user.id) };
    })();
    cache.set(request, p);
  }
  return p;
}

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) signInRedirect(request);
  return user;
}

/**
 * Signed in and allowed, or a redirect to sign-in (anonymous) / a 403 (signed in without the right).
 * A programme-scoped permission must name the programme concerned (taken from the record or the
 * server's own data, never from the client); there is no "any programme" form.
 */
export async function requirePermission(request: Request, permission: UnscopedPermission): Promise<CurrentUser>;
export async function requirePermission(request: Request, permission: ScopedPermission, programme: ProgrammeKind): Promise<CurrentUser>;
export async function requirePermission(request: Request, permission: UnscopedPermission | ScopedPermission, programme?: ProgrammeKind): Promise<CurrentUser> {
  const user = await requireUser(request);
  const allowed = isScopedPermission(permission) ? programme !== undefined && can(user, permission, programme) : can(user, permission);
  invariantResponse(allowed, 403);
  return user;
}

/** Set-Cookie for a fresh session (rotation: every sign-in gets a new session id). */
export async function startSession(userId: string): Promise<string> {
  const session = await lucia().createSession(userId, {});
  return lucia().createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const token = readCookie(request, SESSION_COOKIE);
  if (token && token.length <= 100) await lucia().invalidateSession(token);
  return lucia().createBlankSessionCookie().serialize();
}

/**
 * The origin used in links we e-mail: PUBLIC_ORIGIN (required in production), never the request's
 * Host header, which the sender of the request chooses (a reset link to evil.example otherwise).
 */
export function publicOrigin(): string {
  return getEnv().publicOrigin;
}

/** The client's IP as seen by server.js (falls back for requests built in tests). */
export function clientIp(context: { clientIp?: string } | undefined): string {
  return context?.clientIp ?? "local";
}
