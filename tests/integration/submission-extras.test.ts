/**
 * Attachments, co-authors and paper entries against a real migrated, seeded SQLite database and a
 * real upload folder: what is stored, what is refused, and that a refusal changes nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listVersions } from "~/data/proposal-versions.server";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { MAX_ATTACHMENT_BYTES } from "~/domain/attachments";
import type { Actor } from "~/domain/permissions";
import { PaperEntrySchema } from "~/domain/paper-proposals";
import { benchesDraft } from "../support/workflow";
import { addAttachment, removeAttachment, serveAttachment } from "~/services/attachments.server";
import { MalformedUploadError, parseUpload, sweepTemporaryFiles } from "~/http/upload.server";
import { answerCoauthorInvitation, editAccess, inviteCoauthor, removeCoauthor, saveAsCoauthor, withdrawInvitation } from "~/services/coauthors.server";
import { enterPaperProposal } from "~/services/paper-proposals.server";
import { saveProposal } from "~/services/proposals.server";
import { createTestDb, onPostgres, type TestDb } from "../support/db";

const T0 = new Date("2026-03-10T10:00:00Z");
let clock = 0;
const now = () => new Date(T0.getTime() + ++clock * 1000);
const ORIGIN = "https://bo.example";

const author: Actor = { id: "usr_demo_resident", roles: [] };
const neighbour: Actor = { id: "usr_demo_resident2", roles: [] }; // mieszkanka@demo.bo-gdynia.pl
const stranger: Actor = { id: "usr_demo_supporter_01", roles: [] }; // mieszkaniec01@demo.bo-gdynia.pl
const official: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };

// a real picture: uploads are decoded (and written again without metadata)
const PNG = await sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 20, g: 120, b: 60 } } }).png().toBuffer();
/** A phone photo: EXIF with the author's name, camera and GPS position, taken rotated (orientation 6). */
const PHOTO = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } })
  .jpeg()
  .withExif({ IFD0: { Artist: "Jan Kowalski", Make: "PhoneCo" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "54/1 31/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 32/1 0/1" } })
  .withMetadata({ orientation: 6 })
  .toBuffer();
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

let t: TestDb;
let dir: string;
let proposalId = "";

