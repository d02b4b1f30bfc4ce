import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/proposals";
import { ProposalDoneNotice, ProposalForm } from "~/components/proposal-form";
import { SubmissionDoneNotice } from "~/components/submission-extras";
import { countAttachments } from "~/data/attachments.server";
import { MAX_ATTACHMENTS } from "~/domain/attachments";
import { requireOwnProposal } from "~/auth/proposal-guard.server";
import { listDecisions } from "~/data/decisions.server";
import { db } from "~/db.server";
import { amountText } from "~/domain/workflow/costs";
import { DEFAULT_COST_ROWS } from "~/domain/workflow/inputs";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { loadFormContext } from "~/services/proposal-form.server";
import { handleCoauthorForm, handleProposalForm, type FormReply } from "~/http/proposal-form.server";
import { invariantResponse } from "~/http/invariant";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "submit.editTitle");


export async function loader({ request, params }: LoaderFunctionArgs) {
  const { p, relation } = await requireOwnProposal(request, params.id);
  invariantResponse(p.status === "draft" || p.status === "needs_changes", 403);
  const ctx = await loadFormContext();
  const values: Record<string, string> = {
    title: p.title,
    summary: p.summary,
    contentLang: p.contentLang,
    description: p.description,
    category: p.category,
    location: p.location,
    beneficiaries: p.beneficiaries,
    poolId: p.poolId,
    ...(p.lat !== null ? { lat: String(p.lat) } : {}),
    ...(p.lng !== null ? { lng: String(p.lng) } : {}),
    ...(p.guardianName ? { minor: "on", guardianName: p.guardianName, guardianConsent: "on" } : {}),
  };
  p.costItems.forEach((c, i) => {
    values[`costItems[${i}].label`] = c.label;
    values[`costItems[${i}].amount`] = amountText(c.amountGrosze);
  });
  const lastRequest = (await listDecisions(db(), p.id)).filter((d) => d.toStatus === "needs_changes").at(-1);
  const attachments = await countAttachments(db(), p.id);
  return { ...ctx, values, status: p.status, title: p.title, id: p.id, isAuthor: relation === "author", attachments, rows: Math.max(DEFAULT_COST_ROWS, p.costItems.length + 1), changesReason: p.status === "needs_changes" ? (lastRequest?.publicReason ?? null) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, p, relation } = await requireOwnProposal(request, params.id);
  return relation === "author" ? handleProposalForm(request, user, p.id) : handleCoauthorForm(request, user, p.id);
}

export default function EditProposal() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/account/proposals", label: t("my.title") }, { to: `/proposals/${d.id}`, label: d.title }, { label: t("submit.editTitle") }]} />
      <h1>{t("submit.editTitle")}</h1>
      <ProposalDoneNotice />
      <SubmissionDoneNotice />
      {d.changesReason ? (
        <div className="alert alert-warning" role="status">
          <p>{t("submit.changesRequested")}</p>
          <p>{d.changesReason}</p>
        </div>
      ) : null}
      <ProposalForm
        pools={d.pools}
        values={reply?.values ?? d.values}
        errors={reply?.errors ?? {}}
        rows={reply?.rows ?? d.rows}
        mode={d.status === "needs_changes" ? "needs_changes" : "draft"}
        poolLocked={d.status !== "draft"}
      />
      <ul className="link-list submission-links">
        <li>
          <a href={`/proposals/${d.id}/attachments`}>{t("submission.attachments.manage", { count: d.attachments, max: MAX_ATTACHMENTS })}</a>
        </li>
        <li>
          <a href={`/proposals/${d.id}/coauthors`}>{t("submission.coauthors.manage")}</a>
        </li>
      </ul>
    </div>
  );
}
