import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireEditionToManage } from "~/http/edition-guard.server";
import { EditionSubnav, reply, useFormReply, warsawText } from "~/components/edition-admin";
import { ConfirmField, DoneNotice, FieldFrame, FormErrors, PlainField } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { listProgrammesAdmin } from "~/data/edition-admin.server";
import { listPhaseWindows } from "~/data/editions.server";
import { db } from "~/db.server";
import { EditionUpdateInputSchema, parseLanguages, RULES_TEXT_MAX } from "~/domain/edition-setup";
import { orderPhases } from "~/domain/phases";
import { formIntent, parseForm } from "~/http/form";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { isMultipart, MalformedUploadError, parseUpload, settleUpload, UploadTooLargeError } from "~/http/upload.server";
import { activateEdition, setRulesPdf, updateEditionDetails } from "~/services/edition-admin.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { BallotPrintLinks } from "~/components/print-links";
import { listDistricts } from "~/data/districts.server";
import { Section } from "~/components/section";
import { ItemList } from "~/components/item-list";
import { SubmitButton } from "~/components/form/submit-button";
import { refuse, unknownForm } from "~/http/form-reply.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { upload: "attachment" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "adminEditions.overview.title");



export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionToManage(request, params);
  const [programmes, phases, districts] = await Promise.all([listProgrammesAdmin(db(), edition.id), listPhaseWindows(db(), edition.id), listDistricts(db())]);
  return {
    edition: { id: edition.id, year: edition.year, name: edition.name, status: edition.status, rulesText: edition.rulesText, rulesPdfName: edition.rulesPdfName, smallGroupThreshold: edition.smallGroupThreshold },
    programmes: programmes.map((p) => ({ ...p, languages: parseLanguages(p.languages) })),
    phases: orderPhases(phases),
    districts: districts.map((d) => ({ slug: d.slug, name: d.name })),
  };
}

const INTENTS = ["details", "activate"] as const;
const status = (reason: string) => (reason === "not_allowed" ? 403 : reason === "not_found" ? 404 : 400);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition } = await requireEditionToManage(request, params);
  if (isMultipart(request)) {
    const upload = await settleUpload(parseUpload(request));
    if (upload instanceof UploadTooLargeError) return data(reply("pdf", { file: ["adminEditions.error.attachment_too_big"] }), { status: 413 });
    if (upload instanceof MalformedUploadError) return refuse("pdf", { "": ["form.error.invalid"] });
    const r = await setRulesPdf(db(), user, edition.id, { tempPath: upload.tempPath, tooBig: upload.tooBig, originalName: upload.originalName });
    if (!r.ok) return data(reply("pdf", { [r.reason.startsWith("attachment_") ? "file" : ""]: [`adminEditions.error.${r.reason}`] }), { status: r.reason === "attachment_too_big" ? 413 : status(r.reason) });
    return redirect(`/admin/editions/${edition.id}?done=pdf_saved`);
  }
  const form = await request.formData();
  const intent = formIntent(form, INTENTS);
  if (!intent) return unknownForm();
  if (intent === "details") {
    const s = parseForm(form, EditionUpdateInputSchema);
    if (s.status !== "success") return refuse("details", s.error ?? {}, s.payload);
    const r = await updateEditionDetails(db(), user, edition.id, s.value);
    if (!r.ok) return data(reply("details", { "": [`adminEditions.error.${r.reason}`] }, s.payload), { status: status(r.reason) });
    return redirect(`/admin/editions/${edition.id}?done=saved`);
  }
  if (form.get("confirm") !== "on") return refuse("activate", { confirm: ["adminEditions.error.confirm"] });
  const r = await activateEdition(db(), user, edition.id);
  if (!r.ok) return data(reply("activate", { "": [`adminEditions.error.${r.reason}`] }), { status: status(r.reason) });
  return redirect(`/admin/editions/${edition.id}?done=activated`);
}

