import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDistrictOverview, getDistrictBySlug } from "~/data/districts.server";
import { getCurrentEdition, listArchivedEditions, listPools, listProgrammes } from "~/data/editions.server";
import { getPublicProposal, listPublicProposals } from "~/data/proposals.server";
import { listPublishedResults } from "~/data/results.server";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true, now: new Date("2026-11-22T10:00:00Z") });
});
afterAll(async () => t.cleanup());

describe("editions and pools", () => {
  it("finds the current edition with its phases and programmes", async () => {
    const e = await getCurrentEdition(t.db);
    expect(e?.year).toBe(2026);
    expect(e?.phases).toHaveLength(7);
    const programmes = await listProgrammes(t.db, e!.id);
    expect(programmes.map((p) => p.kind)).toEqual(["bo", "youth", "children"]);
    expect(programmes[0]!.budgetGrosze).toBe(13_549_266_00);
    expect(programmes[1]!.moderation).toBe("youth_council");
  });
  it("lists the archive", async () => {
    expect((await listArchivedEditions(t.db)).map((e) => e.year)).toEqual([2025]);
  });
  it("publishes archive results ranked by votes", async () => {
    const [pool] = await listPublishedResults(t.db, "ed_2025");
    expect(pool!.voters).toBe(15962);
    expect(pool!.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pool!.spentGrosze).toBe(pool!.rows.filter((r) => r.selected).reduce((s, r) => s + r.costGrosze, 0));
  });
});

describe("district listing and filters", () => {
  it("overview has all districts with amounts and counts", async () => {
    const rows = await listDistrictOverview(t.db, "ed_2026");
    expect(rows).toHaveLength(21);
    rows.forEach((r) => {
      expect(r.largeGrosze).toBeGreaterThan(r.smallGrosze);
      expect(r.proposals).toBeGreaterThanOrEqual(2);
    });
  });

  it("filters by pool, category and text (case- and diacritic-case-insensitive)", async () => {
    const d = await getDistrictBySlug(t.db, "orlowo");
    expect(d?.name).toBe("Orłowo");
    const pools = await listPools(t.db, "ed_2026", "bo", { districtId: d!.id });
    const ids = pools.map((p) => p.id);
    const all = await listPublicProposals(t.db, ids);
    const small = await listPublicProposals(t.db, ids, { pool: "district_small" });
    expect(small.length).toBeGreaterThan(0);
    expect(small.length).toBeLessThan(all.length);
    expect(small.every((p) => p.poolKind === "district_small" && p.costGrosze <= 20_000_00)).toBe(true);

    const someone = all[0]!;
    const word = someone.title.split(/\s+/).find((w) => w.length > 4)!;
    const found = await listPublicProposals(t.db, ids, { q: word.toLocaleUpperCase("pl") });
    expect(found.map((p) => p.id)).toContain(someone.id);

    const byCategory = await listPublicProposals(t.db, ids, { category: someone.category as never });
    expect(byCategory.every((p) => p.category === someone.category)).toBe(true);
  });

  it("treats % and _ in a search literally", async () => {
    const pools = await listPools(t.db, "ed_2026", "bo");
    const ids = pools.map((p) => p.id);
    expect(await listPublicProposals(t.db, ids, { q: "%" })).toEqual([]);
    expect(await listPublicProposals(t.db, ids, { q: "_" })).toEqual([]);
  });

  it("never shows drafts", async () => {
    const pools = await listPools(t.db, "ed_2026", "bo");
    const target = (await listPublicProposals(t.db, [pools[0]!.id]))[0]!;
    await t.db.updateTable("proposals").set({ status: "draft" }).where("id", "=", target.id).execute();
    try {
      expect((await listPublicProposals(t.db, [pools[0]!.id])).map((p) => p.id)).not.toContain(target.id);
      expect(await getPublicProposal(t.db, target.id)).toBeNull();
    } finally {
      await t.db.updateTable("proposals").set({ status: "accepted" }).where("id", "=", target.id).execute();
    }
  });

  it("returns a proposal with its cost breakdown summing to its cost", async () => {
    const pools = await listPools(t.db, "ed_2026", "bo");
    const first = (await listPublicProposals(t.db, [pools[1]!.id]))[0]!;
    const p = await getPublicProposal(t.db, first.id);
    expect(p?.costItems.length).toBeGreaterThan(0);
    expect(p!.costItems.reduce((s, c) => s + c.amountGrosze, 0)).toBe(p!.costGrosze);
    expect(p!.result).toBeNull();
  });
});
