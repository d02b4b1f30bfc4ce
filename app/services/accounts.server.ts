/**
 * Account use cases: sign-up with e-mail verification, sign-in, password reset, data export and
 * deletion. Each loads, decides, writes (with its audit row and outgoing mail) in one transaction,
 * and returns a result rather than throwing for expected refusals.
 */
import { sql } from "kysely";
import { isUniqueViolation } from "../../db/client";
import { containsPattern, likeEscaped } from "../../db/like";
import type { Db } from "../../db/client";
import { hashPassword, newId, randomToken, sha256, verifyPassword } from "~/auth/crypto.server";
import { insertAudit } from "~/data/audit.server";
import { insertOutbox } from "~/data/outbox.server";
import { deleteProposals, eraseAppealTexts, listDraftsOf, listPersonalRecords, neutralizeAttachmentNames, reassignUserReferences, scrubAuditDetails } from "~/data/personal-data.server";
import { getUserByEmail, getUserById, listUserRoles } from "~/data/users.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n";
import { removeStoredFiles, uploadDir } from "./attachments.server";
import { accountMail } from "./emails.server";

export const VERIFY_TOKEN_TTL_MS = 48 * 3600_000;
export const RESET_TOKEN_TTL_MS = 3600_000;

async function issueToken(db: Db, userId: string, purpose: "verify_email" | "reset_password", now: Date): Promise<string> {
  const token = randomToken();
  const ttl = purpose === "verify_email" ? VERIFY_TOKEN_TTL_MS : RESET_TOKEN_TTL_MS;
  // a new link replaces the older ones of the same kind
  await db.updateTable("email_tokens").set({ used_at: now.toISOString() }).where("user_id", "=", userId).where("purpose", "=", purpose).where("used_at", "is", null).execute();
  await db
    .insertInto("email_tokens")
    .values({ id: sha256(token), user_id: userId, purpose, expires_at: new Date(now.getTime() + ttl).toISOString(), used_at: null, created_at: now.toISOString() })
    .execute();
  return token;
}

type TokenPurpose = "verify_email" | "reset_password";

/** Whether a token may be used now (one indexed lookup by its hash; nothing written). */
async function checkToken(db: Db, token: string, purpose: TokenPurpose, now: Date) {
  const row = await db.selectFrom("email_tokens").select(["user_id", "expires_at", "used_at"]).where("id", "=", sha256(token)).where("purpose", "=", purpose).executeTakeFirst();
  if (!row) return { ok: false as const, reason: "token_invalid" as const };
  if (row.used_at) return { ok: false as const, reason: "token_used" as const };
  if (row.expires_at <= now.toISOString()) return { ok: false as const, reason: "token_expired" as const };
  return { ok: true as const, userId: row.user_id };
}

/** Consumes a token: valid once, before it expires. Returns the user id or the reason it failed. */
async function consumeToken(db: Db, token: string, purpose: TokenPurpose, now: Date) {
  const checked = await checkToken(db, token, purpose, now);
  if (!checked.ok) return checked;
  const updated = await db.updateTable("email_tokens").set({ used_at: now.toISOString() }).where("id", "=", sha256(token)).where("used_at", "is", null).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return { ok: false as const, reason: "token_used" as const };
  return checked;
}

export interface SignUpInput {
  email: string;
  displayName: string;
  password: string;
  locale: Locale;
}

/**
 * Creates an unverified account and mails a verification link. If the address is taken, the
 * answer is the same (no account enumeration) and the owner gets a notice instead.
 */
export async function signUp(db: Db, input: SignUpInput, origin: string, now = new Date()): Promise<{ ok: true }> {
  const passwordHash = await hashPassword(input.password);
  const attempt = () => db.transaction().execute(async (trx) => {
    const existing = await getUserByEmail(trx, input.email);
    if (existing) {
      const mail = accountMail(isLocale(existing.locale) ? existing.locale : input.locale, "exists", { origin });
      await insertOutbox(trx, { id: newId("mail"), to: input.email, kind: "account_exists", ...mail }, now);
      return;
    }
    const id = newId("usr");
    await trx
      .insertInto("users")
      .values({ id, email: input.email, email_verified_at: null, password_hash: passwordHash, display_name: input.displayName, locale: input.locale, created_at: now.toISOString(), deleted_at: null })
      .execute();
    const token = await issueToken(trx, id, "verify_email", now);
    const mail = accountMail(input.locale, "verify", { origin, token, name: input.displayName });
    await insertOutbox(trx, { id: newId("mail"), to: input.email, kind: "account_verify", ...mail }, now);
    await insertAudit(trx, { actorUserId: id, actorRole: "resident", action: "account.sign_up", objectType: "user", objectId: id }, now);
  });
  try {
    await attempt();
  } catch (e) {
    // PostgreSQL: a concurrent sign-up took the address between our check and insert; once more,
    // and this time the address is taken (the owner gets the notice)
    if (!isUniqueViolation(e)) throw e;
    await attempt();
  }
  return { ok: true };
}

