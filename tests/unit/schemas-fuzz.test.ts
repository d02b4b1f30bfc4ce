/**
 * Property tests over every zod schema at a boundary: hostile or random input never throws, and
 * the forms residents fill in only ever answer with translation keys that exist in all three
 * languages (so a refusal is always shown translated, never as a raw English zod message).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DeleteAccountInputSchema, ForgotPasswordInputSchema, RedirectToSchema, ResetPasswordInputSchema, SignInInputSchema, SignUpInputSchema } from "~/domain/account";
import { RoleChangeInputSchema } from "~/domain/permissions";
import { CommentInputSchema, FlagInputSchema, HideCommentInputSchema } from "~/domain/comments";
import { AppealInputSchema, DecisionInputSchema } from "~/domain/workflow/inputs";
import { ProposalFilterSchema } from "~/domain/proposals";
import { BallotRuleSchema, SelectionRuleSchema } from "~/domain/rules";
import { BallotInputSchema, IdentifyInputSchema } from "~/domain/voting";
import { en } from "~/i18n/en";
import { pl } from "~/i18n/pl";
import { uk } from "~/i18n/uk";
import type { ZodType } from "zod";

// strings a browser can send: unicode, control characters, scripts, SQL fragments, huge numbers
const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.constantFrom("<script>alert(1)</script>", "'; drop table ballots; --", "1e309", "-0", "\u202e\u200b", "%00", "9".repeat(400), "", " "),
);
const field = fc.oneof(hostile, fc.constant(undefined), fc.integer(), fc.array(hostile, { maxLength: 3 }));
const keys = ["email", "password", "passwordConfirm", "displayName", "acceptPrivacy", "token", "confirm", "intent", "userId", "role", "scope", "reason", "q", "pool", "category", "status", "method", "pesel", "parentFirstName", "cardNumber", "firstName", "lastName", "districtId", "selections", "kind", "minTicks", "maxTicks", "body", "parentId", "justification", "decision", "publicReason", "costGrosze"];
const input = fc.dictionary(fc.constantFrom(...keys), field, { maxKeys: 12 });

const all: [string, ZodType][] = [
  ["SignUpInputSchema", SignUpInputSchema],
  ["SignInInputSchema", SignInInputSchema],
  ["ForgotPasswordInputSchema", ForgotPasswordInputSchema],
  ["ResetPasswordInputSchema", ResetPasswordInputSchema],
  ["DeleteAccountInputSchema", DeleteAccountInputSchema],
  ["RedirectToSchema", RedirectToSchema],
  ["RoleChangeInputSchema", RoleChangeInputSchema],
  ["ProposalFilterSchema", ProposalFilterSchema],
  ["BallotRuleSchema", BallotRuleSchema],
  ["SelectionRuleSchema", SelectionRuleSchema],
  ["BallotInputSchema", BallotInputSchema],
  ["IdentifyInputSchema", IdentifyInputSchema],
  ["DecisionInputSchema", DecisionInputSchema],
  ["AppealInputSchema", AppealInputSchema],
  ["CommentInputSchema", CommentInputSchema],
  ["FlagInputSchema", FlagInputSchema],
  ["HideCommentInputSchema", HideCommentInputSchema],
];

describe.each(all)("%s", (_name, schema) => {
  it("never throws on hostile input, whatever the shape", () => {
    fc.assert(
      fc.property(fc.oneof(input, hostile, fc.anything()), (value) => {
        expect(() => schema.safeParse(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

// the forms residents and voters fill in: every refusal must be a key translated in pl, uk and en
const userFacing: [string, ZodType][] = [
  ["SignUpInputSchema", SignUpInputSchema],
  ["SignInInputSchema", SignInInputSchema],
  ["ForgotPasswordInputSchema", ForgotPasswordInputSchema],
  ["ResetPasswordInputSchema", ResetPasswordInputSchema],
  ["DeleteAccountInputSchema", DeleteAccountInputSchema],
  ["IdentifyInputSchema", IdentifyInputSchema],
];

describe.each(userFacing)("%s refusals", (_name, schema) => {
  it("are translation keys present in all three languages", () => {
    fc.assert(
      fc.property(input, (value) => {
        const r = schema.safeParse(value);
        if (r.success) return;
        for (const issue of r.error.issues) {
          const key = issue.message.split("?")[0]!;
          expect(key in pl, `${issue.message} (${issue.path.join(".")})`).toBe(true);
          expect(key in uk && key in en).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