export default function AdminEdition() {
  const { edition: e, programmes, phases, districts } = useLoaderData<typeof loader>();
  const { t } = useT();
  // a new key after each redirect: the forms start again from what was saved (a refusal keeps what was typed)
  const { key } = useLocation();
  const details = useFormReply("details");
  const pdf = useFormReply("pdf");
  const activate = useFormReply("activate");
  const general = useFormReply("");
  const editable = e.status !== "archived";
  return (
    <div className="container setup-stack" key={key}>
      <Breadcrumbs items={[{ to: "/admin", label: t("admin.title") }, { to: "/admin/editions", label: t("adminEditions.title") }, { label: String(e.year) }]} />
      <DoneNotice notices={["created", "copied", "saved", "pdf_saved", "activated"]} prefix="adminEditions.done." />
      <h1>
        {e.name || t("adminEditions.unnamed")} ({e.year})
      </h1>
      <p>
        <span className="badge">{t(`adminEditions.status.${e.status}`)}</span>
      </p>
      <EditionSubnav id={e.id} current="overview" />
      <FormErrors errors={general.replied ? general.errors("") : undefined} id="edition-errors" />

      <Section headingId="details-title" title={t("adminEditions.details.title")}>
        {editable ? (
          <Form method="post" className="form-card" noValidate>
            <input type="hidden" name="intent" value="details" />
            <FormErrors errors={details.errors("")} id="details-errors" />
            <PlainField id="edition-name" name="name" label={t("adminEditions.field.name")} maxLength={120} defaultValue={details.value("name", e.name)} error={details.error("name")} />
            <FieldFrame id="edition-rules" label={t("adminEditions.field.rulesText")} hint={t("adminEditions.field.rulesTextHint")} errors={details.errors("rulesText")}>
              {({ describedBy, invalid }) => <textarea id="edition-rules" name="rulesText" rows={10} maxLength={RULES_TEXT_MAX} defaultValue={details.value("rulesText", e.rulesText)} aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
            </FieldFrame>
            <PlainField id="edition-small-groups" name="smallGroupThreshold" label={t("smallGroups.field.threshold")} hint={t("smallGroups.field.thresholdHint")} inputMode="numeric" maxLength={3} defaultValue={details.value("smallGroupThreshold", String(e.smallGroupThreshold))} error={details.error("smallGroupThreshold")} />
            <SubmitButton label={t("adminEditions.details.submit")} />
          </Form>
        ) : (
          <p className="pre-line">{e.rulesText}</p>
        )}
        {e.rulesText && e.status !== "draft" ? (
          <p>
            <Link to={`/editions/${e.year}/rules`}>{t("adminEditions.public.rulesLink", { year: e.year })}</Link>
          </p>
        ) : null}
      </Section>

      <Section headingId="pdf-title" title={t("adminEditions.pdf.title")}>
        <p>
          {e.rulesPdfName ? (
            <a href={`/editions/${e.year}/rules.pdf`} download>
              {t("adminEditions.pdf.current", { name: e.rulesPdfName })}
            </a>
          ) : (
            t("adminEditions.pdf.none")
          )}
        </p>
        {editable ? (
          <Form method="post" encType="multipart/form-data" className="form-card">
            <FormErrors errors={pdf.errors("")} id="pdf-errors" />
            <FieldFrame id="rules-pdf" label={t("adminEditions.pdf.file")} hint={t("adminEditions.pdf.hint")} errors={pdf.errors("file")}>
              {({ describedBy, invalid }) => <input id="rules-pdf" name="file" type="file" accept="application/pdf" aria-describedby={describedBy} aria-invalid={invalid || undefined} />}
            </FieldFrame>
            <SubmitButton label={t("adminEditions.pdf.submit")} />
          </Form>
        ) : null}
      </Section>

      <Section headingId="programmes-title" title={t("adminEditions.nav.programmes")}>
        <ItemList items={programmes} empty={t("adminEditions.programmes.none")} className="plain-list" itemKey={(p) => p.id}>
          {(p) => (
            <>
              <strong>{t(`programme.${p.kind}`)}</strong> · {t(`adminEditions.moderation.${p.moderation}`)} · {p.languages.map((l) => t(`adminEditions.language.${l}`)).join(", ")}
            </>
          )}
        </ItemList>
        <p>
          <Link to={`/admin/editions/${e.id}/programmes`}>{t("adminEditions.programmes.manage")}</Link>
        </p>
      </Section>

      <Section headingId="phases-title" title={t("adminEditions.nav.phases")}>
        <ItemList items={phases} empty={t("adminEditions.phases.none")} className="plain-list" itemKey={(w) => w.phase}>
          {(w) => (
            <>
              <strong>{t(`phase.${w.phase}`)}</strong>: {t("adminEditions.phases.range", { start: warsawText(w.startsAt), end: warsawText(w.endsAt) })}
            </>
          )}
        </ItemList>
        <p>
          <Link to={`/admin/editions/${e.id}/phases`}>{t("adminEditions.phases.manage")}</Link>
        </p>
      </Section>

      {programmes.length > 0 ? (
        <Section headingId="print-title" title={t("print.links.title")}>
          <p>{t("print.links.lead")}</p>
          {programmes.map((p) => (
            <BallotPrintLinks key={p.id} year={e.year} kind={p.kind} districts={districts} />
          ))}
        </Section>
      ) : null}

      {e.status === "draft" ? (
        <Section headingId="activate-title" title={t("adminEditions.activate.title")}>
          <p>{t("adminEditions.activate.lead")}</p>
          <Form method="post" className="form-card">
            <input type="hidden" name="intent" value="activate" />
            <FormErrors errors={activate.errors("")} id="activate-errors" />
            <ConfirmField id="activate-confirm" label={t("adminEditions.activate.confirm", { year: e.year })} error={activate.error("confirm")} />
            <SubmitButton label={t("adminEditions.activate.submit")} />
          </Form>
        </Section>
      ) : null}
    </div>
  );
}
