import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AttachmentDescriptionSchema, checkAttachment, contentDisposition, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, neutralFileName, safeFileName, sizeParts, sniffContentType } from "~/domain/attachments";
import { checkPaperEntry, PaperEntrySchema, revisedOnBehalf } from "~/domain/paper-proposals";

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe("sniffContentType: the type comes from the first bytes", () => {
  it.each([
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), "image/jpeg"],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), "image/png"],
    ["WebP", bytes(0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50), "image/webp"],
    ["PDF", ascii("%PDF-1.7\n%âãÏÓ"), "application/pdf"],
  ])("recognises %s", (_name, head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });

  it.each([
    ["plain text named .png", ascii("hello, I am not a picture")],
    ["HTML with a script", ascii("<html><script>alert(1)</script>")],
    ["SVG (can carry scripts)", ascii('<svg xmlns="http://www.w3.org/2000/svg">')],
    ["RIFF that is not WebP (WAV)", bytes(0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x41, 0x56, 0x45)],
    ["GIF", ascii("GIF89a")],
    ["a Windows executable", ascii("MZ\x90\x00")],
    ["a PNG signature cut short", bytes(0x89, 0x50, 0x4e, 0x47)],
    ["nothing", bytes()],
    ["%PDF without the dash", ascii("%PDF")],
  ])("refuses %s", (_name, head) => {
    expect(sniffContentType(head)).toBeNull();
  });
});

describe("checkAttachment: limits", () => {
  it("accepts a file within every limit", () => {
    expect(checkAttachment({ sizeBytes: 1000, type: "image/png", existing: 0 })).toEqual({ ok: true, type: "image/png" });
    expect(checkAttachment({ sizeBytes: MAX_ATTACHMENT_BYTES, type: "application/pdf", existing: MAX_ATTACHMENTS - 1 }).ok).toBe(true);
  });
  it.each([
    [{ sizeBytes: 0, type: "image/png" as const, existing: 0 }, "attachment_missing"],
    [{ sizeBytes: MAX_ATTACHMENT_BYTES + 1, type: "image/png" as const, existing: 0 }, "attachment_too_big"],
    [{ sizeBytes: 10, type: null, existing: 0 }, "attachment_wrong_type"],
    [{ sizeBytes: 10, type: "image/jpeg" as const, existing: MAX_ATTACHMENTS }, "attachment_too_many"],
  ])("refuses %o with %s", (input, reason) => {
    expect(checkAttachment(input)).toEqual({ ok: false, reason });
  });
  it("limits are 5 files of 5 MB", () => {
    expect(MAX_ATTACHMENTS).toBe(5);
    expect(MAX_ATTACHMENT_BYTES).toBe(5 * 1024 * 1024);
  });
});

