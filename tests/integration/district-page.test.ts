/**
 * A district's page sends one page of 24 proposal cards with only the fields a card shows, the
 * count of all that match, and a page number that is always one of the pages (issue #18).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPublicProposals, listPublicProposals } from "~/data/proposals.server";
import { listPools } from "~/data/editions.server";
import { getDistrictBySlug } from "~/data/districts.server";
import { PAGE_SIZE } from "~/domain/paging";
import { loadDistrictPage } from "~/services/district-page.server";
import { createTestDb, type TestDb } from "../support/db";

const SLUG = "babie-doly";
const ADDED = 50;
let t: TestDb;
let demoCount = 0;

beforeAll(async () => {
  t = await createTestDb({ seed: true, now: new Date("2026-11-22T10:00:00Z") });
  const district = await getDistrictBySlug(t.db, SLUG);
  const pools = await listPools(t.db, "ed_2026", "bo", { districtId: district!.id });
  demoCount = await countPublicProposals(t.db, pools.map((p) => p.id));
  const large = pools.find((p) => p.kind === "district_large")!;
  const small = pools.find((p) => p.kind === "district_small")!;
  const at = "2026-11-01T10:00:00.000Z";
  await t.db
    .insertInto("proposals")
    .values(
      Array.from({ length: ADDED }, (_, i) => {
        const title = `Ławki przy ulicy ${String(i + 1).padStart(2, "0")}`;
        return {
          id: `prp_page_${i}`,
          edition_id: "ed_2026",
          pool_id: i % 5 === 0 ? small.id : large.id,
          number: `2026/PAGE/${String(i).padStart(3, "0")}`,
          title,
          summary: "Nowe ławki i kosze.",
          description: "Nowe ławki i kosze przy ulicy, z oświetleniem ścieżki.",
          category: i % 2 ? "green" : "sport",
          location: "Gdynia",
          beneficiaries: "mieszkańcy",
          cost_grosze: (i % 5 === 0 ? 15_000 : 200_000) * 100,
          status: "accepted",
          search_text: title.toLocaleLowerCase("pl"),
          created_at: at,
          updated_at: at,
        };
      }),
    )
    .execute();
});
afterAll(async () => t.cleanup());

const search = (q: string) => new URLSearchParams(q);

describe("loadDistrictPage", () => {
  it("sends the first 24 cards, only the fields a card shows, and the count of all", async () => {
    const page = await loadDistrictPage(t.db, SLUG, search(""));
    const total = demoCount + ADDED;
    expect(page!.proposals).toHaveLength(PAGE_SIZE);
    expect(page!.paging).toEqual({ page: 1, pages: Math.ceil(total / PAGE_SIZE), first: 1, last: PAGE_SIZE, total });
    expect(Object.keys(page!.proposals[0]!).sort()).toEqual(["category", "contentLang", "costGrosze", "id", "number", "poolKind", "status", "summary", "title", "translations"]);
    expect(Object.keys(page!.district).sort()).toEqual(["id", "name", "population"]); // the id: the follow button (#17)
    expect(Object.keys(page!.pools[0]!).sort()).toEqual(["budgetGrosze", "id", "kind", "maxProjectCostGrosze"]);
    expect(JSON.stringify(page).length).toBeLessThan(12_000);
  });

  it("walks every page once, in the listing's order, and shows the last page for a page past the end", async () => {
    const district = await getDistrictBySlug(t.db, SLUG);
    const pools = await listPools(t.db, "ed_2026", "bo", { districtId: district!.id });
    const all = (await listPublicProposals(t.db, pools.map((p) => p.id))).map((p) => p.id);
    const first = await loadDistrictPage(t.db, SLUG, search(""));
    const seen: string[] = [];
    for (let n = 1; n <= first!.paging.pages; n++) {
      const page = await loadDistrictPage(t.db, SLUG, search(`page=${n}`));
      expect(page!.paging.page).toBe(n);
      seen.push(...page!.proposals.map((p) => p.id));
    }
    expect(seen).toEqual(all);
    const past = await loadDistrictPage(t.db, SLUG, search("page=999"));
    expect(past!.paging.page).toBe(first!.paging.pages);
    expect(past!.proposals.map((p) => p.id)).toEqual(all.slice((first!.paging.pages - 1) * PAGE_SIZE));
  });

  it.each(["page=0", "page=-1", "page=abc", "page=1.5", "page=99999999999"])("reads ?%s as the first page", async (q) => {
    const page = await loadDistrictPage(t.db, SLUG, search(q));
    expect(page!.paging.page).toBe(1);
  });

  it("pages the filtered list and counts only what matches", async () => {
    const filtered = await loadDistrictPage(t.db, SLUG, search("pool=district_small&page=1"));
    expect(filtered!.paging.total).toBeLessThan(demoCount + ADDED);
    expect(filtered!.proposals.every((p) => p.poolKind === "district_small")).toBe(true);
    const text = await loadDistrictPage(t.db, SLUG, search("q=ŁAWKI PRZY&category=green"));
    expect(text!.paging.total).toBe(ADDED / 2);
    expect(text!.proposals).toHaveLength(PAGE_SIZE);
    expect(text!.paging.pages).toBe(2);
    const second = await loadDistrictPage(t.db, SLUG, search("q=ławki przy&category=green&page=2"));
    expect(second!.proposals).toHaveLength(ADDED / 2 - PAGE_SIZE);
  });

  it("is null for a district that does not exist", async () => {
    expect(await loadDistrictPage(t.db, "atlantyda", search(""))).toBeNull();
  });
});
