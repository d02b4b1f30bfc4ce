import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { castMarkerCookie, clearVoteStateCookie, receiptCookie } from "~/auth/vote-session.server";
import { FormErrors } from "~/components/form/fields";
import { VoteBanner, VotePage, VoteSteps } from "~/components/vote";
import { loadCatalogue } from "~/data/ballots.server";
import { db } from "~/db.server";
import type { BallotError } from "~/domain/voting";
import { BallotPool, ReviewPool } from "~/components/ballot-pools";
import { getBallotOrder, listSelectionRules } from "~/data/ballot-setup.server";
import { echoFields, readBallotForm, type BallotEcho } from "~/domain/ballot-form";
import { orderProjects } from "~/domain/ballot-order";
import type { BallotKind, SelectionRule } from "~/domain/rules";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { activePoint, programmeFromParams, requireVoteState } from "~/http/vote-flow.server";
import { castBallot, checkBallot } from "~/services/voting.server";
import { voterBallotSeed } from "~/services/ballot-setup.server";
import { getDistrictBySlug } from "~/data/districts.server";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "voter", keepsCache: true, layout: "focused" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "vote.ballot.title");

async function context(request: Request, kind: string | undefined, districtSlug: string | null) {
  const programme = await programmeFromParams(db(), kind);
  const state = requireVoteState(request, programme);
  let district: { id: string; slug: string; name: string } | null = null;
  if (programme.kind === "bo") {
    const slug = typeof districtSlug === "string" ? districtSlug.slice(0, 100) : "";
    district = await getDistrictBySlug(db(), slug);
    if (!district) throw redirect(`/vote/${programme.kind}/district?missing=1`);
  }
  const [shared, point, order] = await Promise.all([loadCatalogue(db(), programme.programmeId, district?.id ?? null), activePoint(db(), request), getBallotOrder(db(), programme.programmeId)]);
  // the programme's order; a random one is the voter's own, the same on every step and reload
  const catalogue = shared.map((pool) => ({ ...pool, projects: orderProjects(pool.projects, order, voterBallotSeed(state.voterId, programme.programmeId, pool.poolId)) }));
  return { programme, state, district, catalogue, point };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, state, district, catalogue, point } = await context(request, params.kind, new URL(request.url).searchParams.get("district"));
  // how each pool's winners are chosen, said to the voter beside the choice (a bad row: not said)
  const stored = await listSelectionRules(db(), catalogue.map((p) => p.poolId));
  const selection: Record<string, SelectionRule | null> = {};
  for (const p of catalogue) selection[p.poolId] = stored[p.poolId] ?? null;
  return { kind: programme.kind, district, catalogue, selection, point: point?.name ?? null, onBehalf: state.onBehalf === "guardian" };
}


export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const { programme, state, district, point, catalogue } = await context(request, params.kind, String(form.get("district") ?? ""));
  const kinds = new Map<string, BallotKind>(catalogue.map((p) => [p.poolId, p.ballotRule.kind]));
  const { selections, echo } = readBallotForm(form.entries(), kinds);
  const intent = form.get("intent");
  const ballot = { districtId: district?.id ?? null, selections };
  if (intent === "edit") return { stage: "ballot" as const, echo, errors: [] as BallotError[] };

  if (intent === "cast") {
    const voter = { voterId: state.voterId, programmeId: state.programmeId, ageBand: state.ageBand, birthDate: state.birthDate, onBehalf: state.onBehalf, guardian: state.guardian ?? null };
    const result = await castBallot(db(), voter, programme, ballot, point ? { channel: "assisted", votingPointId: point.pointId, officialUserId: point.officialUserId } : { channel: "online" }, new Date());
    if (result.ok) {
      const headers = new Headers();
      headers.append("Set-Cookie", receiptCookie(result.receipt));
      headers.append("Set-Cookie", clearVoteStateCookie());
      headers.append("Set-Cookie", castMarkerCookie(programme.programmeId));
      return redirect(`/vote/${programme.kind}/done`, { headers });
    }
    if (result.reason === "ballot_invalid") return data({ stage: "ballot" as const, echo, errors: result.errors }, { status: 400 });
    return data({ stage: "refused" as const, echo, errors: [] as BallotError[], refusal: `vote.error.${result.reason}` }, { status: 409 });
  }

  // review: check everything before showing the summary
  const verdict = await checkBallot(db(), programme, ballot, state.voterId);
  if (!verdict.ok) return data({ stage: "ballot" as const, echo, errors: verdict.errors }, { status: 400 });
  return { stage: "review" as const, echo, errors: [] as BallotError[] };
}

