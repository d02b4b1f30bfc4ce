/**
 * Printable paper materials (issue #17) on the demo data: the paper ballot and the support list are
 * real PDFs (read back with pdf.js) with the projects' titles in Polish letters, the identification
 * fields and the privacy clause; what is not yet public is only for those preparing it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFinalLists } from "~/data/final-lists.server";
import { ON_BALLOT_STATUSES } from "~/domain/workflow/corrections";
import { ballotPdfByUrl, paperBallotPdf, supportListAvailable, supportListPdf } from "~/services/print.server";
import { createTestDb, type TestDb } from "../support/db";
import { pdfPages } from "../support/pdf-text";
import { admin, author, neighbour, official } from "../support/workflow";
import type { Actor } from "~/domain/permissions";

const NOW = new Date("2026-12-03T10:00:00Z");
const ORIGIN = "https://bo.gdynia.test";
let voting: TestDb;
let submission: TestDb;

beforeAll(async () => {
  [voting, submission] = await Promise.all([createTestDb({ seed: true, now: NOW, phase: "voting" }), createTestDb({ seed: true, now: NOW, phase: "submission" })]);
}, 120_000);
afterAll(async () => {
  await voting?.cleanup();
  await submission?.cleanup();
});

const text = async (body: Buffer) => (await pdfPages(body)).join(" ");

describe("the paper ballot of a district", () => {
  it("is a PDF with every project of the district's ballot, the rules, the identification fields and the clause", async () => {
    const r = await ballotPdfByUrl(voting.db, { year: 2026, programmeKind: "bo", district: "babie-doly", lang: "pl", viewer: null, origin: ORIGIN });
    if (!r.ok) throw new Error(r.reason);
    expect(r.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(r.fileName).toBe("karta-2026-bo-babie-doly.pdf");
    expect(r.isPublic).toBe(true);
    const all = await text(r.body);
    const lists = await listFinalLists(voting.db, "ed_2026", ON_BALLOT_STATUSES, { programmes: ["bo"] });
    const onBallot = lists.filter((l) => l.districtName === null || l.districtName === "Babie Doły").flatMap((l) => l.proposals);
    const elsewhere = lists.filter((l) => l.districtName === "Chylonia").flatMap((l) => l.proposals);
    expect(onBallot.length).toBeGreaterThan(5);
    expect(onBallot.some((p) => /[ąćęłńóśźż]/i.test(p.title))).toBe(true);
    for (const p of onBallot) {
      expect(all).toContain(p.title);
      expect(all).toContain(p.number);
    }
    for (const p of elsewhere) expect(all).not.toContain(p.title);
    for (const label of ["Karta do głosowania", "Dzielnica: Babie Doły", "Pula miejska", "Duże projekty dzielnicowe", "Małe projekty dzielnicowe", "Najwięcej zaznaczeń: 3", "Numer PESEL", "Imię ojca lub matki", "Numer Karty Mieszkańca", "Numer PESEL dziecka", "Oświadczam", "Czytelny podpis", "Administratorem danych osobowych", `${ORIGIN}/privacy`]) {
      expect(all).toContain(label);
    }
    expect(all).not.toContain("WZÓR");
  });

  it("is printed in the reader's language, Cyrillic embedded, for a programme without districts", async () => {
    const r = await ballotPdfByUrl(voting.db, { year: 2026, programmeKind: "children", district: "all", lang: "uk", viewer: null, origin: ORIGIN });
    if (!r.ok) throw new Error(r.reason);
    const all = await text(r.body);
    expect(all).toContain("Бюлетень для голосування");
    expect(all).toContain("Номер PESEL");
    const lists = await listFinalLists(voting.db, "ed_2026", ON_BALLOT_STATUSES, { programmes: ["children"] });
    for (const p of lists.flatMap((l) => l.proposals)) expect(all).toContain(p.title);
  });

  it("shows the box each rule asks for: points, ranks", async () => {
    await voting.db.updateTable("pools").set({ ballot_rule: JSON.stringify({ kind: "points", maxTotal: 10, maxPerProject: 5 }) }).where("id", "=", "pool_2026_city").execute();
    await voting.db.updateTable("pools").set({ ballot_rule: JSON.stringify({ kind: "ranked", ranks: 3, exact: true }) }).where("id", "=", "pool_2026_babie-doly_small").execute();
    try {
      const r = await paperBallotPdf(voting.db, { editionId: "ed_2026", programmeKind: "bo", districtId: "dst_babie-doly", lang: "en", origin: ORIGIN });
      if (!r.ok) throw new Error(r.reason);
      const all = await text(r.body);
      expect(all).toContain("at most 10 in all, at most 5 for one project");
      expect(all).toContain("Points for ranks: 1 = 3, 2 = 2, 3 = 1");
      expect(all).toContain("Choice (X)");
      expect(all).toContain("Rank");
    } finally {
      await voting.db.updateTable("pools").set({ ballot_rule: JSON.stringify({ kind: "approval", minTicks: 0, maxTicks: 3 }) }).where("id", "in", ["pool_2026_city", "pool_2026_babie-doly_small"]).execute();
    }
  });

  it("is drawn once per content and again when the content changes", async () => {
    const ask = () => paperBallotPdf(voting.db, { editionId: "ed_2026", programmeKind: "bo", districtId: "dst_chylonia", lang: "pl", origin: ORIGIN });
    const first = await ask();
    const again = await ask();
    if (!first.ok || !again.ok) throw new Error("no ballot");
    expect(again.body).toBe(first.body);
    const p = await voting.db.selectFrom("proposals").select(["id", "title"]).where("pool_id", "=", "pool_2026_chylonia_large").where("status", "in", ON_BALLOT_STATUSES).executeTakeFirstOrThrow();
    await voting.db.updateTable("proposals").set({ title: "Źródełko przy ulicy Chylońskiej" }).where("id", "=", p.id).execute();
    try {
      const changed = await ask();
      if (!changed.ok) throw new Error(changed.reason);
      expect(changed.body).not.toBe(first.body);
      const all = await text(changed.body);
      expect(all).toContain("Źródełko przy ulicy Chylońskiej");
      expect(all).not.toContain(p.title);
    } finally {
      await voting.db.updateTable("proposals").set({ title: p.title }).where("id", "=", p.id).execute();
    }
  });

  it("names no ballot that does not exist", async () => {
    const base = { programmeKind: "bo" as const, lang: "pl" as const, viewer: admin, origin: ORIGIN };
    expect(await ballotPdfByUrl(voting.db, { ...base, year: 2031, district: "babie-doly" })).toEqual({ ok: false, reason: "not_found" });
    expect(await ballotPdfByUrl(voting.db, { ...base, year: 2026, district: "atlantyda" })).toEqual({ ok: false, reason: "not_found" });
    expect(await ballotPdfByUrl(voting.db, { ...base, year: 2026, programmeKind: "youth", district: "babie-doly" })).toEqual({ ok: false, reason: "not_found" });
    // the main programme's ballots are the districts': no ballot of the city pool alone
    expect(await ballotPdfByUrl(voting.db, { ...base, year: 2026, district: "all" })).toEqual({ ok: false, reason: "not_found" });
  });

  it("before the final list is published, is a marked sample for officials and administrators and a 404 for anyone else", async () => {
    const ask = (viewer: Actor | null) => ballotPdfByUrl(submission.db, { year: 2026, programmeKind: "bo", district: "babie-doly", lang: "pl", viewer, origin: ORIGIN });
    expect(await ask(null)).toEqual({ ok: false, reason: "not_found" });
    expect(await ask(author)).toEqual({ ok: false, reason: "not_found" });
    expect(await ask({ id: "usr_x", roles: [{ role: "official", scope: "youth" }] })).toEqual({ ok: false, reason: "not_found" });
    for (const viewer of [official, admin]) {
      const r = await ask(viewer);
      if (!r.ok) throw new Error(r.reason);
      expect(r.isPublic).toBe(false);
      const pages = await pdfPages(r.body);
      expect(pages[0]).toContain("WZÓR – lista projektów nie została jeszcze opublikowana");
      // every page of a sample says so, so no loose page passes for a real ballot
      for (const page of pages) expect(page).toContain("WZÓR · BO Gdynia");
    }
  });
});

describe("the support list of a proposal", () => {
  async function submitted() {
    const p = await submission.db.selectFrom("proposals").select(["id", "title", "number", "author_user_id"]).where("status", "=", "submitted").where("edition_id", "=", "ed_2026").orderBy("id").executeTakeFirstOrThrow();
    return p;
  }

  it("is public while the proposal collects supports: title, number, district, statement, numbered rows and the clause", async () => {
    const p = await submitted();
    expect(await supportListAvailable(submission.db, { proposalId: p.id, viewer: null, now: NOW })).toBe(true);
    const r = await supportListPdf(submission.db, { proposalId: p.id, lang: "pl", viewer: null, origin: ORIGIN, now: NOW });
    if (!r.ok) throw new Error(r.reason);
    expect(r.isPublic).toBe(true);
    expect(r.fileName).toMatch(/^lista-poparcia-[a-z0-9-]+\.pdf$/);
    const pages = await pdfPages(r.body);
    const all = pages.join(" ");
    for (const s of [p.title, p.number, "Lista poparcia projektu", "popieramy projekt", "Potrzebne poparcia: 15", "Imię i nazwisko", "Adres zamieszkania albo dzielnica", "Podpis", "18."]) expect(all).toContain(s);
    expect(all).toMatch(/Dzielnica: \S+/);
    // every page stands on its own: the statement and the clause on each
    for (const page of pages) {
      expect(page).toContain(p.title);
      expect(page).toContain("Administratorem danych osobowych");
    }
  });

  it("is paginated when many supports are needed, rows numbered on", async () => {
    const p = await submitted();
    await submission.db.updateTable("programmes").set({ supports_required: 40 }).where("id", "=", "ed_2026_bo").execute();
    try {
      const r = await supportListPdf(submission.db, { proposalId: p.id, lang: "en", viewer: null, origin: ORIGIN, now: NOW });
      if (!r.ok) throw new Error(r.reason);
      const pages = await pdfPages(r.body);
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
      expect(pages.join(" ")).toContain("48.");
      expect(pages[1]).toContain("Support list for a project");
    } finally {
      await submission.db.updateTable("programmes").set({ supports_required: 15 }).where("id", "=", "ed_2026_bo").execute();
    }
  });

  it("of a draft is its author's alone", async () => {
    const p = await submitted();
    const owner: Actor = { id: p.author_user_id!, roles: [] };
    await submission.db.updateTable("proposals").set({ status: "draft" }).where("id", "=", p.id).execute();
    try {
      for (const viewer of [null, neighbour, official]) {
        expect(await supportListPdf(submission.db, { proposalId: p.id, lang: "pl", viewer, origin: ORIGIN, now: NOW })).toEqual({ ok: false, reason: "not_found" });
        expect(await supportListAvailable(submission.db, { proposalId: p.id, viewer, now: NOW })).toBe(false);
      }
      const r = await supportListPdf(submission.db, { proposalId: p.id, lang: "pl", viewer: owner, origin: ORIGIN, now: NOW });
      if (!r.ok) throw new Error(r.reason);
      expect(r.isPublic).toBe(false);
      expect(await text(r.body)).toContain(p.title);
    } finally {
      await submission.db.updateTable("proposals").set({ status: "submitted" }).where("id", "=", p.id).execute();
    }
  });

  it("is not offered once supports are no longer collected, nor for a missing proposal", async () => {
    const accepted = await voting.db.selectFrom("proposals").select("id").where("status", "=", "accepted").executeTakeFirstOrThrow();
    expect(await supportListPdf(voting.db, { proposalId: accepted.id, lang: "pl", viewer: null, now: NOW })).toEqual({ ok: false, reason: "not_found" });
    expect(await supportListPdf(voting.db, { proposalId: "prp_missing", lang: "pl", viewer: null, now: NOW })).toEqual({ ok: false, reason: "not_found" });
  });
});
