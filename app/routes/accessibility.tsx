import type { MetaFunction } from "@remix-run/node";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "a11y.title");

const SECTIONS = ["status", "known", "features", "feedback", "complaints"] as const;

export default function AccessibilityStatement() {
  const { t } = useT();
  return (
    <article className="container narrow">
      <h1>{t("a11y.title")}</h1>
      <p className="lead">{t("a11y.lead")}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`a11y-${s}`}>
          <h2 id={`a11y-${s}`}>{t(`a11y.${s}.title` as MessageKey)}</h2>
          <p>{t(`a11y.${s}.body` as MessageKey)}</p>
        </section>
      ))}
      <p className="muted">{t("a11y.date")}</p>
    </article>
  );
}
