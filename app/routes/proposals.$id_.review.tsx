import { parseForm } from "~/http/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { publicOrigin, requireUser } from "~/auth/session.server";
import { ConfirmField, ErrorAlert, FieldFrame } from "~/components/form/fields";
import { Breadcrumbs, StatusBadge } from "~/components/proposals";
import { ProposalDoneNotice, useErrorText } from "~/components/proposal-form";
import { CostRows, costRowsOf, DecisionHistory, ReviewDoneNotice } from "~/components/review";
import { ReviewProposalText } from "~/components/review-proposal";
import { listPhaseWindows } from "~/data/editions.server";
import { getAppeal, listDecisions } from "~/data/decisions.server";
import { listOfficials } from "~/data/users.server";
import { getWorkflowProposal } from "~/data/workflow-proposals.server";
import { db } from "~/db.server";
import { can } from "~/domain/permissions";
import { revisedOnBehalf } from "~/domain/paper-proposals";
import { currentPhase } from "~/domain/phases";
import { decideListCorrection, LIST_CORRECTIONS, type ListCorrection } from "~/domain/workflow/corrections";
import { AssignInputSchema, costCorrectionInputSchema, DecisionInputSchema, ListCorrectionInputSchema } from "~/domain/workflow/inputs";
import { FORMAL_CRITERIA, MERIT_CRITERIA } from "~/domain/workflow/verification";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { allowedActions, correctCost, decideProposal, isAdmin } from "~/services/proposals.server";
import { assignReviewer, correctFinalList } from "~/services/proposal-workflow.server";
import { invariantResponse, requireParam } from "~/http/invariant";
import { refusalStatus } from "~/http/refusal";
import { SelectField } from "~/components/form/select-field";
import { Section } from "~/components/section";
import { Facts } from "~/components/facts";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "review.title");

/** Decisions outside the two verification steps. */
const OTHER_DECISIONS = ["start_verification", "youth_approve", "youth_return", "appeal_accept", "appeal_reject"] as const;
const FORMAL = ["formal_pass", "formal_changes", "formal_reject"] as const;
const MERIT = ["merit_pass", "merit_changes", "merit_reject"] as const;
/** Acts that cannot be undone ask for a tick first. */
const IRREVERSIBLE = new Set<string>(["formal_reject", "merit_reject", "merit_pass", "appeal_accept", "appeal_reject"]);

async function guard(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  const p = await getWorkflowProposal(db(), requireParam(params, "id"));
  invariantResponse(p && p.status !== "draft", 404);
  invariantResponse(can(user, "proposals.verify", p.programmeKind) || can(user, "youth.moderate", p.programmeKind) || isAdmin(user), 403);
  return { user, p };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, p } = await guard(request, params);
  const actions = await allowedActions(db(), user, p.id);
  const verifier = can(user, "proposals.verify", p.programmeKind);
  const admin = isAdmin(user);
  const canAssign = (verifier || admin) && !p.finalListPublished && ["submitted", "in_verification", "needs_changes", "appealed"].includes(p.status);
  const phase = currentPhase(await listPhaseWindows(db(), p.editionId), new Date());
  // which corrections of a published list would be accepted now (the server decides again on POST)
  const corrections = p.finalListPublished
    ? LIST_CORRECTIONS.map((k) => ({ kind: k, verdict: decideListCorrection(k, { isOfficial: verifier, phase, finalListPublished: true, status: p.status, reason: "x" }) }))
    : [];
  const listBlocked = corrections.find((c) => !c.verdict.ok && (c.verdict.reason === "voting_started" || c.verdict.reason === "not_final_list_phase"));
  return {
    p: {
      id: p.id,
      number: p.number,
      title: p.title,
      summary: p.summary,
      description: p.description,
      location: p.location,
      beneficiaries: p.beneficiaries,
      lat: p.lat,
      lng: p.lng,
      status: p.status,
      costGrosze: p.costGrosze,
      channel: p.channel,
      onBehalfEditable: revisedOnBehalf(p),
      guardianName: p.guardianName,
      authorName: p.authorName,
      supportCount: p.supportCount,
      supportsRequired: p.supportsRequired,
      costItems: p.costItems,
      reviewerUserId: p.reviewerUserId,
      reviewerName: p.reviewerName,
      formalPassed: p.formalPassed,
      maxProjectCostGrosze: p.poolMaxProjectCostGrosze,
      finalListPublished: p.finalListPublished,
    },
    me: user.id,
    decisions: OTHER_DECISIONS.filter((d) => actions.includes(d)),
    formal: FORMAL.filter((d) => actions.includes(d)),
    merit: MERIT.filter((d) => actions.includes(d)),
    canCorrectCost: actions.includes("correct_cost"),
    mayDecideSteps: p.reviewerUserId === user.id || admin,
    /** Officials of the programme (and admins) see the two steps; the youth council does not verify. */
    verifies: verifier || admin,
    canAssign,
    officials: canAssign ? await listOfficials(db(), p.programmeKind) : [],
    corrections: corrections.filter((c) => c.verdict.ok).map((c) => c.kind),
    listBlocked: listBlocked && !listBlocked.verdict.ok ? listBlocked.verdict.reason : null,
    history: await listDecisions(db(), p.id),
    appeal: await getAppeal(db(), p.id),
  };
}

