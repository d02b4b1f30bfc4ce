/**
 * /official/implementations/:id: an official of the project's programme updates its implementation
 * (stage, progress, dates, cost, unit and contact; "not feasible" needs a public reason and a
 * confirmation) and adds dated timeline entries with up to three photos or documents (multipart).
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { reply, useFormReply } from "~/components/edition-admin";
import { ConfirmField, DoneNotice, FieldFrame, FormErrors, PlainField } from "~/components/form/fields";
import { ImplementationBadge, OverdueBadge } from "~/components/implementation";
import { Breadcrumbs } from "~/components/proposals";
import { getImplementation } from "~/data/implementations.server";
import { db } from "~/db.server";
import { ATTACHMENT_TYPES } from "~/domain/attachments";
import { CAPTION_MAX, ENTRY_FILE_FIELDS, ENTRY_TEXT_MAX, EntryInputSchema, IMPLEMENTATION_STATUSES, isOverdue, UpdateInputSchema, warsawDate } from "~/domain/implementation";
import { can } from "~/domain/permissions";
import { zlotyText } from "~/domain/pool-setup-forms";
import { parseForm } from "~/http/form";
import { parseEntryUpload } from "~/http/implementation-upload.server";
import { httpError, requireParam } from "~/http/invariant";
import { refusalStatus } from "~/http/refusal";
import type { RouteHandle } from "~/http/route-meta.server";
import { isMultipart, MalformedUploadError, settleUpload, UploadTooLargeError } from "~/http/upload.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { addImplementationEntry, updateImplementationState } from "~/services/implementations.server";
import { SubmitButton } from "~/components/form/submit-button";

/** Takes multipart uploads (the timeline entry's files), see app/http/route-meta.server.ts. */
export const handle: RouteHandle = { upload: "attachment" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "implementation.official.title");

