/**
 * A short list of facts about one thing (cost, district, author…) as a definition list: each term
 * with its value in its own group, amounts in the money style, a value in another language marked
 * with its `lang`. A fact given as null or false is left out.
 */
import type { ReactNode } from "react";

export type Fact = {
  term: ReactNode;
  value: ReactNode;
  /** A sum of money (styled as an amount). */
  amount?: boolean;
  /** The value's language, where it differs from the page's. */
  lang?: string;
  className?: string;
};

export function Facts({ items }: { items: readonly (Fact | null | false)[] }) {
  return (
    <dl className="facts">
      {items.map((f, i) =>
        f ? (
          <div key={i} className={f.className}>
            <dt>{f.term}</dt>
            <dd className={f.amount ? "amount" : undefined} lang={f.lang}>
              {f.value}
            </dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
