import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  IdentifyInputSchema,
  NAME_MAX_LENGTH,
  declarationKeyString,
  identify,
  kartaKeyString,
  makeIdentifyInputSchema,
  normaliseName,
  peselKeyString,
} from "~/domain/voting/identity";

const PESEL = "44051401359"; // 14 May 1944, male

describe("normaliseName: equivalent spellings give one name", () => {
  it.each([
    [" Łukasz ", "łukasz"],
    ["ŁUKASZ", "łukasz"],
    ["łukasz", "łukasz"],
    ["Anna   Maria", "anna maria"],
    ["Anna\tMaria\n", "anna maria"],
    ["Kowalska - Nowak", "kowalska-nowak"],
    ["Kowalska–Nowak", "kowalska-nowak"], // en dash
    ["O’Brien", "o'brien"],
    ["Zoe\u0301", "zoé"], // decomposed é → NFC
    ["ZOÉ", "zoé"],
    ["ŻANETA", "żaneta"],
    ["Ірина", "ірина"],
    ["Ołeksandr", "ołeksandr"],
  ])("%j → %j", (input, name) => {
    expect(normaliseName(input)).toEqual({ ok: true, name });
  });

  it("keeps diacritics: Łukasz and Lukasz differ", () => {
    const a = normaliseName("Łukasz");
    const b = normaliseName("Lukasz");
    expect(a.ok && b.ok && a.name !== b.name).toBe(true);
  });

  it("precomposed and decomposed forms are equal (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "é", "ü"), fc.stringMatching(/^[a-z]{1,10}$/), (ch, rest) => {
        const pre = normaliseName(ch.toUpperCase() + rest);
        const dec = normaliseName(` ${(ch + rest).normalize("NFD")} `);
        expect(pre).toEqual(dec);
      }),
    );
  });
});

describe("normaliseName: refusals", () => {
  it.each([
    ["", "required"],
    ["   ", "required"],
    ["\t\n", "required"],
    ["a".repeat(NAME_MAX_LENGTH + 1), "name_too_long"],
    ["Anna\u0000", "name_invalid_characters"],
    ["Anna\u0007", "name_invalid_characters"],
    ["An\u200Bna", "name_invalid_characters"], // zero-width space
    ["Anna\vMaria", "name_invalid_characters"], // vertical tab: a control, though \s would collapse it
    ["Anna\fMaria", "name_invalid_characters"], // form feed, likewise
    ["\uFEFFAnna", "name_invalid_characters"], // BOM, likewise
    ["Anna\u202E", "name_invalid_characters"], // bidi override
    ["Anna|parent:x", "name_invalid_characters"],
    ["Anna:", "name_invalid_characters"],
    ["Anna1", "name_invalid_characters"],
    ["<script>", "name_invalid_characters"],
    ["- ' .", "name_invalid_characters"], // no letter
  ])("%j → %s", (input, reason) => {
    expect(normaliseName(input)).toEqual({ ok: false, reason });
  });

  it("the limit counts characters after collapsing whitespace", () => {
    expect(normaliseName(`  ${"a".repeat(NAME_MAX_LENGTH)}  `).ok).toBe(true);
    expect(normaliseName("a".repeat(10), 5)).toEqual({ ok: false, reason: "name_too_long" });
  });
});

describe("key strings", () => {
  it("pesel key", () => {
    expect(peselKeyString(" 440514 01359 ", " Łukasz ")).toEqual({ ok: true, keyString: "pesel:44051401359|parent:łukasz" });
    expect(peselKeyString(PESEL, "łukasz")).toEqual(peselKeyString(PESEL, "ŁUKASZ"));
  });
  it("pesel key refusals", () => {
    expect(peselKeyString("44051401358", "Jan")).toEqual({ ok: false, reason: "pesel_checksum" });
    expect(peselKeyString(PESEL, "")).toEqual({ ok: false, reason: "required" });
  });
  it("karta key", () => {
    expect(kartaKeyString("123-456", " Anna ", "KOWALSKA")).toEqual({ ok: true, keyString: "karta:123456|name:anna kowalska" });
  });
  it.each([
    ["12", "Anna", "Nowak", "karta_format"],
    ["123456", "", "Nowak", "required"],
    ["123456", "Anna", "Nowak1", "name_invalid_characters"],
  ])("karta key refusal %j %j %j → %s", (card, first, last, reason) => {
    expect(kartaKeyString(card, first, last)).toEqual({ ok: false, reason });
  });
  it("declaration key", () => {
    expect(declarationKeyString(" dec_01HX-9 ")).toEqual({ ok: true, keyString: "declaration:dec_01HX-9" });
  });
  it.each(["", "a b", "x|y", "x".repeat(65)])("declaration %j → declaration_format", (id) => {
    expect(declarationKeyString(id)).toEqual({ ok: false, reason: "declaration_format" });
  });
  it("pesel and karta keys cannot collide", () => {
    const p = peselKeyString(PESEL, "Anna");
    const k = kartaKeyString(PESEL, "Anna", "Nowak", { kartaPattern: /^[0-9]{11}$/ });
    expect(p.ok && k.ok && p.keyString !== k.keyString).toBe(true);
  });
});

