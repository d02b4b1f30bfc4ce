/**
 * Long public lists (a district's proposals) come in pages: the window of rows the page a person
 * asked for (?page=2, parsed by PageParamSchema in ./proposals) shows, and the links to the others.
 * Without zod: the list's links are drawn in the browser too.
 */

export const PAGE_SIZE = 24;
/** Far beyond any real list; keeps the offset a small integer whatever the URL says. */
export const PAGE_MAX = 10_000;

export interface PageWindow {
  /** The page shown, from 1 (a page past the end shows the last one). */
  page: number;
  /** How many pages there are (at least 1, even for an empty list). */
  pages: number;
  offset: number;
  limit: number;
  /** The positions (from 1) of the first and last rows shown; 0 and 0 when the list is empty. */
  first: number;
  last: number;
}

export function pageWindow(total: number, requested: number, size: number = PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(Math.max(0, total) / size));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages);
  const offset = (page - 1) * size;
  const first = total > 0 ? offset + 1 : 0;
  const last = Math.min(total, offset + size);
  return { page, pages, offset, limit: size, first, last };
}

/** The query string of another page, keeping the other parameters (the filters); "" when none is left. */
export function pageQuery(search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
