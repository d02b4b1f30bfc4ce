import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { currentEdition } from "~/services/current-edition.server";
import { countProposalsByStatus } from "~/data/stats.server";
import { db } from "~/db.server";
import { can, canInAll } from "~/domain/permissions";
import { currentProgrammes } from "~/auth/scope.server";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { DataTable } from "~/components/data-table";

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
      <h1>{t("official.title")}</h1>
      <p className="lead">{t("official.lead")}</p>
      <ul className="link-list">
        <li>
          <Link to="/official/verification">{t("nav.verification")}</Link>
        </li>
        <li>
          <Link to="/official/final-list">{t("final.admin.title")}</Link>
        </li>
        <li>
          <Link to="/official/proposals/new">{t("official.link.paperProposal")}</Link>
        </li>
        <li>
          <Link to="/moderation/comments">{t("nav.commentModeration")}</Link>
        </li>
        <li><Link to="/official/implementations">{t("implementation.official.title")}</Link></li>
        {may.register ? (
          <li>
            <Link to="/official/register">{t("official.link.register")}</Link>
          </li>
        ) : null}
        {may.paper ? (
          <li>
            <Link to="/official/paper">{t("official.link.paper")}</Link>
          </li>
        ) : null}
        {may.point ? (
          <li>
            <Link to="/official/voting-point">{t("official.link.point")}</Link>
          </li>
        ) : null}
        {may.results ? (
          <li>
            <Link to="/official/results">{t("official.link.results")}</Link>
          </li>
        ) : null}
      </ul>
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