beforeAll(async () => {
  t = await createTestDb({ seed: true, now: T0, phase: "submission" });
  dir = mkdtempSync(join(tmpdir(), "bo-uploads-"));
  mkdirSync(join(dir, ".tmp"));
  const r = await saveProposal(t.db, author, await input(), null, now());
  if (!r.ok) throw new Error(r.reason);
  proposalId = r.id;
});
afterAll(async () => {
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const input = (patch: Record<string, unknown> = {}) => benchesDraft(t.db, patch);

let n = 0;
function temp(content: Buffer): string {
  const path = join(dir, ".tmp", `upload-${++n}.part`);
  writeFileSync(path, content);
  return path;
}
const stored = () => readdirSync(dir).filter((f) => f !== ".tmp");
const temps = () => readdirSync(join(dir, ".tmp"));
const rows = async (id = proposalId) => t.db.selectFrom("attachments").selectAll().where("proposal_id", "=", id).orderBy("created_at").execute();
const audits = async (action: string) => Number((await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).where("action", "=", action).executeTakeFirstOrThrow()).n);

describe("attachments", () => {
  it("stores a PNG under a random key with its row, and the temporary file is gone", async () => {
    const r = await addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "../plac zabaw.png", description: "Plac zabaw od strony ulicy" }, { dir, now: now() });
    expect(r.ok).toBe(true);
    const [row] = await rows();
    expect(row).toMatchObject({ file_name: "plac zabaw.png", content_type: "image/png", description: "Plac zabaw od strony ulicy", uploaded_by: author.id });
    expect(row!.storage_key).toMatch(/^[a-f0-9]{32}$/);
    expect(row!.size_bytes).toBe(statSync(join(dir, row!.storage_key)).size);
    expect(stored()).toEqual([row!.storage_key]);
    expect(temps()).toEqual([]);
    expect(await audits("proposal.attachment_add")).toBe(1);
  });

  it("stores a photo without its EXIF (GPS, name, camera), turned upright", async () => {
    const before = await sharp(PHOTO).metadata();
    // the test photo really carries what must go: a GPS IFD pointer (tag 0x8825), the name, the rotation
    expect(before.exif!.includes(Buffer.from([0x88, 0x25])) || before.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(PHOTO.includes("Jan Kowalski")).toBe(true);
    expect(before).toMatchObject({ width: 40, height: 20, orientation: 6 });
    const r = await addAttachment(t.db, author, { proposalId, tempPath: temp(PHOTO), originalName: "molo.jpg", description: "Molo w Orłowie z telefonu" }, { dir, now: now() });
    if (!r.ok) throw new Error(r.reason);
    const row = await t.db.selectFrom("attachments").selectAll().where("id", "=", r.id).executeTakeFirstOrThrow();
    const file = readFileSync(join(dir, row.storage_key));
    const after = await sharp(file).metadata();
    expect(after).toMatchObject({ format: "jpeg", width: 20, height: 40 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(file.includes("Jan Kowalski")).toBe(false);
    expect(file.includes("PhoneCo")).toBe(false);
    expect(row.size_bytes).toBe(file.length);
    expect(temps()).toEqual([]);
    // back to one file and no removal audited, as the tests below expect
    await t.db.deleteFrom("attachments").where("id", "=", r.id).execute();
    rmSync(join(dir, row.storage_key));
  });

  it("refuses a file that starts like a PNG but does not decode", async () => {
    const r = await addAttachment(t.db, author, { proposalId, tempPath: temp(Buffer.concat([PNG.subarray(0, 16), Buffer.from("not really")])), originalName: "x.png", description: "Zepsuty obrazek" }, { dir, now: now() });
    expect(r).toEqual({ ok: false, reason: "attachment_wrong_type" });
    expect(temps()).toEqual([]);
    expect(stored()).toHaveLength(1);
  });

  it("types a PDF by its bytes even when the name says .png", async () => {
    const r = await addAttachment(t.db, author, { proposalId, tempPath: temp(PDF), originalName: "kosztorys.png", description: "Kosztorys od producenta ławek" }, { dir, now: now() });
    expect(r.ok).toBe(true);
    const row = (await rows()).at(-1)!;
    expect(row.content_type).toBe("application/pdf");
    expect(row.file_name).toBe("kosztorys.pdf");
  });

  it("refuses a text file named .png, a file over the limit and a missing file — nothing stored", async () => {
    const before = { rows: (await rows()).length, files: stored().sort() };
    const fake = await addAttachment(t.db, author, { proposalId, tempPath: temp(Buffer.from("I am plain text, not a picture")), originalName: "fake.png", description: "Udawany obrazek" }, { dir, now: now() });
    expect(fake).toEqual({ ok: false, reason: "attachment_wrong_type" });
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    PNG.copy(big);
    const tooBig = await addAttachment(t.db, author, { proposalId, tempPath: temp(big), originalName: "big.png", description: "Bardzo duże zdjęcie" }, { dir, now: now() });
    expect(tooBig).toEqual({ ok: false, reason: "attachment_too_big" });
    const cut = await addAttachment(t.db, author, { proposalId, tempPath: null, tooBig: true, originalName: "big.png", description: "Ucięte w locie" }, { dir, now: now() });
    expect(cut).toEqual({ ok: false, reason: "attachment_too_big" });
    const none = await addAttachment(t.db, author, { proposalId, tempPath: null, originalName: "", description: "Bez pliku" }, { dir, now: now() });
    expect(none).toEqual({ ok: false, reason: "attachment_missing" });
    const script = await addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "x.png", description: "<script>alert(1)</script>" }, { dir, now: now() });
    expect(script).toEqual({ ok: false, reason: "description_invalid" });
    expect((await rows()).length).toBe(before.rows);
    expect(stored().sort()).toEqual(before.files);
    expect(temps()).toEqual([]);
  });

  it("refuses someone who is neither author nor co-author, and changes nothing", async () => {
    const before = (await rows()).length;
    const r = await addAttachment(t.db, stranger, { proposalId, tempPath: temp(PNG), originalName: "x.png", description: "Cudze zdjęcie" }, { dir, now: now() });
    expect(r).toEqual({ ok: false, reason: "not_author" });
    expect((await rows()).length).toBe(before);
    expect(temps()).toEqual([]);
  });

  it("leaves no file when the database write fails", async () => {
    const before = { rows: (await rows()).length, files: stored().sort() };
    // a trigger makes the insert fail the way a full disk or a lost connection would
    if (onPostgres) {
      await sql`create function attachments_fail() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(t.db);
      await sql`create trigger attachments_fail before insert on attachments for each row execute function attachments_fail()`.execute(t.db);
    } else {
      await sql`create trigger attachments_fail before insert on attachments begin select raise(abort, 'disk full'); end`.execute(t.db);
    }
    try {
      await expect(addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "x.png", description: "Zdjęcie, którego nie zapiszemy" }, { dir, now: now() })).rejects.toThrow(/disk full/);
    } finally {
      await sql`drop trigger attachments_fail${onPostgres ? sql` on attachments` : sql``}`.execute(t.db);
      if (onPostgres) await sql`drop function attachments_fail()`.execute(t.db);
    }
    expect((await rows()).length).toBe(before.rows);
    expect(stored().sort()).toEqual(before.files);
    expect(temps()).toEqual([]);
  });

  it("leaves no row when the file cannot be moved into place", async () => {
    const before = (await rows()).length;
    await expect(addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "x.png", description: "Zdjęcie bez miejsca na dysku" }, { dir: join(dir, "missing-folder"), now: now() })).rejects.toThrow();
    expect((await rows()).length).toBe(before);
    expect(temps()).toEqual([]);
  });

  it("stops at 5 files", async () => {
    for (let i = (await rows()).length; i < 5; i++) {
      expect((await addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: `z${i}.png`, description: `Zdjęcie numer ${i}` }, { dir, now: now() })).ok).toBe(true);
    }
    const sixth = await addAttachment(t.db, author, { proposalId, tempPath: temp(PNG), originalName: "z6.png", description: "Szóste zdjęcie" }, { dir, now: now() });
    expect(sixth).toEqual({ ok: false, reason: "attachment_too_many" });
    expect((await rows()).length).toBe(5);
    expect(stored().length).toBe(5);
  });

  it("serves a draft's file only to its author and officials, with safe headers", async () => {
    const [png] = await rows();
    expect(await serveAttachment(t.db, null, png!.id, dir)).toBeNull();
    expect(await serveAttachment(t.db, stranger, png!.id, dir)).toBeNull();
    expect(await serveAttachment(t.db, official, png!.id, dir)).not.toBeNull();
    const file = await serveAttachment(t.db, author, png!.id, dir);
    expect(await sharp(file!.body).metadata()).toMatchObject({ format: "png", width: 8, height: 6 });
    expect(file!.headers).toMatchObject({
      "Content-Type": "image/png",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=300",
    });
    expect(file!.headers["Content-Disposition"]).toBe(`inline; filename="plac zabaw.png"; filename*=UTF-8''plac%20zabaw.png`);
    const pdf = (await rows()).find((r) => r.content_type === "application/pdf")!;
    expect((await serveAttachment(t.db, author, pdf.id, dir))!.headers["Content-Disposition"]).toMatch(/^attachment; /);
  });

  it("the author removes a file: row and file gone; a stranger cannot", async () => {
    const [first] = await rows();
    expect(await removeAttachment(t.db, stranger, proposalId, first!.id, { dir, now: now() })).toEqual({ ok: false, reason: "not_author" });
    expect(existsSync(join(dir, first!.storage_key))).toBe(true);
    expect(await removeAttachment(t.db, author, proposalId, first!.id, { dir, now: now() })).toEqual({ ok: true });
    expect((await rows()).some((r) => r.id === first!.id)).toBe(false);
    expect(existsSync(join(dir, first!.storage_key))).toBe(false);
    expect(await audits("proposal.attachment_remove")).toBe(1);
  });

  it("parseUpload streams the file part to a temporary file and cuts an oversized one", async () => {
    const form = new FormData();
    form.append("description", "Zdjęcie z formularza");
    form.append("file", new Blob([new Uint8Array(PNG)], { type: "text/plain" }), "z formularza.png");
    const parsed = await parseUpload(new Request("http://x/upload", { method: "POST", body: form }), dir);
    expect(parsed).toMatchObject({ sizeBytes: PNG.length, tooBig: false, originalName: "z formularza.png", fields: { description: "Zdjęcie z formularza" } });
    expect(existsSync(parsed.tempPath!)).toBe(true);
    rmSync(parsed.tempPath!);

    const big = new FormData();
    big.append("file", new Blob([Buffer.alloc(MAX_ATTACHMENT_BYTES + 10)]), "big.png");
    const cut = await parseUpload(new Request("http://x/upload", { method: "POST", body: big }), dir);
    expect(cut.tooBig).toBe(true);
    expect(cut.tempPath).toBeNull();
    expect(temps()).toEqual([]);

    // a body cut off mid-part is a bad request, not a server error, and leaves no file behind
    const broken = new Request("http://x/upload", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG half a fi',
    });
    await expect(parseUpload(broken, dir)).rejects.toBeInstanceOf(MalformedUploadError);
    expect(temps()).toEqual([]);
  });
});

describe("temporary files", () => {
  it("left over from a broken upload are swept after an hour, fresh ones kept", async () => {
    const old = join(dir, ".tmp", "0123456789abcdef0123456789abcdef.part");
    const fresh = join(dir, ".tmp", "fedcba9876543210fedcba9876543210.part");
    writeFileSync(old, "half an upload");
    writeFileSync(fresh, "an upload in progress");
    utimesSync(old, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    expect(await sweepTemporaryFiles(dir, Date.now(), true)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    rmSync(fresh);
  });
});

describe("co-authors", () => {
  let token = "";
  const mails = (to: string) => t.db.selectFrom("outbox").select(["subject", "body_text"]).where("to_address", "=", to).execute();

  it("the author invites by e-mail: one outbox mail with a single-use link (only its hash stored)", async () => {
    const r = await inviteCoauthor(t.db, author, proposalId, "mieszkanka@demo.bo-gdynia.pl", ORIGIN, now());
    if (!r.ok) throw new Error(r.reason);
    token = r.token;
    const [mail] = await mails("mieszkanka@demo.bo-gdynia.pl");
    expect(mail!.body_text).toContain(`${ORIGIN}/invitations/${token}`);
    const row = await t.db.selectFrom("proposal_coauthors").selectAll().where("proposal_id", "=", proposalId).executeTakeFirstOrThrow();
    expect(row.token_hash).not.toBe(token);
    expect(row.accepted_at).toBeNull();
    expect(await inviteCoauthor(t.db, author, proposalId, "mieszkanka@demo.bo-gdynia.pl", ORIGIN, now())).toEqual({ ok: false, reason: "coauthor_exists" });
    expect(await inviteCoauthor(t.db, author, proposalId, "mieszkaniec@demo.bo-gdynia.pl", ORIGIN, now())).toEqual({ ok: false, reason: "coauthor_self" });
    expect(await inviteCoauthor(t.db, neighbour, proposalId, "mieszkaniec02@demo.bo-gdynia.pl", ORIGIN, now())).toEqual({ ok: false, reason: "not_author" });
  });

  it("before accepting, the invitee cannot edit; someone else's account cannot accept", async () => {
    const before = await getWorkflowProposal(t.db, proposalId);
    expect(await saveAsCoauthor(t.db, neighbour, await input({ title: "Przejęty tytuł projektu" }), proposalId, now())).toEqual({ ok: false, reason: "not_author" });
    expect((await getWorkflowProposal(t.db, proposalId))!.title).toBe(before!.title);
    expect(await answerCoauthorInvitation(t.db, stranger, token, true, ORIGIN, now())).toEqual({ ok: false, reason: "invitation_other_email" });
  });

  it("the invitee accepts once; the author is told; the link is used up", async () => {
    expect(await answerCoauthorInvitation(t.db, neighbour, token, true, ORIGIN, now())).toEqual({ ok: true, proposalId });
    expect((await mails("mieszkaniec@demo.bo-gdynia.pl")).some((m) => m.subject.includes("przyjęte"))).toBe(true);
    expect(await answerCoauthorInvitation(t.db, neighbour, token, true, ORIGIN, now())).toEqual({ ok: false, reason: "invitation_invalid" });
    expect(await audits("proposal.coauthor_accept")).toBe(1);
    expect((await editAccess(t.db, neighbour, proposalId, now())).ok).toBe(true);
  });

  it("the co-author edits like the author (a version, an audit row naming them); a stranger still cannot", async () => {
    const versions = (await listVersions(t.db, proposalId)).length;
    const r = await saveAsCoauthor(t.db, neighbour, await input({ title: "Ławki i kosze przy molo" }), proposalId, now());
    expect(r).toEqual({ ok: true, id: proposalId, status: "draft" });
    expect((await getWorkflowProposal(t.db, proposalId))!.title).toBe("Ławki i kosze przy molo");
    expect((await listVersions(t.db, proposalId)).length).toBe(versions + 1);
    const audit = await t.db.selectFrom("audit_log").select(["actor_user_id", "after_json"]).where("action", "=", "proposal.edit").where("object_id", "=", proposalId).orderBy("at", "desc").executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(neighbour.id);
    expect(JSON.parse(audit.after_json!)).toMatchObject({ editedAs: "coauthor" });

    expect(await saveAsCoauthor(t.db, stranger, await input({ title: "Cudza zmiana tytułu" }), proposalId, now())).toEqual({ ok: false, reason: "not_author" });
    expect(await saveProposal(t.db, stranger, await input({ title: "Cudza zmiana tytułu" }), proposalId, now())).toEqual({ ok: false, reason: "not_author" });
    expect((await getWorkflowProposal(t.db, proposalId))!.title).toBe("Ławki i kosze przy molo");
    // and the co-author may add a file
    await removeAttachment(t.db, author, proposalId, (await rows())[0]!.id, { dir, now: now() });
    expect((await addAttachment(t.db, neighbour, { proposalId, tempPath: temp(PNG), originalName: "od współautorki.png", description: "Zdjęcie od współautorki" }, { dir, now: now() })).ok).toBe(true);
  });

  it("an invitation can be declined (and the author told), then sent again", async () => {
    const r = await inviteCoauthor(t.db, author, proposalId, "mieszkaniec01@demo.bo-gdynia.pl", ORIGIN, now());
    if (!r.ok) throw new Error(r.reason);
    expect(await answerCoauthorInvitation(t.db, stranger, r.token, false, ORIGIN, now())).toEqual({ ok: true, proposalId });
    const row = await t.db.selectFrom("proposal_coauthors").selectAll().where("email", "=", "mieszkaniec01@demo.bo-gdynia.pl").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: null, accepted_at: null, token_hash: null });
    expect(row.declined_at).not.toBeNull();
    expect((await editAccess(t.db, stranger, proposalId, now())).ok).toBe(false);
    expect((await inviteCoauthor(t.db, author, proposalId, "mieszkaniec01@demo.bo-gdynia.pl", ORIGIN, now())).ok).toBe(true);
  });

  it("the author withdraws a pending invitation; its link stops working; others cannot withdraw", async () => {
    const r = await inviteCoauthor(t.db, author, proposalId, "mieszkaniec02@demo.bo-gdynia.pl", ORIGIN, now());
    if (!r.ok) throw new Error(r.reason);
    expect(await withdrawInvitation(t.db, neighbour, proposalId, "mieszkaniec02@demo.bo-gdynia.pl", now())).toEqual({ ok: false, reason: "not_author" });
    expect(await withdrawInvitation(t.db, author, proposalId, "mieszkaniec02@demo.bo-gdynia.pl", now())).toEqual({ ok: true });
    expect(await withdrawInvitation(t.db, author, proposalId, "mieszkaniec02@demo.bo-gdynia.pl", now())).toEqual({ ok: false, reason: "invitation_not_pending" });
    // an accepted co-author is not "withdrawn" this way
    expect(await withdrawInvitation(t.db, author, proposalId, "mieszkanka@demo.bo-gdynia.pl", now())).toEqual({ ok: false, reason: "invitation_not_pending" });
    const supporter2: Actor = { id: "usr_demo_supporter_02", roles: [] };
    expect(await answerCoauthorInvitation(t.db, supporter2, r.token, true, ORIGIN, now())).toEqual({ ok: false, reason: "invitation_invalid" });
  });

  it("caps co-authors at 5 and invitation mails per proposal at 20", async () => {
    // mieszkanka accepted, mieszkaniec01 invited again: two taken; three more fit
    for (const n of ["03", "04", "05"]) expect((await inviteCoauthor(t.db, author, proposalId, `mieszkaniec${n}@demo.bo-gdynia.pl`, ORIGIN, now())).ok).toBe(true);
    expect(await inviteCoauthor(t.db, author, proposalId, "mieszkaniec06@demo.bo-gdynia.pl", ORIGIN, now())).toEqual({ ok: false, reason: "coauthor_limit" });
    // withdrawing and inviting again over and over stops at 20 mails in all
    let sent = await audits("proposal.coauthor_invite");
    let last: Awaited<ReturnType<typeof inviteCoauthor>> = { ok: true, token: "" };
    for (let i = 0; i < 25 && last.ok; i++) {
      expect((await withdrawInvitation(t.db, author, proposalId, "mieszkaniec05@demo.bo-gdynia.pl", now())).ok).toBe(true);
      last = await inviteCoauthor(t.db, author, proposalId, "mieszkaniec05@demo.bo-gdynia.pl", ORIGIN, now());
      if (last.ok) sent++;
    }
    expect(last).toEqual({ ok: false, reason: "invitations_exhausted" });
    expect(sent).toBe(20);
  });

  it("the author removes an accepted co-author, who can no longer edit; nobody else can remove", async () => {
    const coauthorRows = async () => (await t.db.selectFrom("proposal_coauthors").select(["email", "accepted_at"]).where("proposal_id", "=", proposalId).execute()).map((r) => r.email).sort();
    const before = await coauthorRows();
    expect(before).toContain("mieszkanka@demo.bo-gdynia.pl");
    expect(await removeCoauthor(t.db, neighbour, proposalId, "mieszkanka@demo.bo-gdynia.pl", now())).toEqual({ ok: false, reason: "not_author" });
    expect(await removeCoauthor(t.db, stranger, proposalId, "mieszkanka@demo.bo-gdynia.pl", now())).toEqual({ ok: false, reason: "not_author" });
    // a pending invitation is withdrawn, not removed
    expect(await removeCoauthor(t.db, author, proposalId, "mieszkaniec03@demo.bo-gdynia.pl", now())).toEqual({ ok: false, reason: "coauthor_missing" });
    expect(await coauthorRows()).toEqual(before);
    const audited = await audits("proposal.coauthor_remove");
    expect(await removeCoauthor(t.db, author, proposalId, "mieszkanka@demo.bo-gdynia.pl", now())).toEqual({ ok: true });
    expect(await coauthorRows()).toEqual(before.filter((e) => e !== "mieszkanka@demo.bo-gdynia.pl"));
    expect(await audits("proposal.coauthor_remove")).toBe(audited + 1);
    expect(await saveAsCoauthor(t.db, neighbour, await input({ title: "Zmiana po usunięciu" }), proposalId, now())).toEqual({ ok: false, reason: "not_author" });
  });
});

describe("paper proposals entered by officials", () => {
  const paper = PaperEntrySchema.parse({ channel: "paper", residentName: "Halina Nowak", residentContact: "ul. Morska 1, 81-001 Gdynia", receivedOn: "2026-03-09", paperSignatures: "16" });
  const count = async () => Number((await t.db.selectFrom("proposals").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  it("records the proposal as submitted, with its channel, who entered it and the paper support", async () => {
    const r = await enterPaperProposal(t.db, official, await input({ title: "Siłownia plenerowa na Witominie" }), paper, now());
    if (!r.ok) throw new Error(r.reason);
    expect(r.number).toBe("2026/P/1");
    const p = await t.db.selectFrom("proposals").selectAll().where("id", "=", r.id).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ status: "submitted", channel: "paper", entered_by_user_id: official.id, author_user_id: null, support_count: 16 });
    expect(p.submitted_at).not.toBeNull();
    const s = await t.db.selectFrom("paper_submissions").selectAll().where("proposal_id", "=", r.id).executeTakeFirstOrThrow();
    expect(s).toMatchObject({ resident_name: "Halina Nowak", resident_contact: "ul. Morska 1, 81-001 Gdynia", received_on: "2026-03-09", paper_signatures: 16, entered_by: official.id });
    const audit = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "proposal.enter_paper").where("object_id", "=", r.id).executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(official.id);
    expect(JSON.parse(audit.after_json!)).toMatchObject({ channel: "paper", paperSignatures: 16, status: "submitted" });
    // the resident's personal data stays out of the audit log
    expect(audit.after_json).not.toContain("Halina");
    expect(audit.after_json).not.toContain("Morska");
    const decision = await t.db.selectFrom("proposal_decisions").selectAll().where("proposal_id", "=", r.id).executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ action: "submit", to_status: "submitted", actor_role: "official" });
  });

  it("refuses a resident, a date in the future and a cost over the cap — nothing written", async () => {
    const before = await count();
    expect(await enterPaperProposal(t.db, author, await input(), paper, now())).toEqual({ ok: false, reason: "not_allowed" });
    expect(await enterPaperProposal(t.db, official, await input(), { ...paper, receivedOn: "2026-03-11" }, now())).toEqual({ ok: false, reason: "received_in_future" });
    const over = await enterPaperProposal(t.db, official, { ...(await input()), costItems: [{ label: "Za dużo", amountGrosze: 99_000_000_00 }] }, paper, now());
    expect(over.ok).toBe(false);
    expect(await count()).toBe(before);
    expect(Number((await t.db.selectFrom("paper_submissions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n)).toBe(1);
  });

  it("when changes are asked for, an official revises it on the resident's behalf; residents cannot", async () => {
    const r = await enterPaperProposal(t.db, official, await input({ title: "Stojaki rowerowe przy szkole" }), paper, now());
    if (!r.ok) throw new Error(r.reason);
    // an official asked for changes (as the review page does)
    await t.db.updateTable("proposals").set({ status: "needs_changes", changes_requested_by: "official" }).where("id", "=", r.id).execute();
    const revised = await input({ intent: "submit", title: "Stojaki rowerowe i wiata przy szkole" });
    expect(await saveProposal(t.db, neighbour, revised, r.id, now())).toMatchObject({ ok: false });
    expect((await t.db.selectFrom("proposals").select("title").where("id", "=", r.id).executeTakeFirstOrThrow()).title).toBe("Stojaki rowerowe przy szkole");
    const saved = await saveProposal(t.db, official, revised, r.id, now());
    expect(saved).toMatchObject({ ok: true, id: r.id });
    const p = await t.db.selectFrom("proposals").select(["title", "status", "author_user_id"]).where("id", "=", r.id).executeTakeFirstOrThrow();
    expect(p).toMatchObject({ title: "Stojaki rowerowe i wiata przy szkole", author_user_id: null });
    expect(p.status).not.toBe("needs_changes");
    const audit = await t.db.selectFrom("audit_log").selectAll().where("object_id", "=", r.id).where("actor_user_id", "=", official.id).orderBy("at", "desc").executeTakeFirstOrThrow();
    expect(audit.actor_role).toBe("official");
    expect(JSON.parse(audit.after_json!)).toMatchObject({ editedAs: "on_behalf" });
    // an online proposal is not the officials' to rewrite
    expect(await saveProposal(t.db, official, await input({ title: "Przejęty cudzy projekt" }), proposalId, now())).toMatchObject({ ok: false });
  });
});
