import { parseForm } from "~/http/form";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { clientIp, publicOrigin } from "~/auth/session.server";
import { ConformForm, MailSentPage, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { ForgotPasswordInputSchema } from "~/domain/account";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { requestPasswordReset } from "~/services/accounts.server";
import { titleMeta } from "~/i18n/meta";
import { SubmitButton } from "~/components/form/submit-button";
import { useSchemaForm } from "~/components/form/schema-form";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "forgot.title");

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), ForgotPasswordInputSchema);
  if (submission.status !== "success") return data({ result: submission.reply(), sentTo: null }, { status: 400 });
  const email = submission.value.email;
  const perIp = await limits.resetPerIp.consume(clientIp(context));
  const limited = perIp.ok ? await limits.resetPerEmail.consume(email) : perIp;
  if (!limited.ok) {
    const minutes = Math.ceil(limited.retryAfterS / 60);
    return data({ result: submission.reply({ formErrors: [`auth.error.rate_limited?minutes=${minutes}`] }), sentTo: null }, { status: 429 });
  }
  await requestPasswordReset(db(), email, getLocale(request), publicOrigin());
  return { result: submission.reply({ resetForm: true }), sentTo: email };
}

export default function ForgotPassword() {
  const { t } = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ForgotPasswordInputSchema, actionData?.result);
  if (actionData?.sentTo) {
    return <MailSentPage title={t("forgot.done.title")} body={t("forgot.done.body", { email: actionData.sentTo })} />;
  }
  return (
    <div className="container narrow">
      <PageHeader title={t("forgot.title")} lead={t("forgot.lead")} />
      <ConformForm form={form}>
        <TextField meta={fields.email} label={t("signin.email")} type="email" autoComplete="email" />
        <SubmitButton label={t("forgot.submit")} size="large" />
      </ConformForm>
    </div>
  );
}
