import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { clearReceiptCookie, readCastMarker, readReceipt } from "~/auth/vote-session.server";
import { ReceiptActions, VotePage } from "~/components/vote";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { activePoint, programmeFromParams } from "~/http/vote-flow.server";
import { invariantResponse } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { keepsCache: true };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.done.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  const receipt = readReceipt(request);
  // a step of a ballot already cast (the Back button) lands here too: "cast", without the code
  const cast = readCastMarker(request, programme.programmeId);
  invariantResponse(receipt || cast, 404);
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
        <h1>{t(receipt ? "vote.done.title" : "vote.done.already")}</h1>
      </div>
      {receipt ? (
        <>
          <h2>{t("vote.done.receipt")}</h2>
          <p className="receipt-code" data-testid="receipt" id="receipt-code">
            {receipt}
          </p>
          <ReceiptActions code={receipt} />
          <p>{t("vote.done.receiptHint")}</p>
          <p className="muted">{t("vote.done.once")}</p>
        </>
      ) : (
        <p>{t("vote.done.shownOnce")}</p>
      )}
      <div className="button-row no-print">
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
