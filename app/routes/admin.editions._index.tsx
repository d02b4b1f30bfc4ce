import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { reply, useFormReply } from "~/components/edition-admin";
import { DoneNotice, FormErrors, PlainField } from "~/components/form/fields";
import { DataTable } from "~/components/data-table";
import { listEditionsAdmin } from "~/data/edition-admin.server";
import { db } from "~/db.server";
import { EditionCopyInputSchema, EditionCreateInputSchema, YEAR_MAX, YEAR_MIN } from "~/domain/edition-setup";
import { formIntent, parseForm } from "~/http/form";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { copyEdition, createEdition } from "~/services/edition-admin.server";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";
import { refuse, unknownForm } from "~/http/form-reply.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "adminEditions.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edition.manage");
  return { editions: await listEditionsAdmin(db()) };
}

const INTENTS = ["create", "copy"] as const;
const CopySchema = EditionCopyInputSchema.extend({ from: z.string({ error: "adminEditions.error.from" }).regex(/^[A-Za-z0-9_-]{1,60}$/, { error: "adminEditions.error.from" }) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edition.manage");
  const form = await request.formData();
  const intent = formIntent(form, INTENTS);
  if (!intent) return unknownForm();
  if (intent === "create") {
    const s = parseForm(form, EditionCreateInputSchema);
    if (s.status !== "success") return refuse("create", s.error ?? {}, s.payload);
    const r = await createEdition(db(), user, s.value);
    if (!r.ok) return data(reply("create", { [r.reason === "year_taken" ? "year" : ""]: [`adminEditions.error.${r.reason}`] }, s.payload), { status: r.reason === "not_allowed" ? 403 : 400 });
    return redirect(`/admin/editions/${r.id}?done=created`);
  }
  const s = parseForm(form, CopySchema);
  if (s.status !== "success") return refuse("copy", s.error ?? {}, s.payload);
  const r = await copyEdition(db(), user, s.value.from, s.value.year);
  if (!r.ok) return data(reply("copy", { [r.reason === "not_found" ? "from" : r.reason === "not_allowed" ? "" : "year"]: [`adminEditions.error.${r.reason}`] }, s.payload), { status: r.reason === "not_allowed" ? 403 : 400 });
  return redirect(`/admin/editions/${r.id}?done=copied`);
}

export default function AdminEditions() {
  const { editions } = useLoaderData<typeof loader>();
  const { t } = useT();
  // a new key after each redirect: the forms start again from what was saved (a refusal keeps what was typed)
  const { key } = useLocation();
  const create = useFormReply("create");
  const copy = useFormReply("copy");
  const general = useFormReply("");
  const newest = editions[0];
  return (
    <div className="container setup-stack" key={key}>
      <PageHeader parents={[{ to: "/admin", label: t("admin.title") }]} notice={<DoneNotice notices={["created", "copied"]} prefix="adminEditions.done." />} title={t("adminEditions.title")} lead={t("adminEditions.lead")} />
      <FormErrors errors={general.replied ? general.errors("") : undefined} id="editions-errors" />
      <DataTable
        label={t("adminEditions.table")}
        caption={t("adminEditions.table")}
        captionHidden
        rows={editions}
        empty={t("adminEditions.empty")}
        columns={[
          { key: "year", head: t("adminEditions.col.year"), rowHeader: true, cell: (e) => <Link to={`/admin/editions/${e.id}`}>{e.year}</Link> },
          { key: "name", head: t("adminEditions.col.name"), cell: (e) => e.name || "—" },
          { key: "status", head: t("adminEditions.col.status"), cell: (e) => <span className="badge">{t(`adminEditions.status.${e.status}`)}</span> },
          { key: "programmes", head: t("adminEditions.col.programmes"), num: true, cell: (e) => e.programmes },
          { key: "phases", head: t("adminEditions.col.phases"), num: true, cell: (e) => t("adminEditions.phasesOf", { count: e.phases }) },
        ]}
      />

      <section aria-labelledby="create-title">
        <h2 id="create-title">{t("adminEditions.create.title")}</h2>
        <Form method="post" className="form-card" noValidate>
          <input type="hidden" name="intent" value="create" />
          <FormErrors errors={create.errors("")} id="create-errors" />
          <PlainField id="create-year" name="year" label={t("adminEditions.field.year")} inputMode="numeric" maxLength={4} defaultValue={create.value("year", newest ? String(newest.year + 1) : "")} error={create.error("year")} />
          <PlainField id="create-name" name="name" label={t("adminEditions.field.name")} hint={t("adminEditions.field.nameHint")} maxLength={120} defaultValue={create.value("name")} error={create.error("name")} />
          <SubmitButton label={t("adminEditions.create.submit")} />
        </Form>
      </section>

      {newest ? (
        <section aria-labelledby="copy-title">
          <h2 id="copy-title">{t("adminEditions.copy.title")}</h2>
          <p>{t("adminEditions.copy.lead")}</p>
          <Form method="post" className="form-card" noValidate>
            <input type="hidden" name="intent" value="copy" />
            <FormErrors errors={copy.errors("")} id="copy-errors" />
            <div className={`field ${copy.error("from") ? "has-error" : ""}`}>
              <label htmlFor="copy-from">{t("adminEditions.copy.from")}</label>
              {copy.error("from") ? (
                <p className="field-error" id="copy-from-error">
                  {copy.errors("from").join(" ")}
                </p>
              ) : null}
              <select id="copy-from" name="from" defaultValue={copy.value("from", newest.id)} aria-describedby={copy.error("from") ? "copy-from-error" : undefined}>
                {editions.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.year} {e.name}
                  </option>
                ))}
              </select>
            </div>
            <PlainField id="copy-year" name="year" label={t("adminEditions.copy.year")} hint={t("adminEditions.copy.yearHint", { min: YEAR_MIN, max: YEAR_MAX })} inputMode="numeric" maxLength={4} defaultValue={copy.value("year", String(newest.year + 1))} error={copy.error("year")} />
            <SubmitButton label={t("adminEditions.copy.submit")} />
          </Form>
        </section>
      ) : null}
    </div>
  );
}
