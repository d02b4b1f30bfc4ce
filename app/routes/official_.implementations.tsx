/** /official/implementations: the winning projects of the official's programmes, to update. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { ImplementationBadge, OverdueBadge } from "~/components/implementation";
import { DataTable } from "~/components/data-table";
import { listImplementations } from "~/data/implementations.server";
import { db } from "~/db.server";
import { isOverdue, warsawDate } from "~/domain/implementation";
import { programmesWhere } from "~/domain/permissions";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "implementation.official.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "official.panel");
  const today = warsawDate(new Date());
  const rows = await listImplementations(db(), { programmes: programmesWhere(user, "implementation.update") });
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      year: r.editionYear,
      district: r.districtName,
      status: r.status,
      progressPct: r.progressPct,
      overdue: isOverdue({ status: r.status, editionYear: r.editionYear, plannedEnd: r.plannedEnd }, today),
    })),
  };
}

export default function OfficialImplementations() {
  const { items } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/official", label: t("official.title") }]} title={t("implementation.official.title")} lead={t("implementation.official.lead")} />
      <DataTable
        label={t("implementation.official.title")}
        tableClass="impl-table"
        rows={items}
        empty={t("implementation.official.none")}
        columns={[
          { key: "year", head: t("implementation.filter.edition"), cell: (i) => i.year },
          {
            key: "proposal",
            head: t("implementation.page.proposal"),
            cell: (i) => (
              <>
                <Link to={`/official/implementations/${i.id}`}>{t("implementation.official.update", { title: i.title })}</Link>
                <br />
                <span className="muted small">{i.district ?? t("implementation.cityWide")}</span>
              </>
            ),
          },
          {
            key: "status",
            head: t("implementation.filter.status"),
            cell: (i) => (
              <>
                <ImplementationBadge status={i.status} /> {i.overdue ? <OverdueBadge /> : null}
              </>
            ),
          },
          { key: "progress", head: t("implementation.progress.label"), num: true, cell: (i) => `${i.progressPct}%` },
        ]}
      />
    </div>
  );
}
