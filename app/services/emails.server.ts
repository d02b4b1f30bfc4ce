/** Texts of the account e-mails, in the recipient's language. */
import { getTranslator, type Locale } from "~/i18n";

type Kind = "verify" | "reset" | "exists";

export function accountMail(locale: Locale, kind: Kind, v: { origin: string; token?: string; name?: string }): { subject: string; body: string } {
  const { t } = getTranslator(locale);
  const link =
    kind === "verify"
      ? `${v.origin}/verify-email?token=${v.token}`
      : kind === "reset"
        ? `${v.origin}/reset-password?token=${v.token}`
        : `${v.origin}/signin`;
  const vars = { link, name: v.name ?? "", forgot: `${v.origin}/forgot-password` };
  return {
    subject: t(`mail.${kind}.subject`),
    body: `${t(`mail.${kind}.body`, vars)}\n\n— ${t("site.name")}`,
  };
}
