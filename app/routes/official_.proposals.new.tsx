/**
 * An official types in a proposal a resident handed in on paper or in person: the resident form's
 * fields plus how it arrived, the resident's name and one contact (nothing more — RODO), the day
 * it was received and the number of checked signatures on its paper support list.
 */
import { parseForm } from "~/http/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { errorMessage, FieldFrame } from "~/components/form/fields";
import { ProposalForm } from "~/components/proposal-form";
import { db } from "~/db.server";
import { programmesWhere } from "~/domain/permissions";
import { PAPER_CHANNELS, PaperEntrySchema } from "~/domain/paper-proposals";
import { DEFAULT_COST_ROWS, proposalInputSchema } from "~/domain/workflow/inputs";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { enterPaperProposal } from "~/services/paper-proposals.server";
import { loadFormContext } from "~/services/proposal-form.server";
import { rowsFor, type FormReply, type FormValues } from "~/http/proposal-form.server";
import { refusalStatus } from "~/http/refusal";
import { PageHeader } from "~/components/page-header";
import { SelectField } from "~/components/form/select-field";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "submission.paper.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "official.panel");
  // only pools of the programmes this official enters paper proposals for (the action's service checks the pool again)
  const mine = programmesWhere(user, "proposals.enter_paper");
  const context = await loadFormContext();
  // most paper proposals are typed in on the day they arrive: today in Gdynia is the default
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Warsaw" }).format(new Date());
  return { ...context, pools: context.pools.filter((p) => mine.includes(p.programmeKind)), today };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "official.panel");
  const form = await request.formData();
  const values: FormValues = {};
  for (const [k, v] of form) if (typeof v === "string" && k.length < 40) values[k] = v.slice(0, 10_000);
  if (values.intent === "add_row") return data<FormReply>({ values, errors: {}, rows: rowsFor(values, true) });
  const { pools } = await loadFormContext();
  const proposal = parseForm(form, proposalInputSchema(pools));
  const paper = PaperEntrySchema.safeParse(values);
  const errors: Record<string, string[]> = proposal.status === "success" ? {} : ((proposal.error ?? {}) as Record<string, string[]>);
  if (!paper.success) {
    for (const i of paper.error.issues) {
      const list = (errors[String(i.path[0] ?? "")] ??= []);
      if (!list.includes(i.message)) list.push(i.message);
    }
  }
  if (proposal.status !== "success" || !paper.success) return data<FormReply>({ values, errors, rows: rowsFor(values, false) }, { status: 400 });
  const r = await enterPaperProposal(db(), user, { ...proposal.value, intent: "submit" }, paper.data);
  if (!r.ok) {
    const field = r.reason === "received_in_future" || r.reason === "received_after_deadline" ? "receivedOn" : "";
    return data<FormReply>({ values, errors: { [field]: [`workflow.error.${r.reason}`] }, rows: rowsFor(values, false) }, { status: refusalStatus(r.reason) });
  }
  return redirect(`/proposals/${r.id}?done=paper_entered`);
}

function PaperField({ name, label, hint, errors, values, type = "text", inputMode }: { name: string; label: string; hint?: string; errors: Record<string, string[]>; values: Record<string, string>; type?: string; inputMode?: "numeric" }) {
  const { t } = useT();
  const id = `f-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={(errors[name] ?? []).map((e) => errorMessage(t, e))}>
      {({ describedBy, invalid }) => (
        <input id={id} name={name} type={type} inputMode={inputMode} defaultValue={values[name] ?? ""} maxLength={200} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
      )}
    </FieldFrame>
  );
}

export default function OfficialPaperProposal() {
  const { pools, today } = useLoaderData<typeof loader>();
  const reply = useActionData<FormReply>();
  const { t } = useT();
  const values = reply?.values ?? { paperSignatures: "0", receivedOn: today };
  const errors = reply?.errors ?? {};
  const channelErrors = (errors.channel ?? []).map((e) => errorMessage(t, e));
  return (
    <div className="container narrow">
      <PageHeader parents={[{ to: "/official", label: t("official.title") }]} title={t("submission.paper.title")} lead={t("submission.paper.lead")} />
      <div className="alert alert-info">
        <p>{t("submission.paper.rodo")}</p>
      </div>
      <ProposalForm pools={pools} values={values} errors={errors} rows={reply?.rows ?? DEFAULT_COST_ROWS} mode="new" poolLocked={false} submitLabel={t("submission.paper.save")}>
        <fieldset>
          <legend>{t("submission.paper.section")}</legend>
          <SelectField
            id="f-channel"
            name="channel"
            label={t("submission.paper.channel")}
            error={channelErrors.join(" ") || null}
            defaultValue={values.channel ?? "paper"}
            options={PAPER_CHANNELS.map((c) => ({ value: c, label: t(`submission.paper.channel.${c}` as MessageKey) }))}
          />
          <PaperField name="residentName" label={t("submission.paper.residentName")} errors={errors} values={values} />
          <PaperField name="residentContact" label={t("submission.paper.residentContact")} hint={t("submission.paper.residentContact.hint")} errors={errors} values={values} />
          <PaperField name="receivedOn" label={t("submission.paper.receivedOn")} hint={t("submission.paper.receivedOn.hint")} errors={errors} values={values} type="date" />
          <PaperField name="paperSignatures" label={t("submission.paper.signatures")} hint={t("submission.paper.signatures.hint")} errors={errors} values={values} inputMode="numeric" />
        </fieldset>
      </ProposalForm>
    </div>
  );
}
