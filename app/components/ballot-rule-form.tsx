/**
 * The pools page's forms for ballot types (#14): a pool's ballot type with its settings and how its
 * winners are chosen, and a programme's order of projects on the ballot. Plain POST forms: every
 * type's settings are on the page (the chosen type's are used), errors are next to their fields.
 */
import { Form } from "@remix-run/react";
import { FormAlert } from "~/components/pool-setup";
import { PlainField } from "~/components/form/fields";
import { BALLOT_ORDERS, type BallotOrder } from "~/domain/ballot-order";
import { BALLOT_KINDS, SELECTION_METHODS, TIE_BREAKS, type BallotRuleFormValues } from "~/domain/ballot-rule-form";
import { useT } from "~/i18n";

export type BallotRuleReply = { target: string; values: Partial<BallotRuleFormValues>; errors: Record<string, string>; error: string | null };
type Values = Omit<BallotRuleFormValues, "poolId" | "sameKind">;

export function BallotRuleForm({ poolId, poolName, sameKindCount, saved, reply }: { poolId: string; poolName: string; sameKindCount: number; saved: Values; reply?: BallotRuleReply }) {
  const { t } = useT();
  const v = { ...saved, sameKind: "", ...(reply?.values ?? {}) } as Values & { sameKind: string };
  const err = (f: string) => (reply?.errors[f] ? `ballotui.error.${reply.errors[f]}` : null);
  const field = (name: keyof Values, label: string, hint?: string) => (
    <PlainField id={`${name}-${poolId}`} name={name} label={label} hint={hint} error={err(name)} defaultValue={String(v[name] ?? "")} inputMode="numeric" maxLength={name === "pointsPerRank" ? 60 : 7} />
  );
  const check = (name: "required" | "exact" | "sameKind", label: string) => (
    <div className="check-row">
      <input type="checkbox" id={`${name}-${poolId}`} name={name} value="on" defaultChecked={v[name] === "on"} />
      <label htmlFor={`${name}-${poolId}`}>{label}</label>
    </div>
  );
  return (
    <details className="card" open={reply ? true : undefined}>
      <summary>{t("ballotui.setup.edit", { pool: poolName })}</summary>
      <Form method="post" className="form-card" noValidate>
        <input type="hidden" name="intent" value="ballot_rule" />
        <input type="hidden" name="poolId" value={poolId} />
        <FormAlert error={reply?.error} />
        <fieldset className="choice-list">
          <legend>{t("ballotui.setup.kind")}</legend>
          {BALLOT_KINDS.map((k) => (
            <div key={k} className="check-row">
              <input type="radio" id={`kind-${poolId}-${k}`} name="kind" value={k} defaultChecked={v.kind === k} aria-describedby={`kindhint-${poolId}-${k}`} />
              <label htmlFor={`kind-${poolId}-${k}`}>
                {t(`ballotui.kind.${k}`)} <span id={`kindhint-${poolId}-${k}`} className="muted">— {t(`ballotui.kindHint.${k}`)}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="choice-list">
          <legend>{t("ballotui.setup.for", { kind: t("ballotui.kind.approval") })}</legend>
          {field("maxTicks", t("ballotui.setup.maxTicks"))}
          {field("minTicks", t("ballotui.setup.minTicks"), t("ballotui.setup.minTicksHint"))}
        </fieldset>
        <fieldset className="choice-list">
          <legend>{t("ballotui.setup.for", { kind: t("ballotui.kind.points") })}</legend>
          {field("maxTotal", t("ballotui.setup.maxTotal"))}
          {field("maxPerProject", t("ballotui.setup.maxPerProject"), t("ballotui.setup.maxPerProjectHint"))}
        </fieldset>
        <fieldset className="choice-list">
          <legend>{t("ballotui.setup.for", { kind: t("ballotui.kind.choose-one") })}</legend>
          {check("required", t("ballotui.setup.required"))}
        </fieldset>
        <fieldset className="choice-list">
          <legend>{t("ballotui.setup.for", { kind: t("ballotui.kind.ranked") })}</legend>
          {field("ranks", t("ballotui.setup.ranks"))}
          {check("exact", t("ballotui.setup.exact"))}
          {field("pointsPerRank", t("ballotui.setup.pointsPerRank"), t("ballotui.setup.pointsPerRankHint"))}
        </fieldset>
        <fieldset className="choice-list">
          <legend>{t("ballotui.setup.selection")}</legend>
          <fieldset className="choice-list">
            <legend>{t("ballotui.setup.method")}</legend>
            {SELECTION_METHODS.map((m) => (
              <div key={m} className="check-row">
                <input type="radio" id={`method-${poolId}-${m}`} name="method" value={m} defaultChecked={v.method === m} />
                <label htmlFor={`method-${poolId}-${m}`}>{t(`ballotui.method.${m}`)}</label>
              </div>
            ))}
          </fieldset>
          {field("minScore", t("ballotui.setup.minScore"), t("ballotui.setup.minScoreHint"))}
          <div className="field">
            <label htmlFor={`tieBreak-${poolId}`}>{t("ballotui.setup.tieBreak")}</label>
            <select id={`tieBreak-${poolId}`} name="tieBreak" defaultValue={v.tieBreak}>
              {TIE_BREAKS.map((m) => (
                <option key={m} value={m}>
                  {t(`ballotui.tieBreak.${m}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        {sameKindCount > 1 ? check("sameKind", t("ballotui.setup.sameKind", { count: sameKindCount })) : null}
        <button type="submit" className="button">
          {t("ballotui.setup.save")}
        </button>
      </Form>
    </details>
  );
}

export function BallotOrderForm({ programmeId, order, error }: { programmeId: string; order: BallotOrder; error?: string | null }) {
  const { t } = useT();
  return (
    <Form method="post" className="card form-card">
      <input type="hidden" name="intent" value="ballot_order" />
      <input type="hidden" name="programmeId" value={programmeId} />
      <FormAlert error={error} />
      <fieldset className="choice-list">
        <legend>{t("ballotui.order.label")}</legend>
        {BALLOT_ORDERS.map((o) => (
          <div key={o} className="check-row">
            <input type="radio" id={`order-${programmeId}-${o}`} name="ballotOrder" value={o} defaultChecked={order === o} />
            <label htmlFor={`order-${programmeId}-${o}`}>{t(`ballotui.order.${o}`)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button button-secondary">
        {t("ballotui.order.save")}
      </button>
    </Form>
  );
}
