import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireEditionToManage } from "~/http/edition-guard.server";
import { IdSchema } from "~/domain/ids";
import { EditionSubnav, reply, useFormReply } from "~/components/edition-admin";
import { DoneNotice, FormErrors, PlainField } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { listProgrammesAdmin, type ProgrammeAdminRow } from "~/data/edition-admin.server";
import { db } from "~/db.server";
import { LANGUAGES, MODERATIONS, parseLanguages, ProgrammeInputSchema } from "~/domain/edition-setup";
import { PROGRAMME_KINDS } from "~/domain/permissions";
import { parseForm } from "~/http/form";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { saveProgramme } from "~/services/edition-admin.server";
import { SelectField } from "~/components/form/select-field";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "adminEditions.programmes.title");



export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition: e } = await requireEditionToManage(request, params);
  return { edition: { id: e.id, year: e.year, status: e.status }, programmes: await listProgrammesAdmin(db(), e.id) };
}

const TargetSchema = z.object({ programmeId: z.union([z.literal(""), IdSchema]).default("") });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition: e } = await requireEditionToManage(request, params);
  const form = await request.formData();
  const target = TargetSchema.safeParse({ programmeId: form.get("programmeId") ?? "" });
  if (!target.success) return data(reply("programme", { "": ["form.error.invalid"] }, {}, "new"), { status: 400 });
  const programmeId = target.data.programmeId || undefined;
  const key = programmeId ?? "new";
  const s = parseForm(form, ProgrammeInputSchema);
  if (s.status !== "success") return data(reply("programme", s.error ?? {}, s.payload, key), { status: 400 });
  const r = await saveProgramme(db(), user, e.id, s.value, programmeId);
  if (!r.ok) return data(reply("programme", { [r.reason === "programme_exists" ? "kind" : ""]: [`adminEditions.error.${r.reason}`] }, s.payload, key), { status: r.reason === "not_allowed" ? 403 : r.reason === "not_found" ? 404 : 400 });
  return redirect(`/admin/editions/${e.id}/programmes?done=${programmeId ? "programme_saved" : "programme_added"}`);
}

type Row = Omit<ProgrammeAdminRow, "id" | "position"> & { id?: string };

function ProgrammeForm({ row, kinds }: { row: Row; kinds: readonly (typeof PROGRAMME_KINDS)[number][] }) {
  const { t } = useT();
  const key = row.id ?? "new";
  const f = useFormReply("programme", key);
  const id = (n: string) => `${key}-${n}`;
  const num = (n: string, v: number | null) => f.value(n, v === null ? "" : String(v));
  const langs = f.values("languages") ?? parseLanguages(row.languages);
  return (
    <Form method="post" className="form-card" noValidate aria-label={row.id ? t("adminEditions.programmes.editLabel", { programme: t(`programme.${row.kind}`) }) : t("adminEditions.programmes.add")}>
      <input type="hidden" name="programmeId" value={row.id ?? ""} />
      <FormErrors errors={f.errors("")} id={id("errors")} />
      {row.id ? (
        <input type="hidden" name="kind" value={row.kind} />
      ) : (
        <SelectField id={id("kind")} name="kind" label={t("adminEditions.field.kind")} error={f.errors("kind").join(" ") || null} defaultValue={f.value("kind", kinds[0])} options={kinds.map((k) => ({ value: k, label: t(`programme.${k}`) }))} />
      )}
      <SelectField
        id={id("moderation")}
        name="moderation"
        label={t("adminEditions.field.moderation")}
        error={f.errors("moderation").join(" ") || null}
        defaultValue={f.value("moderation", row.moderation)}
        options={MODERATIONS.map((m) => ({ value: m, label: t(`adminEditions.moderation.${m}`) }))}
      />
      <div className="field-pair">
        <PlainField id={id("min-age")} name="minAge" label={t("adminEditions.field.minAge")} inputMode="numeric" maxLength={3} defaultValue={num("minAge", row.minAge)} error={f.error("minAge")} />
        <PlainField id={id("max-age")} name="maxAge" label={t("adminEditions.field.maxAge")} inputMode="numeric" maxLength={3} defaultValue={num("maxAge", row.maxAge)} error={f.error("maxAge")} />
      </div>
      <PlainField id={id("guardian")} name="guardianBelowAge" label={t("adminEditions.field.guardianBelowAge")} hint={t("adminEditions.field.guardianBelowAgeHint")} inputMode="numeric" maxLength={3} defaultValue={num("guardianBelowAge", row.guardianBelowAge)} error={f.error("guardianBelowAge")} />
      <PlainField id={id("supports")} name="supportsRequired" label={t("adminEditions.field.supportsRequired")} inputMode="numeric" maxLength={5} defaultValue={num("supportsRequired", row.supportsRequired)} error={f.error("supportsRequired")} />
      <fieldset className={`field ${f.error("languages") ? "has-error" : ""}`} aria-describedby={f.error("languages") ? id("languages-error") : undefined}>
        <legend>{t("adminEditions.field.languages")}</legend>
        {f.error("languages") ? (
          <p className="field-error" id={id("languages-error")}>
            {f.errors("languages").join(" ")}
          </p>
        ) : null}
        {LANGUAGES.map((l) => (
          <div key={l} className="check-row">
            <input id={id(`lang-${l}`)} type="checkbox" name="languages" value={l} defaultChecked={langs.includes(l)} />
            <label htmlFor={id(`lang-${l}`)}>{t(`adminEditions.language.${l}`)}</label>
          </div>
        ))}
      </fieldset>
      <SubmitButton label={row.id ? t("adminEditions.programmes.save") : t("adminEditions.programmes.addSubmit")} />
    </Form>
  );
}

