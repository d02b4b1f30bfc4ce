import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { Breadcrumbs, StatusBadge } from "~/components/proposals";
import { poolLabel, ProposalDoneNotice } from "~/components/proposal-form";
import { TableWrap } from "~/components/table-wrap";
import { currentEdition } from "~/services/current-edition.server";
import { listSubmissionPools } from "~/data/pools.server";
import { listVerificationQueue } from "~/data/workflow-queues.server";
import { db } from "~/db.server";
import { can, PROGRAMME_KINDS } from "~/domain/permissions";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { IdSchema } from "~/domain/ids";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "queue.title");

const QUEUE_STATUSES = ["submitted", "in_verification", "needs_changes", "appealed"] as const;
const QuerySchema = z.object({
  programme: z.enum(PROGRAMME_KINDS).optional().catch(undefined),
  status: z.enum(QUEUE_STATUSES).optional().catch(undefined),
  pool: IdSchema.optional().catch(undefined),
  reviewer: z.enum(["me", "none"]).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "official.panel");
  const q = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const mine = PROGRAMME_KINDS.filter((k) => can(user, "proposals.verify", k));
  const programmes = q.programme ? mine.filter((k) => k === q.programme) : mine;
  const edition = await currentEdition(db());
  const pools = edition ? (await listSubmissionPools(db(), edition.id)).filter((p) => mine.includes(p.programmeKind)) : [];
  const pool = pools.some((p) => p.id === q.pool) ? q.pool : undefined;
  const items = edition
    ? await listVerificationQueue(db(), edition.id, { programmes, statuses: q.status ? [q.status] : QUEUE_STATUSES, poolId: pool, reviewer: q.reviewer === "me" ? user.id : q.reviewer })
    : [];
  return { items, programmes: mine, pools, filter: { ...q, pool }, me: user.id };
}

export default function VerificationQueue() {
  const { items, programmes, pools, filter, me } = useLoaderData<typeof loader>();
  const { t, money } = useT();
  return (
    <div className="container">
      <Breadcrumbs items={[{ to: "/official", label: t("official.title") }, { label: t("queue.title") }]} />
      <ProposalDoneNotice />
      <h1>{t("queue.title")}</h1>
      <p className="lead">{t("queue.lead")}</p>
      <Form method="get" className="filters" role="search" aria-label={t("queue.title")}>
        <div className="field">
          <label htmlFor="q-programme">{t("queue.programme")}</label>
          <select id="q-programme" name="programme" defaultValue={filter.programme ?? ""}>
            <option value="">{t("filter.any")}</option>
            {programmes.map((k) => (
              <option key={k} value={k}>
                {t(`programme.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-pool">{t("queue.pool")}</label>
          <select id="q-pool" name="pool" defaultValue={filter.pool ?? ""}>
            <option value="">{t("filter.any")}</option>
            {pools.map((p) => (
              <option key={p.id} value={p.id}>
                {poolLabel(t, { kind: p.kind, programmeKind: p.programmeKind, districtName: p.districtName })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-status">{t("queue.status")}</label>
          <select id="q-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("filter.any")}</option>
            {QUEUE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-reviewer">{t("queue.reviewer")}</label>
          <select id="q-reviewer" name="reviewer" defaultValue={filter.reviewer ?? ""}>
            <option value="">{t("filter.any")}</option>
            <option value="me">{t("queue.reviewer.me")}</option>
            <option value="none">{t("queue.reviewer.none")}</option>
          </select>
        </div>
        <div className="filter-actions">
          <button className="button" type="submit">
            {t("queue.show")}
          </button>
        </div>
      </Form>
      {items.length === 0 ? (
        <p className="empty">{t("queue.empty")}</p>
      ) : (
        <TableWrap label={t("queue.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("queue.col.number")}</th>
                <th scope="col">{t("queue.col.title")}</th>
                <th scope="col">{t("queue.col.pool")}</th>
                <th scope="col" className="num">
                  {t("proposal.cost")}
                </th>
                <th scope="col">{t("queue.col.supports")}</th>
                <th scope="col">{t("queue.col.status")}</th>
                <th scope="col">{t("queue.col.reviewer")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>{p.number}</td>
                  <td>
                    <Link to={`/proposals/${p.id}/review`} aria-label={t("queue.open", { title: p.title })}>
                      {p.title}
                    </Link>
                  </td>
                  <td>{poolLabel(t, { kind: p.poolKind, programmeKind: p.programmeKind, districtName: p.districtName })}</td>
                  <td className="num">{money(p.costGrosze)}</td>
                  <td>{p.supportsRequired > 0 ? `${p.supportCount} / ${p.supportsRequired}` : "—"}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>
                    {p.reviewerName ?? t("review.reviewer.none")}
                    {p.reviewerUserId !== me ? (
                      <Form method="post" action={`/proposals/${p.id}/review`} className="inline-form">
                        <input type="hidden" name="intent" value="assign" />
                        <input type="hidden" name="reviewerId" value={me} />
                        <button type="submit" className="button button-secondary button-small" aria-label={t("review.assign.selfFor", { title: p.title })}>
                          {t("review.assign.self")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </div>
  );
}
