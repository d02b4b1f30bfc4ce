/**
 * Drawing helpers for the printable paper materials (issue #17): an A4 pdfkit document with the
 * DejaVu fonts embedded (subsets: Polish and Ukrainian letters print everywhere), labelled boxes,
 * digit boxes, a page footer, and the document as a Buffer.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type PDFKitDocument from "pdfkit";

export type Doc = PDFKit.PDFDocument;

/**
 * pdfkit (with fontkit and its tables) is loaded when the first PDF is made, not when the server
 * starts: it holds ~20 MB that a server which never prints (most of the year) should not carry.
 */
let pdfkit: Promise<typeof PDFKitDocument> | null = null;
const loadPdfKit = () => (pdfkit ??= import("pdfkit").then((m) => m.default));

export const MARGIN = 48;
export const BOTTOM = 56;
export const INK = "#000000";
export const GREY = "#555555";
export const RULE = "#808080";
export const FILL = "#eeeeee";

let fonts: { regular: string; bold: string } | null = null;
/** The font files, found through node's resolver (the server build keeps node_modules outside the bundle). */
function fontFiles(): { regular: string; bold: string } {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = { regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf") };
  }
  return fonts;
}

const PDF_LANG = { pl: "pl-PL", uk: "uk-UA", en: "en-GB" } as const;

export async function newDocument(info: { title: string; author: string; lang: keyof typeof PDF_LANG }): Promise<Doc> {
  const PDFDocument = await loadPdfKit();
  const f = fontFiles();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM },
    bufferPages: true,
    font: f.regular,
    lang: PDF_LANG[info.lang],
    displayTitle: true,
    info: { Title: info.title, Author: info.author, Creator: info.author },
  });
  doc.registerFont("bold", f.bold);
  return doc;
}

/**
 * The font to draw with: the regular face by its file (the name the document opened it under, so
 * it is parsed once per document, not twice), the bold one by its registered name.
 */
export function face(bold = false): string {
  return bold ? "bold" : fontFiles().regular;
}

/** The usable width of a page. */
export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page unless `height` still fits above the bottom margin; says whether it did. */
export function ensureSpace(doc: Doc, height: number): boolean {
  if (doc.y + height <= doc.page.height - doc.page.margins.bottom) return false;
  doc.addPage();
  return true;
}

export function text(doc: Doc, s: string, opts: { size?: number; bold?: boolean; color?: string; gap?: number; width?: number; x?: number; align?: "left" | "center" | "right" } = {}): void {
  doc
    .font(face(opts.bold))
    .fontSize(opts.size ?? 10)
    .fillColor(opts.color ?? INK)
    .text(s, opts.x ?? doc.page.margins.left, doc.y, { width: opts.width ?? contentWidth(doc), align: opts.align ?? "left" });
  doc.y += opts.gap ?? 0;
}

export function textHeight(doc: Doc, s: string, width: number, size: number, bold = false): number {
  return doc
    .font(face(bold))
    .fontSize(size)
    .heightOfString(s, { width });
}

/** A label above an empty box to write in by hand; returns nothing, moves doc.y below the box. */
export function writeInBox(doc: Doc, label: string, x: number, y: number, width: number, height = 24): void {
  doc.font(face()).fontSize(8.5).fillColor(GREY).text(label, x, y, { width, lineBreak: false });
  doc.lineWidth(0.8).strokeColor(INK).rect(x, y + 11, width, height).stroke();
  doc.y = y + 11 + height + 8;
}

/** A label above a row of one-character boxes (PESEL, resident card number). */
export function digitBoxes(doc: Doc, label: string, count: number, x: number, y: number, size = 20): void {
  doc.font(face()).fontSize(8.5).fillColor(GREY).text(label, x, y, { lineBreak: false });
  doc.lineWidth(0.8).strokeColor(INK);
  for (let i = 0; i < count; i++) doc.rect(x + i * size, y + 11, size, size + 2).stroke();
  doc.y = y + 11 + size + 2 + 8;
}

/** A horizontal rule across the content width at doc.y. */
export function hr(doc: Doc, gap = 8): void {
  const y = doc.y;
  doc
    .lineWidth(0.5)
    .strokeColor(RULE)
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .stroke();
  doc.y = y + gap;
}

/** "left text · Page n of m" at the foot of every page (after all pages exist). */
export function footers(doc: Doc, left: string, pageText: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start another page
    const y = doc.page.height - 36;
    const w = contentWidth(doc);
    doc.font(face()).fontSize(8).fillColor(GREY);
    doc.text(left, doc.page.margins.left, y, { width: w * 0.7, lineBreak: false });
    doc.text(pageText(i - range.start + 1, range.count), doc.page.margins.left + w * 0.7, y, { width: w * 0.3, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

const rendered = new Map<string, Promise<Buffer>>();
const RENDERED_MAX = 200;

/**
 * A document drawn once per content: `key` holds everything the drawing reads (the data, the
 * language, the origin), so a published ballot or a support list is drawn once and then served
 * from memory until its content changes; requests arriving together share one drawing. Bounds the
 * work anyone can ask of the server to one drawing per distinct document (at most 200 kept).
 */
export function drawnOnce(key: unknown, draw: () => Promise<Buffer>): Promise<Buffer> {
  const k = createHash("sha256").update(JSON.stringify(key)).digest("base64url");
  const hit = rendered.get(k);
  if (hit) {
    rendered.delete(k);
    rendered.set(k, hit);
    return hit;
  }
  const p = draw();
  rendered.set(k, p);
  p.catch(() => rendered.delete(k));
  while (rendered.size > RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  return p;
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
