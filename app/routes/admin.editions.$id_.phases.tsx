import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { requireEditionToManage } from "~/http/edition-guard.server";
import { EditionSubnav, reply, useFormReply } from "~/components/edition-admin";
import { PhaseChangeList } from "~/components/edition-timeline";
import { ConfirmField, DoneNotice, FieldFrame, FormErrors } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { listPhaseChanges } from "~/data/edition-admin.server";
import { listPhaseWindows } from "~/data/editions.server";
import { db } from "~/db.server";
import { phaseField, planFromForm, PublicReasonSchema, REASON_MAX, utcToWarsaw } from "~/domain/edition-setup";
import { currentPhase, phaseHasEnded } from "~/domain/phases";
import { PHASES } from "~/domain/rules";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { closeVotingEarly, extendVoting, savePhases } from "~/services/edition-admin.server";
import { SubmitButton } from "~/components/form/submit-button";
import { formIntent } from "~/http/form";
import { refuse, unknownForm } from "~/http/form-reply.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "adminEditions.phases.title");



export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition: e } = await requireEditionToManage(request, params);
  const phases = await listPhaseWindows(db(), e.id);
  const now = new Date();
  const live = e.status === "active";
  return {
    edition: { id: e.id, year: e.year, name: e.name, status: e.status, allowPhaseGaps: e.allowPhaseGaps },
    values: Object.fromEntries(phases.flatMap((w) => [[phaseField(w.phase, "start"), utcToWarsaw(w.startsAt)], [phaseField(w.phase, "end"), utcToWarsaw(w.endsAt)]])) as Record<string, string>,
    started: Object.fromEntries(phases.map((w) => [w.phase, Date.parse(w.startsAt) <= now.getTime()])) as Record<string, boolean>,
    votingOpen: live && currentPhase(phases, now) === "voting",
    votingAhead: live && phases.some((w) => w.phase === "voting") && !phaseHasEnded(phases, "voting", now),
    votingEnd: phases.find((w) => w.phase === "voting")?.endsAt ?? null,
    changes: await listPhaseChanges(db(), e.id),
  };
}

const INTENTS = ["save", "close_early", "extend"] as const;
const status = (reason: string) => (reason === "not_allowed" ? 403 : reason === "not_found" ? 404 : 400);
const PHASE_REFUSALS = new Set(["phase_missing", "phase_invalid_date", "phase_ends_before_start", "phase_overlap", "phase_gap"]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition: e } = await requireEditionToManage(request, params);
  const form = await request.formData();
  const intent = formIntent(form, INTENTS);
  if (!intent) return unknownForm();
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.slice(0, 5000) : "";
  };
  const reason = PublicReasonSchema.safeParse(text("reason"));
  if (intent === "save") {
    const values: Record<string, string> = Object.fromEntries(PHASES.flatMap((p) => [phaseField(p, "start"), phaseField(p, "end")]).map((k) => [k, text(k)]));
    const typed = { ...values, reason: text("reason"), allowGaps: form.get("allowGaps") === "on" ? "on" : "" };
    if (!reason.success) return refuse("save", { reason: [reason.error.issues[0]!.message] }, typed);
    const r = await savePhases(db(), user, e.id, { windows: planFromForm(values), allowGaps: typed.allowGaps === "on", reason: reason.data });
    if (!r.ok) {
      const field = "phase" in r && r.phase && PHASE_REFUSALS.has(r.reason) ? phaseField(r.phase, r.reason === "phase_ends_before_start" ? "end" : "start") : r.reason === "reason_required" ? "reason" : "";
      return data(reply("save", { [field]: [`adminEditions.error.${r.reason}`] }, typed), { status: status(r.reason) });
    }
    return redirect(`/admin/editions/${e.id}/phases?done=phases_saved`);
  }
  const typed = { reason: text("reason"), newEnd: text("newEnd") };
  if (!reason.success) return refuse(intent, { reason: [reason.error.issues[0]!.message] }, typed);
  if (form.get("confirm") !== "on") return refuse(intent, { confirm: ["adminEditions.error.confirm"] }, typed);
  const r = intent === "close_early" ? await closeVotingEarly(db(), user, e.id, reason.data) : await extendVoting(db(), user, e.id, typed.newEnd, reason.data);
  if (!r.ok) {
    const field = r.reason === "reason_required" ? "reason" : r.reason === "extend_not_later" || r.reason === "phase_invalid_date" ? "newEnd" : "";
    return data(reply(intent, { [field]: [`adminEditions.error.${r.reason}`] }, typed), { status: status(r.reason) });
  }
  return redirect(`/admin/editions/${e.id}/phases?done=${intent === "close_early" ? "voting_closed" : "voting_extended"}`);
}

