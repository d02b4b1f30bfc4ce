import { useId } from "react";
import { useT } from "~/i18n";

interface Bar {
  id: string;
  label: string;
  votes: number;
  costGrosze: number;
  funded: boolean;
}

/**
 * Votes per project as horizontal bars with the project's name above each bar, readable on a
 * 390 px phone: the names and numbers are HTML text (they wrap and keep the page's font size); only
 * the bar itself is a tiny SVG whose width is a percentage (no script, no inline styles). The same
 * numbers are in the table, so the bars are hidden from screen readers and the list is not.
 */
export function ResultsChart({ bars, poolName }: { bars: Bar[]; poolName: string }) {
  const { t, number, money } = useT();
  const id = useId();
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((b) => b.votes));
  return (
    <figure className="results-chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`} className="visually-hidden">
        {t("results.chart.title", { pool: poolName })}. {t("results.chart.desc")}
      </figcaption>
      <ol className="bar-list">
        {bars.map((b) => (
          <li key={b.id} className={b.funded ? "bar-item is-funded" : "bar-item"}>
            <span className="bar-name">{b.label}</span>
            <svg className="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect x={0} y={0} width={Math.max(0.5, (100 * b.votes) / max)} height={10} rx={1} className={b.funded ? "bar bar-funded" : "bar"} />
            </svg>
            <span className="bar-figures">
              {t("results.chart.votes", { votes: number(b.votes) })} · {money(b.costGrosze, { wholeZloty: true })}
              {b.funded ? ` · ${t("results.chart.funded")}` : ""}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
