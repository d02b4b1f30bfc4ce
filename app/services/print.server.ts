/**
 * Printable paper materials (issue #17): the paper ballot of a district (or of a programme without
 * districts) and the support list of a proposal, as PDFs with the fonts embedded. Only published
 * data: a ballot before its final list is published is a marked sample for those preparing the
 * vote, and a support list is public only while its proposal collects supports (a draft's: its author).
 */
import type { Db } from "../../db/client";
import { listPhaseWindows } from "~/data/editions.server";
import { getDistrictBySlug } from "~/data/districts.server";
import { getPrintDistrict, getPrintEdition, getPrintEditionByYear, getPrintProgramme, hasDistrictPools, listBallotPools, type PrintEdition, type PrintPool, type PrintProgramme } from "~/data/print.server";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { CITY } from "~/domain/city";
import { can, type Actor, type ProgrammeKind } from "~/domain/permissions";
import { currentPhase } from "~/domain/phases";
import { ALL_DISTRICTS, KARTA_BOXES, mayPrintBallot, maySupportList, PESEL_BOXES, printBoxOf, printFileName, ruleLines, type PrintBox } from "~/domain/print";
import { BallotRuleSchema } from "~/domain/rules";
import { getTranslator, type Locale, type MessageKey, type Translator } from "~/i18n";
import { relationTo } from "./proposal-access.server";
import { contentWidth, digitBoxes, drawnOnce, face, ensureSpace, FILL, footers, GREY, hr, INK, newDocument, RULE, text, textHeight, toBuffer, writeInBox, type Doc } from "./print-layout.server";

export type PrintResult = { ok: true; body: Buffer; fileName: string; isPublic: boolean } | { ok: false; reason: "not_found" };

const editionName = (e: PrintEdition, t: Translator["t"]) => e.name.trim() || t("print.edition.fallback", { year: e.year });

/** Those preparing the vote may print a ballot before its list is published (a marked sample). */
function mayPreviewBallot(viewer: Actor | null, kind: ProgrammeKind): boolean {
  return can(viewer, "edition.manage") || can(viewer, "proposals.verify", kind) || can(viewer, "ballots.enter_paper", kind);
}

/**
 * The paper ballot: header (city, edition, programme, district), the rules in short, each pool's
 * projects with a box of the rule's kind, the voter's identification fields, the declaration with
 * a signature line and the privacy clause. `districtId` null: the programme-wide pools only.
 */
export async function paperBallotPdf(
  db: Db,
  input: { editionId: string; programmeKind: ProgrammeKind; districtId: string | null; lang: Locale; viewer?: Actor | null; origin?: string },
): Promise<PrintResult> {
  const edition = await getPrintEdition(db, input.editionId);
  const programme = edition ? await getPrintProgramme(db, edition.id, input.programmeKind) : null;
  if (!edition || !programme) return { ok: false, reason: "not_found" };
  const district = input.districtId ? await getPrintDistrict(db, input.districtId) : null;
  if (input.districtId && !district) return { ok: false, reason: "not_found" };
  // a programme with district pools has a ballot per district (and none without one); a district
  // without pools of its own in the programme has no ballot
  if (!district && (await hasDistrictPools(db, programme.id))) return { ok: false, reason: "not_found" };
  const pools = await listBallotPools(db, programme.id, district?.id ?? null);
  if (pools.length === 0 || (district && !pools.some((p) => p.kind !== "city" && p.kind !== "programme"))) return { ok: false, reason: "not_found" };
  const published = pools.every((p) => p.published);
  if (edition.status === "draft" && !can(input.viewer ?? null, "edition.manage")) return { ok: false, reason: "not_found" };
  if (!mayPrintBallot({ published, mayPreview: mayPreviewBallot(input.viewer ?? null, programme.kind) })) return { ok: false, reason: "not_found" };

  const content = { doc: "ballot", edition, programme, district, pools, published, lang: input.lang, origin: input.origin ?? "" };
  const body = await drawnOnce(content, () => drawBallot(getTranslator(input.lang), content));
  return { ok: true, body, fileName: printFileName("karta", edition.year, programme.kind, district?.slug ?? ""), isPublic: published && edition.status !== "draft" };
}

