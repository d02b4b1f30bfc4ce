/**
 * Every place a person's account id or e-mail address is written down: the one list the data
 * export reads and account deletion rewrites. A table that gains a column naming a user belongs
 * here (tests/integration/personal-data.test.ts scans every table and fails otherwise).
 */
import { sql } from "kysely";
import type { Database } from "../../db/schema";
import type { Db } from "../../db/client";
import { containsPattern, likeEscaped } from "../../db/like";
import { neutralFileName } from "~/domain/attachments";

/** Columns holding a users.id, by table. */
export const USER_ID_COLUMNS = {
  users: ["id"],
  user_roles: ["user_id", "granted_by"],
  sessions: ["user_id"],
  email_tokens: ["user_id"],
  proposals: ["author_user_id", "entered_by_user_id", "reviewer_user_id"],
  proposal_versions: ["created_by"],
  proposal_supports: ["user_id"],
  proposal_decisions: ["actor_user_id"],
  proposal_appeals: ["author_user_id", "decided_by"],
  proposal_coauthors: ["user_id", "invited_by"],
  final_lists: ["published_by"],
  comments: ["author_user_id", "hidden_by"],
  comment_flags: ["user_id"],
  attachments: ["uploaded_by"],
  paper_submissions: ["entered_by"],
  pool_tallies: ["counted_by"],
  audit_log: ["actor_user_id", "object_id"],
  voters: ["created_by"],
  participations: ["official_user_id"],
  voting_point_sessions: ["official_user_id"],
  voting_point_officials: ["user_id", "granted_by"],
  voting_point_devices: ["enrolled_by"],
  register_imports: ["applied_by"],
  proposal_translations: ["translated_by"],
  follows: ["user_id"],
  follow_settings: ["user_id"],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

/** Columns holding an e-mail address, by table. */
const EMAIL_COLUMNS = { users: ["email"], proposal_coauthors: ["email"], outbox: ["to_address"] } as const;

/** Free-text columns that may mention the id or address (audit details). */
const TEXT_COLUMNS = { audit_log: ["before_json", "after_json", "reason"] } as const;

/**
 * What the export leaves out of a row: secrets (password hash, token and session hashes), internal
 * storage names, derived search text, mail bodies (they can hold one-time links), and other
 * people's data that a row names the person only as the official who handled it.
 */
const EXPORT_OMIT: Partial<Record<string, readonly string[]>> = {
  users: ["password_hash"],
  sessions: ["id"],
  email_tokens: ["id"],
  proposals: ["search_text"],
  proposal_coauthors: ["token_hash"],
  attachments: ["storage_key"],
  outbox: ["body_text"],
  voters: ["pesel_hash", "pesel_check_hash", "karta_hash", "karta_check_hash", "declaration_id", "district_id", "age_band", "sex"],
  participations: ["voter_id", "district_id", "age_band", "voting_point_id", "on_behalf"],
};

export type PersonalRecords = Record<string, Record<string, unknown>[]>;

/** Every row naming the person (by id or address), per table, without the EXPORT_OMIT columns. */
export async function listPersonalRecords(db: Db, person: { userId: string; email: string | null }): Promise<PersonalRecords> {
  const tables = new Set<string>([...Object.keys(USER_ID_COLUMNS), ...Object.keys(EMAIL_COLUMNS)]);
  const out: PersonalRecords = {};
  for (const table of [...tables].sort()) {
    const conditions = [
      ...(USER_ID_COLUMNS[table as keyof typeof USER_ID_COLUMNS] ?? []).map((c) => sql`${sql.ref(c)} = ${person.userId}`),
      ...(person.email ? (EMAIL_COLUMNS[table as keyof typeof EMAIL_COLUMNS] ?? []).map((c) => sql`${sql.ref(c)} = ${person.email}`) : []),
      ...(TEXT_COLUMNS[table as keyof typeof TEXT_COLUMNS] ?? []).flatMap((c) => [
        likeEscaped(c, containsPattern(person.userId)),
        ...(person.email ? [likeEscaped(c, containsPattern(person.email))] : []),
      ]),
    ];
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where ${sql.join(conditions, sql` or `)}`.execute(db);
    const omit = EXPORT_OMIT[table] ?? [];
    const rows = r.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !omit.includes(k))));
    if (rows.length) out[table] = rows;
  }
  return out;
}

/**
 * Moves every reference to `userId` onto `toId` (the deleted account's anonymous stand-in), in
 * the columns that stay; the caller has removed the rows that go (sessions, tokens, roles…).
 */
export async function reassignUserReferences(db: Db, userId: string, toId: string): Promise<void> {
  for (const [table, columns] of Object.entries(USER_ID_COLUMNS)) {
    for (const column of columns) {
      if (table === "users") continue;
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${toId} where ${sql.ref(column)} = ${userId}`.execute(db);
    }
  }
}

