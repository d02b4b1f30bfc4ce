import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { publicOrigin } from "~/auth/session.server";
import { ConfirmField, FormErrors, PlainField } from "~/components/form/fields";
import { SubmissionDoneNotice } from "~/components/submission-extras";
import { listCoauthors } from "~/data/coauthors.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { MAX_COAUTHORS } from "~/domain/coauthors";
import { editAccess, extrasAccess, InviteInputSchema, inviteCoauthor, removeCoauthor, withdrawInvitation } from "~/services/coauthors.server";
import { requireOwnProposal } from "~/auth/proposal-guard.server";
import { refusalStatus } from "~/http/refusal";
import { ItemList } from "~/components/item-list";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "submission.coauthors.title");

const IntentSchema = z.enum(["invite", "withdraw", "remove"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, p, relation } = await requireOwnProposal(request, params.id);
  const list = await listCoauthors(db(), p.id);
  // invitations stay open until verification starts; the text (the edit form) only while it may be edited
  const editable = (await extrasAccess(db(), user, p.id)).ok;
  const textEditable = (await editAccess(db(), user, p.id)).ok;
  return {
    id: p.id,
    title: p.title,
    isAuthor: relation === "author",
    editable,
    back: textEditable ? `/proposals/${p.id}/edit` : `/proposals/${p.id}`,
    // the author sees the addresses they invited; a co-author sees names only
    // only the author sees the addresses (not even as list keys in the page data)
    people: list.map((c, i) => ({ key: `coauthor-${i}`, label: relation === "author" ? (c.displayName ? `${c.displayName} (${c.email})` : c.email) : (c.displayName ?? "—"), email: relation === "author" ? c.email : "", status: c.acceptedAt ? "accepted" : c.declinedAt ? "declined" : "pending" })),
  };
}

type Reply = { intent: string; errors: Record<string, string>; email?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, p, relation } = await requireOwnProposal(request, params.id);
  if (relation !== "author") return data<Reply>({ intent: "", errors: { "": "workflow.error.not_author" } }, { status: 403 });
  const form = await request.formData();
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return data<Reply>({ intent: "", errors: { "": "form.error.invalid" } }, { status: 400 });
  const raw = String(form.get("email") ?? "").slice(0, 300);
  const email = InviteInputSchema.safeParse({ email: raw });
  if (!email.success) return data<Reply>({ intent: intent.data, errors: { [intent.data === "invite" ? "email" : ""]: "submission.error.email" }, email: raw }, { status: 400 });
  if (intent.data === "invite") {
    const r = await inviteCoauthor(db(), user, p.id, email.data.email, publicOrigin());
    if (!r.ok) return data<Reply>({ intent: "invite", errors: { email: `workflow.error.${r.reason}` }, email: raw }, { status: refusalStatus(r.reason) });
    return redirect(`/proposals/${p.id}/coauthors?done=invited`);
  }
  if (intent.data === "remove") {
    // taking someone off a proposal is confirmed first
    if (form.get("confirm") !== "on") return data<Reply>({ intent: "remove", errors: { confirm: "submission.error.confirm_coauthor" }, email: email.data.email }, { status: 400 });
    const removed = await removeCoauthor(db(), user, p.id, email.data.email);
    if (!removed.ok) return data<Reply>({ intent: "remove", errors: { "": `workflow.error.${removed.reason}` } }, { status: 400 });
    return redirect(`/proposals/${p.id}/coauthors?done=coauthor_removed`);
  }
  const r = await withdrawInvitation(db(), user, p.id, email.data.email);
  if (!r.ok) return data<Reply>({ intent: "withdraw", errors: { "": `workflow.error.${r.reason}` } }, { status: 400 });
  return redirect(`/proposals/${p.id}/coauthors?done=invitation_withdrawn`);
}

export default function CoauthorsPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<Reply>();
  const { t } = useT();
  const full = d.people.filter((c) => c.status !== "declined").length >= MAX_COAUTHORS;
  return (
    <div className="container narrow">
      <PageHeader parents={[{ to: "/account/proposals", label: t("my.title") }, { to: d.back, label: d.title }]} title={t("submission.coauthors.title")} />
      {/* after a new answer to a form, the earlier confirmation would mislead */}
      {reply ? null : <SubmissionDoneNotice />}
      {d.isAuthor ? <p className="lead">{t("submission.coauthors.lead", { max: MAX_COAUTHORS })}</p> : <p className="lead">{t("submission.coauthors.readOnly")}</p>}
      <FormErrors errors={reply?.intent !== "invite" && reply?.errors[""] ? [reply.errors[""]] : undefined} id="coauthor-errors" />

      <h2>{t("submission.coauthors.listTitle")}</h2>
      <ItemList items={d.people} empty={t("submission.coauthors.none")} emptyClass="muted" className="plain-list coauthor-list" itemKey={(c) => c.key}>
        {(c) => (
          <>
            <span className="coauthor-name">{c.label}</span> <span className={`badge ${c.status === "accepted" ? "badge-accepted" : c.status === "declined" ? "badge-rejected" : "badge-submitted"}`}>{t(`submission.coauthors.status.${c.status as "pending" | "accepted" | "declined"}`)}</span>
            {d.isAuthor && c.status === "pending" ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="email" value={c.email} />
                <SubmitButton label={t("submission.coauthors.withdraw", { email: c.email })} variant="secondary" size="small" />
              </Form>
            ) : null}
            {d.isAuthor && c.status === "accepted" ? (
              <Form method="post" className="inline-form remove-form" aria-label={t("submission.coauthors.remove", { name: c.label })}>
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="email" value={c.email} />
                <ConfirmField id={`confirm-${c.key}`} label={t("submission.coauthors.removeConfirm", { name: c.label })} error={reply?.intent === "remove" && reply.email === c.email ? reply.errors["confirm"] : undefined} />
                <SubmitButton label={t("submission.coauthors.remove", { name: c.label })} variant="danger" size="small" />
              </Form>
            ) : null}
          </>
        )}
      </ItemList>

      {d.isAuthor && d.editable && !full ? (
        <Form method="post" className="form-card" aria-labelledby="invite-title" noValidate>
          <h2 id="invite-title" className="form-title">
            {t("submission.coauthors.inviteLegend")}
          </h2>
          <input type="hidden" name="intent" value="invite" />
          <PlainField
            id="f-email"
            name="email"
            type="email"
            autoComplete="off"
            label={t("submission.coauthors.email")}
            hint={t("submission.coauthors.email.hint")}
            error={reply?.intent === "invite" ? (reply.errors.email ?? null) : null}
            defaultValue={reply?.intent === "invite" ? reply.email : ""}
            maxLength={254}
          />
          <div className="button-row">
            <SubmitButton label={t("submission.coauthors.invite")} />
          </div>
        </Form>
      ) : d.isAuthor && !d.editable ? (
        <p className="muted">{t("submission.coauthors.closed")}</p>
      ) : null}
      <p>
        <a href={d.back}>{d.back.endsWith("/edit") ? t("submission.attachments.back") : t("ux2.extras.back")}</a>
      </p>
    </div>
  );
}

