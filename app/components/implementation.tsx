/** Pieces of the implementation pages: status badge, progress bar, the per-edition overview, a card. */
import { Link } from "@remix-run/react";
import { useId } from "react";
import { IMPLEMENTATION_STATUSES, type ImplementationStatus, type Overview } from "~/domain/implementation";
import { useT } from "~/i18n";
import { LangNote, Localized, useShownText, type Translatable } from "./proposal-text";
import { Facts } from "./facts";

export function ImplementationBadge({ status }: { status: ImplementationStatus }) {
  const { t } = useT();
  return <span className={`badge impl-badge impl-${status}`}>{t(`implementation.status.${status}`)}</span>;
}

export function OverdueBadge() {
  const { t } = useT();
  return <span className="badge impl-badge impl-overdue">{t("implementation.overdue")}</span>;
}

/** Progress as words and as a native <progress> named by them (read the same by every screen reader). */
export function ProgressBar({ pct }: { pct: number }) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="impl-progress">
      <span id={id}>{t("implementation.progress", { pct })}</span>
      <progress max={100} value={pct} aria-labelledby={id} />
    </div>
  );
}

export interface OverviewView extends Overview {
  year: number;
  overdue: number;
}

/** Counts per status (a list, and a stacked bar hidden from screen readers that only repeats it). */
export function OverviewBox({ o }: { o: OverviewView }) {
  const { t, money } = useT();
  const shown = IMPLEMENTATION_STATUSES.filter((s) => o.counts[s] > 0);
  return (
    <section className="card impl-overview" aria-labelledby={`overview-${o.year}`}>
      <h2 id={`overview-${o.year}`} className="card-title">
        {t("implementation.overview.title", { year: o.year })}
      </h2>
      <p className="muted">
        {t("implementation.overview.projects", { count: o.total })} · {t("implementation.overview.mean", { pct: o.meanProgress })}
        {o.overdue > 0 ? ` · ${t("implementation.overview.overdue", { count: o.overdue })}` : ""}
      </p>
      {/* an SVG: the CSP allows no inline styles, attributes size the parts */}
      <svg className="impl-stack" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {shown.map((s) => {
          const x = (100 * IMPLEMENTATION_STATUSES.filter((p) => IMPLEMENTATION_STATUSES.indexOf(p) < IMPLEMENTATION_STATUSES.indexOf(s)).reduce((n, p) => n + o.counts[p], 0)) / Math.max(1, o.total);
          return <rect key={s} className={`impl-${s}`} x={x} y={0} width={(100 * o.counts[s]) / Math.max(1, o.total)} height={6} />;
        })}
      </svg>
      <ul className="impl-counts" aria-label={t("implementation.overview.chart")}>
        {shown.map((s) => (
          <li key={s}>
            <span className={`impl-dot impl-${s}`} aria-hidden="true" />
            {t(`implementation.status.${s}`)}: <strong>{o.counts[s]}</strong>
          </li>
        ))}
      </ul>
      <Facts
        items={[
          { term: t("implementation.overview.voted"), value: money(o.votedGrosze, { wholeZloty: true }), amount: true },
          { term: t("implementation.overview.spent"), value: money(o.spentGrosze, { wholeZloty: true }), amount: true },
        ]}
      />
    </section>
  );
}

export interface CardItem extends Translatable {
  id: string;
  title: string;
  districtName: string | null;
  editionYear: number;
  status: ImplementationStatus;
  progressPct: number;
  votedGrosze: number;
  overdue: boolean;
}

export function ImplementationCard({ item: i }: { item: CardItem }) {
  const { t, money } = useT();
  const shown = useShownText(i);
  return (
    <li className="card">
      <p className="card-meta">
        <span>{i.districtName ?? t("implementation.cityWide")}</span>
        <span>{t("implementation.edition", { year: i.editionYear })}</span>
      </p>
      <h3 className="card-title">
        <Link to={`/realizacje/${i.id}`}>
          <Localized text={shown} field="title" />
        </Link>
      </h3>
      <LangNote text={shown} as="p" />
      <p className="card-footer">
        <ImplementationBadge status={i.status} />
        {i.overdue ? <OverdueBadge /> : null}
      </p>
      {i.status === "not_feasible" ? null : <ProgressBar pct={i.progressPct} />}
      <p className="muted">
        {t("implementation.voted")}: <span className="cost">{money(i.votedGrosze, { wholeZloty: true })}</span>
      </p>
    </li>
  );
}
