import { parseForm } from "~/http/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser, type CurrentUser } from "~/auth/session.server";
import { ProposalDoneNotice, useErrorText } from "~/components/proposal-form";
import { listFlaggedComments } from "~/data/comments.server";
import { db } from "~/db.server";
import { can, PROGRAMME_KINDS } from "~/domain/permissions";
import { HideCommentInputSchema, mayModerateComments } from "~/domain/comments";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { moderateComment } from "~/services/comments.server";
import { invariantResponse } from "~/http/invariant";
import { refusalStatus } from "~/http/refusal";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";
import { ErrorAlert, PlainField } from "~/components/form/fields";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "cmod.title");

/** Programmes whose comments this person moderates: the youth council its programme, officials the rest. */
function moderatedProgrammes(user: CurrentUser) {
  return PROGRAMME_KINDS.filter((k) =>
    mayModerateComments({ moderation: k === "youth" ? "youth_council" : "officials", isOfficial: can(user, "proposals.verify", k), isYouthModerator: can(user, "youth.moderate", k) }),
  );
}

async function guard(request: Request) {
  const user = await requireUser(request);
  const programmes = moderatedProgrammes(user);
  invariantResponse(programmes.length > 0, 403);
  return { user, programmes };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { programmes } = await guard(request);
  return { comments: await listFlaggedComments(db(), programmes) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await guard(request);
  const form = await request.formData();
  const s = parseForm(form, HideCommentInputSchema);
  const target = String(form.get("commentId") ?? "");
  if (s.status !== "success") return data({ target, errors: (s.error ?? {}) as Record<string, string[]> }, { status: 400 });
  const r = await moderateComment(db(), user, { commentId: s.value.commentId, intent: s.value.intent, reason: s.value.reason ?? null });
  if (!r.ok) return data({ target, errors: { "": [`workflow.error.${r.reason}`] } as Record<string, string[]> }, { status: refusalStatus(r.reason) });
  return redirect("/moderation/comments?done=moderated");
}

export default function CommentModeration() {
  const { comments } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, date } = useT();
  const tr = useErrorText();
  return (
    <div className="container">
      <PageHeader parents={[]} notice={<ProposalDoneNotice />} title={t("cmod.title")} lead={t("cmod.lead")} />
      {comments.length === 0 ? (
        <p className="empty">{t("cmod.empty")}</p>
      ) : (
        <ul className="user-list">
          {comments.map((c) => {
            const errs = reply?.target === c.id ? [...(reply.errors[""] ?? []), ...(reply.errors.reason ?? [])].map(tr) : [];
            return (
              <li key={c.id} className="card">
                <h2 className="card-title">
                  <Link to={`/proposals/${c.proposalId}#c-${c.id}`}>{t("cmod.on", { title: c.proposalTitle })}</Link>
                </h2>
                <p className="muted">
                  {c.authorName ?? t("comments.removed")} · {t(`programme.${c.programmeKind}`)}
                </p>
                <blockquote className="pre-line">{c.body}</blockquote>
                <h3 className="small-heading">{t("cmod.flags")}</h3>
                <ul>
                  {c.flags.map((f, i) => (
                    <li key={i}>
                      {t(`comments.flag.${f.reason}` as MessageKey)} · <time dateTime={f.createdAt}>{date(f.createdAt)}</time>
                    </li>
                  ))}
                </ul>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="commentId" value={c.id} />
                  <ErrorAlert messages={errs} />
                  <PlainField id={`reason-${c.id}`} name="reason" label={t("cmod.reason")} maxLength={500} />
                  <div className="button-row">
                    <SubmitButton label={t("cmod.hide")} variant="danger" size="small" name="intent" value="hide" />
                    <SubmitButton label={t("cmod.dismiss")} variant="secondary" size="small" name="intent" value="dismiss" />
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
