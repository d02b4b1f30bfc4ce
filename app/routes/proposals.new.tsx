import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/proposals";
import { ProposalForm } from "~/components/proposal-form";
import { DEFAULT_COST_ROWS } from "~/domain/workflow/inputs";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { loadFormContext } from "~/services/proposal-form.server";
import { handleProposalForm, type FormReply } from "~/http/proposal-form.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "submit.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return loadFormContext();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleProposalForm(request, user, null);
}

export default function NewProposal() {
  const { pools, phase } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/account/proposals", label: t("my.title") }, { label: t("submit.title") }]} />
      <h1>{t("submit.title")}</h1>
      <p className="lead">{t("submit.lead")}</p>
      {phase !== "submission" ? (
        <div className="alert alert-warning" role="status">
          <p>{t("submit.closed", { phase: t("phase.submission" as MessageKey) })}</p>
        </div>
      ) : null}
      <ProposalForm pools={pools} values={reply?.values ?? {}} errors={reply?.errors ?? {}} rows={reply?.rows ?? DEFAULT_COST_ROWS} mode="new" poolLocked={false} />
    </div>
  );
}