/**
 * An account whose address is already vouched for — made from the command line (the first
 * administrator, the demo's accounts), not by sign-up. `passwordHash` lets many accounts share one
 * hashed password (the demo's supporters); `id` keeps a fixed id. Nothing changes if the address is taken.
 */
export async function createVerifiedAccount(
  db: Db,
  input: { id?: string; email: string; displayName: string; locale?: Locale } & ({ password: string } | { passwordHash: string }),
  reason: string,
  now = new Date(),
): Promise<{ ok: true; id: string; created: boolean }> {
  const passwordHash = "passwordHash" in input ? input.passwordHash : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const existing = await getUserByEmail(trx, input.email);
    if (existing) return { ok: true as const, id: existing.id, created: false };
    const id = input.id ?? newId("usr");
    const at = now.toISOString();
    await trx
      .insertInto("users")
      .values({ id, email: input.email, email_verified_at: at, password_hash: passwordHash, display_name: input.displayName, locale: input.locale ?? DEFAULT_LOCALE, created_at: at, deleted_at: null })
      .execute();
    await insertAudit(trx, { actorUserId: null, actorRole: "cli", action: "account.create", objectType: "user", objectId: id, after: { email: input.email, displayName: input.displayName }, reason }, now);
    return { ok: true as const, id, created: true };
  });
}

export async function verifyEmail(db: Db, token: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const used = await consumeToken(trx, token, "verify_email", now);
    if (!used.ok) return used;
    await trx.updateTable("users").set({ email_verified_at: now.toISOString() }).where("id", "=", used.userId).where("email_verified_at", "is", null).execute();
    await insertAudit(trx, { actorUserId: used.userId, actorRole: "resident", action: "account.verify_email", objectType: "user", objectId: used.userId }, now);
    return { ok: true as const, userId: used.userId };
  });
}

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "credentials_invalid" | "email_not_verified" };

/** Checks the credentials. The same refusal for an unknown address and a wrong password. */
export async function checkCredentials(db: Db, email: string, password: string): Promise<SignInResult> {
  const user = await getUserByEmail(db, email);
  const good = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !good) return { ok: false, reason: "credentials_invalid" };
  if (!user.emailVerifiedAt) return { ok: false, reason: "email_not_verified" };
  return { ok: true, userId: user.id };
}

/** Mails a reset link if the address has an account; says nothing either way. */
export async function requestPasswordReset(db: Db, email: string, locale: Locale, origin: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await getUserByEmail(trx, email);
    if (!user) return;
    const token = await issueToken(trx, user.id, "reset_password", now);
    const mail = accountMail(isLocale(user.locale) ? user.locale : locale, "reset", { origin, token, name: user.displayName ?? "" });
    await insertOutbox(trx, { id: newId("mail"), to: email, kind: "account_reset", ...mail }, now);
    await insertAudit(trx, { actorUserId: user.id, actorRole: "resident", action: "account.reset_requested", objectType: "user", objectId: user.id }, now);
  });
}

/**
 * Sets a new password with a reset token; signs the account out everywhere. The token is checked
 * before the password is hashed: a wrong, used or expired link costs one lookup, not Argon2.
 */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()) {
  const checked = await checkToken(db, token, "reset_password", now);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const used = await consumeToken(trx, token, "reset_password", now);
    if (!used.ok) return used;
    // the mail proved the address, so a reset also verifies it
    await trx
      .updateTable("users")
      .set((eb) => ({ password_hash: passwordHash, email_verified_at: eb.fn.coalesce("email_verified_at", eb.val(now.toISOString())) }))
      .where("id", "=", used.userId)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", used.userId).execute();
    await insertAudit(trx, { actorUserId: used.userId, actorRole: "resident", action: "account.password_reset", objectType: "user", objectId: used.userId }, now);
    return { ok: true as const, userId: used.userId };
  });
}

/**
 * Everything the platform keeps about one person (RODO art. 15 / 20), as plain JSON: a summary,
 * then under `records` every row of every table that names them by account id or e-mail address
 * (see data/personal-data.server.ts for what is left out of a row, and why).
 */
export async function exportUserData(db: Db, userId: string, now = new Date()) {
  const user = await getUserById(db, userId);
  if (!user || user.deletedAt) return null;
  const [roles, sessions, audit, mails, records] = await Promise.all([
    listUserRoles(db, userId),
    db.selectFrom("sessions").select(["created_at", "expires_at"]).where("user_id", "=", userId).execute(),
    db.selectFrom("audit_log").select(["at", "action", "object_type", "object_id", "reason"]).where("actor_user_id", "=", userId).orderBy("at").execute(),
    db.selectFrom("outbox").select(["created_at", "subject", "sent_at"]).where("to_address", "=", user.email ?? "").orderBy("created_at").execute(),
    listPersonalRecords(db, { userId, email: user.email }),
  ]);
  return {
    exportedAt: now.toISOString(),
    account: { id: user.id, email: user.email, displayName: user.displayName, emailVerifiedAt: user.emailVerifiedAt, language: user.locale, createdAt: user.createdAt },
    roles,
    sessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at })),
    activity: audit.map((a) => ({ at: a.at, action: a.action, objectType: a.object_type, objectId: a.object_id, reason: a.reason })),
    emails: mails.map((m) => ({ createdAt: m.created_at, subject: m.subject, sentAt: m.sent_at })),
    records,
  };
}

