import { Link } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useHydrated, useT } from "~/i18n";

type Step = "identify" | "district" | "ballot" | "review";

/** Where "back" leads from each step (the review step goes back with its own "change" button). */
function backOf(kind: string, current: Step): string | null {
  if (current === "identify") return "/vote";
  if (current === "district") return `/vote/${kind}`;
  if (current === "ballot") return kind === "bo" ? `/vote/${kind}/district` : `/vote/${kind}`;
  return null;
}

/**
 * "Step 2 of 4: choose a district" — where the voter is, for everyone including screen readers —
 * and a link one step back (the site navigation is hidden on the voting steps).
 */
export function VoteSteps({ kind, current, back }: { kind: string; current: Step; back?: string }) {
  const { t } = useT();
  const steps: Step[] = kind === "bo" ? ["identify", "district", "ballot", "review"] : ["identify", "ballot", "review"];
  const n = steps.indexOf(current) + 1;
  const backTo = back ?? backOf(kind, current);
  return (
    <div className="vote-steps">
      {backTo ? (
        <p className="vote-back no-print">
          <Link to={backTo}>
            <span aria-hidden="true">← </span>
            {t(current === "identify" ? "vote.back.programmes" : "vote.back.step")}
          </Link>
        </p>
      ) : null}
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

/**
 * Copy and print for the receipt code. Both need JavaScript, so they appear only once the page is
 * hydrated; before that (or without JavaScript) a line says how to print with the browser, and the
 * print styles keep only the code on paper.
 */
export function ReceiptActions({ code }: { code: string }) {
  const { t } = useT();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  if (!hydrated) return <p className="muted no-print">{t("vote.done.printHint")}</p>;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  return (
    <div className="no-print">
      <div className="button-row">
        <button type="button" className="button" onClick={copy}>
          {t("vote.done.copy")}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t("vote.done.print")}
        </button>
      </div>
      <p className="muted" role="status">
        {copied === "yes" ? t("vote.done.copied") : copied === "no" ? t("vote.done.copyFailed") : null}
      </p>
    </div>
  );
}

/** "I am voting for a child": the way into the parent's form, for programmes where parents vote for children. */
export function ChildVoteLink({ kind, lead = true }: { kind: string; lead?: boolean }) {
  const { t } = useT();
  return (
    <p className="child-vote-link">
      {lead ? <>{t("vote.child.link")} </> : null}
      <Link className="button button-secondary" to={`/vote/${kind}/child`}>
        {t("vote.child.start")}
      </Link>
    </p>
  );
}
