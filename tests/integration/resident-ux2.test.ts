/**
 * Issue #16, second round, against a real migrated, seeded database: photos, files and co-authors
 * after "Zgłoś projekt" until verification starts (audited; refusals change nothing); the rejection
 * e-mail with the appeal deadline in Warsaw time.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAttachment, removeAttachment } from "~/services/attachments.server";
import { inviteCoauthor } from "~/services/coauthors.server";
import { decideProposal, saveProposal } from "~/services/proposals.server";
import { benchesDraft, author, neighbour, official, T0, VERIFICATION, APPEALS, ORIGIN } from "../support/workflow";
import { createTestDb, type TestDb } from "../support/db";
import { countEditionProposals, searchEditionProposals } from "~/data/project-search.server";

let clock = 0;
const now = () => new Date(T0.getTime() + ++clock * 1000);
const PNG = await sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 20, g: 120, b: 60 } } }).png().toBuffer();

let t: TestDb;
let dir: string;
let proposalId = "";

beforeAll(async () => {
  t = await createTestDb({ seed: true, now: T0, phase: "submission", stories: false });
  dir = mkdtempSync(join(tmpdir(), "bo-uploads-"));
  mkdirSync(join(dir, ".tmp"));
  const r = await saveProposal(t.db, author, await benchesDraft(t.db, { intent: "submit" }), null, now());
  if (!r.ok) throw new Error(r.reason);
  proposalId = r.id;
});
afterAll(async () => {
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function temp(content: Buffer): string {
  const path = join(dir, ".tmp", `upload-${++n}.part`);
  writeFileSync(path, content);
  return path;
}
const stored = () => readdirSync(dir).filter((f) => f !== ".tmp");
const temps = () => readdirSync(join(dir, ".tmp"));
const attachmentRows = () => t.db.selectFrom("attachments").select(["id", "description"]).where("proposal_id", "=", proposalId).execute();
const invitationRows = () => t.db.selectFrom("proposal_coauthors").select(["email"]).where("proposal_id", "=", proposalId).execute();
const auditRows = (action: string) => t.db.selectFrom("audit_log").select(["actor_user_id", "after_json", "before_json"]).where("action", "=", action).where("object_id", "=", proposalId).execute();
const setStatus = (status: string) => t.db.updateTable("proposals").set({ status }).where("id", "=", proposalId).execute();

describe("extras after submission, until verification starts", () => {
  it("the proposal is submitted, its text no longer editable", async () => {
    const p = await t.db.selectFrom("proposals").select("status").where("id", "=", proposalId).executeTakeFirstOrThrow();
    expect(p.status).toBe("submitted");
    expect(await saveProposal(t.db, author, await benchesDraft(t.db, { title: "Zmieniony po zgłoszeniu" }), proposalId, now())).toMatchObject({ ok: false });
  });

  it("the author adds a photo to the submitted proposal; audited with what was added", async () => {
    const r = await addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "molo.png", description: "Molo od strony plaży" }, { dir, now: now() });
    expect(r.ok).toBe(true);
    expect(await attachmentRows()).toHaveLength(1);
    expect(stored()).toHaveLength(1);
    const audits = await auditRows("proposal.attachment_add");
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_user_id).toBe(author.id);
    expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ contentType: "image/png" });
  });

  it("the author invites a co-author to the submitted proposal; a stranger cannot add files", async () => {
    const r = await inviteCoauthor(t.db, author, proposalId, "mieszkanka@demo.bo-gdynia.pl", ORIGIN, now());
    expect(r.ok).toBe(true);
    expect(await invitationRows()).toHaveLength(1);
    expect(await auditRows("proposal.coauthor_invite")).toHaveLength(1);
    const refused = await addAttachment(t.db, neighbour, { proposalId, tempPath: temp(PNG), originalName: "x.png", description: "Obcy plik" }, { dir, now: now() });
    expect(refused).toEqual({ ok: false, reason: "not_author" });
    expect(await attachmentRows()).toHaveLength(1);
    expect(temps()).toEqual([]);
  });

  it("a submitted proposal still waiting in the verification phase keeps its extras open", async () => {
    const r = await addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "druga.png", description: "Drugie zdjęcie molo" }, { dir, now: new Date(VERIFICATION.getTime() + 1000) });
    expect(r.ok).toBe(true);
    const [, second] = await attachmentRows();
    const removed = await removeAttachment(t.db, author, proposalId, second!.id, { dir, now: new Date(VERIFICATION.getTime() + 2000) });
    expect(removed).toEqual({ ok: true });
    expect(await auditRows("proposal.attachment_remove")).toHaveLength(1);
  });

  it("once verification starts, nothing more is added, removed or invited, and nothing changes", async () => {
    await setStatus("in_verification");
    const at = new Date(VERIFICATION.getTime() + 5000);
    const before = { files: stored(), rows: await attachmentRows(), invites: await invitationRows(), adds: (await auditRows("proposal.attachment_add")).length };
    expect(await addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "póżno.png", description: "Za późno" }, { dir, now: at })).toEqual({ ok: false, reason: "wrong_status" });
    expect(await removeAttachment(t.db, author, proposalId, before.rows[0]!.id, { dir, now: at })).toEqual({ ok: false, reason: "wrong_status" });
    expect(await inviteCoauthor(t.db, author, proposalId, "mieszkaniec01@demo.bo-gdynia.pl", ORIGIN, at)).toEqual({ ok: false, reason: "wrong_status" });
    expect({ files: stored(), rows: await attachmentRows(), invites: await invitationRows(), adds: (await auditRows("proposal.attachment_add")).length }).toEqual(before);
    expect(temps()).toEqual([]);
    await setStatus("submitted");
  });

  it("a submitted proposal past the verification phase is closed too", async () => {
    const r = await addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "x.png", description: "Po terminie" }, { dir, now: APPEALS });
    expect(r).toEqual({ ok: false, reason: "not_verification_phase" });
    expect(await attachmentRows()).toHaveLength(1);
  });
});

describe("the rejection e-mail states the appeal deadline", () => {
  it("gives the appeals phase of the edition in Warsaw time and links the appeal form", async () => {
    await t.db.updateTable("proposals").set({ support_count: 15 }).where("id", "=", proposalId).execute();
    const at = (s: number) => new Date(VERIFICATION.getTime() + 10_000 + s * 1000);
    expect(await decideProposal(t.db, official, proposalId, { intent: "start_verification" }, ORIGIN, at(1))).toMatchObject({ ok: true });
    expect(await decideProposal(t.db, official, proposalId, { intent: "formal_pass", met: ["complete", "location", "pool_caps", "support"] }, ORIGIN, at(2))).toMatchObject({ ok: true });
    expect(await decideProposal(t.db, official, proposalId, { intent: "merit_reject", reason: "Teren nie należy do miasta.", met: ["feasibility"] }, ORIGIN, at(3))).toMatchObject({ ok: true, status: "rejected" });
    const mail = await t.db.selectFrom("outbox").select(["body_text", "subject"]).where("to_address", "=", "mieszkaniec@demo.bo-gdynia.pl").orderBy("created_at", "desc").executeTakeFirstOrThrow();
    const appeals = await t.db.selectFrom("edition_phases").select(["starts_at", "ends_at"]).where("edition_id", "=", "ed_2026").where("phase", "=", "appeals").executeTakeFirstOrThrow();
    const fmt = (iso: string | Date) => new Intl.DateTimeFormat("pl-PL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Warsaw" }).format(new Date(iso));
    const last = new Date(new Date(appeals.ends_at).getTime() - 60_000);
    expect(mail.body_text).toContain("Teren nie należy do miasta.");
    expect(mail.body_text).toContain(`od ${fmt(appeals.starts_at)} do ${fmt(last)} (czasu polskiego)`);
    expect(mail.body_text).toContain(`${ORIGIN}/proposals/${proposalId}/appeal`);
    // the stated minutes are Warsaw's, not UTC's
    expect(fmt(last)).not.toBe(new Intl.DateTimeFormat("pl-PL", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(last));
  });
});

describe("the search across all proposals of the edition", () => {
  it("finds by title words, by number and in every programme; never drafts; a page at a time", async () => {
    const draft = await saveProposal(t.db, author, await benchesDraft(t.db, { title: "Szkic ławek przy plaży" }), null, now());
    if (!draft.ok) throw new Error(draft.reason);
    const all = await countEditionProposals(t.db, "ed_2026", undefined);
    const publicRows = await t.db
      .selectFrom("proposals as p")
      .innerJoin("pools as po", "po.id", "p.pool_id")
      .innerJoin("programmes as pr", "pr.id", "po.programme_id")
      .select("p.id")
      .where("pr.edition_id", "=", "ed_2026")
      .where("p.status", "<>", "draft")
      .execute();
    expect(all).toBe(publicRows.length);
    const words = await searchEditionProposals(t.db, "ed_2026", "ŁAWKI nad", { limit: 50, offset: 0 });
    expect(words.map((h) => h.id)).toContain(proposalId);
    expect(words.map((h) => h.id)).not.toContain(draft.id);
    const { number } = await t.db.selectFrom("proposals").select("number").where("id", "=", proposalId).executeTakeFirstOrThrow();
    expect((await searchEditionProposals(t.db, "ed_2026", number, { limit: 50, offset: 0 })).map((h) => h.id)).toEqual([proposalId]);
    expect(new Set((await searchEditionProposals(t.db, "ed_2026", undefined, { limit: 1000, offset: 0 })).map((h) => h.programmeKind))).toEqual(new Set(["bo", "youth", "children"]));
    const first = await searchEditionProposals(t.db, "ed_2026", undefined, { limit: 5, offset: 0 });
    const second = await searchEditionProposals(t.db, "ed_2026", undefined, { limit: 5, offset: 5 });
    expect(first).toHaveLength(5);
    expect(second.filter((h) => first.some((f) => f.id === h.id))).toEqual([]);
    expect(await countEditionProposals(t.db, "ed_2026", "100%_zzz")).toBe(0);
  });
});
