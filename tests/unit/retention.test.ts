import { describe, expect, it } from "vitest";
import { AUDIT_YEARS, DRAFT_MONTHS, OUTBOX_DAYS, PAPER_CONTACT_MONTHS, RETENTION_TEXT_VARS, retentionCutoffs, SESSION_IDLE_HOURS, SESSION_MAX_DAYS, sessionEndsAt, UNVERIFIED_ACCOUNT_DAYS } from "~/domain/retention";
import { getTranslator, LOCALES, type MessageKey } from "~/i18n";
import { pl } from "~/i18n/pl";

describe("retention cut-offs", () => {
  const now = new Date("2027-03-31T12:00:00.000Z");
  it.each([
    ["unverifiedAccountsBefore", new Date(now.getTime() - UNVERIFIED_ACCOUNT_DAYS * 86_400_000).toISOString()],
    ["sessionsExpiredBefore", now.toISOString()],
    ["sessionsCreatedBefore", new Date(now.getTime() - SESSION_MAX_DAYS * 86_400_000).toISOString()],
    ["outboxCreatedBefore", new Date(now.getTime() - OUTBOX_DAYS * 86_400_000).toISOString()],
    ["auditBefore", `${2027 - AUDIT_YEARS}-03-31T12:00:00.000Z`],
  ] as const)("%s", (key, expected) => {
    expect(retentionCutoffs(now)[key]).toBe(expected);
  });
  it("drafts: calendar months back", () => {
    expect(DRAFT_MONTHS).toBe(12);
    expect(retentionCutoffs(now).draftsUpdatedBefore).toBe("2026-03-31T12:00:00.000Z");
  });
  it("paper proposals' resident details: calendar months after the results", () => {
    expect(PAPER_CONTACT_MONTHS).toBe(6);
    // 31 September does not exist: the cut-off rolls over to 1 October, one day on the safe side
    expect(retentionCutoffs(now).paperResultsPublishedBefore).toBe("2026-10-01T12:00:00.000Z");
  });
  it("a session ends at its sliding expiry or SESSION_MAX_DAYS after sign-in, whichever is first", () => {
    const signedIn = new Date("2027-01-01T00:00:00.000Z");
    const soon = new Date(signedIn.getTime() + SESSION_IDLE_HOURS * 3600_000);
    expect(sessionEndsAt(soon, signedIn)).toEqual(soon);
    expect(sessionEndsAt(new Date("2027-02-01T00:00:00.000Z"), signedIn)).toEqual(new Date(signedIn.getTime() + SESSION_MAX_DAYS * 86_400_000));
  });
});

describe("/privacy quotes the retention constants", () => {
  const keys = (Object.keys(pl) as MessageKey[]).filter((k) => k.startsWith("privacy."));
  it.each(LOCALES)("%s: every placeholder is filled, every number appears", (locale) => {
    const { t } = getTranslator(locale);
    const text = keys.map((k) => t(k, RETENTION_TEXT_VARS)).join("\n");
    expect(text).not.toMatch(/\{\w+\}/);
    for (const n of Object.values(RETENTION_TEXT_VARS)) expect(text).toContain(String(n));
    // and each number stands in its own sentence, where its placeholder is
    expect(t("privacy.retention.paper", RETENTION_TEXT_VARS)).toContain(String(PAPER_CONTACT_MONTHS));
  });
});
