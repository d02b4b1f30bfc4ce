import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { clearReceiptCookie, readReceipt } from "~/auth/vote-session.server";
import { VotePage } from "~/components/vote";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { activePoint, programmeFromParams } from "~/services/vote-flow.server";
import { invariantResponse } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { keepsCache: true };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.done.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  const receipt = readReceipt(request);
  invariantResponse(receipt, 404);
  const point = await activePoint(db(), request);
  // shown once: the cookie is gone with this response, so the next person at a shared device sees nothing
  return data(
    { kind: programme.kind, receipt, point: point !== null, guardianVoting: programme.guardianBelowAge !== null },
    { headers: { "Set-Cookie": clearReceiptCookie(), "Cache-Control": "no-store" } },
  );
}

export default function Done() {
  const { kind, receipt, point, guardianVoting } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <VotePage>
      <div className="alert alert-success" role="status">
        <h1>{t("vote.done.title")}</h1>
      </div>
      <h2>{t("vote.done.receipt")}</h2>
      <p className="receipt-code" data-testid="receipt">
        {receipt}
      </p>
      <p>{t("vote.done.receiptHint")}</p>
      <p className="muted">{t("vote.done.once")}</p>
      <div className="button-row">
        {point ? (
          <Link className="button button-large" to={`/vote/${kind}`}>
            {t("vote.done.again")}
          </Link>
        ) : null}
        {guardianVoting ? (
          <Link className="button button-secondary" to={`/vote/${kind}/child`}>
            {t("vote.child.start")}
          </Link>
        ) : null}
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t("vote.done.print")}
        </button>
        <Link className="button button-secondary" to="/vote/receipt">
          {t("vote.done.check")}
        </Link>
        <Link className="button button-secondary" to="/turnout">
          {t("vote.done.turnout")}
        </Link>
      </div>
    </VotePage>
  );
}
