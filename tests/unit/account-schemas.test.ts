import { describe, expect, it } from "vitest";
import { DeleteAccountInputSchema, RedirectToSchema, ResetPasswordInputSchema, SignUpInputSchema } from "~/domain/account";

const firstError = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("SignUpInputSchema", () => {
  const good = { email: "  Jan.Kowalski@Example.PL ", displayName: "Jan K.", password: "dlugie-haslo-123", acceptPrivacy: "on" };
  it("normalises the e-mail", () => {
    expect(SignUpInputSchema.parse(good).email).toBe("jan.kowalski@example.pl");
  });
  it.each([
    [{ ...good, email: "not-an-email" }, "form.error.email"],
    [{ ...good, email: "" }, "form.error.required"],
    [{ ...good, password: "krotkie" }, "form.error.password_short"],
    [{ ...good, password: "x".repeat(201) }, "form.error.password_long"],
    [{ ...good, displayName: "J" }, "form.error.name_short"],
    [{ ...good, displayName: "<script>alert(1)</script>" }, "form.error.name_chars"],
    // a zero-width space is dropped silently; a real control character is refused and named
    [{ ...good, displayName: "Jan\u0007Kowalski" }, "form.error.name_char?char=U%2B0007&at=4&after=Jan"],
    [{ ...good, acceptPrivacy: undefined }, "form.error.accept_privacy"],
  ])("refuses %j with %s", (input, key) => {
    expect(firstError(SignUpInputSchema.safeParse(input))).toBe(key);
  });
});

describe("ResetPasswordInputSchema", () => {
  it("needs matching passwords", () => {
    const r = ResetPasswordInputSchema.safeParse({ token: "a".repeat(43), password: "dlugie-haslo-123", passwordConfirm: "inne-haslo-1234" });
    expect(firstError(r)).toBe("form.error.password_mismatch");
  });
  it("refuses a malformed token", () => {
    expect(ResetPasswordInputSchema.safeParse({ token: "../../etc", password: "dlugie-haslo-123", passwordConfirm: "dlugie-haslo-123" }).success).toBe(false);
  });
});

describe("DeleteAccountInputSchema", () => {
  it("needs the confirmation box", () => {
    expect(firstError(DeleteAccountInputSchema.safeParse({ password: "x" }))).toBe("form.error.confirm_delete");
  });
});

describe("RedirectToSchema", () => {
  it.each([
    ["/account", "/account"],
    ["/districts/orlowo?pool=district_small", "/districts/orlowo?pool=district_small"],
    ["//evil.example", "/account"],
    ["https://evil.example", "/account"],
    ["/\\evil.example", "/account"],
    ["javascript:alert(1)", "/account"],
  ])("%s → %s", (input, expected) => {
    expect(RedirectToSchema.parse(input)).toBe(expected);
  });
});