/** What replaces a deleted person's name or address in audit details. */
export const ERASED = "[usunięto]";

/**
 * Deletes an account so that no row names the person any more:
 * - their drafts (never submitted, so never public) go, with comments, versions and files on disk;
 * - proposals they submitted stay public but anonymous (a guardian's name on them goes too);
 * - their comments keep their place in threads with the text removed (shown as a removed comment);
 * - invitations to or from them (unanswered ones they sent) and co-authorships go, and mails to
 *   their address, naming their address, inviting someone in their name or quoting their comments;
 * - sessions, e-mail links and roles go;
 * - everything else that records what they did (supports, flags, decisions, audit rows) stays,
 *   pointing at a new anonymous account id instead of theirs: the old id is gone everywhere.
 */
export async function deleteAccount(db: Db, userId: string, password: string, now = new Date(), dir = uploadDir()) {
  const user = await getUserById(db, userId);
  if (!user || user.deletedAt) return { ok: false as const, reason: "account_missing" as const };
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false as const, reason: "password_wrong" as const };
  const files = await db.transaction().execute((trx) => eraseAccount(trx, user, "account.delete", now));
  // the rows are gone for good: now the drafts' files
  await removeStoredFiles(files, dir);
  return { ok: true as const };
}

/**
 * The erasure itself (see deleteAccount), inside the caller's transaction, with its audit row
 * (`action`: account.delete, or retention.unverified_account). Returns the storage keys of the
 * deleted drafts' files, for the caller to remove once the transaction has committed.
 */
export async function eraseAccount(trx: Db, user: { id: string; email: string | null; displayName: string | null }, action: string, now: Date): Promise<string[]> {
  const userId = user.id;
  const standIn = newId("usr");
  await trx
    .insertInto("users")
    .values({ id: standIn, email: null, email_verified_at: null, password_hash: null, display_name: null, locale: DEFAULT_LOCALE, created_at: now.toISOString(), deleted_at: now.toISOString() })
    .execute();
  const drafts = await listDraftsOf(trx, userId);
  // mails that would tell someone what a deleted person wrote: replies quoting their comments
  const quoted = (await trx.selectFrom("comments").select("body").where("author_user_id", "=", userId).execute()).map((c) => c.body).filter((b) => b.trim().length >= 10);
  const invited = (await trx.selectFrom("proposal_coauthors").select("email").where("invited_by", "=", userId).where("accepted_at", "is", null).execute()).map((r) => r.email);
  await deleteProposals(trx, drafts.ids);
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  await trx.deleteFrom("email_tokens").where("user_id", "=", userId).execute();
  await trx.deleteFrom("user_roles").where("user_id", "=", userId).execute();
  await trx.deleteFrom("follows").where("user_id", "=", userId).execute();
  await trx.deleteFrom("follow_settings").where("user_id", "=", userId).execute();
  await trx
    .deleteFrom("proposal_coauthors")
    .where((eb) => eb.or([eb("user_id", "=", userId), eb.and([eb("invited_by", "=", userId), eb("accepted_at", "is", null)]), ...(user.email ? [eb("email", "=", user.email)] : [])]))
    .execute();
  const mails = [
    ...(user.email ? [sql<boolean>`to_address = ${user.email}`, likeEscaped("subject", containsPattern(user.email)), likeEscaped("body_text", containsPattern(user.email))] : []),
    ...(invited.length && user.displayName ? [sql<boolean>`(to_address in (${sql.join(invited)}) and ${likeEscaped("body_text", containsPattern(user.displayName))})`] : []),
    ...quoted.map((q) => likeEscaped("body_text", containsPattern(q))),
  ];
  if (mails.length) await sql`delete from outbox where ${sql.join(mails, sql` or `)}`.execute(trx);
  await trx.updateTable("comments").set({ body: "", notify_replies: 0 }).where("author_user_id", "=", userId).execute();
  await trx.updateTable("proposals").set({ guardian_name: null }).where("author_user_id", "=", userId).execute();
  // what they wrote in an appeal, and file names like "Jan_Kowalski_zgoda.pdf", may name them
  await eraseAppealTexts(trx, userId, ERASED);
  await neutralizeAttachmentNames(trx, userId);
  await reassignUserReferences(trx, userId, standIn);
  await scrubAuditDetails(trx, { userId, email: user.email, displayName: user.displayName }, standIn, ERASED);
  await trx.deleteFrom("users").where("id", "=", userId).execute();
  await insertAudit(trx, { actorUserId: standIn, actorRole: action === "account.delete" ? "resident" : "system", action, objectType: "user", objectId: standIn, after: { draftsDeleted: drafts.ids.length } }, now);
  return drafts.storageKeys;
}
