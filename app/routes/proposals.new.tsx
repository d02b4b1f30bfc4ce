import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { Breadcrumbs } from "~/components/proposals";
import { ProposalForm } from "~/components/proposal-form";
import { DEFAULT_COST_ROWS } from "~/domain/workflow/inputs";
import { useT } from "~/i18n";
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
  const { pools, submission } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const { t, date } = useT();
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/account/proposals", label: t("my.title") }, { label: t("submit.title") }]} />
      <h1>{t("submit.title")}</h1>
      {submission?.state === "open" ? (
        <>
          <p className="lead">{t("submit.lead")}</p>
          <ProposalForm pools={pools} values={reply?.values ?? {}} errors={reply?.errors ?? {}} rows={reply?.rows ?? DEFAULT_COST_ROWS} mode="new" poolLocked={false} />
        </>
      ) : (
        // outside the submission phase the form could only fail: say when it opens instead
        <div className="alert alert-warning" role="status">
          <p>
            {submission?.state === "upcoming"
              ? t("submit.closed.upcoming", { start: date(submission.startsAt), end: date(submission.endsAt) })
              : submission?.state === "ended"
                ? t("submit.closed.ended", { end: date(submission.endsAt) })
                : t("submit.closed.none")}
          </p>
          <p>
            <Link to="/proposals">{t("submit.closed.browse")}</Link>
          </p>
        </div>
      )}
    </div>
  );
}
