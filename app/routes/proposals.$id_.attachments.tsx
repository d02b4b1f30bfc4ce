import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/session.server";
import { ConfirmField, errorMessage, FormErrors, PlainField } from "~/components/form/fields";
import { AttachmentGallery, SubmissionDoneNotice, useFileSize } from "~/components/submission-extras";
import { listAttachments } from "~/data/attachments.server";
import { db } from "~/db.server";
import { ATTACHMENT_TYPES, DESCRIPTION_MAX, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES } from "~/domain/attachments";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { addAttachment, removeAttachment } from "~/services/attachments.server";
import { isMultipart, MalformedUploadError, parseUpload, settleUpload, UploadTooLargeError } from "~/http/upload.server";
import { editAccess, extrasAccess } from "~/services/coauthors.server";
import { httpError, requireParam } from "~/http/invariant";
import { IdSchema } from "~/domain/ids";
import { refusalStatus } from "~/http/refusal";
import type { RouteHandle } from "~/http/route-meta.server";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { upload: "attachment" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "submission.attachments.title");

const RemoveSchema = z.object({ intent: z.literal("remove"), attachmentId: IdSchema, confirm: z.literal("on").optional() });

async function guard(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireUser(request);
  const access = await extrasAccess(db(), user, requireParam(params, "id"));
  if (!access.ok) throw httpError(access.reason === "not_found" ? 404 : 403);
  return { user, p: access.p };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, p } = await guard(request, params);
  const items = await listAttachments(db(), p.id);
  // after submission the text is fixed: the way back is the proposal page, not the edit form
  const back = (await editAccess(db(), user, p.id)).ok ? `/proposals/${p.id}/edit` : `/proposals/${p.id}`;
  return {
    id: p.id,
    title: p.title,
    back,
    attachments: items.map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, description: a.description })),
  };
}

type Reply = { intent: "upload" | "remove"; errors: Record<string, string>; description?: string; target?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, p } = await guard(request, params);
  if (isMultipart(request)) {
    const upload = await settleUpload(parseUpload(request));
    if (upload instanceof UploadTooLargeError) return data<Reply>({ intent: "upload", errors: { file: "workflow.error.attachment_too_big" }, description: "" }, { status: 413 });
    if (upload instanceof MalformedUploadError) return data<Reply>({ intent: "upload", errors: { "": "form.error.invalid" }, description: "" }, { status: 400 });
    const description = upload.fields.description ?? "";
    const r = await addAttachment(db(), user, { proposalId: p.id, tempPath: upload.tempPath, tooBig: upload.tooBig, originalName: upload.originalName, description });
    if (r.ok) return redirect(`/proposals/${p.id}/attachments?done=attachment_added`);
    const field = r.reason === "description_invalid" ? "description" : r.reason.startsWith("attachment_") ? "file" : "";
    // a description that is empty or has markup: say exactly what to fix
    const message = r.reason === "description_invalid" ? descriptionError(description) : `workflow.error.${r.reason}`;
    return data<Reply>({ intent: "upload", errors: { [field]: message }, description: description.slice(0, DESCRIPTION_MAX) }, { status: refusalStatus(r.reason) });
  }
  const form = await request.formData();
  const parsed = RemoveSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<Reply>({ intent: "remove", errors: { "": "form.error.invalid" } }, { status: 400 });
  if (!parsed.data.confirm) return data<Reply>({ intent: "remove", errors: { confirm: "submission.error.confirm" }, target: parsed.data.attachmentId }, { status: 400 });
  const r = await removeAttachment(db(), user, p.id, parsed.data.attachmentId);
  if (!r.ok) return data<Reply>({ intent: "remove", errors: { "": `workflow.error.${r.reason}` }, target: parsed.data.attachmentId }, { status: refusalStatus(r.reason) });
  return redirect(`/proposals/${p.id}/attachments?done=attachment_removed`);
}

function descriptionError(d: string): string {
  const v = d.trim();
  if (v.length < 3) return "submission.error.description_required";
  if (v.length > DESCRIPTION_MAX) return `proposal.error.too_long?max=${DESCRIPTION_MAX}`;
  return "proposal.error.markup";
}

