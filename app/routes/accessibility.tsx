import type { MetaFunction } from "@remix-run/node";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import type { RouteHandle } from "~/http/route-meta.server";
import { Section } from "~/components/section";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "a11y.title");

const SECTIONS = ["status", "known", "features", "feedback", "complaints"] as const;

export default function AccessibilityStatement() {
  const { t } = useT();
  return (
    <article className="container narrow">
      <h1>{t("a11y.title")}</h1>
      <p className="lead">{t("a11y.lead")}</p>
      {SECTIONS.map((s) => (
        <Section key={s} headingId={`a11y-${s}`} title={t(`a11y.${s}.title` as MessageKey)}>
          <p>{t(`a11y.${s}.body` as MessageKey)}</p>
        </Section>
      ))}
      <p className="muted">{t("a11y.date")}</p>
    </article>
  );
}
