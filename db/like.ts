/**
 * Substring search that means the same on SQLite and PostgreSQL. Both treat `%` and `_` as
 * wildcards, but only PostgreSQL has a default escape character (`\`); SQLite has none, so an
 * escaped `\%` there would look for a backslash. Saying `ESCAPE '\'` makes both engines agree.
 * (Case: PostgreSQL's LIKE is case-sensitive, SQLite's is not for ASCII — callers compare
 * lower-cased text on both sides.)
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";

/** `%text%`, with `%`, `_` and `\` in `text` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE pattern ESCAPE '\'` (a column name, or any expression). */
export function likeEscaped(expr: string | Expression<unknown>, pattern: string): RawBuilder<SqlBool> {
  const left = typeof expr === "string" ? sql.ref(expr) : expr;
  return sql<SqlBool>`${left} like ${pattern} escape '\\'`;
}
