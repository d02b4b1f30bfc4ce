import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireEditionToManage } from "~/http/edition-guard.server";
import { FormAlert, PoolSetupHeader, SetupField } from "~/components/pool-setup";
import { TableWrap } from "~/components/table-wrap";
import { listAllDistricts, listEditionPools, listEditionProgrammes } from "~/data/pool-setup.server";
import { db } from "~/db.server";
import { DISTRICT_CHOICES } from "~/domain/pool-setup";
import { DistrictChoiceFormSchema, PoolRulesFormSchema, readPoolRules, zlotyText } from "~/domain/pool-setup-forms";
import { BallotRuleSchema, SelectionRuleSchema } from "~/domain/rules";
import { BallotOrderForm, BallotRuleForm, type BallotRuleReply } from "~/components/ballot-rule-form";
import { RuleText } from "~/components/ballot-pools";
import { DoneNotice } from "~/components/form/fields";
import { listBallotOrders } from "~/data/ballot-setup.server";
import { BALLOT_ORDERS } from "~/domain/ballot-order";
import { BallotRuleFormSchema, ballotRuleFormValues, readBallotRuleForm } from "~/domain/ballot-rule-form";
import { setBallotOrder, setPoolBallotRules } from "~/services/ballot-setup.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { createProgrammePool, setDistrictChoice, setPoolRules } from "~/services/pool-setup.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "adminPools.pools.title");

const IntentSchema = z.enum(["rules", "create_pool", "district_choice", "ballot_rule", "ballot_order"]);
const APPROVAL_3 = { kind: "approval", minTicks: 0, maxTicks: 3 } as const;
const BALLOT_NOTICES = ["ballot_rule_saved", "ballot_order_saved"];


export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionToManage(request, params);
  const [programmes, pools, districts, orders] = await Promise.all([listEditionProgrammes(db(), edition.id), listEditionPools(db(), edition.id), listAllDistricts(db()), listBallotOrders(db(), edition.id)]);
  const names = new Map(districts.map((d) => [d.id, d.name]));
  return {
    edition,
    programmes: programmes.map((pr) => ({
      ...pr,
      ballotOrder: orders[pr.id] ?? "alphabetical",
      pools: pools
        .filter((p) => p.programmeId === pr.id)
        .map((p) => {
          const rule = BallotRuleSchema.safeParse(safeJson(p.ballotRule));
          const selection = SelectionRuleSchema.safeParse(safeJson(p.selectionRule));
          const ballotRule = rule.success ? rule.data : APPROVAL_3;
          return {
            ballotRule,
            ruleForm: ballotRuleFormValues(ballotRule, selection.success ? selection.data : SelectionRuleSchema.parse({ method: "greedy-no-skip" })),
            sameKindCount: pools.filter((o) => o.programmeId === p.programmeId && o.kind === p.kind).length,
            id: p.id,
            kind: p.kind,
            district: p.districtId ? (names.get(p.districtId) ?? p.districtId) : null,
            budgetGrosze: p.budgetGrosze,
            carriedOverGrosze: p.carriedOverGrosze,
            maxProjectCostGrosze: p.maxProjectCostGrosze,
            supportsRequired: p.supportsRequired,
            maxTicks: rule.success && rule.data.kind === "approval" ? rule.data.maxTicks : null,
            published: p.publishedAt !== null,
            exclusiveGroups: selection.success ? (selection.data.exclusive?.length ?? 0) : 0,
          };
        }),
    })),
  };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