/** Replaces the terms in every string value (never in keys) of parsed JSON. */
function scrubValues(v: unknown, swap: (s: string) => string): unknown {
  if (typeof v === "string") return swap(v);
  if (Array.isArray(v)) return v.map((x) => scrubValues(x, swap));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrubValues(x, swap)]));
  return v;
}

/**
 * In the audit rows about them (they acted, were acted upon, or are named by id or address in the
 * details; run after reassignUserReferences) the id becomes the stand-in's and the address and
 * name are blanked, in the values of the JSON details and in the reason. Rows about others are not
 * searched for the name: it may be anyone's.
 */
export async function scrubAuditDetails(db: Db, person: { userId: string; email: string | null; displayName: string | null }, toId: string, blank: string): Promise<void> {
  const terms = [person.email, person.displayName && person.displayName.length >= 3 ? person.displayName : null].filter((x): x is string => Boolean(x));
  const swap = (s: string) => terms.reduce((acc, term) => acc.split(term).join(blank), s.split(person.userId).join(toId));
  const named = (c: "before_json" | "after_json" | "reason") => [likeEscaped(c, containsPattern(person.userId)), ...(person.email ? [likeEscaped(c, containsPattern(person.email))] : [])];
  const rows = await db
    .selectFrom("audit_log")
    .select(["id", "before_json", "after_json", "reason"])
    .where((eb) => eb.or([eb("actor_user_id", "=", toId), eb("object_id", "=", toId), ...named("before_json"), ...named("after_json"), ...named("reason")]))
    .execute();
  const json = (text: string | null) => {
    if (text === null) return null;
    try {
      return JSON.stringify(scrubValues(JSON.parse(text), swap));
    } catch {
      return swap(text); // not JSON after all: plain text
    }
  };
  for (const r of rows) {
    const next = { before_json: json(r.before_json), after_json: json(r.after_json), reason: r.reason === null ? null : swap(r.reason) };
    if (next.before_json !== r.before_json || next.after_json !== r.after_json || next.reason !== r.reason) await db.updateTable("audit_log").set(next).where("id", "=", r.id).execute();
  }
}

/**
 * Empties the texts of the person's appeals (the appeal, its decision, its outcome stay: a public
 * process), and the copies of them in the appeal's decision row and audit row (`blank` there).
 */
export async function eraseAppealTexts(db: Db, userId: string, blank: string): Promise<void> {
  await db.updateTable("proposal_appeals").set({ justification: "" }).where("author_user_id", "=", userId).execute();
  await db.updateTable("proposal_decisions").set({ public_reason: null }).where("actor_user_id", "=", userId).where("action", "=", "appeal").execute();
  await db.updateTable("audit_log").set({ reason: blank }).where("actor_user_id", "=", userId).where("action", "=", "proposal.appeal").where("reason", "is not", null).execute();
}

/**
 * Renames the attachments the person uploaded, and those on the proposals they authored, to
 * "załącznik-<n>.<ext>" (n: the file's place on its proposal): their names may name them.
 */
export async function neutralizeAttachmentNames(db: Db, userId: string): Promise<void> {
  const rows = await db
    .selectFrom("attachments")
    .select(["id", "proposal_id", "file_name", "content_type"])
    .where((eb) => eb.or([eb("uploaded_by", "=", userId), eb("proposal_id", "in", eb.selectFrom("proposals").select("id").where("author_user_id", "=", userId))]))
    .execute();
  for (const proposalId of new Set(rows.map((r) => r.proposal_id))) {
    const all = (await db.selectFrom("attachments").select("id").where("proposal_id", "=", proposalId).orderBy("created_at").orderBy("id").execute()).map((r) => r.id);
    for (const r of rows.filter((x) => x.proposal_id === proposalId)) {
      await db.updateTable("attachments").set({ file_name: neutralFileName(all.indexOf(r.id) + 1, r.content_type, r.file_name) }).where("id", "=", r.id).execute();
    }
  }
}

/** The never-submitted drafts a person authored, with their files' storage keys. */
export async function listDraftsOf(db: Db, userId: string): Promise<{ ids: string[]; storageKeys: string[] }> {
  const ids = (await db.selectFrom("proposals").select("id").where("author_user_id", "=", userId).where("status", "=", "draft").execute()).map((r) => r.id);
  return { ids, storageKeys: await listStorageKeys(db, ids) };
}

export async function listStorageKeys(db: Db, proposalIds: string[]): Promise<string[]> {
  if (!proposalIds.length) return [];
  return (await db.selectFrom("attachments").select("storage_key").where("proposal_id", "in", proposalIds).execute()).map((r) => r.storage_key);
}

/** Deletes proposals with everything that hangs on them (cost items, versions, comments, files' rows… by cascade). */
export async function deleteProposals(db: Db, proposalIds: string[]): Promise<number> {
  if (!proposalIds.length) return 0;
  const r = await db.deleteFrom("proposals").where("id", "in", proposalIds).executeTakeFirst();
  return Number(r.numDeletedRows);
}
