/** What the pages listing one non-district pool show (city pool, youth, children); null when there is none. */
import { listPools, listProgrammes } from "~/data/editions.server";
import { currentEdition } from "./current-edition.server";
import { listPublicProposals } from "~/data/proposals.server";
import { db } from "~/db.server";
import { ProposalFilterSchema } from "~/domain/proposals";
import { getTranslator, type Locale, type MessageKey } from "~/i18n";

export async function loadPoolPage(locale: Locale, search: URLSearchParams, kind: "bo" | "youth" | "children", titleKey: MessageKey) {
  const { t } = getTranslator(locale);
  const edition = await currentEdition(db());
  if (!edition) return null;
  const [pools, programmes] = await Promise.all([
    listPools(db(), edition.id, kind, { districtId: null }),
    listProgrammes(db(), edition.id),
  ]);
  if (pools.length === 0) return null;
  const programme = programmes.find((p) => p.kind === kind) ?? null;
  const filter = ProposalFilterSchema.parse(Object.fromEntries(search));
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
