/**
 * The proposal form: plain HTML that works without JavaScript (the server validates with the same
 * zod schema and re-renders with the values and translated errors; "add a row" is a submit button).
 */
import { CostTotal } from "./cost-total";
import { LocationPicker } from "./location-map";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { DoneNotice, errorMessage, FieldFrame } from "~/components/form/fields";
import { CATEGORIES } from "~/domain/proposal-vocabulary";
import { CONTENT_LANGS } from "~/domain/translated-text";
import { useT, type MessageKey } from "~/i18n";

export interface PoolOption {
  id: string;
  kind: string;
  programmeKind: string;
  districtName: string | null;
  maxProjectCostGrosze: number | null;
  budgetGrosze: number;
}

export const PROPOSAL_DONE = [
  "proposal_saved",
  "proposal_submitted",
  "proposal_resubmitted",
  "supported",
  "decided",
  "appealed",
  "commented",
  "flagged",
  "moderated",
  "published",
  "notifications",
  "withdrawn",
] as const;

/** The confirmation after a redirect with ?done=… (only known values show). */
export const ProposalDoneNotice = () => <DoneNotice notices={PROPOSAL_DONE} />;

/** Translates an error key; money variables (total, limit in grosze) are shown as amounts. */
export function useErrorText() {
  const { t, money } = useT();
  return (e: string) => {
    const q = e.indexOf("?");
    if (q < 0) return t(e as MessageKey);
    const vars = Object.fromEntries(new URLSearchParams(e.slice(q + 1)));
    for (const k of ["total", "limit"]) if (vars[k] !== undefined && /^\d+$/.test(vars[k]!)) vars[k] = money(Number(vars[k]));
    return errorMessage(t, `${e.slice(0, q)}?${new URLSearchParams(vars)}`);
  };
}

