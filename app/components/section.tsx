/**
 * A page section named by its own heading: `<section aria-labelledby>` and the `<h2>` it points at,
 * so the section is a landmark a screen-reader user can jump to under the heading's words.
 */
import type { ReactNode } from "react";
import { useT, type MessageKey } from "~/i18n";

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

/**
 * The sections of a statement page (accessibility, privacy): for each name, a Section whose heading
 * is the message `${ns}.${name}.title` and whose one paragraph is `${ns}.${name}.body`.
 */
export function TextSections({ ns, names, vars }: { ns: string; names: readonly string[]; vars?: Record<string, string | number> }) {
  const { t } = useT();
  return (
    <>
      {names.map((s) => (
        <Section key={s} headingId={`${ns}-${s}`} title={t(`${ns}.${s}.title` as MessageKey)}>
          <p>{t(`${ns}.${s}.body` as MessageKey, vars)}</p>
        </Section>
      ))}
    </>
  );
}
