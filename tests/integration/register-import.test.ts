/**
 * The register belongs to an edition (#13): preview, apply (replacing the previous import),
 * declarations kept, people who voted kept marked, identification per edition, refusals that
 * change nothing, and the retention job emptying an archived edition's register.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearCatalogueCache, getVotingProgramme, loadCatalogue, type VotingProgramme } from "~/data/ballots.server";
import { listRegisterImports } from "~/data/register-imports.server";
import { createBackoff, type Backoff } from "~/auth/rate-limit.server";
import { makePesel } from "~/domain/voting";
import type { Actor } from "~/domain/permissions";
import { applyRegisterImport, previewRegisterImport } from "~/services/register-import.server";
import { addDeclaration, importRegister } from "~/services/register.server";
import { runRetention } from "~/services/retention.server";
import { castBallot, identifyDeclaration, identifyVoter } from "~/services/voting.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
const OFFICIAL: Actor = { id: "usr_demo_official", roles: [{ role: "official", scope: "*" }] };
const NOW = new Date();
const DRAFT = "ed_2099";
let bo: VotingProgramme;
let guard: Backoff;

const person = (serial: number, parentFirstName = "Jadwiga") => ({ pesel: makePesel({ year: 1960 + (serial % 30), month: 1 + (serial % 12), day: 1 + (serial % 28) }, serial, "female"), parentFirstName });
const A = person(301);
const B = person(302);
const C = person(303);
const D = person(304);
/** A's PESEL with its last (check) digit changed. */
const badChecksum = A.pesel.slice(0, 10) + String((Number(A.pesel[10]) + 1) % 10);

const csv = (...rows: string[]) => ["pesel;parent_first_name;district", ...rows].join("\n");
const file = (text: string, name = "rejestr.csv") => ({ name, bytes: new TextEncoder().encode(text) });
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
const row = (p: { pesel: string; parentFirstName: string }, district: string) => `${p.pesel};${p.parentFirstName};${district}`;

/** Everything an import writes, to show a refusal wrote nothing. */
async function snapshot() {
  const voters = await t.db.selectFrom("voters").selectAll().orderBy("id").execute();
  const imports = await t.db.selectFrom("register_imports").selectAll().orderBy("id").execute();
  const guardianships = await t.db.selectFrom("guardianships").selectAll().orderBy("child_voter_id").orderBy("guardian_hash").execute();
  const audit = await t.db.selectFrom("audit_log").select("id").where("action", "=", "register.import").execute();
  return { voters, imports, guardianships, audit: audit.length };
}
const inEdition = async (editionId: string) => t.db.selectFrom("voters").selectAll().where("edition_id", "=", editionId).execute();

async function apply(editionId: string, text: string) {
  const r = await applyRegisterImport(t.db, editionId, file(text), sha(text), OFFICIAL, NOW);
  if (!r.ok) throw new Error(r.reason);
  return r;
}

beforeAll(async () => {
  clearCatalogueCache();
  t = await createTestDb({ seed: true, now: NOW, phase: "voting" });
  bo = (await getVotingProgramme(t.db, "bo"))!;
  await t.db.insertInto("editions").values({ id: DRAFT, year: 2099, status: "draft", source: null, created_at: NOW.toISOString() }).execute();
});
afterAll(async () => t.cleanup());
beforeEach(() => {
  guard = createBackoff(`test_${Math.random()}`, undefined, () => ({ kind: "memory" }));
});

