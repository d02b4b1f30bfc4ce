import type { MetaFunction } from "@remix-run/node";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import type { RouteHandle } from "~/http/route-meta.server";
import { PageHeader } from "~/components/page-header";
import { TextSections } from "~/components/section";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "a11y.title");

const SECTIONS = ["status", "known", "features", "feedback", "complaints"] as const;

export default function AccessibilityStatement() {
  const { t } = useT();
  return (
    <article className="container narrow">
      <PageHeader title={t("a11y.title")} lead={t("a11y.lead")} />
      <TextSections ns="a11y" names={SECTIONS} />
      <p className="muted">{t("a11y.date")}</p>
    </article>
  );
}
