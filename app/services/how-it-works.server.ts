/**
 * The public pages that explain an edition and find its projects: "Jak to działa" (phases with
 * their dates, who votes and how, each programme's rules, the regulations, the districts) and the
 * search across all proposals of the current edition. Plain reads; null when no edition is current.
 */
import type { Db } from "../../db/client";
import { listDistricts } from "~/data/districts.server";
import { getEditionPublicInfo, listEditionPools, listProgrammesAdmin } from "~/data/edition-admin.server";
import { countEditionProposals, searchEditionProposals } from "~/data/project-search.server";
import { listEditionPoints } from "~/data/voting-points.server";
import { agePhrase, poolRulePhrases, supportPhrase } from "~/domain/how-it-works";
import { pageWindow } from "~/domain/paging";
import { orderPhases } from "~/domain/phases";
import { PageParamSchema, ProposalFilterSchema } from "~/domain/proposals";
import { currentEdition } from "./current-edition.server";

export async function loadHowItWorks(db: Db) {
  const edition = await currentEdition(db);
  if (!edition) return null;
  const [programmes, pools, points, info, districts] = await Promise.all([
    listProgrammesAdmin(db, edition.id),
    listEditionPools(db, edition.id),
    listEditionPoints(db, edition.id, { activeOnly: true }),
    getEditionPublicInfo(db, edition.id),
    listDistricts(db),
  ]);
  return {
    year: edition.year,
    phases: orderPhases(edition.phases),
    programmes: programmes.map((p) => ({
      kind: p.kind,
      age: agePhrase(p.minAge, p.maxAge),
      guardianBelowAge: p.guardianBelowAge,
      support: supportPhrase(p.supportsRequired, p.moderation),
      moderation: p.moderation,
      ballots: poolRulePhrases(pools.filter((po) => po.programme_id === p.id).map((po) => ({ kind: po.kind, ballotRule: po.ballot_rule }))),
    })),
    points: points.map((p) => ({ id: p.id, name: p.name, address: p.address, openingHours: p.openingHours })),
    rules: { text: info.hasRules, pdf: info.hasPdf },
    districts: districts.map((d) => ({ slug: d.slug, name: d.name })),
  };
}

/** One page of the current edition's public proposals matching `q` (title, summary, place or number). */
export async function loadProjectSearch(db: Db, search: URLSearchParams) {
  const edition = await currentEdition(db);
  if (!edition) return null;
  const { q } = ProposalFilterSchema.pick({ q: true }).parse({ q: search.get("q") ?? undefined });
  const requested = PageParamSchema.parse(search.get("page") ?? undefined);
  const total = await countEditionProposals(db, edition.id, q);
  const window = pageWindow(total, requested);
  const hits = await searchEditionProposals(db, edition.id, q, window);
  return { year: edition.year, q: q ?? "", hits, paging: { page: window.page, pages: window.pages, first: window.first, last: window.last, total } };
}
