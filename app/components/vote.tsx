import type { ReactNode } from "react";
import { useT } from "~/i18n";

type Step = "identify" | "district" | "ballot" | "review";

/** "Step 2 of 4: choose a district" — where the voter is, for everyone including screen readers. */
export function VoteSteps({ kind, current }: { kind: string; current: Step }) {
  const { t } = useT();
  const steps: Step[] = kind === "bo" ? ["identify", "district", "ballot", "review"] : ["identify", "ballot", "review"];
  const n = steps.indexOf(current) + 1;
  return (
    <div className="vote-steps">
      <p className="vote-step-text">{t("vote.step", { n, total: steps.length, name: t(`vote.step.${current}`) })}</p>
      <ol className="vote-progress" aria-hidden="true">
        {steps.map((s, i) => (
          <li key={s} className={i + 1 < n ? "is-done" : i + 1 === n ? "is-current" : ""} />
        ))}
      </ol>
    </div>
  );
}

export function VoteBanner({ point, onBehalf }: { point: string | null; onBehalf: boolean }) {
  const { t } = useT();
  if (!point && !onBehalf) return null;
  return (
    <div className="alert alert-info">
      {point ? <p>{t("vote.point.banner", { name: point })}</p> : null}
      {onBehalf ? <p>{t("vote.child.banner")}</p> : null}
    </div>
  );
}

export function VotePage({ children }: { children: ReactNode }) {
  return <div className="container narrow vote-page">{children}</div>;
}
