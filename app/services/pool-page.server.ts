/** Loader shared by the pages that list one non-district pool (city pool, youth, children). */
import { getCurrentEdition, listPools, listProgrammes } from "~/data/editions.server";
import { listPublicProposals } from "~/data/proposals.server";
import { db } from "~/db.server";
import { ProposalFilterSchema } from "~/domain/proposals";
import { getTranslator, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { invariantResponse } from "~/http/invariant";

export async function loadPoolPage(request: Request, kind: "bo" | "youth" | "children", titleKey: MessageKey) {
  const { t } = getTranslator(getLocale(request));
  const edition = await getCurrentEdition(db());
  if (!edition) throw new Response("No current edition", { status: 404 });
  const [pools, programmes] = await Promise.all([
    listPools(db(), edition.id, kind, { districtId: null }),
    listProgrammes(db(), edition.id),
  ]);
  invariantResponse(pools.length > 0, 404);
  const programme = programmes.find((p) => p.kind === kind) ?? null;
  const filter = ProposalFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const proposals = await listPublicProposals(
    db(),
    pools.map((p) => p.id),
    { ...filter, pool: undefined },
  );
  return {
    title: `${t(titleKey)} · ${t("site.name")}`,
    kind,
    pools,
    filter,
    proposals,
    ages: programme && programme.minAge !== null && programme.maxAge !== null ? { min: programme.minAge, max: programme.maxAge } : null,
    youthCouncil: programme?.moderation === "youth_council",
  };
}