describe("IdentifyInputSchema messages are i18n keys", () => {
  it.each([
    [{ method: "pesel", pesel: PESEL }, ["parentFirstName"], "vote.error.required"],
    [{ method: "pesel", pesel: "", parentFirstName: "Jan" }, ["pesel"], "vote.error.required"],
    [{ method: "pesel", pesel: "123", parentFirstName: "Jan" }, ["pesel"], "vote.error.pesel_format"],
    [{ method: "pesel", pesel: "44051401358", parentFirstName: "Jan" }, ["pesel"], "vote.error.pesel_checksum"],
    [{ method: "pesel", pesel: "00022900003", parentFirstName: "Jan" }, ["pesel"], "vote.error.pesel_birth_date"],
    [{ method: "pesel", pesel: PESEL, parentFirstName: "J".repeat(61) }, ["parentFirstName"], "vote.error.name_too_long"],
    [{ method: "pesel", pesel: PESEL, parentFirstName: "Jan\u0000" }, ["parentFirstName"], "vote.error.name_invalid_characters"],
    [{ method: "karta", cardNumber: "12", firstName: "A", lastName: "B" }, ["cardNumber"], "vote.error.karta_format"],
    [{ method: "karta", cardNumber: "123456", firstName: "A" }, ["lastName"], "vote.error.required"],
    [{ method: "email" }, ["method"], "vote.error.identify_method"],
  ])("%j", (input, path, message) => {
    const r = IdentifyInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path, message });
  });

  it("accepts valid input of both methods", () => {
    expect(IdentifyInputSchema.safeParse({ method: "pesel", pesel: PESEL, parentFirstName: "Jan" }).success).toBe(true);
    expect(IdentifyInputSchema.safeParse({ method: "karta", cardNumber: "123456", firstName: "A", lastName: "B" }).success).toBe(true);
  });

  it("every message is a vote.error.* key", () => {
    const bad = [null, 42, {}, { method: "pesel", pesel: 1, parentFirstName: [] }, { method: "karta", cardNumber: "x".repeat(2000) }];
    for (const input of bad) {
      const r = IdentifyInputSchema.safeParse(input);
      expect(r.success).toBe(false);
      for (const issue of r.error?.issues ?? []) expect(issue.message).toMatch(/^vote\.error\.[a-z_]+$/);
    }
  });

  it("honours a configured name length and card pattern", () => {
    const schema = makeIdentifyInputSchema({ nameMaxLength: 3, kartaPattern: /^K[0-9]{4}$/ });
    expect(schema.safeParse({ method: "karta", cardNumber: "k-1234", firstName: "Ala", lastName: "Bo" }).success).toBe(true);
    expect(schema.safeParse({ method: "karta", cardNumber: "k-1234", firstName: "Alan", lastName: "Bo" }).success).toBe(false);
    expect(schema.safeParse({ method: "karta", cardNumber: "123456", firstName: "Ala", lastName: "Bo" }).success).toBe(false);
  });
});

describe("identify", () => {
  it("PESEL: key string and birth date, and nothing about sex (it is not kept)", () => {
    expect(identify({ method: "pesel", pesel: "440 514 013 59", parentFirstName: "  ŁUKASZ " })).toEqual({
      ok: true,
      method: "pesel",
      keyString: "pesel:44051401359|parent:łukasz",
      birthDate: { year: 1944, month: 5, day: 14 },
    });
  });

  it("Karta: key string, no birth date", () => {
    expect(identify({ method: "karta", cardNumber: "1234 5678", firstName: "Zoé", lastName: "Kowalska-Nowak" })).toEqual({
      ok: true,
      method: "karta",
      keyString: "karta:12345678|name:zoé kowalska-nowak",
    });
  });

  it("the same person typed differently yields the same key", () => {
    const a = identify({ method: "karta", cardNumber: "123-456", firstName: " Łukasz ", lastName: "WIŚNIEWSKI" });
    const b = identify({ method: "karta", cardNumber: "123456", firstName: "łukasz", lastName: "wiśniewski" });
    expect(a.ok && b.ok && a.keyString === b.keyString).toBe(true);
  });

  it.each([
    [null, "identify_method", undefined],
    [{ method: "sms" }, "identify_method", "method"],
    [{ method: "pesel", pesel: "44051401358", parentFirstName: "Jan" }, "pesel_checksum", "pesel"],
    [{ method: "pesel", pesel: "4405140135", parentFirstName: "Jan" }, "pesel_format", "pesel"],
    [{ method: "pesel", pesel: "00022900003", parentFirstName: "Jan" }, "pesel_birth_date", "pesel"],
    [{ method: "pesel", pesel: PESEL, parentFirstName: " " }, "required", "parentFirstName"],
    [{ method: "karta", cardNumber: "12", firstName: "A", lastName: "B" }, "karta_format", "cardNumber"],
    [{ method: "karta", cardNumber: "123456", firstName: "A".repeat(61), lastName: "B" }, "name_too_long", "firstName"],
    [{ method: "karta", cardNumber: "123456", firstName: "A", lastName: "B\u200B" }, "name_invalid_characters", "lastName"],
  ])("%j → %s", (input, reason, field) => {
    const r = identify(input);
    expect(r).toEqual(field === undefined ? { ok: false, reason } : { ok: false, reason, field });
  });

  it("uses configured options", () => {
    expect(identify({ method: "karta", cardNumber: "123456", firstName: "Anna", lastName: "B" }, { nameMaxLength: 3 })).toEqual({
      ok: false,
      reason: "name_too_long",
      field: "firstName",
    });
  });
});
