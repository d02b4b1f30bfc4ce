/**
 * A list of links to other pages (or places in this one): the site's link-list style, one `<li>` a
 * link. A link given as null or false (not for this person, nothing to link to) is left out.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type ListLink = {
  to: string;
  label: ReactNode;
  /** A file to save (a PDF), not a page. */
  download?: boolean;
};

export function LinkList({ links }: { links: readonly (ListLink | null | false)[] }) {
  return (
    <ul className="link-list">
      {links.map((l) =>
        l ? (
          <li key={l.to}>
            {l.to.startsWith("#") || l.download ? (
              <a href={l.to} download={l.download || undefined}>
                {l.label}
              </a>
            ) : (
              <Link to={l.to}>{l.label}</Link>
            )}
          </li>
        ) : null,
      )}
    </ul>
  );
}
