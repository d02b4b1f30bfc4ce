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
 * Votes per project as horizontal bars, rendered on the server as SVG (no script, no inline
 * styles). Accessible: role="img" with a title and a description; the same numbers are in the table.
 */
export function ResultsChart({ bars, poolName }: { bars: Bar[]; poolName: string }) {
  const { t, number, money } = useT();
  const id = useId();
  if (bars.length === 0) return null;
  const max = Math.max(1, ...bars.map((b) => b.votes));
  const row = 34;
  const width = 640;
  const height = bars.length * row + 8;
  return (
    <svg
      className="results-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{t("results.chart.title", { pool: poolName })}</title>
      <desc id={`${id}-d`}>{t("results.chart.desc")}</desc>
      {bars.map((b, i) => {
        const w = Math.max(2, Math.round(((width - 290) * b.votes) / max));
        const y = i * row + 4;
        return (
          <g key={b.id}>
            <rect x={0} y={y} width={w} height={row - 10} rx={4} className={b.funded ? "bar bar-funded" : "bar"} />
            <text x={w + 8} y={y + row / 2 - 1} className="bar-label">
              {number(b.votes)} · {money(b.costGrosze, { wholeZloty: true })}
              {b.funded ? ` · ${t("results.chart.funded")}` : ""}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
