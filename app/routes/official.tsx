import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { currentEdition } from "~/services/current-edition.server";
import { countProposalsByStatus } from "~/data/stats.server";
import { db } from "~/db.server";
import { can, canInAll } from "~/domain/permissions";
import { currentProgrammes } from "~/auth/scope.server";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { DataTable } from "~/components/data-table";
import { LinkList } from "~/components/link-list";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "official.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "official.panel");
  const edition = await currentEdition(db());
  const counts = edition ? await countProposalsByStatus(db(), edition.id) : [];
  const programmes = await currentProgrammes();
  // only the programmes this official works on, and links only to the pages their scope opens
  return {
    rows: counts.filter((c) => can(user, "proposals.verify", c.programme)),
    may: {
      register: canInAll(user, "register.import", programmes),
      paper: can(user, "ballots.enter_paper", "bo"),
      point: canInAll(user, "voting_point.run", programmes),
      results: canInAll(user, "results.publish", programmes),
    },
  };
}

export default function OfficialPanel() {
  const { rows, may } = useLoaderData<typeof loader>();
  const { t, number } = useT();
  return (
    <div className="container">
      <PageHeader title={t("official.title")} lead={t("official.lead")} />
      <LinkList
        links={[
          { to: "/official/verification", label: t("nav.verification") },
          { to: "/official/final-list", label: t("final.admin.title") },
          { to: "/official/proposals/new", label: t("official.link.paperProposal") },
          { to: "/moderation/comments", label: t("nav.commentModeration") },
          { to: "/official/implementations", label: t("implementation.official.title") },
          may.register && { to: "/official/register", label: t("official.link.register") },
          may.paper && { to: "/official/paper", label: t("official.link.paper") },
          may.point && { to: "/official/voting-point", label: t("official.link.point") },
          may.results && { to: "/official/results", label: t("official.link.results") },
        ]}
      />
      <DataTable
        label={t("official.title")}
        rows={rows}
        rowKey={(r) => `${r.programme}-${r.status}`}
        columns={[
          { key: "programme", head: t("official.col.programme"), cell: (r) => t(`programme.${r.programme}`) },
          { key: "status", head: t("official.col.status"), cell: (r) => t(`status.${r.status}` as MessageKey) },
          { key: "count", head: t("official.col.count"), num: true, cell: (r) => number(r.count) },
        ]}
      />
    </div>
  );
}
