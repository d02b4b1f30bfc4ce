import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { StatusBadge } from "~/components/proposals";
import { poolLabel, ProposalDoneNotice } from "~/components/proposal-form";
import { DataTable } from "~/components/data-table";
import { FilterForm } from "~/components/filter-form";
import { SelectField, type SelectOption } from "~/components/form/select-field";
import { currentEdition } from "~/services/current-edition.server";
import { listSubmissionPools } from "~/data/pools.server";
import { listVerificationQueue } from "~/data/workflow-queues.server";
import { db } from "~/db.server";
import { can, PROGRAMME_KINDS } from "~/domain/permissions";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { IdSchema } from "~/domain/ids";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

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
  // each filter is a select named as its query parameter, "any" first, showing the value in the URL
  const filterSelect = (name: "programme" | "pool" | "status" | "reviewer", options: SelectOption[]) => (
    <SelectField id={`q-${name}`} name={name} label={t(`queue.${name}`)} anyLabel={t("filter.any")} defaultValue={filter[name] ?? ""} options={options} />
  );
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/official", label: t("official.title") }]} notice={<ProposalDoneNotice />} title={t("queue.title")} lead={t("queue.lead")} />
      <FilterForm label={t("queue.title")} submit={t("queue.show")}>
        {filterSelect("programme", programmes.map((k) => ({ value: k, label: t(`programme.${k}`) })))}
        {filterSelect("pool", pools.map((p) => ({ value: p.id, label: poolLabel(t, { kind: p.kind, programmeKind: p.programmeKind, districtName: p.districtName }) })))}
        {filterSelect("status", QUEUE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) })))}
        {filterSelect("reviewer", [
          { value: "me", label: t("queue.reviewer.me") },
          { value: "none", label: t("queue.reviewer.none") },
        ])}
      </FilterForm>
      <DataTable
        label={t("queue.title")}
        rows={items}
        empty={t("queue.empty")}
        columns={[
          { key: "number", head: t("queue.col.number"), cell: (p) => p.number },
          {
            key: "title",
            head: t("queue.col.title"),
            cell: (p) => (
              <Link to={`/proposals/${p.id}/review`} aria-label={t("queue.open", { title: p.title })}>
                {p.title}
              </Link>
            ),
          },
          { key: "pool", head: t("queue.col.pool"), cell: (p) => poolLabel(t, { kind: p.poolKind, programmeKind: p.programmeKind, districtName: p.districtName }) },
          { key: "cost", head: t("proposal.cost"), num: true, cell: (p) => money(p.costGrosze) },
          { key: "supports", head: t("queue.col.supports"), cell: (p) => (p.supportsRequired > 0 ? `${p.supportCount} / ${p.supportsRequired}` : "—") },
          { key: "status", head: t("queue.col.status"), cell: (p) => <StatusBadge status={p.status} /> },
          {
            key: "reviewer",
            head: t("queue.col.reviewer"),
            cell: (p) => (
              <>
                {p.reviewerName ?? t("review.reviewer.none")}
                {p.reviewerUserId !== me ? (
                  <Form method="post" action={`/proposals/${p.id}/review`} className="inline-form">
                    <input type="hidden" name="intent" value="assign" />
                    <input type="hidden" name="reviewerId" value={me} />
                    <SubmitButton label={t("review.assign.self")} variant="secondary" size="small" ariaLabel={t("review.assign.selfFor", { title: p.title })} />
                  </Form>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
