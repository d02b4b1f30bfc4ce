/** The text of a PDF, page by page, read back with pdf.js (Mozilla's maintained parser), whitespace normalised. */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export async function pdfPages(body: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(body), disableFontFace: true, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ("str" in it ? it.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  }
  await doc.destroy();
  return pages;
}