async function drawBallot(
  tr: Translator,
  { edition, programme, district, pools, published, lang, origin }: { edition: PrintEdition; programme: PrintProgramme; district: { slug: string; name: string } | null; pools: PrintPool[]; published: boolean; lang: Locale; origin: string },
): Promise<Buffer> {
  const { t } = tr;
  const programmeName = t(`programme.${programme.kind}`);
  const doc = await newDocument({ title: `${t("print.ballot.title")} – ${editionName(edition, t)}${district ? ` – ${district.name}` : ""}`, author: CITY.programmeName, lang });

  // header
  text(doc, `${CITY.name} · ${editionName(edition, t)}`, { size: 10, color: GREY, gap: 2 });
  text(doc, t("print.ballot.title"), { size: 22, bold: true, gap: 2 });
  text(doc, t("print.ballot.programme", { name: programmeName }), { size: 12, gap: 1 });
  if (district) text(doc, t("print.ballot.district", { name: district.name }), { size: 14, bold: true, gap: 2 });
  doc.y += 4;
  if (!published) {
    const y = doc.y;
    const h = textHeight(doc, t("print.ballot.draft"), contentWidth(doc) - 16, 10, true) + 12;
    doc.lineWidth(1.5).strokeColor(INK).rect(doc.page.margins.left, y, contentWidth(doc), h).stroke();
    doc.y = y + 6;
    text(doc, t("print.ballot.draft"), { size: 10, bold: true, x: doc.page.margins.left + 8, width: contentWidth(doc) - 16 });
    doc.y = y + h + 8;
  }
  text(doc, t("print.ballot.howTo"), { size: 11, bold: true, gap: 1 });
  text(doc, t("print.ballot.once"), { size: 9.5, gap: 6 });
  hr(doc, 10);

  for (const pool of pools) drawPool(doc, tr, pool, programmeName);

  drawIdentification(doc, t, programme.guardianBelowAge);
  drawPrivacy(doc, t("print.privacy.ballot", { url: `${origin}/privacy` }), t);
  footers(doc, `${published ? "" : `${t("print.ballot.sample")} · `}${CITY.siteName} · ${t("print.ballot.title")} · ${district?.name ?? programmeName}`, (page, pages) => t("print.footer.page", { page, pages }));

  return toBuffer(doc);
}

const COL = { number: 84, cost: 92, box: 66 };

function poolTitle(t: Translator["t"], pool: PrintPool, programmeName: string): string {
  return pool.kind === "programme" ? programmeName : t(`pool.${pool.kind}` as MessageKey);
}

function boxLabel(t: Translator["t"], box: PrintBox): string {
  return t(box === "tick" ? "print.col.tick" : box === "points" ? "print.col.points" : "print.col.rank");
}

