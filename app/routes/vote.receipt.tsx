import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { clientIp } from "~/auth/session.server";
import { FormErrors, PlainField } from "~/components/form/fields";
import { findBallotByReceipt } from "~/data/ballots.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { publicBallotId } from "~/services/open-data.server";
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
  const ballot = await findBallotByReceipt(db(), parsed.hash);
  // after publication the voter can find their own line in the open data (.pb), and only they can
  const found = ballot
    ? { programmeKind: ballot.programmeKind, year: ballot.year, districtName: ballot.districtName, publicId: ballot.published ? publicBallotId(ballot.ballotId) : null }
    : null;
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
            <strong>{t("vote.receipt.found")}</strong>
          </p>
          <p>{t("vote.receipt.where", { programme: t(`programme.${result.found.programmeKind}`), year: result.found.year })}</p>
          {result.found.districtName ? <p>{t("vote.receipt.district", { name: result.found.districtName })}</p> : null}
          {result.found.publicId ? (
            <p>
              {t("vote.receipt.public")} <code data-testid="public-id">{result.found.publicId}</code>
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
