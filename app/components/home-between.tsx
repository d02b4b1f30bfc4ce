import { Link } from "@remix-run/react";
import type { HomeState } from "~/domain/edition-close";
import { useT } from "~/i18n";

/** The home page when no edition is running: the next one's start, the last results, or "not set up yet". */
export function NoCurrentEdition({ state, admin }: { state: HomeState; admin: boolean }) {
  const { t, date } = useT();
  if (state.kind === "current") return null;
  if (state.kind === "not_set_up") {
    return (
      <div className="container narrow">
        <section className="card" aria-labelledby="setup-title">
          <h1 id="setup-title">{t("adminClose.home.notSetUp.title")}</h1>
          <p className="lead">{t("adminClose.home.notSetUp.lead")}</p>
          {admin ? (
            <Link className="button" to="/admin">
              {t("adminClose.home.notSetUp.checklist")}
            </Link>
          ) : (
            <p>
              {t("adminClose.home.notSetUp.admins")} <Link to="/signin?redirectTo=%2Fadmin">{t("adminClose.home.notSetUp.signin")}</Link>
            </p>
          )}
        </section>
      </div>
    );
  }
  const lastYear = state.lastArchivedYear;
  return (
    <div className="container narrow">
      <section className="card" aria-labelledby="between-title">
        <h1 id="between-title">{state.kind === "upcoming" ? t("adminClose.home.upcoming.title", { year: state.year }) : t("adminClose.home.between.title")}</h1>
        <p className="lead">{state.kind === "upcoming" ? t("adminClose.home.upcoming.lead", { date: date(state.startsAt) }) : t("adminClose.home.between.lead")}</p>
        {lastYear !== null ? (
          <p>
            <Link className="button" to={`/results/${lastYear}`}>
              {t("adminClose.home.results", { year: lastYear })}
            </Link>
          </p>
        ) : null}
        <p>
          <Link to="/archive">{t("home.cta.archive")}</Link>
        </p>
        {admin ? (
          <p>
            <Link to="/admin">{t("adminClose.home.notSetUp.checklist")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