function drawPool(doc: Doc, tr: Translator, pool: PrintPool, programmeName: string): void {
  const { t, money } = tr;
  const rule = BallotRuleSchema.parse(JSON.parse(pool.ballotRule));
  const box = printBoxOf(rule);
  const lines = ruleLines(rule, money(pool.budgetGrosze)).map((l) => `• ${t(l.key, l.vars)}`);
  const w = contentWidth(doc);
  const left = doc.page.margins.left;
  const headH = 20 + 14 + lines.reduce((s, l) => s + textHeight(doc, l, w - 8, 9), 0) + 24 + 30;
  ensureSpace(doc, headH);
  text(doc, poolTitle(t, pool, programmeName), { size: 14, bold: true, gap: 1 });
  text(doc, t("print.pool.budget", { amount: money(pool.budgetGrosze) }), { size: 10, gap: 3 });
  for (const l of lines) text(doc, l, { size: 9, x: left + 4, width: w - 8, gap: 1 });
  doc.y += 5;

  const titleW = w - COL.number - COL.cost - COL.box;
  const cols = [
    { x: left, w: COL.number },
    { x: left + COL.number, w: titleW },
    { x: left + COL.number + titleW, w: COL.cost },
    { x: left + w - COL.box, w: COL.box },
  ];
  const header = () => {
    const y = doc.y;
    doc.rect(left, y, w, 20).fillColor(FILL).fill();
    doc.font("bold").fontSize(8.5).fillColor(INK);
    const labels = [t("print.col.number"), t("print.col.title"), t("print.col.cost"), boxLabel(t, box)];
    labels.forEach((label, i) => doc.text(label, cols[i]!.x + 4, y + 6, { width: cols[i]!.w - 8, align: i >= 2 ? (i === 3 ? "center" : "right") : "left", lineBreak: false }));
    doc.lineWidth(0.5).strokeColor(RULE).rect(left, y, w, 20).stroke();
    doc.y = y + 20;
  };
  header();
  if (pool.projects.length === 0) {
    doc.y += 4;
    text(doc, t("print.pool.empty"), { size: 9.5, color: GREY, gap: 4 });
  }
  for (const p of pool.projects) {
    const h = Math.max(textHeight(doc, p.title, titleW - 8, 10), 22) + 10;
    if (ensureSpace(doc, h)) header();
    const y = doc.y;
    doc.font(face()).fontSize(8.5).fillColor(INK).text(p.number, cols[0]!.x + 4, y + 6, { width: cols[0]!.w - 8 });
    doc.font(face()).fontSize(10).text(p.title, cols[1]!.x + 4, y + 5, { width: titleW - 8 });
    doc.font(face()).fontSize(8.5).text(money(p.costGrosze, { wholeZloty: true }), cols[2]!.x + 4, y + 6, { width: cols[2]!.w - 8, align: "right" });
    const bw = box === "tick" ? 18 : box === "points" ? 40 : 26;
    doc.lineWidth(1.2).strokeColor(INK).rect(cols[3]!.x + (COL.box - bw) / 2, y + (h - 18) / 2, bw, 18).stroke();
    doc.lineWidth(0.5).strokeColor(RULE).moveTo(left, y + h).lineTo(left + w, y + h).stroke();
    doc.moveTo(left, y).lineTo(left, y + h).moveTo(left + w, y).lineTo(left + w, y + h).stroke();
    doc.y = y + h;
  }
  doc.y += 14;
}

function drawIdentification(doc: Doc, t: Translator["t"], guardianBelowAge: number | null): void {
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  const lead = textHeight(doc, t("print.id.lead"), w, 9);
  ensureSpace(doc, 18 + lead + 4 * 45 + 20);
  hr(doc, 8);
  text(doc, t("print.id.title"), { size: 13, bold: true, gap: 1 });
  text(doc, t("print.id.lead"), { size: 9, gap: 6 });
  writeInBox(doc, t("print.id.name"), left, doc.y, w);
  const y = doc.y;
  digitBoxes(doc, t("print.id.pesel"), PESEL_BOXES, left, y);
  const after = doc.y;
  writeInBox(doc, t("print.id.parent"), left + PESEL_BOXES * 20 + 20, y, w - PESEL_BOXES * 20 - 20, 22);
  doc.y = Math.max(after, doc.y);
  text(doc, `— ${t("print.id.or")} —`, { size: 9, color: GREY, gap: 2 });
  digitBoxes(doc, t("print.id.karta"), KARTA_BOXES, left, doc.y);

  if (guardianBelowAge !== null) {
    const childLead = t("print.child.lead", { age: guardianBelowAge });
    ensureSpace(doc, 18 + textHeight(doc, childLead, w, 9) + 3 * 45);
    doc.y += 4;
    text(doc, t("print.child.title"), { size: 11, bold: true, gap: 1 });
    text(doc, childLead, { size: 9, gap: 6 });
    writeInBox(doc, t("print.child.name"), left, doc.y, w);
    const cy = doc.y;
    digitBoxes(doc, t("print.child.pesel"), PESEL_BOXES, left, cy);
    const cAfter = doc.y;
    writeInBox(doc, t("print.child.parent"), left + PESEL_BOXES * 20 + 20, cy, w - PESEL_BOXES * 20 - 20, 22);
    doc.y = Math.max(cAfter, doc.y);
  }

  const decl = t("print.declaration.ballot");
  ensureSpace(doc, 18 + textHeight(doc, decl, w, 9.5) + 60);
  doc.y += 4;
  text(doc, t("print.declaration.title"), { size: 11, bold: true, gap: 1 });
  text(doc, decl, { size: 9.5, gap: 8 });
  const sy = doc.y;
  writeInBox(doc, t("print.date"), left, sy, 130, 26);
  writeInBox(doc, t("print.signature"), left + 150, sy, w - 150, 26);
}

