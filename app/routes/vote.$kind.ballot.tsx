import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { castMarkerCookie, clearVoteStateCookie, receiptCookie } from "~/auth/vote-session.server";
import { FormErrors } from "~/components/form/fields";
import { VoteBanner, VotePage, VoteSteps } from "~/components/vote";
import { loadCatalogue } from "~/data/ballots.server";
import { db } from "~/db.server";
import type { BallotError } from "~/domain/voting";
import { remainingTicks } from "~/domain/voting/ticks";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { activePoint, programmeFromParams, requireVoteState } from "~/services/vote-flow.server";
import { castBallot, checkBallot } from "~/services/voting.server";
import { readTicks } from "~/services/vote-identify.server";
import { getDistrictBySlug } from "~/data/districts.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { LangNote, Localized, shownFor } from "~/components/proposal-text";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "voter", keepsCache: true };

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
  const [catalogue, point] = await Promise.all([loadCatalogue(db(), programme.programmeId, district?.id ?? null), activePoint(db(), request)]);
  return { programme, state, district, catalogue, point };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, state, district, catalogue, point } = await context(request, params.kind, new URL(request.url).searchParams.get("district"));
  return { kind: programme.kind, district, catalogue, point: point?.name ?? null, onBehalf: state.onBehalf === "guardian" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const { programme, state, district, point } = await context(request, params.kind, String(form.get("district") ?? ""));
  const ticks = readTicks(form.getAll("tick"));
  const intent = form.get("intent");
  const ballot = { districtId: district?.id ?? null, selections: ticks };
  if (intent === "edit") return { stage: "ballot" as const, ticks, errors: [] as BallotError[] };

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
    if (result.reason === "ballot_invalid") return data({ stage: "ballot" as const, ticks, errors: result.errors }, { status: 400 });
    return data({ stage: "refused" as const, ticks, errors: [] as BallotError[], refusal: `vote.error.${result.reason}` }, { status: 409 });
  }

  // review: check everything before showing the summary
  const verdict = await checkBallot(db(), programme, ballot, state.voterId);
  if (!verdict.ok) return data({ stage: "ballot" as const, ticks, errors: verdict.errors }, { status: 400 });
  return { stage: "review" as const, ticks, errors: [] as BallotError[] };
}