export default function AdminEditionProgrammes() {
  const { edition: e, programmes } = useLoaderData<typeof loader>();
  const { t } = useT();
  // a new key after each redirect: the forms start again from what was saved (a refusal keeps what was typed)
  const { key } = useLocation();
  const missing = PROGRAMME_KINDS.filter((k) => !programmes.some((p) => p.kind === k));
  const archived = e.status === "archived";
  return (
    <div className="container setup-stack" key={key}>
      <Breadcrumbs items={[{ to: "/admin", label: t("admin.title") }, { to: "/admin/editions", label: t("adminEditions.title") }, { to: `/admin/editions/${e.id}`, label: String(e.year) }, { label: t("adminEditions.nav.programmes") }]} />
      <DoneNotice notices={["programme_added", "programme_saved"]} prefix="adminEditions.done." />
      <h1>{t("adminEditions.programmes.heading", { year: e.year })}</h1>
      <EditionSubnav id={e.id} current="programmes" />
      <p className="lead">{t("adminEditions.programmes.lead")}</p>
      {archived ? <p className="alert alert-info">{t("adminEditions.error.edition_archived")}</p> : null}
      {programmes.length === 0 ? <p className="empty">{t("adminEditions.programmes.none")}</p> : null}
      {programmes.map((p) => (
        <section key={p.id} aria-labelledby={`prog-${p.id}`}>
          <h2 id={`prog-${p.id}`}>{t(`programme.${p.kind}`)}</h2>
          {archived ? (
            <p>
              {t(`adminEditions.moderation.${p.moderation}`)} · {parseLanguages(p.languages).map((l) => t(`adminEditions.language.${l}`)).join(", ")}
            </p>
          ) : (
            <ProgrammeForm row={p} kinds={[p.kind]} />
          )}
        </section>
      ))}
      {missing.length > 0 && !archived ? (
        <section aria-labelledby="prog-new">
          <h2 id="prog-new">{t("adminEditions.programmes.add")}</h2>
          <ProgrammeForm row={{ kind: missing[0]!, moderation: "officials", minAge: null, maxAge: null, guardianBelowAge: null, supportsRequired: 0, languages: "pl,uk,en" }} kinds={missing} />
        </section>
      ) : null}
    </div>
  );
}
