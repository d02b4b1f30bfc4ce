import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { StatusBadge } from "~/components/proposals";
import { ProposalDoneNotice } from "~/components/proposal-form";
import { DataTable } from "~/components/data-table";
import { listMyProposals } from "~/data/workflow-queues.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "my.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { proposals: await listMyProposals(db(), user.id) };
}

export default function MyProposals() {
  const { proposals } = useLoaderData<typeof loader>();
  const { t, money } = useT();
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/account", label: t("nav.account") }]} notice={<ProposalDoneNotice />} title={t("my.title")} lead={t("my.lead")} />
      <p>
        <Link className="button" to="/proposals/new">
          {t("my.new")}
        </Link>
      </p>
      <DataTable
        label={t("my.title")}
        rows={proposals}
        empty={t("my.empty")}
        columns={[
          {
            key: "title",
            head: t("my.col.title"),
            cell: (p) => (
              <>
                <Link to={`/proposals/${p.id}`}>{p.title}</Link>
                {p.supportsRequired > 0 && p.status === "submitted" ? <div className="muted">{t("my.supports", { count: p.supportCount, required: p.supportsRequired })}</div> : null}
              </>
            ),
          },
          { key: "status", head: t("my.col.status"), cell: (p) => <StatusBadge status={p.status} /> },
          { key: "cost", head: t("my.col.cost"), num: true, cell: (p) => money(p.costGrosze) },
          {
            key: "actions",
            head: t("my.col.actions"),
            cell: (p) => (
              <>
                {p.status === "draft" || p.status === "needs_changes" ? (
                  <Link to={`/proposals/${p.id}/edit`} aria-label={`${t("my.edit")}: ${p.title}`}>
                    {t("my.edit")}
                  </Link>
                ) : null}
                {p.status === "draft" && p.supportsRequired > 0 ? (
                  <div>
                    <a href={`/proposals/${encodeURIComponent(p.id)}/support-list.pdf`} aria-label={`${t("print.links.supportShort")}: ${p.title}`}>
                      {t("print.links.supportShort")}
                    </a>
                  </div>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
