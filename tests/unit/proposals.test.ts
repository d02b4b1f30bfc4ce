import { describe, expect, it } from "vitest";
import { ProposalFilterSchema, searchText } from "~/domain/proposals";

describe("ProposalFilterSchema", () => {
  it("keeps valid filters", () => {
    expect(ProposalFilterSchema.parse({ q: " ławka ", pool: "district_small", category: "green", status: "accepted" })).toEqual({
      q: "ławka",
      pool: "district_small",
      category: "green",
      status: "accepted",
    });
  });
  it("drops unknown values instead of failing the page", () => {
    expect(ProposalFilterSchema.parse({ pool: "<script>", category: "nope", status: "draft", q: "" })).toEqual({
      q: undefined,
      pool: undefined,
      category: undefined,
      status: undefined,
    });
  });
  it("cuts an over-long query to 100 characters", () => {
    expect(ProposalFilterSchema.parse({ q: "x".repeat(500) }).q).toHaveLength(100);
  });
});

describe("searchText", () => {
  it("lower-cases Polish letters and folds whitespace", () => {
    expect(searchText("  ŁAWKI  na\tŚródmieściu ", "Żółw")).toBe("ławki na śródmieściu żółw");
  });
});
