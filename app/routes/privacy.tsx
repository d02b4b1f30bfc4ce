import type { MetaFunction } from "@remix-run/node";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "privacy.title");

const SECTIONS = ["controller", "account", "sessions", "voting", "audit", "rights"] as const;

export default function Privacy() {
  const { t } = useT();
  return (
    <article className="container narrow">
      <h1>{t("privacy.title")}</h1>
      <p className="lead">{t("privacy.lead")}</p>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <h2 id={`privacy-${s}`}>{t(`privacy.${s}.title` as MessageKey)}</h2>
          <p>{t(`privacy.${s}.body` as MessageKey)}</p>
        </section>
      ))}
    </article>
  );
}