function drawPrivacy(doc: Doc, clause: string, t: Translator["t"]): void {
  const w = contentWidth(doc);
  ensureSpace(doc, 14 + textHeight(doc, clause, w, 7.5));
  doc.y += 2;
  text(doc, t("print.privacy.title"), { size: 8, bold: true, color: GREY, gap: 1 });
  text(doc, clause, { size: 7.5, color: GREY });
}

const SUPPORT_ROW = 27;

async function supportListAccess(db: Db, input: { proposalId: string; viewer?: Actor | null; now?: Date }) {
  const p = await getWorkflowProposal(db, input.proposalId);
  if (!p) return { p: null, mayDownload: false, isPublic: false };
  const phase = currentPhase(await listPhaseWindows(db, p.editionId), input.now ?? new Date());
  const state = { status: p.status, phase, supportsRequired: p.supportsRequired, finalListPublished: p.finalListPublished };
  const isPublic = maySupportList({ ...state, isAuthor: false });
  const mayDownload = isPublic || maySupportList({ ...state, isAuthor: (await relationTo(db, input.viewer ?? null, p)) !== null });
  return { p, mayDownload, isPublic };
}

/** Whether `viewer` may download the proposal's support list now (the proposal page shows the link only then). */
export async function supportListAvailable(db: Db, input: { proposalId: string; viewer: Actor | null; now?: Date }): Promise<boolean> {
  return (await supportListAccess(db, input)).mayDownload;
}

/**
 * A proposal's support list for collecting signatures on paper: its title, number and district,
 * the statement of support, numbered rows (full name, address or district, signature) on as many
 * pages as the required supports and a fifth more need, and the privacy clause on every page.
 */
export async function supportListPdf(db: Db, input: { proposalId: string; lang: Locale; viewer?: Actor | null; origin?: string; now?: Date }): Promise<PrintResult> {
  const access = await supportListAccess(db, input);
  if (!access.p || !access.mayDownload) return { ok: false, reason: "not_found" };
  const { p, isPublic } = access;
  const edition = await getPrintEdition(db, p.editionId);
  if (!edition) return { ok: false, reason: "not_found" };

  const proposal = { title: p.title, number: p.number, districtName: p.districtName, poolKind: p.poolKind, programmeKind: p.programmeKind, supportsRequired: p.supportsRequired };
  const content = { doc: "support", proposal, edition, lang: input.lang, origin: input.origin ?? "" };
  const body = await drawnOnce(content, () => drawSupportList(content));
  return { ok: true, body, fileName: printFileName("lista-poparcia", p.number), isPublic };
}

