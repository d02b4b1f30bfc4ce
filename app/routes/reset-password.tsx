import { getFormProps } from "@conform-to/react";
import { parseForm } from "~/http/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { clientIp, startSession } from "~/auth/session.server";
import { FormErrors, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { ResetPasswordInputSchema } from "~/domain/account";
import { useT } from "~/i18n";
import { resetPassword } from "~/services/accounts.server";
import { titleMeta } from "~/i18n/meta";
import { SubmitButton } from "~/components/form/submit-button";
import { useSchemaForm } from "~/components/form/schema-form";
import { retryAfterHeaders, tokenFromLink } from "~/http/mail-link.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "reset.title");

export const loader = ({ request }: LoaderFunctionArgs) => tokenFromLink(request);

export const headers = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), ResetPasswordInputSchema);
  // every attempt counts (a valid link is used up by its first success anyway)
  const limited = await limits.resetPasswordPerIp.consume(clientIp(context));
  if (!limited.ok) {
    return data(submission.reply({ formErrors: [`auth.error.rate_limited?minutes=${Math.ceil(limited.retryAfterS / 60)}`], hideFields: ["password", "passwordConfirm"] }), {
      status: 429,
      headers: { "Retry-After": String(limited.retryAfterS) },
    });
  }
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "passwordConfirm"] }), { status: 400 });
  const result = await resetPassword(db(), submission.value.token, submission.value.password);
  if (!result.ok) return data(submission.reply({ formErrors: [`auth.error.${result.reason}`], hideFields: ["password", "passwordConfirm"] }), { status: 400 });
  return redirect("/account?done=password_reset", { headers: { "Set-Cookie": await startSession(result.userId) } });
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  // errors appear on submit, not on blur: an error shown as a field loses focus pushed the next field (the
  // privacy tick) down under the finger, so the first tap missed it
  const [form, fields] = useSchemaForm(ResetPasswordInputSchema, lastResult, { shouldValidate: "onSubmit" });
  if (!token) {
    return (
      <div className="container narrow">
        <h1>{t("reset.title")}</h1>
        <FormErrors errors={["auth.error.token_invalid"]} id="reset-errors" />
        <Link className="button" to="/forgot-password">
          {t("reset.again")}
        </Link>
      </div>
    );
  }
  return (
    <div className="container narrow">
      <h1>{t("reset.title")}</h1>
      <Form method="post" className="form-card" {...getFormProps(form)}>
        {/* the token travels in a hidden field: its refusal is shown with the form's own errors */}
        <FormErrors errors={[...(form.errors ?? []), ...(fields.token.errors ?? [])]} id={form.errorId} />
        <input type="hidden" name="token" value={token} />
        <TextField meta={fields.password} label={t("reset.password")} hint={t("signup.password.hint")} type="password" autoComplete="new-password" />
        <TextField meta={fields.passwordConfirm} label={t("reset.passwordConfirm")} type="password" autoComplete="new-password" />
        <SubmitButton label={t("reset.submit")} size="large" />
        {form.errors?.some((e) => e.startsWith("auth.error.token")) ? (
          <p>
            <Link to="/forgot-password">{t("reset.again")}</Link>
          </p>
        ) : null}
      </Form>
    </div>
  );
}
