/**
 * RODO: a person with every kind of row. The export holds every row that names them, deletion
 * leaves no row naming them (and no draft file on disk), and the retention job deletes what has
 * outlived its period and nothing else. Rows are found by scanning every table of the migrated
 * schema, so a table added later cannot be forgotten.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/schema";
import { newId } from "~/auth/crypto.server";
import { createLucia } from "~/auth/lucia.server";
import { insertAudit } from "~/data/audit.server";
import { listOutbox } from "~/data/outbox.server";
import { AUDIT_YEARS, DRAFT_MONTHS, EMAIL_TOKEN_DAYS, OUTBOX_DAYS, PAPER_CONTACT_MONTHS, SESSION_MAX_DAYS, UNVERIFIED_ACCOUNT_DAYS } from "~/domain/retention";
import type { Actor } from "~/domain/permissions";
import { benchesDraft } from "../support/workflow";
import { deleteAccount, exportUserData, requestPasswordReset, signUp, verifyEmail } from "~/services/accounts.server";
import { addAttachment } from "~/services/attachments.server";
import { saveProposal } from "~/services/proposals.server";
import { runRetention, startRetentionSchedule } from "~/services/retention.server";
import { changeRole } from "~/services/roles.server";
import { createTestDb, type TestDb } from "../support/db";

const T0 = new Date("2026-03-10T10:00:00Z");
let clock = 0;
const now = () => new Date(T0.getTime() + ++clock * 1000);
const ORIGIN = "https://bo.example";

const EMAIL = "zofia.prywatna@example.pl";
const NAME = "Zofia Przykładowa-Testowa";
const PASSWORD = "haslo-zofii-do-usuniecia";
const COMMENT = "Mój bardzo osobisty komentarz o ławkach na Witominie";
const DRAFT_TITLE = "Szkic Zofii: ogródek sensoryczny";
const APPEAL = "Odwołuję się: teren przy mojej posesji na Obłużu jest miejski";
const FILE_NAME = `${NAME} zgoda właściciela.pdf`;
const admin: Actor = { id: "usr_demo_admin", roles: [{ role: "admin", scope: "*" }] };
const neighbour = "usr_demo_resident2";

type Row = Record<string, unknown>;

/** Every row, in every table of the schema, with a value containing one of the terms. */
async function rowsNaming(db: Kysely<Database>, terms: string[]): Promise<Record<string, Row[]>> {
  const found: Record<string, Row[]> = {};
  for (const table of await db.introspection.getTables()) {
    const rows = (await sql<Row>`select * from ${sql.table(table.name)}`.execute(db)).rows;
    const naming = rows.filter((r) => Object.values(r).some((v) => v !== null && terms.some((term) => String(v).includes(term))));
    if (naming.length) found[table.name] = naming;
  }
  return found;
}

/** An exported entry stands for a row when every column it shows has the row's value. */
const sameRow = (entry: Row, row: Row) => Object.keys(entry).length > 0 && Object.entries(entry).every(([k, v]) => k in row && String(v) === String(row[k]));

let t: TestDb;
let dir: string;
let person = "";
let draftId = "";
let submittedId = "";
let draftFile = "";

const input = (patch: Record<string, unknown> = {}) => benchesDraft(t.db, patch);

async function tokenFromMail(to: string): Promise<string> {
  const mail = (await listOutbox(t.db, { to, limit: 10 })).find((m) => m.body.includes("/verify-email?token="));
  return mail!.body.match(/token=([A-Za-z0-9_-]+)/)![1]!;
}

