/**
 * A page section named by its own heading: `<section aria-labelledby>` and the `<h2>` it points at,
 * so the section is a landmark a screen-reader user can jump to under the heading's words.
 */
import type { ReactNode } from "react";

export function Section({
  headingId,
  title,
  id,
  className,
  headingClass,
  children,
}: {
  /** The heading's id (the section's accessible name points at it). */
  headingId: string;
  title: ReactNode;
  /** The section's own id (an anchor in the page). */
  id?: string;
  className?: string;
  headingClass?: string;
  children: ReactNode;
}) {
  return (
    <section id={id} className={className} aria-labelledby={headingId}>
      <h2 id={headingId} className={headingClass}>
        {title}
      </h2>
      {children}
    </section>
  );
}
