/**
 * Account forms: one zod schema per form, used by the page (conform) and the server alike.
 * Messages are translation keys (form.error.*).
 */
import { z } from "zod";
import { pasted } from "./workflow/text";


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

// soft hyphens and zero-width spaces are dropped; a control character is refused by name
export const DisplayNameSchema = pasted(false, "form.error.required", "form.error.name_char")
  .min(2, { error: "form.error.name_short" })
  .max(60, { error: "form.error.name_long" })
  .refine((s) => !/[<>]/.test(s), { error: "form.error.name_chars" });

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

/**
 * A path on this site to send someone back to, or null. Only "/…" (never "//host", a scheme or a
 * backslash); control characters refused; anything else outside printable ASCII is percent-encoded,
 * so the result is always a valid Location header (a raw "ą" or "\x01" there made the redirect throw).
 */
export function safeRedirectPath(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 500) return null;
   
  if (!/^\/(?![/\\])/.test(input) || /[\u0000-\u001f\u007f\\]/.test(input) || /\s/.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input, "http://bo.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://bo.invalid") return null;
  // URL serialisation percent-encodes what a header cannot carry; a lone surrogate would survive as U+FFFD encoded
  const path = url.pathname + url.search; // a fragment never reaches the server anyway
  return /^[\x21-\x7e]+$/.test(path) ? path : null;
}

/** A form or query value naming where to go next: a safe path on this site, or `fallback`. */
export const redirectToSchema = (fallback: string) =>
  z.unknown().transform((v) => safeRedirectPath(v) ?? fallback);

/** Where to go after signing in: only a path on this site. */
export const RedirectToSchema = redirectToSchema("/account");