describe("importing into a draft edition", () => {
  const first = csv(row(A, "Orłowo"), row(B, "Oksywie"), row(C, "Chylonia"), `${badChecksum};Jadwiga;Orłowo`, row(D, "Nigdzie"));

  it("the migration gave the demo register its edition", async () => {
    const active = await t.db.selectFrom("voters").select("edition_id").distinct().execute();
    expect(active.map((r) => r.edition_id)).toEqual([bo.editionId]);
  });

  it("previews the changes with row numbers, masked identifiers and reasons, and writes nothing", async () => {
    const before = await snapshot();
    const p = await previewRegisterImport(t.db, DRAFT, file(first), OFFICIAL, NOW);
    if (!p.ok) throw new Error(p.reason);
    expect(p.counts).toEqual({ rowsTotal: 5, added: 3, removed: 0, moved: 0, unchanged: 0, invalid: 2 });
    expect(p.invalid).toEqual([
      { line: 5, masked: `${A.pesel.slice(0, 6)}*****`, reason: "register_pesel_invalid" },
      { line: 6, masked: `${D.pesel.slice(0, 6)}*****`, reason: "register_district_unknown" },
    ]);
    expect(p.added.map((a) => [a.line, a.district])).toEqual([
      [2, "Orłowo"],
      [3, "Oksywie"],
      [4, "Chylonia"],
    ]);
    expect(p.fingerprint).toBe(sha(first));
    // no PESEL in clear anywhere in what the page gets
    const shown = JSON.stringify(p);
    for (const x of [A, B, C, D]) expect(shown).not.toContain(x.pesel);
    expect(shown).not.toContain(badChecksum);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses another file than the previewed one, changing nothing", async () => {
    const before = await snapshot();
    expect(await applyRegisterImport(t.db, DRAFT, file(first), sha(first + "\n"), OFFICIAL, NOW)).toEqual({ ok: false, reason: "file_changed" });
    expect(await snapshot()).toEqual(before);
  });

  it("a file whose one row has a bad PESEL checksum changes nothing", async () => {
    const before = await snapshot();
    const only = csv(`${badChecksum};Jadwiga;Orłowo`);
    const p = await previewRegisterImport(t.db, DRAFT, file(only), OFFICIAL, NOW);
    expect(p).toMatchObject({ ok: true, counts: { invalid: 1, added: 0 }, invalid: [{ line: 2, reason: "register_pesel_invalid" }] });
    expect(await applyRegisterImport(t.db, DRAFT, file(only), sha(only), OFFICIAL, NOW)).toEqual({ ok: false, reason: "file_no_valid_rows" });
    expect(await snapshot()).toEqual(before);
  });

  it("applies: the valid rows become the edition's register, recorded and audited; the bad row adds no one", async () => {
    const r = await apply(DRAFT, first);
    expect(r.counts).toEqual({ rowsTotal: 5, added: 3, removed: 0, moved: 0, unchanged: 0, invalid: 2 });
    const voters = await inEdition(DRAFT);
    expect(voters).toHaveLength(3);
    expect(voters.every((v) => v.source === "import" && v.removed_at === null)).toBe(true);
    const history = await listRegisterImports(t.db, DRAFT);
    expect(history).toMatchObject([{ fileName: "rejestr.csv", rowsTotal: 5, added: 3, invalid: 2, appliedBy: OFFICIAL.id, appliedByName: expect.any(String) }]);
    const audit = await t.db.selectFrom("audit_log").select(["object_id", "after_json"]).where("action", "=", "register.import").where("object_id", "=", DRAFT).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ added: 3, invalid: 2 });
    // the draft's people are not in the current edition's register: they cannot vote now
    expect(await identifyVoter(t.db, { method: "pesel", ...A }, bo, NOW, { guard })).toMatchObject({ ok: false, reason: "identity_not_confirmed" });
  });

  it("a second import replaces the first: moved, removed, added and unchanged as previewed", async () => {
    const second = csv(row(A, "Orłowo"), row(B, "Chylonia"), row(D, "Oksywie"));
    const p = await previewRegisterImport(t.db, DRAFT, file(second), OFFICIAL, NOW);
    if (!p.ok) throw new Error(p.reason);
    expect(p.counts).toEqual({ rowsTotal: 3, added: 1, removed: 1, moved: 1, unchanged: 1, invalid: 0 });
    expect(p.moved).toEqual([{ line: 3, masked: `${B.pesel.slice(0, 6)}*****`, from: "Oksywie", to: "Chylonia" }]);
    expect(p.removed).toEqual([{ district: "Chylonia", ageBand: expect.any(String) }]);
    const idsBefore = new Map((await inEdition(DRAFT)).map((v) => [v.district_id, v.id]));
    await apply(DRAFT, second);
    const after = await inEdition(DRAFT);
    expect(after).toHaveLength(3);
    const districts = await t.db.selectFrom("districts").select(["id", "name"]).execute();
    const name = (id: string | null) => districts.find((d) => d.id === id)?.name;
    expect(after.map((v) => name(v.district_id)).sort()).toEqual(["Chylonia", "Oksywie", "Orłowo"]);
    // A kept their row (same id): an unchanged person is updated in place, not re-created
    expect(after.find((v) => name(v.district_id) === "Orłowo")!.id).toBe(idsBefore.get(districts.find((d) => d.name === "Orłowo")!.id));
    expect(await listRegisterImports(t.db, DRAFT)).toHaveLength(2);
  });

  it("the same person may be in the current edition's register and a draft's at once", async () => {
    const both = csv(row(A, "Orłowo"), row(B, "Chylonia"), row(D, "Oksywie"));
    // already in the draft; now into the current edition (A) too: no unique clash across editions
    expect(await addDeclaration(t.db, { declarationId: "DEKL-REG-0", districtId: null, ageBand: null, pesel: A.pesel }, OFFICIAL, NOW)).toEqual({ ok: true, linked: false });
    expect((await inEdition(DRAFT)).length).toBe(3);
    expect(await previewRegisterImport(t.db, DRAFT, file(both), OFFICIAL, NOW)).toMatchObject({ ok: true, counts: { unchanged: 3 } });
  });

  it("refuses a scoped official and an unknown edition, changing nothing", async () => {
    const scoped: Actor = { id: "usr_demo_youth_moderator", roles: [{ role: "official", scope: "youth" }] };
    const before = await snapshot();
    const text = csv(row(C, "Orłowo"));
    expect(await previewRegisterImport(t.db, DRAFT, file(text), scoped, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await applyRegisterImport(t.db, DRAFT, file(text), sha(text), scoped, NOW)).toEqual({ ok: false, reason: "not_allowed" });
    expect(await applyRegisterImport(t.db, "ed_1999", file(text), sha(text), OFFICIAL, NOW)).toEqual({ ok: false, reason: "edition_not_found" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("importing into the current edition while it votes", () => {
  const E = person(305, "Barbara");
  const F = person(306, "Stefan");

  it("keeps declarations and marks a dropped person who already voted instead of deleting them", async () => {
    expect(await addDeclaration(t.db, { declarationId: "DEKL-REG-1", districtId: null, ageBand: "35-44" }, OFFICIAL, NOW)).toEqual({ ok: true, linked: false });
    await apply(bo.editionId, csv(row(E, "Orłowo"), row(F, "Oksywie")));
    const ident = await identifyVoter(t.db, { method: "pesel", ...E }, bo, NOW, { guard });
    if (!ident.ok) throw new Error(ident.reason);
    const district = (await t.db.selectFrom("districts").select("id").where("slug", "=", "orlowo").executeTakeFirstOrThrow()).id;
    const catalogue = await loadCatalogue(t.db, bo.programmeId, district);
    const selections = Object.fromEntries(catalogue.map((p) => [p.poolId, p.projects.slice(0, 1).map((x) => x.id)]));
    expect((await castBallot(t.db, ident.voter, bo, { districtId: district, selections }, { channel: "online" }, NOW)).ok).toBe(true);

    // the next file lists only F: E voted, so E's row stays (marked), the participation with it
    const r = await apply(bo.editionId, csv(row(F, "Oksywie")));
    expect(r.counts).toMatchObject({ removed: 1, unchanged: 1 });
    const e = await t.db.selectFrom("voters").select(["id", "removed_at"]).where("id", "=", ident.voter.voterId).executeTakeFirstOrThrow();
    expect(e.removed_at).not.toBeNull();
    expect(await t.db.selectFrom("participations").select("voter_id").where("voter_id", "=", e.id).execute()).toHaveLength(1);
    expect(await identifyVoter(t.db, { method: "pesel", ...E }, bo, NOW, { guard })).toMatchObject({ ok: false, reason: "identity_not_confirmed" });
    // the declaration is still there and still identifies
    expect(await identifyDeclaration(t.db, "DEKL-REG-1", bo, NOW, { guard })).toMatchObject({ ok: true });
    // the demo register (not in the file, nobody of it voted) is gone; only F, E (marked) and declarations remain
    const left = await inEdition(bo.editionId);
    expect(left.filter((v) => v.source === "import" && v.removed_at === null)).toHaveLength(1);

    // listed again, E gets the same row back, so they still cannot vote twice
    const again = await apply(bo.editionId, csv(row(F, "Oksywie"), row(E, "Orłowo")));
    expect(again.counts).toMatchObject({ added: 1, unchanged: 1 });
    expect((await t.db.selectFrom("voters").select("removed_at").where("id", "=", e.id).executeTakeFirstOrThrow()).removed_at).toBeNull();
    expect(await identifyVoter(t.db, { method: "pesel", ...E }, bo, NOW, { guard })).toEqual({ ok: false, reason: "already_voted" });

    // the seed's add-only import revives a dropped row the same way
    await apply(bo.editionId, csv(row(F, "Oksywie")));
    expect(await importRegister(t.db, csv(row(E, "Orłowo")), OFFICIAL, NOW)).toMatchObject({ ok: true, imported: 1, skipped: [] });
    expect((await t.db.selectFrom("voters").select("removed_at").where("id", "=", e.id).executeTakeFirstOrThrow()).removed_at).toBeNull();
    expect(await identifyVoter(t.db, { method: "pesel", ...E }, bo, NOW, { guard })).toEqual({ ok: false, reason: "already_voted" });
  });
});

describe("retention", () => {
  it("deletes an archived edition's register; someone who voted keeps only an empty row for the turnout", async () => {
    const draftIds = (await inEdition(DRAFT)).map((v) => v.id);
    expect(draftIds.length).toBeGreaterThan(0);
    // the current edition is closed and archived; the draft too (as if abandoned)
    await t.db.updateTable("editions").set({ status: "archived" }).where("id", "in", [bo.editionId, DRAFT]).execute();
    const participations = await t.db.selectFrom("participations").selectAll().execute();
    const voted = new Set(participations.map((p) => p.voter_id));
    const report = await runRetention(t.db, NOW);
    expect(report.archivedRegister).toBeGreaterThan(0);
    const left = await t.db.selectFrom("voters").selectAll().where("edition_id", "in", [bo.editionId, DRAFT]).execute();
    // only people who voted remain, with nothing that names them
    expect(left.every((v) => voted.has(v.id))).toBe(true);
    for (const v of left) expect([v.pesel_hash, v.pesel_check_hash, v.karta_hash, v.karta_check_hash, v.declaration_id, v.district_id, v.age_band, v.created_by]).toEqual(Array(8).fill(null));
    expect(await t.db.selectFrom("guardianships").selectAll().execute()).toEqual([]);
    // the participations (turnout statistics of the archived edition) stay
    expect(await t.db.selectFrom("participations").selectAll().execute()).toHaveLength(participations.length);
    // a second run has nothing left to do, and an archived edition takes no import
    expect((await runRetention(t.db, NOW)).archivedRegister).toBe(0);
    const text = csv(row(A, "Orłowo"));
    expect(await applyRegisterImport(t.db, DRAFT, file(text), sha(text), OFFICIAL, NOW)).toEqual({ ok: false, reason: "edition_archived" });
  });
});
