import { parseForm } from "~/http/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { clientIp, getCurrentUser, publicOrigin } from "~/auth/session.server";
import { limits } from "~/auth/rate-limit.server";
import { CheckboxField, ConformForm, MailSentPage, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { SignUpInputSchema } from "~/domain/account";
import { useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { signUp } from "~/services/accounts.server";
import { titleMeta } from "~/i18n/meta";
import { SubmitButton } from "~/components/form/submit-button";
import { useSchemaForm } from "~/components/form/schema-form";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "signup.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/account");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), SignUpInputSchema);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), sentTo: null }, { status: 400 });
  }
  const limited = await limits.signUpPerIp.consume(clientIp(context));
  if (!limited.ok) {
    return data(
      { result: submission.reply({ formErrors: [`auth.error.rate_limited?minutes=${Math.ceil(limited.retryAfterS / 60)}`], hideFields: ["password"] }), sentTo: null },
      { status: 429 },
    );
  }
  await signUp(db(), { ...submission.value, locale: getLocale(request) }, publicOrigin());
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email };
}

export default function SignUp() {
  const { t } = useT();
  const actionData = useActionData<typeof action>();
  // errors appear on submit, not on blur: an error shown as a field loses focus pushed the next field (the
  // privacy tick) down under the finger, so the first tap missed it
  const [form, fields] = useSchemaForm(SignUpInputSchema, actionData?.result, { shouldValidate: "onSubmit", shouldRevalidate: "onInput" });
  if (actionData?.sentTo) {
    return <MailSentPage title={t("signup.done.title")} body={t("signup.done.body", { email: actionData.sentTo })} />;
  }
  return (
    <div className="container narrow">
      <PageHeader title={t("signup.title")} lead={t("signup.lead")} />
      <ConformForm form={form}>
        <TextField meta={fields.email} label={t("signup.email")} type="email" autoComplete="email" />
        <TextField meta={fields.displayName} label={t("signup.displayName")} hint={t("signup.displayName.hint")} autoComplete="nickname" />
        <TextField meta={fields.password} label={t("signup.password")} hint={t("signup.password.hint")} type="password" autoComplete="new-password" />
        <CheckboxField
          meta={fields.acceptPrivacy}
          label={
            <>
              {t("signup.acceptPrivacy")} (<Link to="/privacy">{t("nav.privacy")}</Link>)
            </>
          }
        />
        <SubmitButton label={t("signup.submit")} size="large" />
        <p>
          {t("signup.haveAccount")} <Link to="/signin">{t("signin.submit")}</Link>
        </p>
      </ConformForm>
    </div>
  );
}