export function poolLabel(t: (k: MessageKey, v?: Record<string, string | number>) => string, p: { kind: string; programmeKind: string; districtName: string | null }): string {
  if (p.programmeKind === "youth") return t("pool.option.youth");
  if (p.programmeKind === "children") return t("pool.option.children");
  if (p.kind === "city") return t("pool.option.city");
  return t(`pool.option.${p.kind}` as MessageKey, { district: p.districtName ?? "" });
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors: Record<string, string[]>;
  children: (a: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}

function Field({ name, label, hint, errors, children }: FieldProps) {
  const tr = useErrorText();
  const id = `f-${name.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={(errors[name] ?? []).map(tr)}>
      {({ describedBy, invalid }) => children({ id, describedBy, invalid })}
    </FieldFrame>
  );
}

export function ProposalForm(props: {
  pools: PoolOption[];
  values: Record<string, string>;
  errors: Record<string, string[]>;
  rows: number;
  mode: "new" | "draft" | "needs_changes";
  poolLocked: boolean;
  /** Extra fields shown first (the official's paper-entry details). */
  children?: ReactNode;
  /** One submit button with this label instead of "save draft" + "submit" (paper entry). */
  submitLabel?: string;
}) {
  const { t, money } = useT();
  const tr = useErrorText();
  const { values: v, errors, rows } = props;
  const formErrors = [...(errors[""] ?? []), ...(errors["costItems"] ?? [])].map(tr);
  const hasErrors = Object.keys(errors).length > 0;
  const text = (name: string, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {({ id, describedBy, invalid }) => <input id={id} name={name} type="text" defaultValue={v[name] ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
    </Field>
  );
  const area = (name: string, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {({ id, describedBy, invalid }) => <textarea id={id} name={name} rows={name === "description" ? 8 : 3} defaultValue={v[name] ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
    </Field>
  );
  return (
    <Form method="post" className="form-card proposal-form" noValidate>
      {hasErrors ? (
        <div className="alert alert-error" role="alert" id="proposal-errors" tabIndex={-1}>
          <p>{t("form.error.summary")}</p>
          {formErrors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      ) : null}
      {props.children}
      <fieldset>
        <legend>{t("submit.section.about")}</legend>
        {text("title", t("submit.field.title"), t("submit.field.title.hint"))}
        {text("summary", t("submit.field.summary"), t("submit.field.summary.hint"))}
        <Field name="contentLang" label={t("translation.contentLang")} hint={t("translation.contentLangHint")} errors={errors}>
          {({ id, describedBy, invalid }) => (
            <select id={id} name="contentLang" defaultValue={v.contentLang ?? "pl"} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
              {CONTENT_LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`translation.langName.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {area("description", t("submit.field.description"), t("submit.field.description.hint"))}
        <Field name="category" label={t("submit.field.category")} errors={errors}>
          {({ id, describedBy, invalid }) => (
            <select id={id} name="category" defaultValue={v.category ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
              <option value="">—</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {area("beneficiaries", t("submit.field.beneficiaries"), undefined)}
      </fieldset>
      <fieldset>
        <legend>{t("submit.section.where")}</legend>
        <Field name="poolId" label={t("submit.field.pool")} hint={t("submit.field.pool.hint")} errors={errors}>
          {({ id, describedBy, invalid }) => (
            <select id={id} name="poolId" defaultValue={v.poolId ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
              <option value="">—</option>
              {props.pools
                .filter((p) => !props.poolLocked || p.id === v.poolId)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {t("submit.field.pool.option", { name: poolLabel(t, p), cap: money(p.maxProjectCostGrosze ?? p.budgetGrosze, { wholeZloty: true }) })}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {text("location", t("submit.field.location"), t("submit.field.location.hint"))}
        <p className="hint">{t("submit.field.point.hint")}</p>
        <LocationPicker latId="f-lat" lngId="f-lng" />
        <div className="field-pair">
          {text("lat", t("submit.field.lat"), undefined)}
          {text("lng", t("submit.field.lng"), undefined)}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("submit.section.cost")}</legend>
        <p className="hint">{t("submit.cost.hint")}</p>
        {errors["costItems"]?.length ? (
          <p className="field-error" id="cost-error">
            {errors["costItems"].map(tr).join(" ")}
          </p>
        ) : null}
        <ol className="cost-rows">
          {Array.from({ length: rows }, (_, i) => (
            <li key={i} className="cost-row">
              {text(`costItems[${i}].label`, t("submit.cost.label", { n: i + 1 }), undefined)}
              {text(`costItems[${i}].amount`, t("submit.cost.amount", { n: i + 1 }), undefined)}
            </li>
          ))}
        </ol>
        <CostTotal pools={props.pools} />
        <button type="submit" name="intent" value="add_row" className="button button-secondary button-small" formNoValidate>
          {t("submit.cost.addRow")}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t("submit.section.minor")}</legend>
        <div className="field field-check">
          <div className="check-row">
            <input id="f-minor" type="checkbox" name="minor" value="on" defaultChecked={v.minor === "on"} />
            <label htmlFor="f-minor">{t("submit.minor")}</label>
          </div>
        </div>
        {text("guardianName", t("submit.guardianName"), undefined)}
        <div className={`field field-check ${errors.guardianConsent ? "has-error" : ""}`}>
          {errors.guardianConsent ? (
            <p className="field-error" id="f-guardianConsent-error">
              {errors.guardianConsent.map(tr).join(" ")}
            </p>
          ) : null}
          <div className="check-row">
            <input id="f-guardianConsent" type="checkbox" name="guardianConsent" value="on" defaultChecked={v.guardianConsent === "on"} aria-describedby={errors.guardianConsent ? "f-guardianConsent-error" : undefined} />
            <label htmlFor="f-guardianConsent">{t("submit.guardianConsent")}</label>
          </div>
        </div>
      </fieldset>
      <div className="button-row">
        {props.mode !== "needs_changes" && !props.submitLabel ? (
          <button type="submit" name="intent" value="draft" className="button button-secondary">
            {t("submit.saveDraft")}
          </button>
        ) : null}
        <button type="submit" name="intent" value="submit" className="button button-large">
          {props.submitLabel ?? (props.mode === "needs_changes" ? t("submit.resubmit") : t("submit.submit"))}
        </button>
      </div>
    </Form>
  );
}
