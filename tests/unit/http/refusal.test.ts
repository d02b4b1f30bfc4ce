/** One table from refusal reason codes to HTTP statuses, the same on every route. */
import { describe, expect, it } from "vitest";
import { refusalStatus } from "~/http/refusal";

describe("refusalStatus", () => {
  it.each([
    ["not_allowed", 403],
    ["not_author", 403],
    ["not_assigned_reviewer", 403],
    ["invitation_other_email", 403],
    ["not_found", 404],
    ["already_voted", 409],
    ["attachment_too_big", 413],
    ["identify_wait", 429],
    ["final_list_frozen", 400],
    ["cost_over_pool", 400],
    ["rate_limited?minutes=3", 400],
    ["not_allowed?x=1", 403],
    ["", 400],
    ["constructor", 400],
    ["__proto__", 400],
    ["toString", 400],
  ])("%s → %i", (reason, status) => {
    expect(refusalStatus(reason)).toBe(status);
  });
});
