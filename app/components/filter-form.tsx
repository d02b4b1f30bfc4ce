/**
 * A list page's filter: a GET form (works without JavaScript, the filter lives in the URL), a search
 * landmark, its fields, and one "show" button.
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

export function FilterForm({ label, submit, children, action }: { label?: string; submit: ReactNode; children: ReactNode; action?: string }) {
  return (
    <Form method="get" action={action} className="filters" role="search" aria-label={label}>
      {children}
      <div className="filter-actions">
        <button className="button" type="submit">
          {submit}
        </button>
      </div>
    </Form>
  );
}