beforeAll(async () => {
  t = await createTestDb({ seed: true, now: T0, phase: "submission" });
  dir = mkdtempSync(join(tmpdir(), "bo-uploads-"));
  mkdirSync(join(dir, ".tmp"));

  // the account, verified, with a pending password-reset link (token + mail) and a session
  await signUp(t.db, { email: EMAIL, displayName: NAME, password: PASSWORD, locale: "pl" }, ORIGIN, now());
  const v = await verifyEmail(t.db, await tokenFromMail(EMAIL), now());
  if (!v.ok) throw new Error(v.reason);
  person = v.userId;
  await requestPasswordReset(t.db, EMAIL, "pl", ORIGIN, now());
  await createLucia(t.db, false).createSession(person, {});
  const me: Actor = { id: person, roles: [] };

  // a private draft with a photo on disk, and a proposal submitted (public) with a guardian's name
  const draft = await saveProposal(t.db, me, await input({ title: DRAFT_TITLE }), null, now());
  if (!draft.ok) throw new Error(draft.reason);
  draftId = draft.id;
  const photo = join(dir, ".tmp", "photo.part");
  writeFileSync(photo, await sharp({ create: { width: 4, height: 4, channels: 3, background: "#080" } }).jpeg().toBuffer());
  const att = await addAttachment(t.db, me, { proposalId: draftId, tempPath: photo, originalName: "ogrodek.jpg", description: "Miejsce na ogródek" }, { dir, now: now() });
  if (!att.ok) throw new Error(att.reason);
  draftFile = join(dir, (await t.db.selectFrom("attachments").select("storage_key").where("id", "=", att.id).executeTakeFirstOrThrow()).storage_key);
  const sub = await saveProposal(t.db, me, await input({ title: "Zacieniony plac zabaw na Obłużu" }), null, now());
  if (!sub.ok) throw new Error(sub.reason);
  submittedId = sub.id;
  await t.db.updateTable("proposals").set({ status: "submitted", submitted_at: now().toISOString(), guardian_name: "Opiekunka Zofii" }).where("id", "=", submittedId).execute();
  // a file on the submitted proposal whose name names her, and her appeal (as appealProposal writes it)
  await t.db.insertInto("attachments").values({ id: newId("att"), proposal_id: submittedId, file_name: FILE_NAME, content_type: "application/pdf", size_bytes: 4, storage_key: "f".repeat(32), uploaded_by: person, created_at: now().toISOString() }).execute();
  const appealedAt = now().toISOString();
  await t.db.insertInto("proposal_appeals").values({ id: newId("apl"), proposal_id: submittedId, author_user_id: person, justification: APPEAL, created_at: appealedAt, outcome: "rejected", decision_reason: "Teren jest prywatny.", decided_by: admin.id, decided_at: appealedAt }).execute();
  await t.db.insertInto("proposal_decisions").values({ id: newId("dec"), proposal_id: submittedId, action: "appeal", from_status: "rejected", to_status: "appealed", public_reason: APPEAL, actor_user_id: person, actor_role: "resident", created_at: appealedAt, checks_json: null, cost_before_grosze: null, cost_after_grosze: null }).execute();
  await insertAudit(t.db, { actorUserId: person, actorRole: "resident", action: "proposal.appeal", objectType: "proposal", objectId: submittedId, before: { status: "rejected" }, after: { status: "appealed" }, reason: APPEAL }, now());

  const at = now().toISOString();
  const someoneElses = await t.db.selectFrom("proposals").select("id").where("author_user_id", "is", null).where("status", "!=", "draft").limit(2).execute();
  const [other1, other2] = [someoneElses[0]!.id, someoneElses[1]!.id];
  await t.db
    .insertInto("proposal_coauthors")
    .values([
      // sent by her (pending, to an outside address) — and its mail naming her
      { proposal_id: submittedId, email: "zaproszona@example.pl", user_id: null, invited_by: person, invited_at: at, accepted_at: null, token_hash: "a".repeat(43), declined_at: null },
      // received (pending) and accepted
      { proposal_id: other1, email: EMAIL, user_id: null, invited_by: neighbour, invited_at: at, accepted_at: null, token_hash: "b".repeat(43), declined_at: null },
      { proposal_id: other2, email: EMAIL, user_id: person, invited_by: neighbour, invited_at: at, accepted_at: at, token_hash: null, declined_at: null },
      // not hers: stays
      { proposal_id: other2, email: "ktos-inny@example.pl", user_id: null, invited_by: neighbour, invited_at: at, accepted_at: null, token_hash: "c".repeat(43), declined_at: null },
    ])
    .execute();
  await t.db
    .insertInto("outbox")
    .values([
      { id: newId("mail"), to_address: "zaproszona@example.pl", subject: "Zaproszenie do współautorstwa", body_text: `${NAME} zaprasza Cię do współtworzenia projektu.`, created_at: at },
      { id: newId("mail"), to_address: "mieszkanka@demo.bo-gdynia.pl", subject: "Nowa odpowiedź", body_text: `Ktoś odpowiedział:\n\n${COMMENT}`, created_at: at },
      { id: newId("mail"), to_address: "mieszkanka@demo.bo-gdynia.pl", subject: "Inna sprawa", body_text: "Treść, która jej nie dotyczy.", created_at: at },
    ])
    .execute();

  // a comment, a reply by someone else, a support, a flag on someone else's comment
  const commentId = newId("cmt");
  await t.db.insertInto("comments").values({ id: commentId, proposal_id: other1, parent_id: null, author_user_id: person, body: COMMENT, created_at: at, hidden_at: null, hidden_by: null, hidden_reason: null }).execute();
  const othersComment = newId("cmt");
  await t.db.insertInto("comments").values({ id: othersComment, proposal_id: other1, parent_id: commentId, author_user_id: neighbour, body: "Zgadzam się z przedmówczynią.", created_at: at, hidden_at: null, hidden_by: null, hidden_reason: null }).execute();
  await t.db.insertInto("proposal_supports").values({ proposal_id: other1, user_id: person, created_at: at }).execute();
  await t.db.insertInto("comment_flags").values({ comment_id: othersComment, user_id: person, reason: "spam", created_at: at, resolved_at: null }).execute();

  // a role granted by an administrator (audit row about her), and an audit row naming her address
  const granted = await changeRole(t.db, admin, { kind: "grant", userId: person, role: "youth_moderator", scope: "youth", reason: "Rada młodzieży" }, now());
  if (!granted.ok) throw new Error(granted.reason);
  await insertAudit(t.db, { actorUserId: neighbour, actorRole: "resident", action: "proposal.coauthor_invite", objectType: "proposal", objectId: other1, after: { email: EMAIL } }, now());
});
afterAll(async () => {
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("export and deletion of a person's data", () => {
  it("the export holds every row, in every table, that names the person", async () => {
    const data = await exportUserData(t.db, person, now());
    const naming = await rowsNaming(t.db, [person, EMAIL]);
    // the person really has every kind of row
    for (const table of ["users", "sessions", "email_tokens", "proposals", "proposal_versions", "proposal_decisions", "proposal_appeals", "attachments", "proposal_coauthors", "comments", "proposal_supports", "comment_flags", "user_roles", "outbox", "audit_log"]) {
      expect(naming[table]?.length ?? 0, table).toBeGreaterThan(0);
    }
    for (const [table, rows] of Object.entries(naming)) {
      for (const row of rows) expect(data!.records[table]?.some((entry) => sameRow(entry, row)), `${table} ${JSON.stringify(row)}`).toBe(true);
    }
    // and no secrets: password hash, token and session hashes, storage keys
    const text = JSON.stringify(data);
    expect(text).not.toContain("argon2");
    expect(text).not.toContain("a".repeat(43));
    expect(text).not.toContain("storage_key");
  });

  it("after deletion no row names the person, other people's rows stay, draft files are gone", async () => {
    const supportsBefore = await t.db.selectFrom("proposal_supports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(existsSync(draftFile)).toBe(true);
    expect(await deleteAccount(t.db, person, "zle-haslo", now(), dir)).toEqual({ ok: false, reason: "password_wrong" });
    expect(await deleteAccount(t.db, person, PASSWORD, now(), dir)).toEqual({ ok: true });

    expect(await rowsNaming(t.db, [person, EMAIL, NAME, COMMENT, DRAFT_TITLE, "Opiekunka Zofii", APPEAL])).toEqual({});
    expect(existsSync(draftFile)).toBe(false);
    // the draft is gone; the submitted proposal stays, anonymous
    expect(await t.db.selectFrom("proposals").select("id").where("id", "=", draftId).execute()).toEqual([]);
    const submitted = await t.db.selectFrom("proposals").select(["author_user_id", "status"]).where("id", "=", submittedId).executeTakeFirstOrThrow();
    expect(submitted.status).toBe("submitted");
    const standIn = await t.db.selectFrom("users").selectAll().where("id", "=", submitted.author_user_id!).executeTakeFirstOrThrow();
    expect(standIn).toMatchObject({ email: null, display_name: null, password_hash: null });
    expect(standIn.deleted_at).not.toBeNull();
    // the comment keeps its place (the reply hangs on it) without its text; the support still counts
    const comments = await t.db.selectFrom("comments").select(["body", "author_user_id"]).where("author_user_id", "=", standIn.id).execute();
    expect(comments).toEqual([{ body: "", author_user_id: standIn.id }]);
    expect(await t.db.selectFrom("comments").select("id").where("body", "=", "Zgadzam się z przedmówczynią.").execute()).toHaveLength(1);
    expect(await t.db.selectFrom("proposal_supports").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).toEqual(supportsBefore);
    // the appeal stays, with its outcome, without her words; her file stays under a neutral name
    const appeal = await t.db.selectFrom("proposal_appeals").select(["justification", "outcome", "decision_reason"]).where("proposal_id", "=", submittedId).executeTakeFirstOrThrow();
    expect(appeal).toEqual({ justification: "", outcome: "rejected", decision_reason: "Teren jest prywatny." });
    expect(await t.db.selectFrom("proposal_decisions").select("action").where("proposal_id", "=", submittedId).where("action", "=", "appeal").execute()).toHaveLength(1);
    expect((await t.db.selectFrom("attachments").select("file_name").where("proposal_id", "=", submittedId).execute()).map((a) => a.file_name)).toEqual(["załącznik-1.pdf"]);
    // others' invitation and mail stay
    expect(await t.db.selectFrom("proposal_coauthors").select("email").where("email", "=", "ktos-inny@example.pl").execute()).toHaveLength(1);
    expect(await t.db.selectFrom("outbox").select("id").where("subject", "=", "Inna sprawa").execute()).toHaveLength(1);
    // the account is gone: no export, the address is free
    expect(await exportUserData(t.db, person)).toBeNull();
    await signUp(t.db, { email: EMAIL, displayName: "Nowa Zofia", password: "haslo-nowej-zofii-1", locale: "pl" }, ORIGIN, now());
  });
});

describe("retention", () => {
  const NOW = new Date("2027-06-01T12:00:00Z");
  const DAY = 24 * 3600_000;
  const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
  const monthsAgo = (m: number, plusMs: number) => {
    const d = new Date(NOW.getTime());
    d.setUTCMonth(d.getUTCMonth() - m);
    return new Date(d.getTime() - plusMs).toISOString();
  };
  const yearsAgo = (y: number, plusMs: number) => {
    const d = new Date(NOW.getTime());
    d.setUTCFullYear(d.getUTCFullYear() - y);
    return new Date(d.getTime() - plusMs).toISOString();
  };
  let r: TestDb;
  let files: string;
  const ids = { keep: [] as string[], gone: [] as string[] };
  const paper = { gone: "", kept: [] as string[] };
  const user = (id: string, createdAt: string, verified: boolean) => ({ id, email: `${id}@example.pl`, email_verified_at: verified ? createdAt : null, password_hash: null, display_name: id, locale: "pl", created_at: createdAt, deleted_at: null });

  beforeAll(async () => {
    r = await createTestDb({ seed: true, now: T0, phase: "submission" });
    files = mkdtempSync(join(tmpdir(), "bo-retention-"));
    const U = UNVERIFIED_ACCOUNT_DAYS * DAY;
    await r.db.insertInto("users").values([user("usr_unverified_old", ago(U + 1000), false), user("usr_unverified_new", ago(U - 1000), false), user("usr_verified_old", ago(U * 10), true)]).execute();
    await r.db.insertInto("outbox").values({ id: "mail_unverified", to_address: "usr_unverified_old@example.pl", subject: "Potwierdź adres", body_text: "…", created_at: ago(U + 1000) }).execute();
    const S = SESSION_MAX_DAYS * DAY;
    await r.db
      .insertInto("sessions")
      .values([
        { id: "s_expired", user_id: "usr_verified_old", created_at: ago(3600_000), expires_at: ago(1000) },
        { id: "s_too_old", user_id: "usr_verified_old", created_at: ago(S + 1000), expires_at: ago(-3600_000) },
        { id: "s_live", user_id: "usr_verified_old", created_at: ago(S - 1000), expires_at: ago(-3600_000) },
      ])
      .execute();
    const E = EMAIL_TOKEN_DAYS * DAY;
    await r.db
      .insertInto("email_tokens")
      .values([
        { id: "tok_old", user_id: "usr_verified_old", purpose: "reset_password", expires_at: ago(E + 1000), used_at: null, created_at: ago(E + 2000) },
        { id: "tok_recent", user_id: "usr_verified_old", purpose: "reset_password", expires_at: ago(E - 1000), used_at: ago(E), created_at: ago(E + 2000) },
      ])
      .execute();
    const O = OUTBOX_DAYS * DAY;
    await r.db
      .insertInto("outbox")
      .values([
        { id: "mail_old", to_address: "a@example.pl", subject: "Stara", body_text: "…", created_at: ago(O + 1000), sent_at: ago(O) },
        { id: "mail_recent", to_address: "a@example.pl", subject: "Nowsza", body_text: "…", created_at: ago(O - 1000), sent_at: ago(O - 1000) },
      ])
      .execute();
    // drafts: one untouched for just over DRAFT_MONTHS (with a file), one just under; an old submitted proposal
    const me: Actor = { id: "usr_demo_resident", roles: [] };
    for (const title of ["Stary szkic bez zgłoszenia", "Szkic wciąż w pracy", "Zgłoszony dawno temu"]) {
      const p = await saveProposal(r.db, me, await input({ title }), null, now());
      if (!p.ok) throw new Error(p.reason);
      (title === "Stary szkic bez zgłoszenia" ? ids.gone : ids.keep).push(p.id);
    }
    await r.db.updateTable("proposals").set({ updated_at: monthsAgo(DRAFT_MONTHS, 1000) }).where("id", "=", ids.gone[0]!).execute();
    await r.db.updateTable("proposals").set({ updated_at: monthsAgo(DRAFT_MONTHS, -1000) }).where("id", "=", ids.keep[0]!).execute();
    await r.db.updateTable("proposals").set({ updated_at: monthsAgo(DRAFT_MONTHS * 3, 0), status: "submitted", submitted_at: monthsAgo(DRAFT_MONTHS * 3, 0) }).where("id", "=", ids.keep[1]!).execute();
    writeFileSync(join(files, "0123456789abcdef0123456789abcdef"), "jpeg");
    await r.db.insertInto("attachments").values({ id: "att_old_draft", proposal_id: ids.gone[0]!, file_name: "a.jpg", content_type: "image/jpeg", size_bytes: 4, storage_key: "0123456789abcdef0123456789abcdef", uploaded_by: "usr_demo_resident", created_at: ago(DAY * 400) }).execute();
    // paper proposals' resident details: results published just over PAPER_CONTACT_MONTHS ago (go),
    // just under (stay), not yet published (stay); one proposal per pool
    const pools = await r.db.selectFrom("proposals as p").innerJoin("editions as e", "e.id", "p.edition_id").select(["p.id", "p.pool_id"]).where("e.status", "=", "active").where("p.status", "!=", "draft").orderBy("p.id").execute();
    const onePerPool = [...new Map(pools.map((p) => [p.pool_id, p])).values()].slice(0, 3);
    const tally = (poolId: string, publishedAt: string | null) => ({ pool_id: poolId, voters: 10, spent_grosze: 0, published_at: publishedAt, rule: null, lot_seed: null, ties_json: null, mes_json: null, counted_at: publishedAt, counted_by: null });
    await r.db.insertInto("pool_tallies").values([tally(onePerPool[0]!.pool_id, monthsAgo(PAPER_CONTACT_MONTHS, 1000)), tally(onePerPool[1]!.pool_id, monthsAgo(PAPER_CONTACT_MONTHS, -1000)), tally(onePerPool[2]!.pool_id, null)]).execute();
    await r.db
      .insertInto("paper_submissions")
      .values(onePerPool.map((p, i) => ({ proposal_id: p.id, resident_name: `Mieszkaniec ${i}`, resident_contact: `tel. 500 600 70${i}`, received_on: "2026-03-01", paper_signatures: 3, entered_by: null, created_at: ago(DAY * 500) })))
      .execute();
    paper.gone = onePerPool[0]!.id;
    paper.kept = [onePerPool[1]!.id, onePerPool[2]!.id];
    await insertAudit(r.db, { actorUserId: null, actorRole: "system", action: "test.audit_old", objectType: "x", objectId: "1" }, new Date(yearsAgo(AUDIT_YEARS, 1000)));
    await insertAudit(r.db, { actorUserId: null, actorRole: "system", action: "test.audit_recent", objectType: "x", objectId: "2" }, new Date(yearsAgo(AUDIT_YEARS, -1000)));
  });
  afterAll(async () => {
    await r?.cleanup();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  const input = (patch: Record<string, unknown>) =>
    benchesDraft(r.db, { summary: "Krótki opis projektu do testu.", description: "Dłuższy opis projektu, który jest potrzebny, aby przejść walidację formularza.", location: "Orłowo", beneficiaries: "Mieszkańcy", costItems: [{ label: "Prace", amount: "10 000" }], ...patch });

  it("deletes what is past its period and keeps what is just inside it", async () => {
    const before = await rowsNaming(r.db, ["usr_verified_old", "usr_unverified_new"]);
    const report = await runRetention(r.db, NOW, { dir: files });
    expect(report).toEqual({ unverifiedAccounts: 1, sessions: 2, emailTokens: 1, outbox: 1, drafts: 1, draftFiles: 1, paperContacts: 1, auditRows: 1, rateLimits: 0, archivedRegister: 0 });
    // the unverified account is erased like a deleted one (its mail with it, not counted above): nothing names it
    expect(await rowsNaming(r.db, ["usr_unverified_old"])).toEqual({});
    expect((await r.db.selectFrom("users").select("id").where("id", "in", ["usr_unverified_new", "usr_verified_old"]).execute()).map((u) => u.id).sort()).toEqual(["usr_unverified_new", "usr_verified_old"]);
    expect((await r.db.selectFrom("sessions").select("id").execute()).map((s) => s.id)).toEqual(["s_live"]);
    expect((await r.db.selectFrom("email_tokens").select("id").where("user_id", "=", "usr_verified_old").execute()).map((s) => s.id)).toEqual(["tok_recent"]);
    const mails = (await r.db.selectFrom("outbox").select("id").execute()).map((m) => m.id);
    expect(mails).toContain("mail_recent");
    expect(mails).not.toContain("mail_old");
    const proposals = (await r.db.selectFrom("proposals").select("id").where("id", "in", [...ids.keep, ...ids.gone]).execute()).map((p) => p.id).sort();
    expect(proposals).toEqual([...ids.keep].sort());
    expect(existsSync(join(files, "0123456789abcdef0123456789abcdef"))).toBe(false);
    // the paper proposal's resident details go, the proposal stays; the others' details stay
    expect((await r.db.selectFrom("paper_submissions").select("proposal_id").execute()).map((p) => p.proposal_id).sort()).toEqual([...paper.kept].sort());
    expect(await r.db.selectFrom("proposals").select("id").where("id", "=", paper.gone).execute()).toHaveLength(1);
    const actions = (await r.db.selectFrom("audit_log").select("action").where("action", "like", "test.%").execute()).map((a) => a.action);
    expect(actions).toEqual(["test.audit_recent"]);
    const run = await r.db.selectFrom("audit_log").select(["after_json", "actor_role"]).where("action", "=", "retention.run").executeTakeFirstOrThrow();
    expect(JSON.parse(run.after_json!)).toEqual(report);
    // the other people's rows are untouched (apart from the deleted sessions and token)
    const after = await rowsNaming(r.db, ["usr_verified_old", "usr_unverified_new"]);
    expect(after.users).toEqual(before.users);
    // a second run finds nothing more, and an empty run writes no audit row
    expect(await runRetention(r.db, NOW, { dir: files })).toEqual({ unverifiedAccounts: 0, sessions: 0, emailTokens: 0, outbox: 0, drafts: 0, draftFiles: 0, paperContacts: 0, auditRows: 0, rateLimits: 0, archivedRegister: 0 });
    expect(await r.db.selectFrom("audit_log").select("id").where("action", "=", "retention.run").execute()).toHaveLength(1);
  });

  it("the server's schedule runs the job on its timer (off under tests unless asked) and stops", async () => {
    // the schedule reads the real clock
    const old = new Date(Date.now() - (UNVERIFIED_ACCOUNT_DAYS + 1) * DAY).toISOString();
    await r.db.insertInto("users").values([user("usr_schedule_a", old, false)]).execute();
    const exists = async (id: string) => (await r.db.selectFrom("users").select("id").where("id", "=", id).execute()).length === 1;
    const noop = startRetentionSchedule(() => r.db, { firstAfterMs: 1 });
    await new Promise((done) => setTimeout(done, 100));
    noop();
    expect(await exists("usr_schedule_a")).toBe(true);
    const stop = startRetentionSchedule(() => r.db, { firstAfterMs: 1, force: true, dir: files });
    for (let i = 0; i < 50 && (await exists("usr_schedule_a")); i++) await new Promise((done) => setTimeout(done, 50));
    stop();
    expect(await exists("usr_schedule_a")).toBe(false);
  });
});
