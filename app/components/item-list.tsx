/**
 * A list of things, or the page's own "nothing here" sentence instead of an empty list: one `<li>`
 * per item (optionally with a class, e.g. a card), in a `<ul>` or, where the order means something,
 * an `<ol>`.
 */
import type { ReactNode } from "react";

export function ItemList<T>({
  items,
  empty,
  emptyClass = "empty",
  className,
  ordered = false,
  itemKey,
  itemClass,
  children,
}: {
  items: readonly T[];
  /** Shown instead of the list when there are no items. */
  empty: ReactNode;
  emptyClass?: string;
  className?: string;
  ordered?: boolean;
  itemKey: (item: T) => string | number;
  itemClass?: string;
  /** What one item shows inside its `<li>`. */
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className={emptyClass}>{empty}</p>;
  const List = ordered ? "ol" : "ul";
  return (
    <List className={className}>
      {items.map((item) => (
        <li key={itemKey(item)} className={itemClass}>
          {children(item)}
        </li>
      ))}
    </List>
  );
}
