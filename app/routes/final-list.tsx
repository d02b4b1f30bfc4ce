import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { FinalListPools } from "~/components/final-list";
import { ListCorrections } from "~/components/review";
import { currentEdition } from "~/services/current-edition.server";
import { listListCorrections } from "~/data/decisions.server";
import { listFinalLists } from "~/data/final-lists.server";
import { db } from "~/db.server";
import { LIST_CORRECTIONS, ON_BALLOT_STATUSES } from "~/domain/workflow/corrections";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import type { RouteHandle } from "~/http/route-meta.server";
import { PageHeader } from "~/components/page-header";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "final.title");

export async function loader(_: LoaderFunctionArgs) {
  const edition = await currentEdition(db());
  if (!edition) return { pools: [], corrections: [] };
  const [pools, corrections] = await Promise.all([listFinalLists(db(), edition.id, ON_BALLOT_STATUSES, { publishedOnly: true }), listListCorrections(db(), edition.id, LIST_CORRECTIONS)]);
  return { pools, corrections };
}

export default function FinalList() {
  const { pools, corrections } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container">
      <PageHeader parents={[]} title={t("final.title")} lead={t("final.lead")} />
      {/* corrections first: they change what the list below says, so nobody should miss them */}
      {corrections.length > 0 ? <ListCorrections items={corrections} /> : null}
      {pools.length === 0 ? <p className="empty">{t("final.notPublished")}</p> : <FinalListPools pools={pools} />}
    </div>
  );
}
