/**
 * Verification UI shared by the review page, the public proposal page and the final list: the
 * public decision history (with the formal and merit steps, their criteria and cost corrections),
 * the cost rows of a correction, and the notices after a review action.
 */
import { Link } from "@remix-run/react";
import { amountText } from "~/domain/workflow/costs";
import { DoneNotice } from "~/components/form/fields";
import { useT, type MessageKey } from "~/i18n";
import { useErrorText } from "./proposal-form";

export interface HistoryDecision {
  action: string;
  toStatus?: string;
  publicReason: string | null;
  actorRole: string;
  createdAt: string;
  checks?: Record<string, boolean> | null;
  costBeforeGrosze?: number | null;
  costAfterGrosze?: number | null;
}

/** One decision's public details: the criteria of a step, a cost change, the reason. */
export function DecisionDetails({ d }: { d: HistoryDecision }) {
  const { t, money } = useT();
  const unmet = d.checks ? Object.entries(d.checks).filter(([, met]) => !met) : [];
  return (
    <>
      {d.checks ? (
        <p className="decision-checks">{unmet.length === 0 ? t("history.allMet") : t("history.unmet", { list: unmet.map(([c]) => t(`review.criterion.${c}` as MessageKey)).join("; ") })}</p>
      ) : null}
      {d.costBeforeGrosze != null && d.costAfterGrosze != null ? <p className="decision-cost">{t("history.cost", { from: money(d.costBeforeGrosze), to: money(d.costAfterGrosze) })}</p> : null}
      {d.publicReason ? <p className="decision-reason">{t("history.reason", { reason: d.publicReason })}</p> : null}
    </>
  );
}

/** The public list of decisions on a proposal, oldest first. */
export function DecisionHistory({ decisions }: { decisions: HistoryDecision[] }) {
  const { t, date } = useT();
  if (decisions.length === 0) return <p className="muted">{t("history.empty")}</p>;
  return (
    <ol className="timeline-list">
      {decisions.map((d, i) => (
        <li key={i}>
          <strong>{t(`history.action.${d.action}` as MessageKey)}</strong> ({t(`history.role.${d.actorRole}` as MessageKey)}, <time dateTime={d.createdAt}>{date(d.createdAt)}</time>)
          <DecisionDetails d={d} />
        </li>
      ))}
    </ol>
  );
}

/** Cost rows named like the submission form's (costItems[i].label / .amount), prefilled. */
export function CostRows({ idPrefix, rows, errors }: { idPrefix: string; rows: { label: string; amount: string }[]; errors: Record<string, string[]> }) {
  const { t } = useT();
  const tr = useErrorText();
  return (
    <ol className="cost-rows">
      {rows.map((r, i) => {
        const cell = (part: "label" | "amount", label: string, max: number) => {
          const name = `costItems[${i}].${part}`;
          const id = `${idPrefix}-${i}-${part}`;
          const errs = (errors[name] ?? []).map(tr);
          return (
            <div className={`field ${errs.length ? "has-error" : ""}`}>
              <label htmlFor={id}>{label}</label>
              {errs.length ? (
                <p className="field-error" id={`${id}-error`}>
                  {errs.join(" ")}
                </p>
              ) : null}
              <input id={id} name={name} type="text" inputMode={part === "amount" ? "decimal" : undefined} maxLength={max} defaultValue={r[part]} aria-invalid={errs.length > 0 || undefined} aria-describedby={errs.length ? `${id}-error` : undefined} />
            </div>
          );
        };
        return (
          <li key={i} className="cost-row">
            {cell("label", t("submit.cost.label", { n: i + 1 }), 200)}
            {cell("amount", t("submit.cost.amount", { n: i + 1 }), 30)}
          </li>
        );
      })}
    </ol>
  );
}

/** The rows to show: what was typed (after an error) or the current items, plus a few empty ones. */
export function costRowsOf(items: { label: string; amountGrosze: number }[], typed?: { label: string; amount: string }[], extra = 3): { label: string; amount: string }[] {
  const base = typed ?? items.map((i) => ({ label: i.label, amount: amountText(i.amountGrosze) }));
  return [...base, ...Array.from({ length: Math.max(extra, 0) }, () => ({ label: "", amount: "" }))].slice(0, 30);
}

const REVIEW_DONE = ["assigned", "cost", "corrected"] as const;

export const ReviewDoneNotice = () => <DoneNotice notices={REVIEW_DONE} prefix="review.done." param="reviewed" />;

export interface ListCorrectionItem {
  proposalId: string;
  number: string;
  title: string;
  action: string;
  publicReason: string | null;
  costBeforeGrosze: number | null;
  costAfterGrosze: number | null;
  createdAt: string;
}

/** Corrections of published final lists, newest first, each with its date and public reason. */
export function ListCorrections({ items }: { items: ListCorrectionItem[] }) {
  const { t, date } = useT();
  return (
    <section className="card final-corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t("final.corrections.title")}</h2>
      <p>{t("final.corrections.lead")}</p>
      {items.length === 0 ? (
        <p className="muted">{t("history.empty")}</p>
      ) : (
        <ol className="timeline-list">
          {items.map((c, i) => (
            <li key={i}>
              <time dateTime={c.createdAt}>{date(c.createdAt)}</time>: <strong>{t(`history.action.${c.action}` as MessageKey)}</strong> –{" "}
              <Link to={`/proposals/${c.proposalId}`}>{c.title}</Link> <span className="muted">({c.number})</span>
              <DecisionDetails d={{ ...c, actorRole: "official" }} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