function VotingForm({ intent, title, lead, submit, children }: { intent: "close_early" | "extend"; title: string; lead: string; submit: string; children?: React.ReactNode }) {
  const { t } = useT();
  const f = useFormReply(intent);
  return (
    <section aria-labelledby={`${intent}-title`}>
      <h2 id={`${intent}-title`}>{title}</h2>
      <p>{lead}</p>
      <Form method="post" className="form-card" noValidate>
        <input type="hidden" name="intent" value={intent} />
        <FormErrors errors={f.errors("")} id={`${intent}-errors`} />
        {children}
        <FieldFrame id={`${intent}-reason`} label={t("adminEditions.field.publicReason")} hint={t("adminEditions.field.publicReasonHint")} errors={f.errors("reason")}>
          {({ describedBy, invalid }) => <textarea id={`${intent}-reason`} name="reason" rows={3} maxLength={REASON_MAX} defaultValue={f.value("reason")} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
        </FieldFrame>
        <ConfirmField id={`${intent}-confirm`} label={t(`adminEditions.${intent === "close_early" ? "close" : "extend"}.confirm`)} error={f.error("confirm")} />
        <SubmitButton label={submit} variant="danger" />
      </Form>
    </section>
  );
}

export default function AdminEditionPhases() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  // a new key after each redirect: the forms start again from what was saved (a refusal keeps what was typed)
  const { key } = useLocation();
  const f = useFormReply("save");
  const extend = useFormReply("extend");
  const general = useFormReply("");
  const e = d.edition;
  const gaps = f.replied ? f.value("allowGaps") === "on" : e.allowPhaseGaps;
  return (
    <div className="container setup-stack" key={key}>
      <Breadcrumbs items={[{ to: "/admin", label: t("admin.title") }, { to: "/admin/editions", label: t("adminEditions.title") }, { to: `/admin/editions/${e.id}`, label: String(e.year) }, { label: t("adminEditions.nav.phases") }]} />
      <DoneNotice notices={["phases_saved", "voting_closed", "voting_extended"]} prefix="adminEditions.done." />
      <h1>{t("adminEditions.phases.heading", { year: e.year })}</h1>
      <EditionSubnav id={e.id} current="phases" />
      <FormErrors errors={general.replied ? general.errors("") : undefined} id="phases-general-errors" />
      <p className="lead">{t("adminEditions.phases.lead")}</p>
      {e.status === "archived" ? (
        <p className="alert alert-info">{t("adminEditions.error.edition_archived")}</p>
      ) : (
        <Form method="post" className="form-card" noValidate>
          <input type="hidden" name="intent" value="save" />
          <FormErrors errors={f.errors("")} id="phases-errors" />
          {PHASES.map((p) => (
            <fieldset key={p} className="field-pair">
              <legend>
                {t(`phase.${p}`)}
                {d.started[p] ? <span className="muted"> · {t("adminEditions.phases.started")}</span> : null}
              </legend>
              {(["start", "end"] as const).map((edge) => {
                const name = phaseField(p, edge);
                return (
                  <FieldFrame key={edge} id={name} label={t(`adminEditions.phases.${edge}`)} errors={f.errors(name)}>
                    {({ describedBy, invalid }) => <input id={name} name={name} type="datetime-local" defaultValue={f.value(name, d.values[name] ?? "")} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
                  </FieldFrame>
                );
              })}
            </fieldset>
          ))}
          <div className="field field-check">
            <div className="check-row">
              <input id="allow-gaps" type="checkbox" name="allowGaps" value="on" defaultChecked={gaps} />
              <label htmlFor="allow-gaps">{t("adminEditions.phases.allowGaps")}</label>
            </div>
          </div>
          <FieldFrame id="phases-reason" label={t("adminEditions.field.publicReason")} hint={t("adminEditions.phases.reasonHint")} errors={f.errors("reason")}>
            {({ describedBy, invalid }) => <textarea id="phases-reason" name="reason" rows={3} maxLength={REASON_MAX} defaultValue={f.value("reason")} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
          </FieldFrame>
          <SubmitButton label={t("adminEditions.phases.submit")} />
        </Form>
      )}

      {d.votingOpen ? <VotingForm intent="close_early" title={t("adminEditions.close.title")} lead={t("adminEditions.close.lead")} submit={t("adminEditions.close.submit")} /> : null}
      {d.votingAhead && d.votingEnd ? (
        <VotingForm intent="extend" title={t("adminEditions.extend.title")} lead={t("adminEditions.extend.lead", { end: utcToWarsaw(d.votingEnd).replace("T", " ") })} submit={t("adminEditions.extend.submit")}>
          <FieldFrame id="extend-new-end" label={t("adminEditions.extend.newEnd")} errors={extend.errors("newEnd")}>
            {({ describedBy, invalid }) => <input id="extend-new-end" name="newEnd" type="datetime-local" defaultValue={extend.value("newEnd")} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
          </FieldFrame>
        </VotingForm>
      ) : null}

      <section aria-labelledby="changes-title">
        <h2 id="changes-title">{t("adminEditions.public.changes")}</h2>
        {d.changes.length === 0 ? <p className="empty">{t("adminEditions.changes.none")}</p> : <PhaseChangeList changes={d.changes} />}
      </section>
    </div>
  );
}
