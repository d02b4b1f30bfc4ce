/** The public API's shapes (app/domain/api-schemas.ts): query parsing, the personal-key scan, and output that keeps only listed fields. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, forbiddenKeysIn, ProposalApi, ProposalQueryApi, YearParamApi } from "~/domain/api-schemas";

describe("ProposalQueryApi", () => {
  it.each([
    [{}, { limit: API_DEFAULT_LIMIT, offset: 0 }],
    [{ limit: "1", offset: "5" }, { limit: 1, offset: 5 }],
    [{ limit: String(API_MAX_LIMIT) }, { limit: API_MAX_LIMIT, offset: 0 }],
    [{ pool: "district_small", district: "orlowo", status: "accepted", programme: "youth" }, { limit: API_DEFAULT_LIMIT, offset: 0, pool: "district_small", district: "orlowo", status: "accepted", programme: "youth" }],
    [{ unknown: "x" }, { limit: API_DEFAULT_LIMIT, offset: 0 }],
  ])("accepts %j", (input, output) => {
    expect(ProposalQueryApi.parse(input)).toEqual(output);
  });

  it.each([
    { limit: String(API_MAX_LIMIT + 1) },
    { limit: "0" },
    { limit: "1.5" },
    { limit: "abc" },
    { offset: "-1" },
    { status: "draft" },
    { pool: "everything" },
    { district: "Orłowo" },
    { district: "x".repeat(61) },
    { programme: "adults" },
  ])("refuses %j", (input) => {
    expect(ProposalQueryApi.safeParse(input).success).toBe(false);
  });
});

describe("YearParamApi", () => {
  it.each([
    ["2026", true],
    ["1999", false],
    ["current", false],
    ["2026.5", false],
  ])("%s → %s", (v, ok) => expect(YearParamApi.safeParse(v).success).toBe(ok));
});

describe("response schemas keep only their fields", () => {
  const proposal = {
    id: "prp_1",
    number: "2026/Z/1",
    title: "Ławki",
    summary: "Nowe ławki",
    status: "accepted",
    category: "green",
    costGrosze: 100,
    year: 2026,
    programme: "bo",
    pool: { id: "pool_1", kind: "city" },
    district: null,
    result: null,
    language: "pl",
    translations: [{ lang: "uk", title: "Назва", summary: "Короткий опис" }],
  };
  it("drops whatever else a row carries (an author, a guardian's name, who translated)", () => {
    const parsed = ProposalApi.parse({ ...proposal, authorUserId: "usr_1", guardianName: "Anna", pool: { ...proposal.pool, budget: 1 }, translations: [{ ...proposal.translations[0], translatedBy: "usr_2" }] });
    expect(parsed).toEqual(proposal);
  });
  it("refuses a translation into a language the site does not have", () => {
    expect(ProposalApi.safeParse({ ...proposal, translations: [{ lang: "de", title: "Titel", summary: "Zusammenfassung" }] }).success).toBe(false);
  });
  it("refuses a draft or a negative cost", () => {
    expect(ProposalApi.safeParse({ ...proposal, status: "draft" }).success).toBe(false);
    expect(ProposalApi.safeParse({ ...proposal, costGrosze: -1 }).success).toBe(false);
  });
});

describe("forbiddenKeysIn", () => {
  it.each([
    [{ a: 1, b: [{ c: 2 }] }, []],
    [{ email: "x" }, ["$.email"]],
    [{ list: [{ ok: 1 }, { authorUserId: "u" }] }, ["$.list[1].authorUserId"]],
    [{ nested: { contactEmail: "x", PESEL: "1" } }, ["$.nested.contactEmail", "$.nested.PESEL"]],
    [{ voter_id: 1, user: { name: "x" } }, ["$.voter_id", "$.user"]],
    [[{ password: "x" }], ["$[0].password"]],
  ])("%j → %j", (value, found) => {
    expect(forbiddenKeysIn(value)).toEqual(found);
  });

  it("finds a forbidden key planted anywhere in any JSON value", () => {
    const safeKey = fc.constantFrom("id", "title", "votes", "rows", "district", "pool", "summary");
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.integer(), fc.string(), fc.constant(null), tie("object"), tie("array")),
      object: fc.dictionary(safeKey, tie("value"), { maxKeys: 4 }),
      array: fc.array(tie("value"), { maxLength: 3 }),
    }));
    fc.assert(
      fc.property(json.object, fc.constantFrom("email", "author", "pesel", "voterId", "displayName"), (obj, bad) => {
        expect(forbiddenKeysIn(obj)).toEqual([]);
        const planted = { wrapper: [obj, { [bad]: "x" }] };
        expect(forbiddenKeysIn(planted)).toEqual([`$.wrapper[1].${bad}`]);
      }),
    );
  });
});
