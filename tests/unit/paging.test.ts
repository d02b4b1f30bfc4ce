import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAGE_SIZE, pageQuery, pageWindow } from "~/domain/paging";
import { PageParamSchema } from "~/domain/proposals";

describe("PageParamSchema", () => {
  it.each([
    ["1", 1],
    ["2", 2],
    ["17", 17],
    [undefined, 1],
    ["", 1],
    ["0", 1],
    ["-3", 1],
    ["2.5", 1],
    ["abc", 1],
    ["1e9", 1],
    ["10000", 10_000],
    ["10001", 1],
  ])("?page=%s is page %i", (raw, page) => {
    expect(PageParamSchema.parse(raw)).toBe(page);
  });
});

describe("pageWindow", () => {
  it.each([
    // total, requested, page, pages, offset, first, last
    [0, 1, 1, 1, 0, 0, 0],
    [0, 5, 1, 1, 0, 0, 0],
    [1, 1, 1, 1, 0, 1, 1],
    [24, 1, 1, 1, 0, 1, 24],
    [25, 1, 1, 2, 0, 1, 24],
    [25, 2, 2, 2, 24, 25, 25],
    [205, 9, 9, 9, 192, 193, 205],
    [205, 10, 9, 9, 192, 193, 205],
    [205, 3, 3, 9, 48, 49, 72],
  ])("%i rows, page %i asked: page %i of %i, offset %i, rows %i–%i", (total, requested, page, pages, offset, first, last) => {
    expect(pageWindow(total, requested)).toEqual({ page, pages, offset, limit: PAGE_SIZE, first, last });
  });

  it("shows every row exactly once across the pages", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 50 }), (total, size) => {
        const { pages } = pageWindow(total, 1, size);
        let seen = 0;
        for (let p = 1; p <= pages; p++) {
          const w = pageWindow(total, p, size);
          expect(w.page).toBe(p);
          expect(w.offset).toBe(seen);
          const shown = Math.max(0, Math.min(w.limit, total - w.offset));
          if (shown > 0) expect([w.first, w.last]).toEqual([w.offset + 1, w.offset + shown]);
          seen += shown;
        }
        expect(seen).toBe(total);
      }),
    );
  });
});

describe("pageQuery", () => {
  it.each([
    ["", 2, "?page=2"],
    ["", 1, ""],
    ["?page=2", 1, ""],
    ["?pool=district_small&q=park", 3, "?pool=district_small&q=park&page=3"],
    ["?pool=district_small&page=3", 1, "?pool=district_small"],
    ["?page=3&q=a+b", 2, "?page=2&q=a+b"],
  ])("%s → page %i is %s", (search, page, expected) => {
    expect(pageQuery(search, page)).toBe(expected);
  });
});
