import { describe, expect, it } from "vitest";
import { defaultCacheControl } from "../../../app/http/cache-default.server";

describe("the default Cache-Control of page answers", () => {
  it.each([
    ["POST", null, "no-store"],
    ["PUT", "bo_lang=uk", "no-store"],
    ["DELETE", "bo_session=abc", "no-store"],
    ["GET", "bo_session=abc", "private, no-store"],
    ["HEAD", "bo_lang=pl; bo_session=abc", "private, no-store"],
    ["GET", "bo_lang=pl", null],
    ["GET", null, null],
    // an empty session cookie (signed out) or a look-alike name is not a session
    ["GET", "bo_session=", null],
    ["GET", "xbo_session=abc", null],
  ] as const)("%s with cookies %s → %s", (method, cookie, expected) => {
    expect(defaultCacheControl(method, cookie)).toBe(expected);
  });
});
