import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { clientIp, startSession } from "~/auth/session.server";
import { FormErrors } from "~/components/form/fields";
import { db } from "~/db.server";
import { TokenSchema } from "~/domain/account";
import { useT } from "~/i18n";
import { verifyEmail } from "~/services/accounts.server";
import { titleMeta } from "~/i18n/meta";
import { SubmitButton } from "~/components/form/submit-button";
import { retryAfterHeaders, tokenFromLink } from "~/http/mail-link.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "verify.title");

// GET only shows the button: following a link (or a mail scanner prefetching it) changes nothing.
export const loader = ({ request }: LoaderFunctionArgs) => tokenFromLink(request);

export const headers = retryAfterHeaders;

export async function action({ request, context }: ActionFunctionArgs) {
  const limited = await limits.verifyEmailPerIp.consume(clientIp(context));
  if (!limited.ok) {
    return data({ error: `auth.error.rate_limited?minutes=${Math.ceil(limited.retryAfterS / 60)}` }, { status: 429, headers: { "Retry-After": String(limited.retryAfterS) } });
  }
  const token = TokenSchema.safeParse((await request.formData()).get("token"));
  if (!token.success) return data({ error: "auth.error.token_invalid" }, { status: 400 });
  const result = await verifyEmail(db(), token.data);
  if (!result.ok) return data({ error: `auth.error.${result.reason}` }, { status: 400 });
  return redirect("/account?done=verified", { headers: { "Set-Cookie": await startSession(result.userId) } });
}

export default function VerifyEmail() {
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <h1>{t("verify.title")}</h1>
      <FormErrors errors={actionData?.error ? [actionData.error] : token ? undefined : ["auth.error.token_invalid"]} id="verify-errors" />
      {token ? (
        <Form method="post" className="form-card">
          <p>{t("verify.body")}</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton label={t("verify.submit")} size="large" />
        </Form>
      ) : null}
    </div>
  );
}
