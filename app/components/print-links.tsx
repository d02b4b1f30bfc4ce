/**
 * Links to an edition's printable paper ballots (issue #17), for the official and administrator
 * edition pages: one per district for the main programme, one for a programme without districts.
 */
import { useT } from "~/i18n";

type Kind = "bo" | "youth" | "children";

export function BallotPrintLinks({ year, kind, districts, sample = false }: { year: number; kind: Kind; districts: readonly { slug: string; name: string }[]; sample?: boolean }) {
  const { t } = useT();
  const name = t(`programme.${kind}`);
  const href = (district: string) => `/print/ballot/${year}/${kind}/${encodeURIComponent(district)}.pdf`;
  const note = sample ? <p className="muted">{t("print.links.sample")}</p> : null;
  if (kind !== "bo") {
    return (
      <>
        <p>
          <a href={href("all")}>{t("print.links.programme", { name })}</a>
        </p>
        {note}
      </>
    );
  }
  return (
    <details>
      <summary>{t("print.links.programme", { name })}</summary>
      {note}
      <ul className="link-list">
        {districts.map((d) => (
          <li key={d.slug}>
            <a href={href(d.slug)}>{t("print.links.district", { name: d.name })}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}
