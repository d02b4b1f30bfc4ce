import type { MetaFunction } from "@remix-run/node";
import { RETENTION_TEXT_VARS } from "~/domain/retention";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import type { RouteHandle } from "~/http/route-meta.server";
import { PageHeader } from "~/components/page-header";
import { Section, TextSections } from "~/components/section";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "privacy.title");

// Every promise here is kept by code: sessions by auth/lucia.server.ts, deletion by
// services/accounts.server.ts (eraseAccount), photos by services/attachments.server.ts, periods
// by services/retention.server.ts, ballot secrecy by services/ballot-box.server.ts and
// auth/ballot-seal.server.ts. The numbers are the constants of domain/retention.ts.
const BEFORE = ["controller", "account", "sessions", "voting", "secrecy", "audit", "deletion", "photos"] as const;
const RETENTION = ["unverified", "drafts", "paper", "mail", "links", "sessions", "audit"] as const;

export default function Privacy() {
  const { t } = useT();
  return (
    <article className="container narrow">
      <PageHeader title={t("privacy.title")} lead={t("privacy.lead")} />
      <TextSections ns="privacy" names={BEFORE} vars={RETENTION_TEXT_VARS} />
      <Section headingId="privacy-retention" title={t("privacy.retention.title")}>
        <p>{t("privacy.retention.lead")}</p>
        <ul>
          {RETENTION.map((r) => (
            <li key={r}>{t(`privacy.retention.${r}` as MessageKey, RETENTION_TEXT_VARS)}</li>
          ))}
        </ul>
      </Section>
      <Section headingId="privacy-rights" title={t("privacy.rights.title")}>
        <p>{t("privacy.rights.body")}</p>
      </Section>
    </article>
  );
}