type Reply = { intent: "rules" | "create_pool" | "district_choice" | "ballot_rule" | "ballot_order"; target: string; values: Record<string, string>; errors: Record<string, string>; error: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition } = await requireEditionToManage(request, params);
  const form = Object.fromEntries(await request.formData());
  const intent = IntentSchema.safeParse(form.intent);
  const fail = (reply: Reply, status = 400) => data(reply, { status });
  if (!intent.success) return fail({ intent: "rules", target: "", values: {}, errors: {}, error: "invalid" });
  const back = (done: string) => redirect(`/admin/editions/${edition.id}/pools?done=${done}`);
  const status = (reason: string) => (reason === "not_allowed" ? 403 : 400);

  if (intent.data === "rules") {
    const parsed = PoolRulesFormSchema.safeParse(form);
    if (!parsed.success) return fail({ intent: "rules", target: "", values: {}, errors: {}, error: "invalid" });
    const { poolId, ...values } = parsed.data;
    const read = readPoolRules(parsed.data);
    if (!read.ok) return fail({ intent: "rules", target: poolId, values, errors: read.errors, error: null });
    const r = await setPoolRules(db(), user, { editionId: edition.id, poolId, ...read.rules });
    if (r.ok) return back("pool_saved");
    const field = r.reason === "cap_above_pool" || r.reason === "negative_amount" ? "maxProjectCost" : r.reason === "budget_from_allocation" ? "budget" : r.reason === "ballot_rule_not_approval" ? "maxTicks" : null;
    return fail({ intent: "rules", target: poolId, values, errors: field ? { [field]: r.reason } : {}, error: field ? null : r.reason }, status(r.reason));
  }
  if (intent.data === "ballot_rule") {
    const parsed = BallotRuleFormSchema.safeParse(form);
    if (!parsed.success) return fail({ intent: "rules", target: "", values: {}, errors: {}, error: "invalid" });
    const { poolId, ...values } = parsed.data;
    const read = readBallotRuleForm(parsed.data);
    if (!read.ok) return fail({ intent: "ballot_rule", target: poolId, values, errors: read.errors, error: null });
    const r = await setPoolBallotRules(db(), user, { editionId: edition.id, poolId, ballotRule: read.ballotRule, selectionRule: read.selectionRule, sameKind: read.sameKind });
    return r.ok ? back("ballot_rule_saved") : fail({ intent: "ballot_rule", target: poolId, values, errors: {}, error: r.reason }, status(r.reason));
  }
  if (intent.data === "ballot_order") {
    const programmeId = z.string().min(1).max(100).safeParse(form.programmeId);
    const order = z.enum(BALLOT_ORDERS).safeParse(form.ballotOrder);
    if (!programmeId.success || !order.success) return fail({ intent: "ballot_order", target: programmeId.data ?? "", values: {}, errors: {}, error: "invalid" });
    const r = await setBallotOrder(db(), user, { editionId: edition.id, programmeId: programmeId.data, order: order.data });
    return r.ok ? back("ballot_order_saved") : fail({ intent: "ballot_order", target: programmeId.data, values: {}, errors: {}, error: r.reason }, status(r.reason));
  }
  if (intent.data === "create_pool") {
    const programmeId = z.string().min(1).max(100).safeParse(form.programmeId);
    if (!programmeId.success) return fail({ intent: "create_pool", target: "", values: {}, errors: {}, error: "invalid" });
    const r = await createProgrammePool(db(), user, { editionId: edition.id, programmeId: programmeId.data });
    return r.ok ? back("pool_created") : fail({ intent: "create_pool", target: programmeId.data, values: {}, errors: {}, error: r.reason }, status(r.reason));
  }
  const parsed = DistrictChoiceFormSchema.safeParse(form);
  if (!parsed.success) return fail({ intent: "district_choice", target: "", values: {}, errors: {}, error: "invalid" });
  const r = await setDistrictChoice(db(), user, { editionId: edition.id, programmeId: parsed.data.programmeId, choice: parsed.data.districtChoice });
  return r.ok ? back("choice_saved") : fail({ intent: "district_choice", target: parsed.data.programmeId, values: {}, errors: {}, error: r.reason }, status(r.reason));
}

