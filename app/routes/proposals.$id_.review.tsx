import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { publicOrigin, requireUser } from "~/auth/session.server";
import { Breadcrumbs, StatusBadge } from "~/components/proposals";
import { useErrorText } from "~/components/proposal-form";
import { getAppeal, getWorkflowProposal, listDecisions } from "~/data/proposal-workflow.server";
import { db } from "~/db.server";
import { can } from "~/domain/permissions";
import { DecisionInputSchema } from "~/domain/proposal-workflow";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { allowedActions, decideProposal } from "~/services/proposals.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "review.title");

const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const DECISIONS = ["start_verification", "request_changes", "accept", "reject", "youth_approve", "youth_return", "appeal_accept", "appeal_reject"] as const;
/** Acts that cannot be undone ask for a tick first. */
const IRREVERSIBLE = new Set<string>(["reject", "appeal_accept", "appeal_reject", "accept"]);

async function guard(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const id = IdSchema.safeParse(rawId);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const p = await getWorkflowProposal(db(), id.data);
  if (!p || p.status === "draft") throw new Response("Not found", { status: 404 });
  if (!can(user, "proposals.verify", p.programmeKind) && !can(user, "youth.moderate", p.programmeKind)) throw new Response("Forbidden", { status: 403 });
  return { user, p };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, p } = await guard(request, params.id);
  const actions = await allowedActions(db(), user, p.id);
  return {
    p: { id: p.id, number: p.number, title: p.title, summary: p.summary, status: p.status, costGrosze: p.costGrosze, channel: p.channel, guardianName: p.guardianName, authorName: p.authorName, supportCount: p.supportCount, supportsRequired: p.supportsRequired, costItems: p.costItems },
    decisions: DECISIONS.filter((d) => actions.includes(d)),
    history: await listDecisions(db(), p.id),
    appeal: await getAppeal(db(), p.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, p } = await guard(request, params.id);
  const s = parseWithZod(await request.formData(), { schema: DecisionInputSchema });
  if (s.status !== "success") return data({ errors: (s.error ?? {}) as Record<string, string[]> }, { status: 400 });
  if (IRREVERSIBLE.has(s.value.intent) && s.value.confirm !== "on") return data({ errors: { confirm: ["proposal.error.confirm"] } as Record<string, string[]> }, { status: 400 });
  const r = await decideProposal(db(), user, p.id, { intent: s.value.intent, reason: s.value.reason ?? null }, publicOrigin(request));
  if (!r.ok) return data({ errors: { "": [`workflow.error.${r.reason}`] } as Record<string, string[]> }, { status: r.reason === "not_allowed" ? 403 : 400 });
  return redirect(`/proposals/${p.id}?done=decided`);
}

export default function Review() {
  const { p, decisions, history, appeal } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useT();
  const tr = useErrorText();
  const errors = reply?.errors ?? {};
  const all = [...(errors[""] ?? []), ...(errors.intent ?? []), ...(errors.confirm ?? [])].map(tr);
  const reasonErr = (errors.reason ?? []).map(tr);
  const lastReason = history.at(-1)?.publicReason;
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/official/verification", label: t("queue.title") }, { to: `/proposals/${p.id}`, label: p.title }, { label: t("review.title") }]} />
      <h1>{t("review.title")}</h1>
      <p className="card-meta">
        <span>{t("proposal.number", { number: p.number })}</span>
        <StatusBadge status={p.status} />
      </p>
      <h2>
        <Link to={`/proposals/${p.id}`}>{p.title}</Link>
      </h2>
      <p>{p.summary}</p>
      <dl className="facts">
        <div>
          <dt>{t("proposal.cost")}</dt>
          <dd className="amount">{money(p.costGrosze)}</dd>
        </div>
        <div>
          <dt>{t("review.author")}</dt>
          <dd>{p.authorName ?? "—"}</dd>
        </div>
        {p.supportsRequired > 0 ? (
          <div>
            <dt>{t("support.title")}</dt>
            <dd>{t("support.count", { count: p.supportCount, required: p.supportsRequired })}</dd>
          </div>
        ) : null}
      </dl>
      {p.guardianName ? <p>{t("review.guardian", { name: p.guardianName })}</p> : null}
      {p.channel !== "online" ? <p>{t(`review.channel.${p.channel}` as MessageKey)}</p> : null}
      {appeal ? (
        <section aria-labelledby="appeal-title">
          <h2 id="appeal-title">{t("review.appeal")}</h2>
          <p className="pre-line">{appeal.justification}</p>
        </section>
      ) : lastReason ? (
        <p>{t("history.reason", { reason: lastReason })}</p>
      ) : null}
      <p className="lead">{t("review.lead")}</p>
      {decisions.length === 0 ? (
        <p className="alert alert-info">{t("review.none")}</p>
      ) : (
        <Form method="post" className="form-card">
          {all.length ? (
            <div className="alert alert-error" role="alert">
              {all.map((e, i) => (
                <p key={i}>{e}</p>
              ))}
            </div>
          ) : null}
          <div className={`field ${reasonErr.length ? "has-error" : ""}`}>
            <label htmlFor="review-reason">{t("review.reason")}</label>
            <p className="hint" id="review-reason-hint">
              {t("review.reason.hint")}
            </p>
            {reasonErr.length ? (
              <p className="field-error" id="review-reason-error">
                {reasonErr.join(" ")}
              </p>
            ) : null}
            <textarea id="review-reason" name="reason" rows={4} maxLength={2000} aria-describedby={`review-reason-hint${reasonErr.length ? " review-reason-error" : ""}`} />
          </div>
          {decisions.some((d) => IRREVERSIBLE.has(d)) ? (
            <div className={`field field-check ${errors.confirm ? "has-error" : ""}`}>
              <div className="check-row">
                <input id="review-confirm" type="checkbox" name="confirm" value="on" />
                <label htmlFor="review-confirm">{t("review.confirm")}</label>
              </div>
            </div>
          ) : null}
          <div className="button-row">
            {decisions.map((d) => (
              <button key={d} type="submit" name="intent" value={d} className={`button ${d === "reject" || d === "appeal_reject" ? "button-danger" : d === "request_changes" || d === "youth_return" ? "button-secondary" : ""}`}>
                {t(`review.intent.${d}` as MessageKey)}
              </button>
            ))}
          </div>
        </Form>
      )}
    </div>
  );
}
