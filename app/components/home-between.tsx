import { Link } from "@remix-run/react";
import type { HomeState } from "~/domain/edition-close";
import { useT } from "~/i18n";

/** The home page when no edition is running: the next one's start, the last results, or "not set up yet". */
export function NoCurrentEdition({ state, admin }: { state: HomeState; admin: boolean }) {
  const { t, date } = useT();
  if (state.kind === "current") return null;
  const notSetUp = state.kind === "not_set_up";
  const title = notSetUp ? t("adminClose.home.notSetUp.title") : state.kind === "upcoming" ? t("adminClose.home.upcoming.title", { year: state.year }) : t("adminClose.home.between.title");
  const lead = notSetUp ? t("adminClose.home.notSetUp.lead") : state.kind === "upcoming" ? t("adminClose.home.upcoming.lead", { date: date(state.startsAt) }) : t("adminClose.home.between.lead");
  const lastYear = notSetUp ? null : state.lastArchivedYear;
  return (
    <>
      <section className="hero">
        <div className="container">
          <p className="eyebrow">{t("site.tagline")}</p>
          <h1>{title}</h1>
          <p className="lead">{lead}</p>
        </div>
      </section>
      <div className="container">
        <section className="now-panel" aria-label={title}>
          {lastYear !== null ? (
            <p>
              <Link className="button button-large" to={`/results/${lastYear}`}>
                {t("adminClose.home.results", { year: lastYear })}
              </Link>
            </p>
          ) : null}
          {!notSetUp ? (
            <p>
              <Link to="/archive">{t("home.cta.archive")}</Link>
            </p>
          ) : null}
          {admin ? (
            <p>
              <Link className={notSetUp ? "button" : undefined} to="/admin">
                {t("adminClose.home.notSetUp.checklist")}
              </Link>
            </p>
          ) : notSetUp ? (
            <p>
              {t("adminClose.home.notSetUp.admins")} <Link to="/signin?redirectTo=%2Fadmin">{t("adminClose.home.notSetUp.signin")}</Link>
            </p>
          ) : null}
        </section>
      </div>
    </>
  );
}