const NO_ECHO: BallotEcho = { ticks: {}, marks: {} };

export default function Ballot() {
  const { kind, district, catalogue, selection, point, onBehalf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useT();
  const echo = result?.echo ?? NO_ECHO;
  // each step is rendered in place: bring the voter to its top and announce it, as a new page would
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!result) return;
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [result]);
  const kinds = new Map<string, BallotKind>(catalogue.map((p) => [p.poolId, p.ballotRule.kind]));
  const poolName = (pool: { kind: string }) => t(`pool.${pool.kind}` as "pool.city");

  if (result?.stage === "refused") {
    return (
      <VotePage>
        <h1>{t("vote.ballot.title")}</h1>
        <FormErrors errors={[result.refusal]} id="refused" />
        <Link className="button" to="/vote">
          {t("vote.start.title")}
        </Link>
      </VotePage>
    );
  }

  const hidden = <>{district ? <input type="hidden" name="district" value={district.slug} /> : null}</>;

  if (result?.stage === "review") {
    return (
      <VotePage>
        <h1 ref={heading} tabIndex={-1}>
          {t("vote.review.title")}
        </h1>
        <VoteSteps kind={kind} current="review" />
        <VoteBanner point={point} onBehalf={onBehalf} />
        <p className="alert alert-warning">{t("vote.review.lead")}</p>
        {district ? <p>{t("vote.ballot.district", { name: district.name })}</p> : null}
        {catalogue.map((pool) => (
          <ReviewPool key={pool.poolId} pool={pool} name={poolName(pool)} echo={echo} />
        ))}
        <Form method="post" className="button-row">
          {hidden}
          {echoFields(echo, kinds).map(([name, value], i) => (
            <input key={`${name}|${value}|${i}`} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" name="intent" value="cast" className="button button-large">
            {t("vote.review.cast")}
          </button>
          <button type="submit" name="intent" value="edit" className="button button-secondary">
            {t("vote.review.edit")}
          </button>
        </Form>
      </VotePage>
    );
  }

  const errors = result?.errors ?? [];
  const poolErrors = (poolId: string) => errors.filter((e) => e.poolId === poolId);
  // a new answer from the server starts the fields again from what it sent back
  const version = result ? JSON.stringify(result.echo) + errors.length : "first";
  return (
    <VotePage>
      <h1 ref={heading} tabIndex={-1}>
        {t("vote.ballot.title")}
      </h1>
      <VoteSteps kind={kind} current="ballot" />
      <VoteBanner point={point} onBehalf={onBehalf} />
      <p className="lead">{t(catalogue.every((p) => p.ballotRule.kind === "approval") ? "vote.ballot.lead" : "ballotui.lead")}</p>
      {district ? (
        <p>
          {t("vote.ballot.district", { name: district.name })} · <Link to={`/vote/${kind}/district`}>{t("vote.ballot.changeDistrict")}</Link>
        </p>
      ) : null}
      <FormErrors errors={errors.length ? ["vote.ballot.errors", ...errors.filter((e) => e.poolId === null).map((e) => `vote.error.${e.reason}`)] : undefined} id="ballot-errors" />
      {errors.some((e) => e.poolId !== null) ? (
        // without JavaScript the page comes back at its top: a link jumps to each category to correct
        <ul className="error-links">
          {catalogue
            .filter((pool) => poolErrors(pool.poolId).length > 0)
            .map((pool) => (
              <li key={pool.poolId}>
                <a href={`#pool-${pool.poolId}`}>{t("vote.ballot.goToPool", { name: poolName(pool) })}</a>
              </li>
            ))}
        </ul>
      ) : null}
      <Form method="post" noValidate>
        {hidden}
        {catalogue.map((pool) => (
          <BallotPool key={`${pool.poolId}|${version}`} pool={pool} name={poolName(pool)} echo={echo} errors={poolErrors(pool.poolId)} selection={selection[pool.poolId]} />
        ))}
        <button type="submit" name="intent" value="review" className="button button-large">
          {t("vote.ballot.submit")}
        </button>
      </Form>
    </VotePage>
  );
}
