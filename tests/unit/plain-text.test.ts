import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DisplayNameSchema } from "~/domain/account";
import { cleanPlainText, firstForbidden } from "~/domain/plain-text";
import { CommentInputSchema } from "~/domain/comments";
import { line, text } from "~/domain/workflow/text";

const multi = { multiline: true };

describe("text pasted from a phone or Word", () => {
  it.each([
    ["ZWJ woman climbing", "Ścianka wspinaczkowa 🧗‍♀️ dla dzieci"],
    ["ZWJ family", "Plac dla rodzin 👨‍👩‍👧 przy szkole"],
    ["skin tone + ZWJ", "Boisko 👩🏽‍🦱 i 🏃🏿‍♂️"],
    ["variation selector", "Kocham Gdynię ❤️ i ☺︎"],
    ["keycap", "Punkt 1️⃣ programu"],
    ["subdivision flag tags", "Goście z 🏴󠁧󠁢󠁳󠁣󠁿"],
    ["Ukrainian", "Майданчик для дітей — їжак"],
    ["ZWNJ (Persian)", "می‌خواهم"],
  ])("keeps %s as typed", (_, s) => {
    expect(cleanPlainText(s, multi)).toBe(s.normalize("NFC"));
    expect(firstForbidden(cleanPlainText(s, multi), multi)).toBeNull();
    expect(CommentInputSchema.safeParse({ body: s }).success).toBe(true);
  });

  it.each([
    ["soft hyphen", "wspinacz\u00adkowa", "wspinaczkowa"],
    ["zero-width space", "plac\u200bzabaw", "placzabaw"],
    ["BOM at the start", "\ufeffPlac zabaw", "Plac zabaw"],
    ["word joiner", "a\u2060b", "ab"],
    ["LRM", "Gdynia\u200e", "Gdynia"],
    ["stray ZWJ between letters", "Gd\u200dynia", "Gdynia"],
    ["decomposed ą (macOS)", "za\u0328", "zą"],
  ])("silently drops/normalises %s", (_, s, want) => {
    expect(cleanPlainText(s, multi)).toBe(want);
    const r = line(2, 100).safeParse(s);
    expect(r.success && r.data).toBe(want);
  });

  it("counts length after dropping: 60 letters with soft hyphens still fit a 60-letter line", () => {
    const s = "ab\u00ad".repeat(30);
    expect(line(2, 60).safeParse(s).success).toBe(true);
  });

  it.each([
    ["bell", "Plac\u0007 zabaw", "U+0007", "Plac"],
    ["escape", "Plac zabaw\u001b[31m", "U+001B", "Plac zabaw"],
    ["right-to-left override", "Plac \u202Eabc", "U+202E", "Plac"],
    ["isolate", "x\u2066y", "U+2066", "x"],
    ["tag character outside a flag", "tekst\u{E0041}", "U+E0041", "tekst"],
    ["C1 control", "a\u0085b", "U+0085", "a"],
    ["interlinear annotation", "a\ufff9b", "U+FFF9", "a"],
  ])("refuses %s and names it", (_, s, code, after) => {
    const f = firstForbidden(cleanPlainText(s, multi), multi);
    expect(f?.code).toBe(code);
    expect(f?.after).toBe(after);
    const r = text(1, 100).safeParse(s);
    expect(r.success).toBe(false);
    const msg = r.error!.issues[0]!.message;
    expect(msg.startsWith("proposal.error.char?")).toBe(true);
    expect(new URLSearchParams(msg.split("?")[1]).get("char")).toBe(code);
  });

  it("a control character at the very start uses the _start message", () => {
    const r = text(1, 100).safeParse("\u0001abc");
    expect(r.error!.issues[0]!.message.startsWith("proposal.error.char_start?")).toBe(true);
  });

  it("multi-line text keeps newlines and tabs; a line turns them into spaces", () => {
    expect(text(1, 100).parse("a\r\nb\tc")).toBe("a\r\nb\tc");
    expect(line(1, 100).parse("a\nb\tc")).toBe("a b c");
    expect(text(1, 100).parse("a\u2028b")).toBe("a\nb");
  });

  it("names: emoji and Polish letters pass, a control character is named", () => {
    expect(DisplayNameSchema.parse("Zo\u00adfia 🧗‍♀️")).toBe("Zofia 🧗‍♀️");
    const r = DisplayNameSchema.safeParse("Jan\u0008ek");
    expect(r.error!.issues[0]!.message).toMatch(/^form\.error\.name_char\?char=U%2B0008/);
    expect(DisplayNameSchema.safeParse("x".repeat(300)).error!.issues[0]!.message).toBe("form.error.name_long");
  });
});

describe("properties", () => {
  const printable = fc.string({ unit: "grapheme", maxLength: 80 });
  const droppable = fc.constantFrom("\u00ad", "\u200b", "\ufeff", "\u2060", "\u200e");

  it("cleaning is idempotent and never leaves a dropped character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), fc.boolean(), (s, multiline) => {
        const once = cleanPlainText(s, { multiline });
        expect(cleanPlainText(once, { multiline })).toBe(once);
        expect(/[\u00ad\u200b\ufeff\u2060]/.test(once)).toBe(false);
      }),
    );
  });

  it("visible text with invisible characters sprinkled in cleans to the visible text", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(printable, droppable), { maxLength: 6 }), (parts) => {
        const visible = parts.map(([p]) => p).join("");
        const messy = parts.map(([p, d]) => p + d).join("");
        const clean = cleanPlainText(visible, multi);
        expect(cleanPlainText(messy, multi)).toBe(clean);
      }),
    );
  });

  it("whatever is accepted contains no C0/C1 control except line breaks and tabs, and no bidi override", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const r = text(0, 1000).safeParse(s);
        if (r.success) expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(r.data)).toBe(false);
      }),
    );
  });

  it("a forbidden character is always reported at a position holding it", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.boolean(), (s, multiline) => {
        const f = firstForbidden(s, { multiline });
        if (f) expect(`U+${Array.from(s)[f.at - 1]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`).toBe(f.code);
      }),
    );
  });
});
