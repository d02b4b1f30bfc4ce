import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { limits } from "~/auth/rate-limit.server";
import { clientIp } from "~/auth/session.server";
import { readCastMarker, voteStateCookie } from "~/auth/vote-session.server";
import { FormErrors, PlainField } from "~/components/form/fields";
import { ChildVoteLink, VoteBanner, VotePage, VoteSteps } from "~/components/vote";
import { db } from "~/db.server";
import { currentPhase } from "~/domain/phases";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { echo, readIdentifyForm, refusalText } from "~/services/vote-identify.server";
import { activePoint, programmeFromParams } from "~/http/vote-flow.server";
import { identifyDeclaration, identifyVoter } from "~/services/voting.server";
import { refusalStatus } from "~/http/refusal";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared", keepsCache: true, layout: "focused" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.identify.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  const point = await activePoint(db(), request);
  return {
    kind: programme.kind,
    open: currentPhase(programme.phases, new Date()) === "voting",
    expired: new URL(request.url).searchParams.has("expired"),
    point: point?.name ?? null,
    guardianVoting: programme.guardianBelowAge !== null,
    // after a ballot was cast here (Back from the receipt): say so — but not at a voting point, where the next person identifies
    cast: !point && readCastMarker(request, programme.programmeId),
  };
}

/** Refusals after which the person may well be a parent who came to vote for a child. */
const CHILD_WAY_IN = new Set(["too_old", "too_young", "must_vote_through_guardian", "already_voted"]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  const form = await request.formData();
  const input = readIdentifyForm(form);
  const refuse = (error: string, status = 400, field?: string, hint: string | null = null, childLink = false) =>
    data({ error, hint, field: field ?? null, values: echo(input), childLink }, { status });

  const point = await activePoint(db(), request);
  if (!point) {
    const ip = await limits.identifyPerIp.consume(clientIp(context));
    if (!ip.ok) return refuse(`vote.error.rate_limited?minutes=${Math.ceil(ip.retryAfterS / 60)}`, 429);
  }
  // one per-identity counter and one refusal for every path (services/voting.server.ts)
  const result =
    input.method === "declaration" && point
      ? await identifyDeclaration(db(), String(form.get("declarationId") ?? "").slice(0, 100), programme, new Date())
      : await identifyVoter(db(), input, programme, new Date());
  if (!result.ok) {
    const text = refusalText(result);
    const field = "field" in result && typeof result.field === "string" ? result.field : undefined;
    return refuse(text.error, refusalStatus(result.reason), field, text.hint, programme.guardianBelowAge !== null && CHILD_WAY_IN.has(result.reason));
  }
  const v = result.voter;
  const next = programme.kind === "bo" ? "district" : "ballot";
  return redirect(`/vote/${programme.kind}/${next}`, {
    headers: { "Set-Cookie": voteStateCookie({ programmeId: v.programmeId, voterId: v.voterId, ageBand: v.ageBand, birthDate: v.birthDate, onBehalf: "self" }) },
  });
}

