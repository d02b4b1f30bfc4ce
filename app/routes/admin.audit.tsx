import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { listAudit, listAuditActions } from "~/data/audit.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { DataTable } from "~/components/data-table";
import { FilterForm } from "~/components/filter-form";
import { PlainField } from "~/components/form/fields";
import { SelectField } from "~/components/form/select-field";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "audit.title");

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);
const FilterSchema = z.object({
  action: z.string().max(100).regex(/^[a-z_.]+$/).optional().catch(undefined),
  objectType: z.string().max(50).regex(/^[a-z_]+$/).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  from: day,
  to: day,
  before: z.string().max(100).optional().catch(undefined),
});

const PAGE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit.read");
  const filter = FilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [rows, actions] = await Promise.all([listAudit(db(), filter, PAGE + 1), listAuditActions(db())]);
  return { filter, rows: rows.slice(0, PAGE), more: rows.length > PAGE, actions };
}

export default function AuditLog() {
  const { filter, rows, more, actions } = useLoaderData<typeof loader>();
  const { t } = useT();
  const next = new URLSearchParams(Object.entries({ ...filter, before: rows[rows.length - 1]?.id }).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/admin", label: t("admin.title") }]} title={t("audit.title")} lead={t("audit.lead")} />
      <FilterForm label={t("audit.title")} submit={t("audit.filter.apply")}>
        <SelectField id="a-action" name="action" label={t("audit.filter.action")} anyLabel={t("filter.any")} defaultValue={filter.action ?? ""} options={actions.map((a) => ({ value: a, label: a }))} />
        <PlainField id="a-actor" name="actor" label={t("audit.filter.actor")} defaultValue={filter.actor ?? ""} />
        <PlainField id="a-from" name="from" type="date" label={t("audit.filter.from")} defaultValue={filter.from ?? ""} />
        <PlainField id="a-to" name="to" type="date" label={t("audit.filter.to")} defaultValue={filter.to ?? ""} />
      </FilterForm>
      <DataTable
        label={t("audit.title")}
        rows={rows}
        empty={t("audit.empty")}
        columns={[
          { key: "at", head: t("audit.col.at"), cellClass: "nowrap", cell: (r) => r.at.replace("T", " ").slice(0, 19) },
          {
            key: "actor",
            head: t("audit.col.actor"),
            cell: (r) => (
              <>
                {r.actorEmail ?? t("audit.system")}
                <br />
                <span className="muted small">{r.actorRole}</span>
              </>
            ),
          },
          { key: "action", head: t("audit.col.action"), cell: (r) => <code>{r.action}</code> },
          {
            key: "object",
            head: t("audit.col.object"),
            cell: (r) => (
              <>
                {r.objectType}
                <br />
                <span className="muted small">{r.objectId}</span>
              </>
            ),
          },
          {
            key: "change",
            head: t("audit.col.change"),
            cellClass: "small",
            cell: (r) => (
              <>
                {r.before ? <div>− {r.before}</div> : null}
                {r.after ? <div>+ {r.after}</div> : null}
              </>
            ),
          },
          { key: "reason", head: t("audit.col.reason"), cell: (r) => r.reason },
        ]}
      />
      {more ? (
        <p>
          <Link className="button button-secondary" to={`?${next}`}>
            {t("audit.older")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
