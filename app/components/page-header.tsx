/**
 * The top of a page below the site header: where it sits (breadcrumbs), the confirmation of the act
 * just done (a DoneNotice, if the page has one), the page's one <h1> and its lead paragraph.
 */
import type { ReactNode } from "react";
import { Breadcrumbs } from "./proposals";

type Crumb = { to?: string; label: string; lang?: string };

export function PageHeader({ crumbs, notice, title, lead }: { crumbs: Crumb[]; notice?: ReactNode; title: ReactNode; lead?: ReactNode }) {
  return (
    <>
      <Breadcrumbs items={crumbs} />
      {notice}
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </>
  );
}
