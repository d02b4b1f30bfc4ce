import { ConfirmField, ErrorAlert, FieldFrame } from "~/components/form/fields";
import { parseForm } from "~/http/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { useErrorText } from "~/components/proposal-form";
import { listDecisions } from "~/data/decisions.server";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { db } from "~/db.server";
import { AppealInputSchema } from "~/domain/workflow/inputs";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { appealProposal } from "~/services/proposals.server";
import { invariantResponse, requireParam } from "~/http/invariant";
import { SubmitButton } from "~/components/form/submit-button";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "appeal.title");

const FormSchema = AppealInputSchema.extend({ confirm: z.literal("on", { error: "proposal.error.confirm" }) });

async function guard(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  const p = await getWorkflowProposal(db(), requireParam(params, "id"));
  invariantResponse(p && p.status !== "draft", 404);
  invariantResponse(p.authorUserId === user.id, 403);
  return { user, p };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { p } = await guard(request, params);
  const rejection = (await listDecisions(db(), p.id)).filter((d) => d.toStatus === "rejected").at(-1);
  return { id: p.id, title: p.title, rejection: rejection?.publicReason ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, p } = await guard(request, params);
  const form = await request.formData();
  const s = parseForm(form, FormSchema);
  const values = { justification: String(form.get("justification") ?? "").slice(0, 5000) };
  if (s.status !== "success") return data({ errors: (s.error ?? {}) as Record<string, string[]>, values }, { status: 400 });
  const r = await appealProposal(db(), user, p.id, s.value.justification);
  if (!r.ok) return data({ errors: { "": [`workflow.error.${r.reason}`] } as Record<string, string[]>, values }, { status: 400 });
  return redirect(`/proposals/${p.id}?done=appealed`);
}

export default function Appeal() {
  const { id, title, rejection } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  const tr = useErrorText();
  const e = reply?.errors ?? {};
  const top = [...(e[""] ?? []), ...(e.confirm ?? [])].map(tr);
  const just = (e.justification ?? []).map(tr);
  return (
    <div className="container narrow">
      <PageHeader parents={[{ to: `/proposals/${id}`, label: title }]} title={t("appeal.title")} lead={t("appeal.lead")} />
      {rejection ? (
        <section aria-labelledby="rej-title">
          <h2 id="rej-title">{t("appeal.rejection")}</h2>
          <p>{rejection}</p>
        </section>
      ) : null}
      <Form method="post" className="form-card">
        <ErrorAlert messages={top} />
        <FieldFrame id="appeal-justification" label={t("appeal.justification")} errors={just}>
          {({ describedBy, invalid }) => <textarea id="appeal-justification" name="justification" rows={6} maxLength={4000} defaultValue={reply?.values.justification ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
        </FieldFrame>
        <ConfirmField id="appeal-confirm" label={t("appeal.confirm")} />
        <SubmitButton label={t("appeal.submit")} size="large" />
      </Form>
    </div>
  );
}
