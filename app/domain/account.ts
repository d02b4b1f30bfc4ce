/**
 * Account forms: one zod schema per form, used by the page (conform) and the server alike.
 * Messages are translation keys (form.error.*).
 */
import { z } from "zod";

// control characters and invisible format characters are never part of a name
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

export const EmailSchema = z
  .string({ error: "form.error.required" })
  .trim()
  .min(1, { error: "form.error.required" })
  .max(254, { error: "form.error.email" })
  .pipe(z.email({ error: "form.error.email" }))
  .transform((e) => e.toLowerCase());

export const NewPasswordSchema = z
  .string({ error: "form.error.required" })
  .min(10, { error: "form.error.password_short" })
  .max(200, { error: "form.error.password_long" });

export const DisplayNameSchema = z
  .string({ error: "form.error.required" })
  .trim()
  .min(2, { error: "form.error.name_short" })
  .max(60, { error: "form.error.name_long" })
  .refine((s) => !INVISIBLE.test(s) && !/[<>]/.test(s), { error: "form.error.name_chars" });

export const SignUpInputSchema = z.object({
  email: EmailSchema,
  displayName: DisplayNameSchema,
  password: NewPasswordSchema,
  acceptPrivacy: z.literal("on", { error: "form.error.accept_privacy" }),
});

export const SignInInputSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: "form.error.required" }).min(1, { error: "form.error.required" }).max(200, { error: "form.error.password_long" }),
});

export const ForgotPasswordInputSchema = z.object({ email: EmailSchema });

export const TokenSchema = z.string({ error: "auth.error.token_invalid" }).regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "auth.error.token_invalid" });

export const ResetPasswordInputSchema = z
  .object({
    token: TokenSchema,
    password: NewPasswordSchema,
    passwordConfirm: z.string({ error: "form.error.required" }),
  })
  .refine((v) => v.password === v.passwordConfirm, { error: "form.error.password_mismatch", path: ["passwordConfirm"] });

export const DeleteAccountInputSchema = z.object({
  password: z.string({ error: "form.error.required" }).min(1, { error: "form.error.required" }).max(200),
  confirm: z.literal("on", { error: "form.error.confirm_delete" }),
});

/** Where to go after signing in: only a path on this site. */
export const RedirectToSchema = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\]*$/)
  .catch("/account");