async function drawSupportList({ proposal: p, edition, lang, origin }: { proposal: { title: string; number: string; districtName: string | null; poolKind: PrintPool["kind"]; programmeKind: ProgrammeKind; supportsRequired: number }; edition: PrintEdition; lang: Locale; origin: string }): Promise<Buffer> {
  const { t } = getTranslator(lang);
  const programmeName = t(`programme.${p.programmeKind}`);
  const doc = await newDocument({ title: `${t("print.support.title")} – ${p.title}`, author: CITY.programmeName, lang });
  const w = contentWidth(doc);
  const left = doc.page.margins.left;
  const clause = t("print.privacy.support", { url: `${origin}/privacy` });
  const clauseH = 14 + textHeight(doc, clause, w, 7.5);
  const where = p.districtName ? t("print.support.district", { name: p.districtName }) : t("print.support.pool", { name: p.poolKind === "programme" ? programmeName : t(`pool.${p.poolKind}` as MessageKey) });
  const statement = t("print.support.statement", { title: p.title, edition: p.programmeKind === "bo" ? editionName(edition, t) : `${editionName(edition, t)} – ${programmeName}` });
  const cols = [
    { label: t("print.col.no"), w: 30 },
    { label: t("print.support.col.name"), w: 165 },
    { label: t("print.support.col.address"), w: w - 30 - 165 - 130 },
    { label: t("print.support.col.signature"), w: 130 },
  ];
  const wanted = Math.max(1, p.supportsRequired + Math.ceil(p.supportsRequired / 5));

  let row = 0;
  let first = true;
  while (first || row < wanted) {
    if (!first) doc.addPage();
    text(doc, `${CITY.name} · ${editionName(edition, t)}`, { size: 9, color: GREY, gap: 2 });
    text(doc, t("print.support.title"), { size: 18, bold: true, gap: 2 });
    text(doc, p.title, { size: 12, bold: true, gap: 2 });
    text(doc, `${t("print.support.number", { number: p.number })} · ${where}`, { size: 9.5, gap: 6 });
    text(doc, statement, { size: 10, gap: 4 });
    if (first) {
      if (p.supportsRequired > 0) text(doc, t("print.support.required", { count: p.supportsRequired }), { size: 9, gap: 1 });
      text(doc, t("print.support.handIn"), { size: 9, gap: 4 });
    }
    doc.y += 4;
    // table header
    let y = doc.y;
    let x = left;
    const headH = Math.max(...cols.map((c) => textHeight(doc, c.label, c.w - 8, 8.5, true))) + 10;
    doc.rect(left, y, w, headH).fillColor(FILL).fill();
    for (const c of cols) {
      doc.font("bold").fontSize(8.5).fillColor(INK).text(c.label, x + 4, y + 5, { width: c.w - 8 });
      x += c.w;
    }
    doc.lineWidth(0.5).strokeColor(RULE).rect(left, y, w, headH).stroke();
    y += headH;
    const limit = doc.page.height - doc.page.margins.bottom - clauseH - 6;
    const rows = Math.max(1, Math.floor((limit - y) / SUPPORT_ROW));
    for (let i = 0; i < rows; i++) {
      row += 1;
      doc.font(face()).fontSize(9).fillColor(INK).text(`${row}.`, left + 4, y + 9, { width: cols[0]!.w - 8, align: "right" });
      doc.lineWidth(0.5).strokeColor(RULE).rect(left, y, w, SUPPORT_ROW).stroke();
      let cx = left;
      for (const c of cols.slice(0, -1)) {
        cx += c.w;
        doc.moveTo(cx, y).lineTo(cx, y + SUPPORT_ROW).stroke();
      }
      y += SUPPORT_ROW;
    }
    doc.y = y + 6;
    drawPrivacy(doc, clause, t);
    first = false;
  }
  footers(doc, `${CITY.siteName} · ${t("print.support.title")} · ${p.number}`, (page, pages) => t("print.footer.page", { page, pages }));

  return toBuffer(doc);
}

/**
 * The ballot a URL names: `/print/ballot/:year/:kind/:district.pdf`, where district is a slug or
 * `all` (a programme without districts). Anything that does not name a ballot is "not_found".
 */
export async function ballotPdfByUrl(
  db: Db,
  input: { year: number; programmeKind: ProgrammeKind; district: string; lang: Locale; viewer: Actor | null; origin: string },
): Promise<PrintResult> {
  const edition = await getPrintEditionByYear(db, input.year);
  if (!edition) return { ok: false, reason: "not_found" };
  let districtId: string | null = null;
  if (input.district !== ALL_DISTRICTS) {
    const d = await getDistrictBySlug(db, input.district);
    if (!d) return { ok: false, reason: "not_found" };
    districtId = d.id;
  }
  return paperBallotPdf(db, { editionId: edition.id, programmeKind: input.programmeKind, districtId, lang: input.lang, viewer: input.viewer, origin: input.origin });
}