export default function Ballot() {
  const { kind, district, catalogue, point, onBehalf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, tn, money, locale } = useT();
  const ticks = result?.ticks ?? {};
  const [counts, setCounts] = useState<Record<string, number>>(() => Object.fromEntries(catalogue.map((p) => [p.poolId, (ticks[p.poolId] ?? []).length])));
  // the box whose tick was refused (a category's limit reached): the reason is shown beside it
  const [blocked, setBlocked] = useState<{ poolId: string; projectId: string } | null>(null);
  // each step is rendered in place: bring the voter to its top and announce it, as a new page would
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!result) return;
    setCounts(Object.fromEntries(catalogue.map((p) => [p.poolId, (result.ticks[p.poolId] ?? []).length])));
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [result, catalogue]);

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

  const hidden = (
    <>
      {district ? <input type="hidden" name="district" value={district.slug} /> : null}
    </>
  );

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
        {catalogue.map((pool) => {
          const chosen = pool.projects.filter((p) => (ticks[pool.poolId] ?? []).includes(p.id));
          return (
            <section key={pool.poolId} className="review-pool" aria-labelledby={`rv-${pool.poolId}`}>
              <h2 id={`rv-${pool.poolId}`}>{t(`pool.${pool.kind}`)}</h2>
              {chosen.length === 0 ? (
                <p className="muted">{t("vote.review.none")}</p>
              ) : (
                <ul className="plain-list">
                  {chosen.map((p) => (
                    <li key={p.id} className="review-item">
                      <strong>
                        <Localized text={shownFor(locale, p)} field="title" />
                      </strong>
                      <LangNote text={shownFor(locale, p)} /> <span className="muted">· {money(p.costGrosze, { wholeZloty: true })}</span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        <Form method="post" className="button-row">
          {hidden}
          {Object.entries(ticks).flatMap(([pool, ids]) => ids.map((id) => <input key={`${pool}|${id}`} type="hidden" name="tick" value={`${pool}|${id}`} />))}
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
  const onToggle = (poolId: string, projectId: string, max: number) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const n = counts[poolId] ?? 0;
    if (e.target.checked && n >= max) {
      e.target.checked = false; // a 4th tick is prevented, and said why next to the box tapped
      setBlocked({ poolId, projectId });
      return;
    }
    setBlocked(null);
    setCounts({ ...counts, [poolId]: n + (e.target.checked ? 1 : -1) });
  };
  return (
    <VotePage>
      <h1 ref={heading} tabIndex={-1}>
        {t("vote.ballot.title")}
      </h1>
      <VoteSteps kind={kind} current="ballot" />
      <VoteBanner point={point} onBehalf={onBehalf} />
      <p className="lead">{t("vote.ballot.lead")}</p>
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
                <a href={`#pool-${pool.poolId}`}>{t("vote.ballot.goToPool", { name: t(`pool.${pool.kind}`) })}</a>
              </li>
            ))}
        </ul>
      ) : null}
      <Form method="post">
        {hidden}
        {catalogue.map((pool) => {
          const max = pool.ballotRule.kind === "approval" ? pool.ballotRule.maxTicks : pool.projects.length;
          // the ballot rule says how many are left (approval); other rules are capped by the list
          const left = Math.max(0, remainingTicks(pool.ballotRule, counts[pool.poolId] ?? 0) ?? max - (counts[pool.poolId] ?? 0));
          const errs = poolErrors(pool.poolId);
          return (
            <fieldset key={pool.poolId} id={`pool-${pool.poolId}`} className={`ballot-pool ${errs.length ? "has-error" : ""}`} aria-describedby={[`hint-${pool.poolId}`, errs.length ? `err-${pool.poolId}` : ""].join(" ").trim()}>
              <legend>
                <span className="pool-name">{t(`pool.${pool.kind}`)}</span>
                <span className="pool-limit">{t("vote.ballot.limit", { max })}</span>
              </legend>
              <p id={`hint-${pool.poolId}`} className="remaining" aria-live="polite">
                {left > 0 ? tn("vote.ballot.remaining", left) : t("vote.ballot.full")}
              </p>
              {errs.length ? (
                <div id={`err-${pool.poolId}`}>
                  {errs.map((e, i) => (
                    <p key={i} className="field-error">
                      {t(`vote.error.${e.reason}` as MessageKey)}
                    </p>
                  ))}
                </div>
              ) : null}
              {pool.projects.length === 0 ? <p className="muted">{t("vote.ballot.emptyPool")}</p> : null}
              <ul className="ballot-list">
                {pool.projects.map((p) => {
                  const id = `tick-${p.id}`;
                  const shown = shownFor(locale, p);
                  return (
                    <li key={p.id} className="ballot-item">
                      <input id={id} type="checkbox" name="tick" value={`${pool.poolId}|${p.id}`} defaultChecked={(ticks[pool.poolId] ?? []).includes(p.id)} onChange={onToggle(pool.poolId, p.id, max)} aria-describedby={`sum-${p.id}`} />
                      <label htmlFor={id}>
                        <span className="ballot-title">
                          <Localized text={shown} field="title" />
                        </span>
                        <span className="ballot-cost">
                          {t("vote.ballot.cost")}: {money(p.costGrosze, { wholeZloty: true })}
                        </span>
                      </label>
                      {blocked?.poolId === pool.poolId && blocked.projectId === p.id ? (
                        <p className="field-error tick-blocked" role="alert">
                          {t("vote.ballot.blocked", { max })}
                        </p>
                      ) : null}
                      <p id={`sum-${p.id}`} className="ballot-summary">
                        <Localized text={shown} field="summary" />
                        <LangNote text={shown} />{" "}
                        <a href={`/proposals/${p.id}`} target="_blank" rel="noopener noreferrer">
                          {t("vote.ballot.details")}
                          <span className="visually-hidden">
                            : <Localized text={shown} field="title" />
                          </span>
                        </a>
                      </p>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          );
        })}
        <button type="submit" name="intent" value="review" className="button button-large">
          {t("vote.ballot.submit")}
        </button>
      </Form>
    </VotePage>
  );
}