export default function Identify() {
  const { kind, open, expired, point, guardianVoting, cast } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const values = result?.values;
  const peselError = values?.method === "pesel" ? result : undefined;
  const kartaError = values?.method === "karta" ? result : undefined;
  const fieldError = (r: typeof result, f: string) => (r && r.field === f ? r.error : null);
  const formError = (r: typeof result) => (r && !r.field ? [r.error, ...(r.hint ? [r.hint] : [])] : undefined);
  // beside a refusal: the way into the parent's form, or to a voting point when the register check failed
  const afterError = (r: typeof result) => {
    if (!r || r.field) return null;
    if (r.childLink) return <ChildVoteLink kind={kind} />;
    if (!point && /^vote\.error\.(identity_not_confirmed|identify_wait)/.test(r.error)) {
      return (
        <p>
          <a href="#voting-points">{t("vote.identify.howAtPoint")}</a>
        </p>
      );
    }
    return null;
  };
  if (!open) {
    return (
      <VotePage>
        <h1>{t(`programme.${kind}`)}</h1>
        <p className="alert alert-warning">{t("vote.notOpen")}</p>
      </VotePage>
    );
  }
  return (
    <VotePage>
      <p className="eyebrow-dark">{t(`programme.${kind}`)}</p>
      <h1>{t("vote.identify.title")}</h1>
      <VoteSteps kind={kind} current="identify" />
      <VoteBanner point={point} onBehalf={false} />
      {expired ? <FormErrors errors={["vote.error.session_expired"]} id="expired" /> : null}
      {cast ? (
        <div className="alert alert-success" role="status">
          <p>{t("vote.identify.cast")}</p>
          <p>
            <Link to="/vote/receipt">{t("vote.done.check")}</Link>
          </p>
        </div>
      ) : null}
      <p className="lead">{t("vote.identify.lead")}</p>
      {guardianVoting ? <ChildVoteLink kind={kind} /> : null}

      <Form method="post" className="form-card" aria-labelledby="pesel-legend">
        <h2 id="pesel-legend" className="form-title">
          {t("vote.identify.pesel.legend")}
        </h2>
        <FormErrors errors={formError(peselError)} id="pesel-errors" />
        {afterError(peselError)}
        <input type="hidden" name="method" value="pesel" />
        <PlainField id="pesel" name="pesel" label={t("vote.identify.pesel")} hint={t("vote.identify.pesel.hint")} inputMode="numeric" autoComplete="off" maxLength={20} error={fieldError(peselError, "pesel")} defaultValue={peselError ? values?.pesel : undefined} />
        <PlainField id="parentFirstName" name="parentFirstName" label={t("vote.identify.parent")} hint={t("vote.identify.parent.hint")} autoComplete="off" error={fieldError(peselError, "parentFirstName")} defaultValue={peselError ? values?.parentFirstName : undefined} />
        <button type="submit" className="button button-large">
          {t("vote.identify.submitPesel")}
        </button>
      </Form>

      <Form method="post" className="form-card" aria-labelledby="karta-legend">
        <h2 id="karta-legend" className="form-title">
          {t("vote.identify.karta.legend")}
        </h2>
        <FormErrors errors={formError(kartaError)} id="karta-errors" />
        {afterError(kartaError)}
        <input type="hidden" name="method" value="karta" />
        <PlainField id="cardNumber" name="cardNumber" label={t("vote.identify.karta")} inputMode="numeric" autoComplete="off" maxLength={20} error={fieldError(kartaError, "cardNumber")} defaultValue={kartaError ? values?.cardNumber : undefined} />
        <PlainField id="firstName" name="firstName" label={t("vote.identify.firstName")} autoComplete="given-name" error={fieldError(kartaError, "firstName")} defaultValue={kartaError ? values?.firstName : undefined} />
        <PlainField id="lastName" name="lastName" label={t("vote.identify.lastName")} autoComplete="family-name" error={fieldError(kartaError, "lastName")} defaultValue={kartaError ? values?.lastName : undefined} />
        <button type="submit" className="button button-large">
          {t("vote.identify.submitKarta")}
        </button>
      </Form>
      {point ? (
        <Form method="post" className="form-card" aria-labelledby="decl-legend">
          <h2 id="decl-legend" className="form-title">
            {t("register.declaration.legend")}
          </h2>
          <FormErrors errors={values?.method === "declaration" ? formError(result) ?? (result ? [result.error] : undefined) : undefined} id="decl-errors" />
          <input type="hidden" name="method" value="declaration" />
          <PlainField id="declarationId" name="declarationId" label={t("register.declaration.number")} autoComplete="off" maxLength={64} />
          <button type="submit" className="button button-large">
            {t("vote.district.submit")}
          </button>
        </Form>
      ) : (
        <p className="muted" id="voting-points">
          {t("vote.identify.none")}
        </p>
      )}
    </VotePage>
  );
}
