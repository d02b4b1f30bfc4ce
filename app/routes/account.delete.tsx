import { parseForm } from "~/http/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { lucia, requireUser } from "~/auth/session.server";
import { CheckboxField, ConformForm, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { DeleteAccountInputSchema } from "~/domain/account";
import { useT } from "~/i18n";
import { deleteAccount } from "~/services/accounts.server";
import { titleMeta } from "~/i18n/meta";
import { SubmitButton } from "~/components/form/submit-button";
import { useSchemaForm } from "~/components/form/schema-form";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "delete.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), DeleteAccountInputSchema);
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  // each try checks the password: limited per person, so it cannot be guessed from a stolen session
  const limited = await limits.deleteAccountPerUser.consume(user.id);
  if (!limited.ok) return data(submission.reply({ formErrors: [`auth.error.rate_limited?minutes=${Math.ceil(limited.retryAfterS / 60)}`], hideFields: ["password"] }), { status: 429, headers: { "Retry-After": String(limited.retryAfterS) } });
  const result = await deleteAccount(db(), user.id, submission.value.password);
  if (!result.ok) return data(submission.reply({ formErrors: [`auth.error.${result.reason === "password_wrong" ? "password_wrong" : "credentials_invalid"}`], hideFields: ["password"] }), { status: 400 });
  return redirect("/?done=deleted", { headers: { "Set-Cookie": lucia().createBlankSessionCookie().serialize() } });
}

export default function DeleteAccount() {
  const { t } = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(DeleteAccountInputSchema, lastResult);
  return (
    <div className="container narrow">
      <h1>{t("delete.title")}</h1>
      <div className="alert alert-warning">
        <p>{t("delete.lead")}</p>
      </div>
      <ConformForm form={form}>
        <TextField meta={fields.password} label={t("delete.password")} type="password" autoComplete="current-password" />
        <CheckboxField meta={fields.confirm} label={t("delete.confirm")} />
        <div className="button-row">
          <SubmitButton label={t("delete.submit")} variant="danger" />
          <Link to="/account" className="button button-secondary">
            {t("delete.cancel")}
          </Link>
        </div>
      </ConformForm>
    </div>
  );
}
