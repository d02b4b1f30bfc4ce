import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ProposalList } from "~/components/proposals";
import { listPools } from "~/data/editions.server";
import { currentEdition } from "~/services/current-edition.server";
import { listPublicProposals } from "~/data/proposals.server";
import { listQueue } from "~/data/workflow-queues.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { ItemList } from "~/components/item-list";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "moderation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // the page lists and decides youth proposals only: the council of the youth programme
  await requirePermission(request, "youth.moderate", "youth");
  const edition = await currentEdition(db());
  if (!edition) return { proposals: [], queue: [] };
  const pools = await listPools(db(), edition.id, "youth");
  return {
    // youth proposals waiting for the council: approve to verification or return with a reason
    queue: await listQueue(db(), edition.id, ["youth"], ["submitted"]),
    proposals: await listPublicProposals(
      db(),
      pools.map((p) => p.id),
    ),
  };
}

export default function Moderation() {
  const { proposals, queue } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container">
      <PageHeader title={t("moderation.title")} lead={t("moderation.lead")} />
      <p>
        <Link to="/moderation/comments">{t("moderation.commentsLink")}</Link>
      </p>
      <h2>{t("moderation.queue")}</h2>
      <ItemList items={queue} empty={t("moderation.queue.empty")} className="link-list" itemKey={(p) => p.id}>
        {(p) => (
          <>
            <Link to={`/proposals/${p.id}/review`}>{p.title}</Link> <span className="muted">({p.number})</span>
          </>
        )}
      </ItemList>
      <h2>{t("moderation.all")}</h2>
      <ProposalList proposals={proposals} />
    </div>
  );
}