type Reply = { form: string; errors: Record<string, string[]>; values?: { reason?: string; rows?: { label: string; amount: string }[]; met?: string[] } };
const reply = (r: Reply, status = 400) => data(r, { status });

function typedRows(form: FormData): { label: string; amount: string }[] {
  const rows: { label: string; amount: string }[] = [];
  for (let i = 0; i < 30; i++) {
    const label = form.get(`costItems[${i}].label`);
    const amount = form.get(`costItems[${i}].amount`);
    if (label === null && amount === null) break;
    rows.push({ label: String(label ?? "").slice(0, 200), amount: String(amount ?? "").slice(0, 30) });
  }
  return rows;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, p } = await guard(request, params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const origin = publicOrigin();
  const values = {
    reason: String(form.get("reason") ?? "").slice(0, 2000),
    rows: typedRows(form),
    met: [...FORMAL_CRITERIA, ...MERIT_CRITERIA].filter((c) => form.get(`checks.${c}`) === "on"),
  };

  if (intent === "assign") {
    const s = AssignInputSchema.safeParse({ reviewerId: form.get("reviewerId") ?? undefined });
    if (!s.success) return reply({ form: "assign", errors: { reviewerId: ["review.error.reviewer"] } });
    const r = await assignReviewer(db(), user, p.id, s.data.reviewerId);
    if (!r.ok) return reply({ form: "assign", errors: { "": [`workflow.error.${r.reason}`] } }, refusalStatus(r.reason));
    return redirect(`/proposals/${p.id}/review?reviewed=assigned`);
  }

  if (intent === "correct_cost") {
    const s = parseForm(form, costCorrectionInputSchema({ budgetGrosze: p.poolBudgetGrosze, maxProjectCostGrosze: p.poolMaxProjectCostGrosze }));
    if (s.status !== "success") return reply({ form: "cost", errors: (s.error ?? {}) as Record<string, string[]>, values });
    const r = await correctCost(db(), user, p.id, s.value.costItems, s.value.reason, origin);
    if (!r.ok) return reply({ form: "cost", errors: { "": [`workflow.error.${r.reason}`] }, values }, refusalStatus(r.reason));
    return redirect(`/proposals/${p.id}/review?reviewed=cost#history`);
  }

  if (intent === "list_correct") {
    const s = parseForm(form, ListCorrectionInputSchema);
    if (s.status !== "success") return reply({ form: "list", errors: (s.error ?? {}) as Record<string, string[]>, values });
    let items: { label: string; amountGrosze: number }[] | undefined;
    if (s.value.kind === "list_cost") {
      const c = parseForm(form, costCorrectionInputSchema({ budgetGrosze: p.poolBudgetGrosze, maxProjectCostGrosze: p.poolMaxProjectCostGrosze }));
      if (c.status !== "success") return reply({ form: "list", errors: (c.error ?? {}) as Record<string, string[]>, values });
      items = c.value.costItems;
    }
    if (s.value.proposalId !== p.id) return reply({ form: "list", errors: { "": ["review.error.proposal"] }, values });
    const r = await correctFinalList(db(), user, { kind: s.value.kind, proposalId: p.id, reason: s.value.reason, costItems: items }, origin);
    if (!r.ok) return reply({ form: "list", errors: { "": [`workflow.error.${r.reason}`] }, values }, refusalStatus(r.reason));
    return redirect(`/proposals/${p.id}/review?reviewed=corrected#history`);
  }

  const step = intent.startsWith("formal_") ? "formal" : intent.startsWith("merit_") ? "merit" : "decide";
  const s = parseForm(form, DecisionInputSchema);
  if (s.status !== "success") return reply({ form: step, errors: (s.error ?? {}) as Record<string, string[]>, values });
  if (IRREVERSIBLE.has(s.value.intent) && s.value.confirm !== "on") return reply({ form: step, errors: { confirm: ["proposal.error.confirm"] }, values });
  const met = Object.entries(s.value.checks ?? {})
    .filter(([, v]) => v === "on")
    .map(([k]) => k);
  const r = await decideProposal(db(), user, p.id, { intent: s.value.intent, reason: s.value.reason ?? null, met }, origin);
  if (!r.ok) return reply({ form: step, errors: { "": [`workflow.error.${r.reason}`] }, values }, refusalStatus(r.reason));
  // the reviewer stays on the review page: after the formal step at the merit step, else at the history with the new decision
  return redirect(s.value.intent === "formal_pass" ? `/proposals/${p.id}/review?done=decided#merit` : `/proposals/${p.id}/review?done=decided#history`);
}