describe("safeFileName", () => {
  it.each([
    ["zdjęcie placu.png", "image/png", "zdjęcie placu.png"],
    ["../../etc/passwd", "application/pdf", "passwd.pdf"],
    ["C:\\Users\\Ala\\plan.PDF", "application/pdf", "plan.pdf"],
    ["kosztorys.exe", "application/pdf", "kosztorys.pdf"],
    ["photo.jpeg", "image/jpeg", "photo.jpg"],
    ["evil\u202egnp.exe", "image/png", "evilgnp.png"],
    ['a<b>:"c|d?*.png', "image/png", "abcd.png"],
    ["line\r\nbreak.png", "image/png", "linebreak.png"],
    ["", "image/webp", "plik.webp"],
    [".htaccess", "image/png", "plik.png"],
  ] as const)("%j → %j", (input, type, out) => {
    expect(safeFileName(input, type)).toBe(out);
  });
  it("cuts long names and keeps the real extension", () => {
    const name = safeFileName(`${"a".repeat(300)}.png`, "image/png");
    expect(name.length).toBeLessThanOrEqual(94);
    expect(name.endsWith(".png")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII fallback and the exact UTF-8 name (RFC 5987)", () => {
    expect(contentDisposition("Łąka przy szkole.png", true)).toBe(`inline; filename="Laka przy szkole.png"; filename*=UTF-8''%C5%81%C4%85ka%20przy%20szkole.png`);
  });
  it("downloads PDFs and never lets quotes or semicolons break the header", () => {
    const h = contentDisposition('plan"; filename=x.html;.pdf', false);
    expect(h.startsWith("attachment; ")).toBe(true);
    expect(h).toBe(`attachment; filename="plan__ filename=x.html_.pdf"; filename*=UTF-8''plan%22%3B%20filename%3Dx.html%3B.pdf`);
  });
  it("escapes characters RFC 5987 does not allow unencoded", () => {
    expect(contentDisposition("a'(b)*.pdf", false)).toContain("filename*=UTF-8''a%27%28b%29%2A.pdf");
  });
});

describe("AttachmentDescriptionSchema", () => {
  it("keeps a plain description, trimmed", () => {
    expect(AttachmentDescriptionSchema.parse("  Plac zabaw przy ul. Świętojańskiej  ")).toBe("Plac zabaw przy ul. Świętojańskiej");
  });
  it.each([
    ["", "submission.error.description_required"],
    ["ab", "submission.error.description_required"],
    ["<script>alert(1)</script>", "proposal.error.markup"],
    ["<img src=x onerror=alert(1)>", "proposal.error.markup"],
    ["zdjęcie\u202e", "proposal.error.char?char=U%2B202E&at=8&after=zdj%C4%99cie"],
    ["x".repeat(201), "proposal.error.too_long?max=200"],
  ])("refuses %j", (input, message) => {
    const r = AttachmentDescriptionSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });
});

describe("sizeParts", () => {
  it.each([
    [512, { value: 512, unit: "B" }],
    [2048, { value: 2, unit: "kB" }],
    [1536, { value: 1.5, unit: "kB" }],
    [5 * 1024 * 1024, { value: 5, unit: "MB" }],
    [1_300_000, { value: 1.2, unit: "MB" }],
  ])("%i bytes", (n, out) => {
    expect(sizeParts(n)).toEqual(out);
  });
});

describe("paper entries", () => {
  const ok = { channel: "paper", residentName: "Jan Kowalski", residentContact: "tel. 600 100 200", receivedOn: "2026-03-12", paperSignatures: "17" };
  it("parses the official's fields", () => {
    expect(PaperEntrySchema.parse(ok)).toEqual({ channel: "paper", residentName: "Jan Kowalski", residentContact: "tel. 600 100 200", receivedOn: "2026-03-12", paperSignatures: 17 });
  });
  it.each([
    [{ channel: "online" }, "channel", "submission.error.channel"],
    [{ residentName: "J" }, "residentName", "submission.error.resident_name"],
    [{ residentContact: "<b>x</b>@x" }, "residentContact", "proposal.error.markup"],
    [{ receivedOn: "2026-02-30" }, "receivedOn", "submission.error.received_on"],
    [{ receivedOn: "12.03.2026" }, "receivedOn", "submission.error.received_on"],
    [{ paperSignatures: "-3" }, "paperSignatures", "submission.error.signatures"],
    [{ paperSignatures: "12 podpisów" }, "paperSignatures", "submission.error.signatures"],
    [{ paperSignatures: "20000" }, "paperSignatures", "submission.error.signatures"],
  ])("refuses %o", (patch, path, message) => {
    const r = PaperEntrySchema.safeParse({ ...ok, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path[0] === path)?.message).toBe(message);
  });
  const base = { isOfficial: true, phase: "submission" as const, receivedOn: "2026-03-12", today: "2026-03-20", submissionEndsOn: "2026-04-10" };
  it.each([
    [{}, { ok: true }],
    [{ phase: "verification" as const, today: "2026-04-20" }, { ok: true }],
    [{ isOfficial: false }, { ok: false, reason: "not_allowed" }],
    [{ phase: "voting" as const }, { ok: false, reason: "paper_wrong_phase" }],
    [{ phase: null }, { ok: false, reason: "paper_wrong_phase" }],
    [{ receivedOn: "2026-03-21" }, { ok: false, reason: "received_in_future" }],
    [{ receivedOn: "2026-04-11", today: "2026-04-20", phase: "verification" as const }, { ok: false, reason: "received_after_deadline" }],
    [{ receivedOn: "2026-04-10", today: "2026-04-20", phase: "verification" as const }, { ok: true }],
  ])("checkPaperEntry %o", (patch, out) => {
    expect(checkPaperEntry({ ...base, ...patch })).toEqual(out);
  });
});

describe("properties over arbitrary input", () => {
  const types = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
  it("sniffing never throws and only answers an allowed type or null", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), (b) => {
        const t = sniffContentType(b);
        return t === null || (types as readonly string[]).includes(t);
      }),
      { numRuns: 2000 },
    );
  });
  it("a shown file name has no folders, no control or bidi characters and the real extension", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.constantFrom(...types), (name, type) => {
        const out = safeFileName(name, type);
        return !/[\\/\u0000-\u001f\u007f\u202a-\u202e<>:"|?*]/.test(out) && out.length <= 100 && out.endsWith({ "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "application/pdf": ".pdf" }[type]);
      }),
      { numRuns: 1000 },
    );
  });
  it("Content-Disposition is always printable ASCII with one quoted name (no header injection)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom(...types), fc.boolean(), (name, type, inline) => {
        const h = contentDisposition(safeFileName(name, type), inline);
        return /^[\x20-\x7e]+$/.test(h) && (h.match(/"/g) ?? []).length === 2 && (h.match(/;/g) ?? []).length === 2;
      }),
      { numRuns: 1000 },
    );
  });
  it("a description that passes has no markup and at most 200 characters", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 250 }), fc.constantFrom("<script>x</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "ok description")), (v) => {
        const r = AttachmentDescriptionSchema.safeParse(v);
        return !r.success || (r.data.length <= 200 && !/<\s*script|javascript:/i.test(r.data));
      }),
      { numRuns: 1000 },
    );
  });
  it("the paper entry schema never throws and keeps signatures within 0…10 000", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("channel", "residentName", "residentContact", "receivedOn", "paperSignatures", "__proto__"), fc.oneof(fc.string({ maxLength: 40 }), fc.integer().map(String))), (input) => {
        const r = PaperEntrySchema.safeParse(input);
        return !r.success || (r.data.paperSignatures >= 0 && r.data.paperSignatures <= 10_000);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("revisedOnBehalf: who revises a paper proposal's text", () => {
  it.each([
    [{ authorUserId: null, channel: "paper", status: "needs_changes" }, true],
    [{ authorUserId: null, channel: "in_person", status: "draft" }, true],
    [{ authorUserId: null, channel: "paper", status: "submitted" }, false],
    [{ authorUserId: null, channel: "paper", status: "accepted" }, false],
    [{ authorUserId: "usr_1", channel: "paper", status: "needs_changes" }, false],
    [{ authorUserId: null, channel: "online", status: "needs_changes" }, false],
  ])("%o → %s", (p, expected) => {
    expect(revisedOnBehalf(p)).toBe(expected);
  });
});

describe("neutralFileName", () => {
  it("keeps only the place and the type's extension", () => {
    expect(neutralFileName(1, "application/pdf", "Jan_Kowalski_zgoda.pdf")).toBe("załącznik-1.pdf");
    expect(neutralFileName(3, "image/jpeg", "Jan Kowalski.JPEG")).toBe("załącznik-3.jpg");
    expect(neutralFileName(2, "text/odd", "Anna Nowak.ODT")).toBe("załącznik-2.odt");
  });
});
