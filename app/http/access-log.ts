/**
 * What the access log may say about a request's path. Query strings are never logged (a voter's
 * input may travel there); paths that carry a secret (an invitation's token) are logged with the
 * secret replaced, so a log file holds no live link. Pure.
 */
const SECRET_PATHS: [RegExp, string][] = [[/^\/invitations\/[^/?]+/, "/invitations/:token"]];

export function loggablePath(originalUrl: string): string {
  let path = originalUrl.split("?")[0]!;
  for (const [pattern, replacement] of SECRET_PATHS) path = path.replace(pattern, replacement);
  return path.slice(0, 200);
}
