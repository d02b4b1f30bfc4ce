/**
 * A data table as every list page draws it: a labelled scroll region (TableWrap), a header row of
 * `scope="col"` cells, one row per item, numbers right-aligned (`num`), an optional row header, and
 * the page's own "nothing here" text instead of an empty table. Rows are keyed by their `id` (else
 * by position) unless `rowKey` says otherwise.
 */
import type { ReactNode } from "react";
import { TableWrap } from "./table-wrap";

export type DataColumn<R> = {
  /** Stable key of the column (React key). */
  key: string;
  head: ReactNode;
  cell: (row: R) => ReactNode;
  /** Right-aligned numbers. */
  num?: boolean;
  /** This column's cells are the row's header (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Extra class of the body cells (e.g. "nowrap"). */
  cellClass?: string;
};

const byId = (row: unknown, index: number): string | number => {
  const id = (row as { id?: unknown }).id;
  return typeof id === "string" || typeof id === "number" ? id : index;
};

const cls = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(" ") || undefined;

export function DataTable<R>({
  label,
  rows,
  columns,
  rowKey = byId,
  empty,
  labelledBy,
  caption,
  captionHidden,
  foot,
  tableClass,
}: {
  /** The region's accessible name (and the table's, unless `labelledBy` names a heading). */
  label: string;
  rows: readonly R[];
  columns: readonly DataColumn<R>[];
  rowKey?: (row: R, index: number) => string | number;
  /** Shown instead of the table when there are no rows; omit to render nothing. */
  empty?: ReactNode;
  labelledBy?: string;
  caption?: ReactNode;
  /** The caption is for screen readers only (the page's heading already says it). */
  captionHidden?: boolean;
  /** The cells of a footer row (sums). */
  foot?: ReactNode;
  tableClass?: string;
}) {
  if (rows.length === 0) return empty === undefined ? null : <p className="empty">{empty}</p>;
  return (
    <TableWrap label={label}>
      <table aria-labelledby={labelledBy} className={tableClass}>
        {caption ? <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.num ? "num" : undefined}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={rowKey(r, i)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={cls(c.num && "num", c.cellClass)}>
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={c.key} className={cls(c.num && "num", c.cellClass)}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot>
            <tr>{foot}</tr>
          </tfoot>
        ) : null}
      </table>
    </TableWrap>
  );
}