export default function AttachmentsPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<Reply>();
  const { t } = useT();
  const size = useFileSize();
  const mb = MAX_ATTACHMENT_BYTES / 1024 / 1024;
  const uploadErrors = reply?.intent === "upload" ? reply.errors : {};
  const removeErrors = reply?.intent === "remove" ? reply.errors : {};
  const full = d.attachments.length >= MAX_ATTACHMENTS;
  return (
    <div className="container narrow">
      <PageHeader parents={[{ to: "/account/proposals", label: t("my.title") }, { to: d.back, label: d.title }]} title={t("submission.attachments.title")} />
      {/* after a new answer to a form, the earlier confirmation would mislead */}
      {reply ? null : <SubmissionDoneNotice />}
      <p className="lead">{t("submission.attachments.lead", { max: MAX_ATTACHMENTS, size: mb })}</p>
      <p>{t("submission.attachments.count", { count: d.attachments.length, max: MAX_ATTACHMENTS })}</p>

      {d.attachments.length === 0 ? <p className="muted">{t("submission.attachments.none")}</p> : <AttachmentGallery items={d.attachments} />}

      {d.attachments.length > 0 ? (
        <ul className="plain-list attachment-manage">
          {d.attachments.map((a) => {
            const errs = reply?.intent === "remove" && reply.target === a.id ? removeErrors : {};
            return (
              <li key={a.id}>
                <Form method="post" className="inline-form remove-form" aria-label={t("submission.attachments.remove")}>
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="attachmentId" value={a.id} />
                  <FormErrors errors={errs[""] ? [errs[""]] : undefined} id={`remove-errors-${a.id}`} />
                  <ConfirmField id={`confirm-${a.id}`} label={t("submission.attachments.removeConfirm", { name: `${a.fileName}, ${size(a.sizeBytes)}` })} error={errs.confirm} />
                  <SubmitButton label={t("submission.attachments.remove")} variant="danger" size="small" />
                </Form>
              </li>
            );
          })}
        </ul>
      ) : null}

      {full ? (
        <div className="alert alert-info" role="status">
          <p>{t("submission.attachments.full", { max: MAX_ATTACHMENTS })}</p>
        </div>
      ) : (
        <Form method="post" encType="multipart/form-data" className="form-card" aria-labelledby="upload-title" noValidate>
          <h2 id="upload-title" className="form-title">
            {t("submission.attachments.uploadLegend")}
          </h2>
          <FormErrors errors={uploadErrors[""] ? [uploadErrors[""]] : undefined} id="upload-errors" />
          <div className={`field ${uploadErrors.file ? "has-error" : ""}`}>
            <label htmlFor="f-file">{t("submission.attachments.file")}</label>
            <p className="hint" id="f-file-hint">
              {t("submission.attachments.file.hint", { size: mb })}
            </p>
            {uploadErrors.file ? (
              <p className="field-error" id="f-file-error" role="alert">
                {errorMessage(t, uploadErrors.file)}
              </p>
            ) : null}
            <input
              id="f-file"
              name="file"
              type="file"
              accept={ATTACHMENT_TYPES.join(",")}
              aria-describedby={uploadErrors.file ? "f-file-hint f-file-error" : "f-file-hint"}
              aria-invalid={uploadErrors.file ? true : undefined}
            />
          </div>
          <PlainField
            id="f-description"
            name="description"
            label={t("submission.attachments.description")}
            hint={t("submission.attachments.description.hint")}
            error={uploadErrors.description ?? null}
            defaultValue={reply?.intent === "upload" ? reply.description : ""}
            maxLength={DESCRIPTION_MAX}
          />
          <div className="button-row">
            <SubmitButton label={t("submission.attachments.upload")} />
          </div>
        </Form>
      )}
      <p>
        <a href={d.back}>{d.back.endsWith("/edit") ? t("submission.attachments.back") : t("ux2.extras.back")}</a>
      </p>
    </div>
  );
}
