/**
 * The link in a co-author invitation. Signing in comes first (the sign-in page links to sign-up
 * and brings the person back here); then they accept or decline. The link works once.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { limits } from "~/auth/rate-limit.server";
import { publicOrigin, requireUser } from "~/auth/session.server";
import { errorMessage, FormErrors } from "~/components/form/fields";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { answerCoauthorInvitation, editAccess, lookUpInvitation } from "~/services/coauthors.server";
import { refusalStatus } from "~/http/refusal";
import { TokenSchema } from "~/domain/account";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "submission.invitation.title");

const AnswerSchema = z.enum(["accept", "decline"]);

/** Opening or answering a link counts against the person's limit; the refusal says when to come back. */
async function overLimit(userId: string): Promise<string | null> {
  const limited = await limits.invitationsPerUser.consume(userId);
  return limited.ok ? null : `auth.error.rate_limited?minutes=${Math.ceil(limited.retryAfterS / 60)}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const refusal = await overLimit(user.id);
  if (refusal) return data({ invitation: null, refusal }, { status: 429 });
  const token = TokenSchema.safeParse(params.token);
  const inv = token.success ? await lookUpInvitation(db(), token.data) : null;
  if (inv?.expired) return data({ invitation: null, refusal: "workflow.error.invitation_expired" }, { status: 410 });
  if (!inv || !inv.pending) return data({ invitation: null, refusal: null }, { status: 404 });
  return { invitation: { title: inv.title, email: inv.email }, refusal: null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const refusal = await overLimit(user.id);
  if (refusal) return data({ error: refusal, declined: false }, { status: 429 });
  const token = TokenSchema.safeParse(params.token);
  const form = await request.formData();
  const answer = AnswerSchema.safeParse(form.get("answer"));
  if (!token.success) return data({ error: "workflow.error.invitation_invalid", declined: false }, { status: 404 });
  if (!answer.success) return data({ error: "form.error.invalid", declined: false }, { status: 400 });
  const r = await answerCoauthorInvitation(db(), user, token.data, answer.data === "accept", publicOrigin());
  if (!r.ok) return data({ error: `workflow.error.${r.reason}`, declined: false }, { status: refusalStatus(r.reason) });
  if (answer.data === "decline") return { error: null, declined: true };
  const editable = (await editAccess(db(), user, r.proposalId)).ok;
  return redirect(editable ? `/proposals/${r.proposalId}/edit?done=coauthor_joined` : `/proposals/${r.proposalId}?done=coauthor_joined`);
}

export default function InvitationPage() {
  const { invitation, refusal } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <h1>{t("submission.invitation.title")}</h1>
      {reply && "declined" in reply && reply.declined ? (
        <div className="alert alert-success" role="status">
          <p>{t("submission.invitation.declined")}</p>
        </div>
      ) : !invitation ? (
        <div className="alert alert-warning" role="status">
          <p>{refusal ? errorMessage(t, refusal) : t("submission.invitation.invalid")}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t("submission.invitation.body", { email: invitation.email, title: invitation.title })}</p>
          <FormErrors errors={reply && "error" in reply && reply.error ? [reply.error] : undefined} id="invitation-errors" />
          <Form method="post" className="button-row">
            <SubmitButton label={t("submission.invitation.accept")} name="answer" value="accept" />
            <SubmitButton label={t("submission.invitation.decline")} variant="secondary" name="answer" value="decline" />
          </Form>
        </>
      )}
      <p>
        <Link to="/">{t("submission.invitation.home")}</Link>
      </p>
    </div>
  );
}
