/** The top of a page below the site header, and the breadcrumbs in it. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n";

type Crumb = { to?: string; label: string; lang?: string };

/** `lang` marks a label in another language than the page (a proposal's untranslated title). */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useT();
  return (
    <nav aria-label={t("nav.breadcrumbs")} className="breadcrumbs">
      <ol>
        {items.map((it, i) => (
          <li key={i}>
            {it.to ? (
              <Link to={it.to} lang={it.lang}>
                {it.label}
              </Link>
            ) : (
              <span aria-current="page" lang={it.lang}>
                {it.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * Where the page sits (breadcrumbs: the pages above it, then this page under its title, on pages
 * below another), the confirmation of the act just done (a DoneNotice, if the page has one), the
 * page's one <h1> and its lead paragraph.
 */
export function PageHeader({ parents, notice, title, lead }: { parents?: Crumb[]; notice?: ReactNode; title: string; lead?: ReactNode }) {
  return (
    <>
      {parents ? <Breadcrumbs items={[...parents, { label: title }]} /> : null}
      {notice}
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </>
  );
}
