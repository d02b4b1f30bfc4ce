import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPools, listProgrammes } from "~/data/editions.server";
import { currentEdition } from "~/services/current-edition.server";
import { getEditionPublicInfo } from "~/data/edition-admin.server";
import { EditionTimeline } from "~/components/edition-timeline";
import { db } from "~/db.server";
import { editionMoment, timeline } from "~/domain/phases";
import { getCurrentUser } from "~/auth/session.server";
import { NoCurrentEdition } from "~/components/home-between";
import { countPublishedPools, listEditionsForHome } from "~/data/edition-close.server";
import { homeState } from "~/domain/edition-close";
import { can } from "~/auth/permissions.server";
import { getTranslator, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { followState } from "~/data/follows.server";
import { FollowButton } from "~/components/follow-button";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "BO Gdynia" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = getTranslator(getLocale(request));
  const edition = await currentEdition(db());
  if (!edition) {
    // between editions or before the first one: what to say instead (never an error)
    const user = await getCurrentUser(request);
    return { title: t("site.name"), edition: null, home: homeState(await listEditionsForHome(db())), admin: can(user, "edition.manage") };
  }
  const now = new Date();
  const [programmes, boPools] = await Promise.all([listProgrammes(db(), edition.id), listPools(db(), edition.id, "bo")]);
  const city = boPools.filter((p) => p.kind === "city").reduce((s, p) => s + p.budgetGrosze, 0);
  const districts = boPools.filter((p) => p.districtId !== null).reduce((s, p) => s + p.budgetGrosze, 0);
  const total = programmes.find((p) => p.kind === "bo")?.budgetGrosze ?? 0;
  return {
    home: null,
    admin: false,
    title: `${t("home.title", { year: edition.year })} · ${t("site.name")}`,
    edition: {
      year: edition.year,
      moment: editionMoment(edition.phases, now),
      timeline: timeline(edition.phases, now),
      programmes,
      amounts: { city, districts, total },
      info: await getEditionPublicInfo(db(), edition.id),
      // what officials did, not only what the calendar says: results may come before or after the phase date
      resultsPublished: (await countPublishedPools(db(), edition.id)).published > 0,
      id: edition.id,
      follow: await followState(db(), (await getCurrentUser(request))?.id ?? null, "edition", edition.id),
    },
  };
}

function NowText({ moment, resultsPublished }: { moment: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["edition"]>["moment"]; resultsPublished: boolean }) {
  const { t, date } = useT();
  switch (moment.kind) {
    case "before":
      return <p>{t("home.now.before", { date: date(moment.next.startsAt) })}</p>;
    case "in": {
      const p = moment.current.phase;
      if (p === "counting" || p === "results") return <p>{t(resultsPublished ? "home.now.results" : "home.now.counting")}</p>;
      const nextStart = moment.next ? date(moment.next.startsAt) : "";
      const vars = { date: p === "final_list" ? nextStart : date(moment.current.endsAt) };
      return <p>{t(`home.now.${p}` as MessageKey, vars)}</p>;
    }
    case "between":
      return <p>{t("home.now.between", { phase: t(`phase.${moment.next.phase}`), date: date(moment.next.startsAt) })}</p>;
    case "after":
      return <p>{t("home.now.after")}</p>;
    default:
      return null;
  }
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const { t, money, date } = useT();
  const e = data.edition;
  if (!e) return <NoCurrentEdition state={data.home ?? { kind: "not_set_up" }} admin={data.admin} />;
  const inPhase = e.moment.kind === "in" ? e.moment.current.phase : null;
  return (
    <>
      <section className="hero">
        <div className="container">
          <p className="eyebrow">{t("site.tagline")}</p>
          <h1>{t("home.title", { year: e.year })}</h1>
          <p className="lead">{t("home.lead", { amount: money(e.amounts.total, { wholeZloty: true }) })}</p>
          <dl className="stats">
            <div>
              <dt>{t("home.amount.city")}</dt>
              <dd>{money(e.amounts.city, { wholeZloty: true })}</dd>
            </div>
            <div>
              <dt>{t("home.amount.districts")}</dt>
              <dd>{money(e.amounts.districts, { wholeZloty: true })}</dd>
            </div>
          </dl>
        </div>
      </section>

      <div className="container">
        <section className="now-panel" aria-labelledby="now-title">
          <h2 id="now-title">{t("home.now")}</h2>
          <NowText moment={e.moment} resultsPublished={e.resultsPublished} />
          {e.moment.kind === "after" ? (
            // the results phase is over but the edition is not archived yet: its results stay linked
            <Link className="button button-large" to={`/results/${e.year}`}>
              {t("adminClose.home.results", { year: e.year })}
            </Link>
          ) : inPhase === "submission" ? (
            <Link className="button button-large" to="/proposals/new">
              {t("nav.newProposal")}
            </Link>
          ) : inPhase === "voting" ? (
            <Link className="button button-large" to="/vote">
              {t("nav.vote")}
            </Link>
          ) : inPhase === "counting" || inPhase === "results" ? (
            <Link className="button button-large" to={`/results/${e.year}`}>
              {t("nav.results")}
            </Link>
          ) : (
            <Link className="button button-large" to="/districts">
              {t("home.cta.browse")}
            </Link>
          )}
          {inPhase === "final_list" || inPhase === "voting" ? (
            <p>
              <Link to="/final-list">{t("nav.finalList")}</Link>
            </p>
          ) : null}
          <FollowButton kind="edition" id={e.id} state={e.follow} />
        </section>

        <section aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t("home.timeline")}</h2>
          <ol className="timeline">
            {e.timeline.map((w) => (
              <li key={w.phase} className={`timeline-step is-${w.state}`} aria-current={w.phase === inPhase ? "step" : undefined}>
                <span className="timeline-dot" aria-hidden="true" />
                <span className="timeline-name">{t(`phase.${w.phase}`)}</span>
                <span className="timeline-dates">{t("phase.dates", { start: date(w.startsAt), end: date(w.endsAt) })}</span>
                <span className="timeline-state">{t(`phase.state.${w.state}`)}</span>
              </li>
            ))}
          </ol>
        </section>
        <EditionTimeline year={e.year} {...e.info} />

        <section aria-labelledby="programmes-title">
          <h2 id="programmes-title">{t("home.programmes")}</h2>
          <ul className="card-grid">
            {e.programmes.map((p) => (
              <li key={p.id} className="card programme-card">
                <h3 className="card-title">{t(`programme.${p.kind}`)}</h3>
                <p>{t(`programme.${p.kind}.about`)}</p>
                <p className="amount">{t("programme.budget", { amount: money(p.budgetGrosze, { wholeZloty: true }) })}</p>
                {p.minAge !== null && p.maxAge !== null ? <p className="muted">{t("programme.ages", { min: p.minAge, max: p.maxAge })}</p> : null}
                {p.moderation === "youth_council" ? <p className="muted">{t("programme.moderation.youth_council")}</p> : null}
                <Link className="card-link" to={p.kind === "bo" ? "/districts" : `/programmes/${p.kind}`}>
                  {t("programme.see")}
                  <span className="visually-hidden">: {t(`programme.${p.kind}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
