/**
 * A list page's filter: a GET form (works without JavaScript, the filter lives in the URL), a search
 * landmark, its fields, and one "show" button (and, after it, what else the page offers, e.g. a
 * "clear the filter" link). A form that only chooses what the page shows (a district, an edition)
 * is not a search: `search={false}` leaves the landmark out.
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

export function FilterForm({
  label,
  submit,
  children,
  action,
  search = true,
  secondary = false,
  after,
}: {
  label?: string;
  submit: ReactNode;
  children: ReactNode;
  action?: string;
  search?: boolean;
  /** The button is a secondary one (the page's main act is elsewhere). */
  secondary?: boolean;
  after?: ReactNode;
}) {
  return (
    <Form method="get" action={action} className="filters" role={search ? "search" : undefined} aria-label={label}>
      {children}
      <div className="filter-actions">
        <button className={secondary ? "button button-secondary" : "button"} type="submit">
          {submit}
        </button>
        {after}
      </div>
    </Form>
  );
}