function ReasonField({ id, label, hint, errors, value }: { id: string; label: string; hint?: string; errors: string[]; value?: string }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {({ describedBy, invalid }) => (
        <textarea id={id} name="reason" rows={3} maxLength={2000} defaultValue={value ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
      )}
    </FieldFrame>
  );
}


function StepForm({ step, intents, criteria, r }: { step: "formal" | "merit"; intents: readonly string[]; criteria: readonly string[]; r: Reply | undefined }) {
  const { t } = useT();
  const tr = useErrorText();
  const mine = r?.form === step ? r : undefined;
  const errs = mine ? [...(mine.errors[""] ?? []), ...(mine.errors.intent ?? []), ...(mine.errors.confirm ?? [])].map(tr) : [];
  return (
    <Form method="post" className="form-card" aria-labelledby={`${step}-title`}>
      <ErrorAlert messages={errs} />
      <fieldset>
        <legend>{t("review.step.checks")}</legend>
        <p className="hint">{t("review.step.hint")}</p>
        {criteria.map((c) => (
          <div key={c} className="field field-check">
            <div className="check-row">
              <input id={`${step}-${c}`} type="checkbox" name={`checks.${c}`} value="on" defaultChecked={mine?.values?.met?.includes(c)} />
              <label htmlFor={`${step}-${c}`}>{t(`review.criterion.${c}` as MessageKey)}</label>
            </div>
          </div>
        ))}
      </fieldset>
      <ReasonField id={`${step}-reason`} label={t("review.step.reason")} hint={t("review.reason.hint")} errors={(mine?.errors.reason ?? []).map(tr)} value={mine?.values?.reason} />
      {intents.some((i) => IRREVERSIBLE.has(i)) ? <ConfirmField id={`${step}-confirm`} label={t("review.step.confirm")} /> : null}
      <div className="button-row">
        {intents.map((d) => (
          <button key={d} type="submit" name="intent" value={d} className={`button ${d.endsWith("_reject") ? "button-danger" : d.endsWith("_changes") ? "button-secondary" : ""}`}>
            {t(`review.intent.${d}` as MessageKey)}
          </button>
        ))}
      </div>
    </Form>
  );
}

