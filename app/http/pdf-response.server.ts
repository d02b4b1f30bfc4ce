/**
 * A generated PDF as a download (printable ballots and support lists): an ASCII-safe file name,
 * a sandboxing CSP (the server adds nosniff to every answer), and caching only for what anyone may
 * read; what only its author or the office may read is never stored by a cache.
 */
import { contentDisposition } from "~/domain/attachments";

export function pdfResponse(file: { body: Buffer; fileName: string; isPublic: boolean }): Response {
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.body.length),
      "Content-Disposition": contentDisposition(file.fileName, false),
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Cache-Control": file.isPublic ? "public, max-age=300" : "private, no-store",
      // the language comes from the cookie or the browser's preference
      Vary: "Cookie, Accept-Language",
    },
  });
}
