import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { clientIp } from "~/auth/session.server";
import { voteStateCookie } from "~/auth/vote-session.server";
import { FormErrors, PlainField } from "~/components/form/fields";
import { VoteBanner, VotePage, VoteSteps } from "~/components/vote";
import { db } from "~/db.server";
import { currentPhase } from "~/domain/phases";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { activePoint, programmeFromParams } from "~/http/vote-flow.server";
import { identifyChild } from "~/services/voting.server";
import { refusalText } from "~/services/vote-identify.server";
import { refusalStatus } from "~/http/refusal";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { keepsCache: true, layout: "focused" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.child.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  const point = await activePoint(db(), request);
  return {
    kind: programme.kind,
    allowed: programme.guardianBelowAge !== null,
    age: programme.guardianBelowAge ?? 0,
    open: currentPhase(programme.phases, new Date()) === "voting",
    point: point?.name ?? null,
  };
}

const str = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.slice(0, 1000) : "";
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  const form = await request.formData();
  const values = { gPesel: str(form, "gPesel"), gParent: str(form, "gParent"), cPesel: str(form, "cPesel"), cParent: str(form, "cParent") };
  if (!(await activePoint(db(), request))) {
    const ip = await limits.identifyPerIp.consume(clientIp(context));
    if (!ip.ok) return data({ error: `vote.error.rate_limited?minutes=${Math.ceil(ip.retryAfterS / 60)}`, hint: null, field: null, values }, { status: 429 });
  }
  const result = await identifyChild(
    db(),
    { method: "pesel", pesel: values.gPesel, parentFirstName: values.gParent },
    { method: "pesel", pesel: values.cPesel, parentFirstName: values.cParent },
    programme,
    new Date(),
  );
  if (!result.ok) {
    // format errors point at a field; a failed register check is one answer for the whole form
    const prefix = result.who === "guardian" ? "g" : "c";
    const field = result.field === "pesel" ? `${prefix}Pesel` : result.field === "parentFirstName" ? `${prefix}Parent` : null;
    const text = refusalText(result);
    return data({ error: text.error, hint: text.hint, field, values }, { status: refusalStatus(result.reason) });
  }
  const v = result.voter;
  return redirect(`/vote/${programme.kind}/${programme.kind === "bo" ? "district" : "ballot"}`, {
    headers: { "Set-Cookie": voteStateCookie({ programmeId: v.programmeId, voterId: v.voterId, ageBand: v.ageBand, birthDate: null, onBehalf: "guardian", guardian: v.guardian ?? null }) },
  });
}

export default function ChildVote() {
  const { kind, allowed, age, open, point } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const err = (f: string) => (result?.field === f ? result.error : null);
  if (!allowed || !open) {
    return (
      <VotePage>
        <h1>{t("vote.child.title")}</h1>
        <p className="alert alert-warning">{allowed ? t("vote.notOpen") : t("vote.child.notAllowed")}</p>
      </VotePage>
    );
  }
  return (
    <VotePage>
      <p className="eyebrow-dark">{t(`programme.${kind}`)}</p>
      <h1>{t("vote.child.title")}</h1>
      <VoteSteps kind={kind} current="identify" back={`/vote/${kind}`} />
      <VoteBanner point={point} onBehalf={false} />
      <p className="lead">{t("vote.child.lead", { age })}</p>
      <Form method="post" className="form-card">
        <FormErrors errors={result && !result.field ? [result.error, ...(result.hint ? [result.hint] : [])] : undefined} id="child-errors" />
        <fieldset>
          <legend>{t("vote.child.guardianLegend")}</legend>
          <PlainField id="gPesel" name="gPesel" label={t("vote.identify.pesel")} inputMode="numeric" autoComplete="off" maxLength={20} error={err("gPesel")} defaultValue={result?.values.gPesel} />
          <PlainField id="gParent" name="gParent" label={t("vote.identify.parent")} hint={t("vote.child.guardianParentHint")} autoComplete="off" error={err("gParent")} defaultValue={result?.values.gParent} />
        </fieldset>
        <fieldset>
          <legend>{t("vote.child.childLegend")}</legend>
          <PlainField id="cPesel" name="cPesel" label={t("vote.child.pesel")} inputMode="numeric" autoComplete="off" maxLength={20} error={err("cPesel")} defaultValue={result?.values.cPesel} />
          <PlainField id="cParent" name="cParent" label={t("vote.child.parent")} autoComplete="off" error={err("cParent")} defaultValue={result?.values.cParent} />
        </fieldset>
        <button type="submit" className="button button-large">
          {t("vote.child.submit")}
        </button>
      </Form>
    </VotePage>
  );
}
