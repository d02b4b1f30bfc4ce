import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ProposalList } from "~/components/proposals";
import { getCurrentEdition, listPools } from "~/data/editions.server";
import { listPublicProposals } from "~/data/proposals.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "moderation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "moderation.panel");
  const edition = await getCurrentEdition(db());
  if (!edition) return { proposals: [] };
  const pools = await listPools(db(), edition.id, "youth");
  return {
    proposals: await listPublicProposals(
      db(),
      pools.map((p) => p.id),
    ),
  };
}

export default function Moderation() {
  const { proposals } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container">
      <h1>{t("moderation.title")}</h1>
      <p className="lead">{t("moderation.lead")}</p>
      <ProposalList proposals={proposals} />
    </div>
  );
}