export default function EditionPools() {
  const { edition, programmes } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const { t, money, number } = useT();
  const poolName = (p: { kind: string; district: string | null }) =>
    p.kind === "city" ? t("adminPools.pool.city") : p.kind === "programme" ? t("adminPools.pool.programme") : t(p.kind === "district_large" ? "adminPools.pool.district_large" : "adminPools.pool.district_small", { district: p.district ?? "" });
  const untargeted = reply && reply.target === "" ? reply.error : null;
  const hasPools = programmes.some((p) => p.pools.length > 0);
  return (
    <div className="container">
      <PoolSetupHeader edition={edition} page="pools" />
      <DoneNotice notices={BALLOT_NOTICES} prefix="ballotui.done." />
      <FormAlert error={untargeted} />
      {!hasPools ? <p className="empty">{t("adminPools.pools.none")}</p> : null}
      {programmes.map((pr) => {
        const mine = (intent: Reply["intent"]) => (reply?.intent === intent && reply.target === pr.id ? reply : undefined);
        return (
          <section key={pr.id} className="results-section" aria-labelledby={`prog-${pr.id}`}>
            <h2 id={`prog-${pr.id}`}>{t(`programme.${pr.kind}`)}</h2>
            <div className="plain-list">
              <BallotOrderForm programmeId={pr.id} order={pr.ballotOrder} error={mine("ballot_order")?.error} />
            </div>
            {pr.kind === "bo" ? (
              <div className="plain-list">
              <Form method="post" className="card form-card">
                <input type="hidden" name="intent" value="district_choice" />
                <input type="hidden" name="programmeId" value={pr.id} />
                <FormAlert error={mine("district_choice")?.error} />
                <fieldset className="choice-list">
                  <legend>{t("adminPools.choice.label")}</legend>
                  {DISTRICT_CHOICES.map((c) => (
                    <div key={c} className="check-row">
                      <input type="radio" id={`choice-${pr.id}-${c}`} name="districtChoice" value={c} defaultChecked={pr.districtChoice === c} />
                      <label htmlFor={`choice-${pr.id}-${c}`}>{t(`adminPools.choice.${c}`)}</label>
                    </div>
                  ))}
                </fieldset>
                <button type="submit" className="button button-secondary">
                  {t("adminPools.choice.save")}
                </button>
              </Form>
              </div>
            ) : null}
            {pr.pools.length === 0 ? (
              pr.kind === "bo" ? (
                <p className="empty">{t("adminPools.pools.none")}</p>
              ) : (
                <Form method="post" className="inline-form">
                  <p>{t("adminPools.programme.noPool")}</p>
                  <FormAlert error={mine("create_pool")?.error} />
                  <input type="hidden" name="intent" value="create_pool" />
                  <input type="hidden" name="programmeId" value={pr.id} />
                  <button type="submit" className="button">
                    {t("adminPools.programme.createPool")}
                  </button>
                </Form>
              )
            ) : (
              <>
                <TableWrap label={t("adminPools.pools.tableLabel", { programme: t(`programme.${pr.kind}`) })}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("adminPools.col.pool")}</th>
                        <th scope="col" className="num">{t("adminPools.col.budget")}</th>
                        <th scope="col" className="num">{t("adminPools.col.cap")}</th>
                        <th scope="col" className="num">{t("adminPools.col.supports")}</th>
                        <th scope="col">{t("adminPools.col.ticks")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {pr.pools.map((p) => (
                        <tr key={p.id}>
                          <th scope="row">
                            {poolName(p)}
                            {p.published ? <span className="muted"> · {t("adminPools.pool.published")}</span> : null}
                            <br />
                            <Link to={`/admin/editions/${edition.id}/pools/${p.id}/exclusive`} className="small">
                              {p.exclusiveGroups > 0 ? t("exclusive.linkCount", { count: p.exclusiveGroups }) : t("exclusive.link")}
                              <span className="visually-hidden">: {poolName(p)}</span>
                            </Link>
                          </th>
                          <td className="num nowrap">{money(p.budgetGrosze, { wholeZloty: true })}</td>
                          <td className="num nowrap">{p.maxProjectCostGrosze === null ? t("adminPools.pool.noCap") : money(p.maxProjectCostGrosze, { wholeZloty: true })}</td>
                          <td className="num">{p.supportsRequired === null ? t("adminPools.pool.programmeSupports", { count: number(pr.supportsRequired) }) : number(p.supportsRequired)}</td>
                          <td>
                            {t(`ballotui.kind.${p.ballotRule.kind}`)}: <RuleText rule={p.ballotRule} budgetGrosze={p.budgetGrosze} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
                <div className="plain-list">
                {pr.pools.map((p) => {
                  const r = reply?.intent === "rules" && reply.target === p.id ? reply : undefined;
                  const v = r?.values;
                  return (
                    <details key={p.id} className="card" open={r ? true : undefined}>
                      <summary>{t("adminPools.rules.edit", { pool: poolName(p) })}</summary>
                      <Form method="post" className="form-card" noValidate>
                        <input type="hidden" name="intent" value="rules" />
                        <input type="hidden" name="poolId" value={p.id} />
                        <FormAlert error={r?.error} />
                        {p.kind === "programme" ? (
                          <SetupField
                            id={`budget-${p.id}`}
                            name="budget"
                            label={t("adminPools.rules.budget")}
                            hint={t("adminPools.rules.budgetHint")}
                            error={r?.errors.budget}
                            defaultValue={v ? v.budget : zlotyText(p.budgetGrosze - p.carriedOverGrosze)}
                            maxLength={20}
                          />
                        ) : null}
                        <SetupField
                          id={`cap-${p.id}`}
                          name="maxProjectCost"
                          label={t("adminPools.rules.cap")}
                          hint={t("adminPools.rules.capHint", { amount: money(p.budgetGrosze, { wholeZloty: true }) })}
                          error={r?.errors.maxProjectCost}
                          defaultValue={v ? v.maxProjectCost : p.maxProjectCostGrosze === null ? "" : zlotyText(p.maxProjectCostGrosze)}
                          maxLength={20}
                        />
                        <SetupField
                          id={`supports-${p.id}`}
                          name="supportsRequired"
                          label={t("adminPools.rules.supports")}
                          hint={t("adminPools.rules.supportsHint", { count: number(pr.supportsRequired) })}
                          error={r?.errors.supportsRequired}
                          defaultValue={v ? v.supportsRequired : p.supportsRequired === null ? "" : String(p.supportsRequired)}
                          inputMode="numeric"
                          maxLength={6}
                        />
                        {p.maxTicks !== null ? (
                          <SetupField id={`ticks-${p.id}`} name="maxTicks" label={t("adminPools.rules.ticks")} error={r?.errors.maxTicks} defaultValue={v ? v.maxTicks : String(p.maxTicks)} inputMode="numeric" maxLength={3} />
                        ) : null}
                        <button type="submit" className="button">
                          {t("adminPools.rules.save")}
                        </button>
                      </Form>
                    </details>
                  );
                })}
                {pr.pools.map((p) => (
                  <BallotRuleForm
                    key={`br-${p.id}`}
                    poolId={p.id}
                    poolName={poolName(p)}
                    sameKindCount={p.sameKindCount}
                    saved={p.ruleForm}
                    reply={reply?.intent === "ballot_rule" && reply.target === p.id ? (reply as BallotRuleReply) : undefined}
                  />
                ))}
                </div>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
