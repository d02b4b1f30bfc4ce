import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/proposals";
import { listAudit, listAuditActions } from "~/data/audit.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { TableWrap } from "~/components/table-wrap";

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
      <Breadcrumbs items={[{ to: "/admin", label: t("admin.title") }, { label: t("audit.title") }]} />
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead")}</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="a-action">{t("audit.filter.action")}</label>
          <select id="a-action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("filter.any")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="a-actor">{t("audit.filter.actor")}</label>
          <input id="a-actor" name="actor" defaultValue={filter.actor ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="a-from">{t("audit.filter.from")}</label>
          <input id="a-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="a-to">{t("audit.filter.to")}</label>
          <input id="a-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("audit.filter.apply")}
          </button>
        </div>
      </Form>
      {rows.length === 0 ? (
        <p className="empty">{t("audit.empty")}</p>
      ) : (
        <TableWrap label={t("audit.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("audit.col.at")}</th>
                <th scope="col">{t("audit.col.actor")}</th>
                <th scope="col">{t("audit.col.action")}</th>
                <th scope="col">{t("audit.col.object")}</th>
                <th scope="col">{t("audit.col.change")}</th>
                <th scope="col">{t("audit.col.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{r.at.replace("T", " ").slice(0, 19)}</td>
                  <td>
                    {r.actorEmail ?? t("audit.system")}
                    <br />
                    <span className="muted small">{r.actorRole}</span>
                  </td>
                  <td>
                    <code>{r.action}</code>
                  </td>
                  <td>
                    {r.objectType}
                    <br />
                    <span className="muted small">{r.objectId}</span>
                  </td>
                  <td className="small">
                    {r.before ? <div>− {r.before}</div> : null}
                    {r.after ? <div>+ {r.after}</div> : null}
                  </td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
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
