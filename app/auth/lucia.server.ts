/**
 * Lucia v3 sessions stored through Kysely, on SQLite or PostgreSQL (shared by every app node). The adapter
 * stores only the SHA-256 of each session id, so a copy of the database holds no live sessions.
 * Sessions expire after SESSION_IDLE of inactivity (Lucia extends an active session when half of
 * it has passed) and SESSION_MAX_DAYS after sign-in at the latest, whatever the sliding expiry
 * says. The cookie is a true browser-session cookie (no Max-Age, no Expires): it goes when the
 * browser closes. Lucia's own `expires: false` would instead give it a 400-day Max-Age.
 */
import { Cookie, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import type { Db } from "../../db/client";
import { SESSION_IDLE_HOURS, sessionEndsAt } from "~/domain/retention";
import { sha256 } from "./crypto.server";

export const SESSION_IDLE = new TimeSpan(SESSION_IDLE_HOURS, "h");
export { SESSION_COOKIE } from "./cookie-names";
import { SESSION_COOKIE } from "./cookie-names";

export class KyselyLuciaAdapter implements Adapter {
  constructor(private readonly db: Db) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db
      .selectFrom("sessions as s")
      .innerJoin("users as u", "u.id", "s.user_id")
      .select(["s.user_id", "s.expires_at", "s.created_at", "u.email", "u.display_name", "u.email_verified_at", "u.locale"])
      .where("s.id", "=", sha256(sessionId))
      .where("u.deleted_at", "is", null)
      .executeTakeFirst();
    if (!row) return [null, null];
    return [
      // the absolute cap: Lucia deletes the session when this instant has passed
      { id: sessionId, userId: row.user_id, expiresAt: sessionEndsAt(new Date(row.expires_at), new Date(row.created_at)), attributes: {} },
      {
        id: row.user_id,
        attributes: { email: row.email ?? "", displayName: row.display_name ?? "", emailVerified: row.email_verified_at !== null, locale: row.locale },
      },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.db.selectFrom("sessions").select(["id", "expires_at"]).where("user_id", "=", userId).execute();
    return rows.map((r) => ({ id: r.id, userId, expiresAt: new Date(r.expires_at), attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({ id: sha256(session.id), user_id: session.userId, expires_at: session.expiresAt.toISOString(), created_at: new Date().toISOString() })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    const row = await this.db.selectFrom("sessions").select("created_at").where("id", "=", sha256(sessionId)).executeTakeFirst();
    if (!row) return;
    const until = sessionEndsAt(expiresAt, new Date(row.created_at));
    await this.db.updateTable("sessions").set({ expires_at: until.toISOString() }).where("id", "=", sha256(sessionId)).execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", sha256(sessionId)).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom("sessions").where("expires_at", "<=", new Date().toISOString()).execute();
  }
}

type UserAttributes = { email: string; displayName: string; emailVerified: boolean; locale: string };

export function createLucia(db: Db, secure: boolean) {
  const lucia = new Lucia(new KyselyLuciaAdapter(db), {
    sessionExpiresIn: SESSION_IDLE,
    sessionCookie: { name: SESSION_COOKIE, expires: false, attributes: { secure, sameSite: "lax" } },
    getUserAttributes: (a: UserAttributes) => a,
  });
  // a browser-session cookie: Lucia's cookie without its Max-Age (the blank cookie keeps Max-Age=0)
  const withLifetime = lucia.createSessionCookie.bind(lucia);
  lucia.createSessionCookie = (sessionId: string) => {
    const c = withLifetime(sessionId);
    return new Cookie(c.name, c.value, { ...c.attributes, maxAge: undefined, expires: undefined });
  };
  return lucia;
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: UserAttributes;
  }
}
