import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FIRST_RETRY_MS, MAX_MAIL_ATTEMPTS, MAX_RETRY_MS, nextAttemptAt, retryDelayMs } from "~/domain/mail-retry";

describe("mail retry back-off", () => {
  it.each([
    [1, FIRST_RETRY_MS],
    [2, 2 * FIRST_RETRY_MS],
    [3, 4 * FIRST_RETRY_MS],
    [9, Math.min(MAX_RETRY_MS, 256 * FIRST_RETRY_MS)],
    [50, MAX_RETRY_MS],
  ])("after failure %i waits %i ms", (n, ms) => expect(retryDelayMs(n)).toBe(ms));

  it("never shrinks and stays within bounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
        expect(retryDelayMs(n)).toBeGreaterThanOrEqual(FIRST_RETRY_MS);
        expect(retryDelayMs(n)).toBeLessThanOrEqual(MAX_RETRY_MS);
      }),
    );
  });

  it(`gives up at the ${MAX_MAIL_ATTEMPTS}th failure`, () => {
    const now = new Date("2026-12-03T10:00:00Z");
    expect(nextAttemptAt(0, now)?.toISOString()).toBe("2026-12-03T10:01:00.000Z");
    expect(nextAttemptAt(MAX_MAIL_ATTEMPTS - 2, now)).not.toBeNull();
    expect(nextAttemptAt(MAX_MAIL_ATTEMPTS - 1, now)).toBeNull();
  });
});
