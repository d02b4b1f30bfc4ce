import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { clientIp } from "~/auth/session.server";
import { FormErrors, PlainField } from "~/components/form/fields";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { lookupReceipt } from "~/services/ballot-box.server";
import { receiptLookupHash } from "~/services/voting.server";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", keepsCache: true };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.receipt.title");

// POST, not GET: the code stays out of URLs, logs and browser history.
export async function action({ request, context }: ActionFunctionArgs) {
  const code = String((await request.formData()).get("code") ?? "").slice(0, 100);
  const limited = await limits.identifyPerIp.consume(clientIp(context));
  if (!limited.ok) return data({ code, error: `vote.error.rate_limited?minutes=${Math.ceil(limited.retryAfterS / 60)}`, found: null }, { status: 429 });
  const parsed = receiptLookupHash(code);
  if (!parsed.ok) return data({ code, error: `vote.error.${parsed.reason}`, found: null }, { status: 400 });
  // inclusion only: sealed in the box, or among the N counted — never which ballot, never its choices
  const found = await lookupReceipt(db(), parsed.hash);
  return { code: parsed.code, error: found ? null : "vote.receipt.notFound", found };
}

export default function Receipt() {
  const result = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <h1>{t("vote.receipt.title")}</h1>
      <p className="lead">{t("vote.receipt.lead")}</p>
      {result?.found ? (
        <div className="alert alert-success" role="status">
          <p>
            <strong data-testid="receipt-state">{result.found.state === "counted" ? t("ballotBox.receipt.counted", { n: result.found.counted }) : t("ballotBox.receipt.sealed")}</strong>
          </p>
          <p>{t("vote.receipt.where", { programme: t(`programme.${result.found.programmeKind}`), year: result.found.year })}</p>
          <p>{t("ballotBox.receipt.never")}</p>
          {result.found.state === "counted" ? (
            <p>
              <Link to={`/results/${result.found.year}/receipts.txt`} reloadDocument>
                {t("ballotBox.receipt.list")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="form-card">
        <FormErrors errors={result?.error && result.error !== "vote.receipt.notFound" ? undefined : result?.error ? [result.error] : undefined} id="receipt-errors" />
        <PlainField
          id="code"
          name="code"
          label={t("vote.receipt.code")}
          hint="XXXX-XXXX-XXXX-XXXX-X"
          autoComplete="off"
          maxLength={40}
          defaultValue={result?.code}
          error={result?.error && result.error !== "vote.receipt.notFound" ? result.error : null}
        />
        <button type="submit" className="button button-large">
          {t("vote.receipt.submit")}
        </button>
      </Form>
    </div>
  );
}