export default function Review() {
  const L = useLoaderData<typeof loader>();
  const { p, history, appeal } = L;
  const r = useActionData<typeof action>() as Reply | undefined;
  const { t, money } = useT();
  const tr = useErrorText();
  const errsOf = (form: string, keys: string[]) => (r?.form === form ? keys.flatMap((k) => r.errors[k] ?? []).map(tr) : []);
  const lastReason = history.at(-1)?.publicReason;
  const inVerification = p.status === "in_verification" && L.verifies;
  // a review step: closed (and why), its form for the one who may decide it, or whose step it is
  const reviewStep = (step: "formal" | "merit", closed: string | null, intents: readonly string[], criteria: readonly string[]) =>
    closed ? (
      <p className="alert alert-info">{closed}</p>
    ) : intents.length > 0 ? (
      <StepForm key={history.length} step={step} intents={intents} criteria={criteria} r={r} />
    ) : !L.mayDecideSteps ? (
      <p className="alert alert-info">{p.reviewerName ? t("review.notYours", { name: p.reviewerName }) : t("workflow.error.reviewer_not_assigned")}</p>
    ) : null;
  // a refusal for a form this page no longer shows (e.g. someone else's proposal) is shown at the top
  const shown: Record<string, boolean> = {
    formal: inVerification && !p.formalPassed && L.formal.length > 0,
    merit: inVerification && p.formalPassed && L.merit.length > 0,
    cost: L.canCorrectCost,
    list: p.finalListPublished && L.corrections.length > 0,
    decide: L.decisions.length > 0,
    assign: L.canAssign,
  };
  const orphan = r && !shown[r.form] ? Object.values(r.errors).flat().map(tr) : [];
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/official/verification", label: t("queue.title") }, { to: `/proposals/${p.id}`, label: p.title }, { label: t("review.title") }]} />
      <ReviewDoneNotice />
      <ProposalDoneNotice />
      <h1>{t("review.title")}</h1>
      <ErrorAlert messages={orphan} />
      <p className="card-meta">
        <span>{t("proposal.number", { number: p.number })}</span>
        <StatusBadge status={p.status} />
      </p>
      <h2>
        <Link to={`/proposals/${p.id}`}>{p.title}</Link>
      </h2>
      <p>{p.summary}</p>
      <Facts
        items={[
          { term: t("proposal.cost"), value: money(p.costGrosze), amount: true },
          { term: t("review.author"), value: p.authorName ?? "—" },
          { term: t("review.reviewer"), value: p.reviewerName ?? t("review.reviewer.none") },
          p.supportsRequired > 0 && { term: t("support.title"), value: t("support.count", { count: p.supportCount, required: p.supportsRequired }) },
        ]}
      />
      <ReviewProposalText p={p} />
      {p.guardianName ? <p>{t("review.guardian", { name: p.guardianName })}</p> : null}
      {p.channel !== "online" ? <p>{t(`review.channel.${p.channel}` as MessageKey)}</p> : null}
      {p.onBehalfEditable ? (
        <p>
          <Link className="button button-secondary" to={`/proposals/${p.id}/edit`}>
            {t("submission.onBehalf.edit")}
          </Link>
        </p>
      ) : null}
      {appeal ? (
        <Section headingId="appeal-title" title={t("review.appeal")}>
          <p className="pre-line">{appeal.justification || t("appeal.justification_removed")}</p>
        </Section>
      ) : lastReason ? (
        <p>{t("history.reason", { reason: lastReason })}</p>
      ) : null}
      <p className="lead">{t("review.lead")}</p>

      {L.canAssign ? (
        <Section headingId="assign-title" title={t("review.assign.title")} className="card">
          <p>{t("review.assign.lead")}</p>
          <ErrorAlert messages={errsOf("assign", [""])} />
          {p.reviewerUserId !== L.me && L.officials.some((o) => o.id === L.me) ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="reviewerId" value={L.me} />
              <SubmitButton label={t("review.assign.self")} variant="secondary" />
            </Form>
          ) : null}
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="assign" />
            <SelectField
              id="assign-reviewer"
              name="reviewerId"
              label={t("review.assign.select")}
              anyLabel="—"
              defaultValue={p.reviewerUserId ?? ""}
              error={errsOf("assign", ["reviewerId"]).join(" ") || null}
              options={L.officials.map((o) => ({ value: o.id, label: o.name }))}
            />
            <SubmitButton label={t("review.assign.submit")} />
          </Form>
        </Section>
      ) : null}

      {inVerification ? (
        <>
          <Section headingId="formal-title" title={t("review.formal.title")}>
            {reviewStep("formal", p.formalPassed ? t("review.formal.passed") : null, L.formal, FORMAL_CRITERIA)}
          </Section>
          <Section id="merit" headingId="merit-title" title={t("review.merit.title")}>
            {reviewStep("merit", p.formalPassed ? null : t("review.merit.locked"), L.merit, MERIT_CRITERIA)}
          </Section>
        </>
      ) : null}

      {L.canCorrectCost ? (
        <Section headingId="cost-title" title={t("review.cost.title")}>
          <p>{t("review.cost.lead")}</p>
          <p>
            {t("review.cost.current", { amount: money(p.costGrosze) })}
            {p.maxProjectCostGrosze !== null ? ` · ${t("review.cost.limit", { amount: money(p.maxProjectCostGrosze) })}` : ""}
          </p>
          <Form key={history.length} method="post" className="form-card">
            <input type="hidden" name="intent" value="correct_cost" />
            <ErrorAlert messages={errsOf("cost", ["", "costItems"])} />
            <CostRows idPrefix="cost" rows={costRowsOf(p.costItems, r?.form === "cost" ? r.values?.rows : undefined)} errors={r?.form === "cost" ? r.errors : {}} />
            <ReasonField id="cost-reason" label={t("review.cost.reason")} errors={errsOf("cost", ["reason"])} value={r?.form === "cost" ? r.values?.reason : undefined} />
            <SubmitButton label={t("review.cost.submit")} />
          </Form>
        </Section>
      ) : null}

      {p.finalListPublished ? (
        <Section headingId="list-title" title={t("review.list.title")}>
          {L.corrections.length === 0 ? (
            <p className="alert alert-info">{t(L.listBlocked === "voting_started" ? "review.list.closed" : ((L.listBlocked ? `workflow.error.${L.listBlocked}` : "review.none") as MessageKey))}</p>
          ) : (
            <>
              <p>{t("review.list.lead")}</p>
              <Form key={history.length} method="post" className="form-card">
                <input type="hidden" name="intent" value="list_correct" />
                <input type="hidden" name="proposalId" value={p.id} />
                <ErrorAlert messages={errsOf("list", ["", "kind", "proposalId", "confirm", "costItems"])} />
                <fieldset>
                  <legend>{t("review.list.kind")}</legend>
                  {L.corrections.map((k: ListCorrection, i: number) => (
                    <div key={k} className="field field-check">
                      <div className="check-row">
                        <input id={`list-${k}`} type="radio" name="kind" value={k} defaultChecked={i === 0} />
                        <label htmlFor={`list-${k}`}>{t(`review.list.kind.${k}` as MessageKey)}</label>
                      </div>
                    </div>
                  ))}
                </fieldset>
                {L.corrections.includes("list_cost") ? (
                  <fieldset>
                    <legend>{t("review.cost.title")}</legend>
                    <p className="hint">{t("review.list.costHint")}</p>
                    <CostRows idPrefix="list-cost" rows={costRowsOf(p.costItems, r?.form === "list" ? r.values?.rows : undefined, 1)} errors={r?.form === "list" ? r.errors : {}} />
                  </fieldset>
                ) : null}
                <ReasonField id="list-reason" label={t("review.list.reason")} errors={errsOf("list", ["reason"])} value={r?.form === "list" ? r.values?.reason : undefined} />
                <ConfirmField id="list-confirm" label={t("review.list.confirm")} />
                <SubmitButton label={t("review.list.submit")} />
              </Form>
            </>
          )}
        </Section>
      ) : null}

      {L.decisions.length > 0 ? (
        <Section headingId="other-title" title={inVerification ? t("review.other.title") : t("review.title")}>
          <Form method="post" className="form-card">
            <ErrorAlert messages={errsOf("decide", ["", "intent", "confirm"])} />
            <ReasonField id="review-reason" label={t("review.reason")} hint={t("review.reason.hint")} errors={errsOf("decide", ["reason"])} value={r?.form === "decide" ? r.values?.reason : undefined} />
            {L.decisions.some((d) => IRREVERSIBLE.has(d)) ? <ConfirmField id="review-confirm" label={t("review.confirm")} /> : null}
            <div className="button-row">
              {L.decisions.map((d) => (
                <button key={d} type="submit" name="intent" value={d} className={`button ${d === "appeal_reject" ? "button-danger" : d === "youth_return" ? "button-secondary" : ""}`}>
                  {t(`review.intent.${d}` as MessageKey)}
                </button>
              ))}
            </div>
          </Form>
        </Section>
      ) : !inVerification && !L.canCorrectCost && !p.finalListPublished ? (
        <p className="alert alert-info">{t("review.none")}</p>
      ) : null}

      <Section id="history" headingId="history-title" title={t("history.decisions")}>
        <DecisionHistory decisions={history} />
      </Section>
    </div>
  );
}
