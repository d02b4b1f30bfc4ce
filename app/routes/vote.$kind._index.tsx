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
import { echo, readIdentifyForm, refusalText } from "~/services/vote-identify.server";
import { activePoint, programmeFromParams } from "~/services/vote-flow.server";
import { identifyDeclaration, identifyVoter } from "~/services/voting.server";
import { refusalStatus } from "~/http/refusal";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", keepsCache: true };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.identify.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  const point = await activePoint(db(), request);
  return {
    kind: programme.kind,
    open: currentPhase(programme.phases, new Date()) === "voting",
    expired: new URL(request.url).searchParams.has("expired"),
    point: point?.name ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const programme = await programmeFromParams(db(), params.kind);
  const form = await request.formData();
  const input = readIdentifyForm(form);
  const refuse = (error: string, status = 400, field?: string, hint: string | null = null) => data({ error, hint, field: field ?? null, values: echo(input) }, { status });

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
    return refuse(text.error, refusalStatus(result.reason), "field" in result && typeof result.field === "string" ? result.field : undefined, text.hint);
  }
  const v = result.voter;
  const next = programme.kind === "bo" ? "district" : "ballot";
  return redirect(`/vote/${programme.kind}/${next}`, {
    headers: { "Set-Cookie": voteStateCookie({ programmeId: v.programmeId, voterId: v.voterId, ageBand: v.ageBand, birthDate: v.birthDate, onBehalf: "self" }) },
  });
}

export default function Identify() {
  const { kind, open, expired, point } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const values = result?.values;
  const peselError = values?.method === "pesel" ? result : undefined;
  const kartaError = values?.method === "karta" ? result : undefined;
  const fieldError = (r: typeof result, f: string) => (r && r.field === f ? r.error : null);
  const formError = (r: typeof result) => (r && !r.field ? [r.error, ...(r.hint ? [r.hint] : [])] : undefined);
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
      <p className="lead">{t("vote.identify.lead")}</p>

      <Form method="post" className="form-card" aria-labelledby="pesel-legend">
        <h2 id="pesel-legend" className="form-title">
          {t("vote.identify.pesel.legend")}
        </h2>
        <FormErrors errors={formError(peselError)} id="pesel-errors" />
        <input type="hidden" name="method" value="pesel" />
        <PlainField id="pesel" name="pesel" label={t("vote.identify.pesel")} hint={t("vote.identify.pesel.hint")} inputMode="numeric" autoComplete="off" maxLength={20} error={fieldError(peselError, "pesel")} defaultValue={peselError ? values?.pesel : undefined} />
        <PlainField id="parentFirstName" name="parentFirstName" label={t("vote.identify.parent")} hint={t("vote.identify.parent.hint")} autoComplete="off" maxLength={60} error={fieldError(peselError, "parentFirstName")} defaultValue={peselError ? values?.parentFirstName : undefined} />
        <button type="submit" className="button button-large">
          {t("vote.identify.submitPesel")}
        </button>
      </Form>

      <Form method="post" className="form-card" aria-labelledby="karta-legend">
        <h2 id="karta-legend" className="form-title">
          {t("vote.identify.karta.legend")}
        </h2>
        <FormErrors errors={formError(kartaError)} id="karta-errors" />
        <input type="hidden" name="method" value="karta" />
        <PlainField id="cardNumber" name="cardNumber" label={t("vote.identify.karta")} inputMode="numeric" autoComplete="off" maxLength={20} error={fieldError(kartaError, "cardNumber")} defaultValue={kartaError ? values?.cardNumber : undefined} />
        <PlainField id="firstName" name="firstName" label={t("vote.identify.firstName")} autoComplete="given-name" maxLength={60} error={fieldError(kartaError, "firstName")} defaultValue={kartaError ? values?.firstName : undefined} />
        <PlainField id="lastName" name="lastName" label={t("vote.identify.lastName")} autoComplete="family-name" maxLength={60} error={fieldError(kartaError, "lastName")} defaultValue={kartaError ? values?.lastName : undefined} />
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
        <p className="muted">{t("vote.identify.none")}</p>
      )}
      {kind !== "youth" ? <p className="muted">{t("vote.child.link")}</p> : null}
    </VotePage>
  );
}