async function guard(request: Request, id: string) {
  const user = await requireUser(request);
  const row = await getImplementation(db(), id);
  if (!row) throw httpError(404);
  if (!can(user, "implementation.update", row.programmeKind)) throw httpError(403);
  return { user, row };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await guard(request, requireParam(params, "id"));
  return { i: row, overdue: isOverdue({ status: row.status, editionYear: row.editionYear, plannedEnd: row.plannedEnd }, warsawDate(new Date())), today: warsawDate(new Date()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, row } = await guard(request, requireParam(params, "id"));
  if (isMultipart(request)) {
    const upload = await settleUpload(parseEntryUpload(request));
    if (upload instanceof UploadTooLargeError) return data(reply("entry", { "": ["workflow.error.attachment_too_big"] }), { status: 413 });
    if (upload instanceof MalformedUploadError) return data(reply("entry", { "": ["form.error.invalid"] }), { status: 400 });
    const values = { entryDate: upload.fields.entryDate ?? "", text: upload.fields.text ?? "", ...Object.fromEntries(ENTRY_FILE_FIELDS.map((_, n) => [`caption${n + 1}`, (upload.fields[`caption${n + 1}`] ?? "").slice(0, CAPTION_MAX)])) };
    const files = upload.files.map((f) => ({ ...f, caption: upload.fields[`caption${f.slot + 1}`] ?? "" }));
    const r = await addImplementationEntry(db(), user, { implementationId: row.id, entryDate: values.entryDate, text: values.text, files });
    if (r.ok) return redirect(`/official/implementations/${row.id}?done=entry_added`);
    if (r.reason === "entry_invalid") {
      // say which field: the schema's own messages
      const s = EntryInputSchema.safeParse(values);
      const errors: Record<string, string[]> = {};
      for (const issue of s.success ? [] : s.error.issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
      return data(reply("entry", errors, values), { status: 400 });
    }
    const slot = r.index !== undefined ? (files[r.index]?.slot ?? 0) + 1 : 0;
    const field = r.reason === "caption_invalid" ? `caption${slot}` : r.reason.startsWith("attachment_") && slot ? `file${slot}` : "";
    const message = r.reason.startsWith("attachment_") ? `workflow.error.${r.reason}` : r.reason === "caption_invalid" ? "implementation.error.caption_invalid" : `workflow.error.${r.reason}`;
    return data(reply("entry", { [field]: [message] }, values), { status: refusalStatus(r.reason) });
  }
  const form = await request.formData();
  const s = parseForm(form, UpdateInputSchema);
  if (s.status !== "success") return data(reply("update", s.error ?? { "": ["form.error.invalid"] }, s.payload), { status: 400 });
  const r = await updateImplementationState(db(), user, row.id, s.value);
  if (!r.ok) {
    const key = r.reason === "not_found" || r.reason === "not_allowed" ? `workflow.error.${r.reason}` : `implementation.error.${r.reason}`;
    return data(reply("update", { [r.field ?? ""]: [key] }, s.payload), { status: refusalStatus(r.reason) });
  }
  return redirect(`/official/implementations/${row.id}?done=updated`);
}

export default function OfficialImplementation() {
  const { i, overdue, today } = useLoaderData<typeof loader>();
  const { t, money } = useT();
  const { key } = useLocation();
  const u = useFormReply("update");
  const e = useFormReply("entry");
  const dateField = (name: "plannedStart" | "plannedEnd" | "actualStart" | "actualEnd") => (
    <PlainField id={`f-${name}`} name={name} label={t(`implementation.form.${name}`)} hint={t("implementation.form.dates.hint")} defaultValue={u.value(name, i[name] ?? "")} error={u.error(name)} inputMode="numeric" maxLength={10} />
  );
  return (
    <div className="container narrow setup-stack" key={key}>
      <Breadcrumbs items={[{ to: "/official", label: t("official.title") }, { to: "/official/implementations", label: t("implementation.official.title") }, { label: i.title }]} />
      <DoneNotice notices={["updated", "entry_added"]} prefix="implementation.done." />
      <h1>{i.title}</h1>
      <p className="card-meta">
        <span>{i.districtName ?? t("implementation.cityWide")}</span>
        <span>{t("implementation.edition", { year: i.editionYear })}</span>
        <span>
          {t("implementation.voted")}: {money(i.votedGrosze)}
        </span>
      </p>
      <p className="card-footer">
        <ImplementationBadge status={i.status} />
        {overdue ? <OverdueBadge /> : null}
        <Link to={`/realizacje/${i.id}`}>{t("implementation.official.public")}</Link>
      </p>

      <Form method="post" className="form-card" aria-labelledby="update-title" noValidate>
        <h2 id="update-title" className="form-title">
          {t("implementation.form.title")}
        </h2>
        <input type="hidden" name="intent" value="update" />
        <FormErrors errors={u.errors("")} id="update-errors" />
        <FieldFrame id="f-status" label={t("implementation.form.status")} errors={u.errors("status")}>
          {({ describedBy, invalid }) => (
            <select id="f-status" name="status" defaultValue={u.value("status", i.status)} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
              {IMPLEMENTATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`implementation.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <PlainField id="f-progressPct" name="progressPct" label={t("implementation.form.progress")} hint={t("implementation.form.progress.hint")} defaultValue={u.value("progressPct", String(i.progressPct))} error={u.error("progressPct")} inputMode="numeric" maxLength={3} />
        <PlainField id="f-cityUnit" name="cityUnit" label={t("implementation.form.unit")} hint={t("implementation.form.unit.hint")} defaultValue={u.value("cityUnit", i.cityUnit)} error={u.error("cityUnit")} maxLength={200} />
        <PlainField id="f-contact" name="contact" label={t("implementation.form.contact")} hint={t("implementation.form.contact.hint")} defaultValue={u.value("contact", i.contact)} error={u.error("contact")} maxLength={200} />
        {dateField("plannedStart")}
        {dateField("plannedEnd")}
        {dateField("actualStart")}
        {dateField("actualEnd")}
        <PlainField id="f-actualCost" name="actualCost" label={t("implementation.form.actualCost")} hint={t("implementation.form.actualCost.hint")} defaultValue={u.value("actualCost", i.actualCostGrosze === null ? "" : zlotyText(i.actualCostGrosze))} error={u.error("actualCost")} inputMode="numeric" maxLength={20} />
        <FieldFrame id="f-notFeasibleReason" label={t("implementation.form.reason")} hint={t("implementation.form.reason.hint")} errors={u.errors("notFeasibleReason")}>
          {({ describedBy, invalid }) => <textarea id="f-notFeasibleReason" name="notFeasibleReason" rows={4} maxLength={2000} defaultValue={u.value("notFeasibleReason", i.notFeasibleReason ?? "")} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
        </FieldFrame>
        {i.status === "not_feasible" ? null : <ConfirmField id="f-confirm" label={t("implementation.form.confirm")} error={u.error("confirm")} />}
        <SubmitButton label={t("implementation.form.save")} />
      </Form>

      <Form method="post" encType="multipart/form-data" className="form-card" aria-labelledby="entry-title" noValidate>
        <h2 id="entry-title" className="form-title">
          {t("implementation.entry.title")}
        </h2>
        <FormErrors errors={e.errors("")} id="entry-errors" />
        <PlainField id="f-entryDate" name="entryDate" label={t("implementation.entry.date")} hint={t("implementation.form.dates.hint")} defaultValue={e.value("entryDate", today)} error={e.error("entryDate")} inputMode="numeric" maxLength={10} />
        <FieldFrame id="f-text" label={t("implementation.entry.text")} hint={t("implementation.entry.text.hint")} errors={e.errors("text")}>
          {({ describedBy, invalid }) => <textarea id="f-text" name="text" rows={4} maxLength={ENTRY_TEXT_MAX} defaultValue={e.value("text")} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
        </FieldFrame>
        {ENTRY_FILE_FIELDS.map((name, n) => (
          <div key={name} className="field-pair">
            <FieldFrame id={`f-${name}`} label={t("implementation.entry.file", { n: n + 1 })} hint={t("implementation.entry.file.hint")} errors={e.errors(name)}>
              {({ describedBy, invalid }) => <input id={`f-${name}`} name={name} type="file" accept={ATTACHMENT_TYPES.join(",")} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
            </FieldFrame>
            <PlainField id={`f-caption${n + 1}`} name={`caption${n + 1}`} label={t("implementation.entry.caption", { n: n + 1 })} hint={n === 0 ? t("implementation.entry.caption.hint") : undefined} defaultValue={e.value(`caption${n + 1}`)} error={e.error(`caption${n + 1}`)} maxLength={CAPTION_MAX} />
          </div>
        ))}
        <SubmitButton label={t("implementation.entry.submit")} />
      </Form>
    </div>
  );
}
