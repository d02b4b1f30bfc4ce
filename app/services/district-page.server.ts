/**
 * What a district's page shows: the district, its pools' amounts, the filter as understood and one
 * page of proposal cards (PAGE_SIZE), with only the fields the page shows — the loader's data is
 * sent with the HTML for hydration, so anything more would travel twice. Null when the district or
 * the current edition does not exist.
 */
import { getDistrictBySlug } from "~/data/districts.server";
import { listPools } from "~/data/editions.server";
import { countPublicProposals, listPublicProposals } from "~/data/proposals.server";
import type { Db } from "../../db/client";
import { pageWindow } from "~/domain/paging";
import { PageParamSchema, ProposalFilterSchema } from "~/domain/proposals";
import { currentEdition } from "./current-edition.server";

export async function loadDistrictPage(db: Db, slug: string, search: URLSearchParams) {
  const [edition, district] = await Promise.all([currentEdition(db), getDistrictBySlug(db, slug)]);
  if (!edition || !district) return null;
  const filter = ProposalFilterSchema.parse(Object.fromEntries(search));
  const requested = PageParamSchema.parse(search.get("page") ?? undefined);
  const pools = await listPools(db, edition.id, "bo", { districtId: district.id });
  const poolIds = pools.map((p) => p.id);
  const total = await countPublicProposals(db, poolIds, filter);
  const window = pageWindow(total, requested);
  const proposals = await listPublicProposals(db, poolIds, filter, window);
  return {
    district: { id: district.id, name: district.name, population: district.population },
    pools: pools.map((p) => ({ id: p.id, kind: p.kind, budgetGrosze: p.budgetGrosze, maxProjectCostGrosze: p.maxProjectCostGrosze })),
    filter,
    proposals,
    paging: { page: window.page, pages: window.pages, first: window.first, last: window.last, total },
  };
}
