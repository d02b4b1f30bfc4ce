import { getFormProps } from "@conform-to/react";
import { parseForm } from "~/http/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { clientIp, getCurrentUser, startSession } from "~/auth/session.server";
import { DoneNotice, FormErrors, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { RedirectToSchema, SignInInputSchema } from "~/domain/account";
import { useT } from "~/i18n";
import { checkCredentials } from "~/services/accounts.server";
import { titleMeta } from "~/i18n/meta";
import { SubmitButton } from "~/components/form/submit-button";
import { useSchemaForm } from "~/components/form/schema-form";
import { retryAfterHeaders } from "~/http/mail-link.server";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "signin.title");

// A refused sign-in tells the client when to try again (Retry-After), also on a plain form post.
export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/account");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const redirectTo = RedirectToSchema.parse(form.get("redirectTo") ?? "/account");
  const submission = parseForm(form, SignInInputSchema);
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const ip = clientIp(context);
  const key = `${ip}|${submission.value.email}`;
  // refused when this address has failed too often from this IP, or this IP tries too many addresses
  const failures = await limits.signInFailures.isBlocked(key);
  const blocked = failures.ok ? await limits.signInPerIp.consume(ip) : failures;
  if (!blocked.ok) {
    const minutes = Math.ceil(blocked.retryAfterS / 60);
    return data(submission.reply({ formErrors: [`auth.error.rate_limited?minutes=${minutes}`], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(blocked.retryAfterS) },
    });
  }
  const result = await checkCredentials(db(), submission.value.email, submission.value.password);
  if (!result.ok) {
    if (result.reason === "credentials_invalid") await limits.signInFailures.consume(key);
    return data(submission.reply({ formErrors: [`auth.error.${result.reason}`], hideFields: ["password"] }), { status: 400 });
  }
  await limits.signInFailures.reset(key);
  const cookie = await startSession(result.userId);
  const sep = redirectTo.includes("?") ? "&" : "?";
  return redirect(`${redirectTo}${sep}done=signed_in`, { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const { t } = useT();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useSchemaForm(SignInInputSchema, lastResult, { shouldValidate: "onSubmit" });
  return (
    <div className="container narrow">
      <PageHeader notice={<DoneNotice />} title={t("signin.title")} lead={t("signin.lead")} />
      <Form method="post" className="form-card" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/account"} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField meta={fields.email} label={t("signin.email")} type="email" autoComplete="username" />
        <TextField meta={fields.password} label={t("signin.password")} type="password" autoComplete="current-password" />
        <SubmitButton label={t("signin.submit")} size="large" />
        <p>
          <Link to="/forgot-password">{t("signin.forgot")}</Link>
        </p>
        <p>
          {t("signin.noAccount")} <Link to="/signup">{t("signin.signup")}</Link>
        </p>
      </Form>
    </div>
  );
}
