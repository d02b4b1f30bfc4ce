import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireEditionToManage } from "~/http/edition-guard.server";
import { ConfirmField } from "~/components/form/fields";
import { FormAlert, PoolSetupHeader, SetupField } from "~/components/pool-setup";
import { DataTable } from "~/components/data-table";
import { SelectField } from "~/components/form/select-field";
import { listAllDistricts } from "~/data/pool-setup.server";
import { db } from "~/db.server";
import { DistrictInputSchema, type AllocationSettings } from "~/domain/pool-setup";
import { ALLOCATION_FORM_FIELDS, allocationFormValues, formFieldOf, readAllocationForm, type AllocationFormField } from "~/domain/pool-setup-forms";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { addDistrict, applyAllocation, loadAllocation, mergeDistricts, previewEditionAllocation, renameDistrict } from "~/services/pool-setup.server";
import { Section } from "~/components/section";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "adminPools.districts.title");

const IntentSchema = z.enum(["add", "rename", "merge", "preview", "apply"]);
const RenameSchema = z.object({ districtId: z.string().min(1).max(100), name: DistrictInputSchema.shape.name, slug: z.union([z.literal(""), DistrictInputSchema.shape.slug]).optional() });
const MergeSchema = z.object({ fromId: z.string().min(1).max(100), intoId: z.string().min(1).max(100) });

const DEFAULT_FORM: Record<AllocationFormField, string> = { total: "", city: "", cityCap: "", base: "", populationWeight: "70", smallShare: "10", smallCap: "20000", largeCap: "90" };
/** Gdynia's shares and caps, for an edition whose pools were set up before this page. */
const DEFAULT_SETTINGS: AllocationSettings = { totalGrosze: 0, cityGrosze: 0, cityCapGrosze: 0, baseGrosze: 0, populationWeightPermille: 700, smallSharePermille: 100, smallCapGrosze: 2_000_000, largeCapPermille: 900, roundingGrosze: 10_000 };


export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition } = await requireEditionToManage(request, params);
  const [districts, { saved, fromPools }] = await Promise.all([listAllDistricts(db()), loadAllocation(db(), edition.id)]);
  const form = saved ? allocationFormValues(saved) : { ...DEFAULT_FORM, ...(fromPools ? allocationFormValues({ ...DEFAULT_SETTINGS, ...fromPools }) : {}), base: "" };
  return { edition, districts, form, savedAt: saved?.savedAt ?? null };
}

type Reply =
  | { intent: "add" | "rename" | "merge"; values: Record<string, string>; errors: Record<string, string>; error: string | null }
  | { intent: "preview" | "apply"; values: Record<string, string>; errors: Record<string, string>; error: string | null; preview?: Awaited<ReturnType<typeof previewEditionAllocation>> };

const text = (form: FormData, k: string) => {
  const v = form.get(k);
  return typeof v === "string" ? v.slice(0, 200) : "";
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition } = await requireEditionToManage(request, params);
  const form = await request.formData();
  const intent = IntentSchema.safeParse(form.get("intent"));
  if (!intent.success) return data({ intent: "add", values: {}, errors: {}, error: "invalid" } satisfies Reply, { status: 400 });
  const back = (done: string) => redirect(`/admin/editions/${edition.id}/districts?done=${done}`);
  const fail = (reply: Reply, status = 400) => data(reply, { status });

  if (intent.data === "add") {
    const values = { name: text(form, "name"), slug: text(form, "slug"), population: text(form, "population"), areaHa: text(form, "areaHa") };
    const parsed = DistrictInputSchema.safeParse(values);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message.replace("adminPools.error.", "")]));
      return fail({ intent: "add", values, errors, error: null });
    }
    const r = await addDistrict(db(), user, parsed.data);
    return r.ok ? back("district_added") : fail({ intent: "add", values, errors: {}, error: r.reason }, r.reason === "not_allowed" ? 403 : 400);
  }
  if (intent.data === "rename") {
    const values = { districtId: text(form, "districtId"), name: text(form, "name"), slug: text(form, "slug") };
    const parsed = RenameSchema.safeParse(values);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message.startsWith("adminPools.error.") ? i.message.slice(17) : "invalid"]));
      return fail({ intent: "rename", values, errors, error: null });
    }
    const r = await renameDistrict(db(), user, { districtId: parsed.data.districtId, name: parsed.data.name, slug: parsed.data.slug || undefined });
    return r.ok ? back("district_renamed") : fail({ intent: "rename", values, errors: {}, error: r.reason }, r.reason === "not_allowed" ? 403 : 400);
  }
  if (intent.data === "merge") {
    const values = { fromId: text(form, "fromId"), intoId: text(form, "intoId") };
    const parsed = MergeSchema.safeParse(values);
    if (!parsed.success) return fail({ intent: "merge", values, errors: {}, error: "invalid" });
    if (form.get("confirm") !== "on") return fail({ intent: "merge", values, errors: { confirm: "confirm" }, error: null });
    const r = await mergeDistricts(db(), user, { editionId: edition.id, ...parsed.data });
    return r.ok ? back("districts_merged") : fail({ intent: "merge", values, errors: {}, error: r.reason }, r.reason === "not_allowed" ? 403 : 400);
  }

  // preview / apply: the same fields; apply is the preview's "Zapisz podział" button
  const values = Object.fromEntries(ALLOCATION_FORM_FIELDS.map((f) => [f, text(form, f)]));
  const read = readAllocationForm(values);
  if (!read.ok) return fail({ intent: intent.data, values, errors: read.errors, error: null });
  const refusal = (reason: string, field: Parameters<typeof formFieldOf>[0] | null | undefined) => {
    const f = field ? formFieldOf(field) : null;
    return fail({ intent: intent.data as "preview" | "apply", values, errors: f ? { [f]: reason } : {}, error: f ? null : reason }, reason === "not_allowed" ? 403 : 400);
  };
  if (intent.data === "preview") {
    const preview = await previewEditionAllocation(db(), edition.id, read.settings);
    if (!preview.ok) return refusal(preview.reason, preview.field);
    return { intent: "preview", values, errors: {}, error: null, preview } satisfies Reply;
  }
  const r = await applyAllocation(db(), user, edition.id, read.settings);
  return r.ok ? back("allocation_saved") : refusal(r.reason, "field" in r ? r.field : null);
}

export default function EditionDistricts() {
  const { edition, districts, form, savedAt } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const { t, money, number, date } = useT();
  const nameOf = new Map(districts.map((d) => [d.id, d.name]));
  const active = districts.filter((d) => d.active);
  const districtsOptions = districts.map((d) => ({ value: d.id, label: d.name }));
  const activeOptions = active.map((d) => ({ value: d.id, label: d.name }));
  const mine = (intent: Reply["intent"]) => (reply?.intent === intent ? { values: reply.values as Record<string, string | undefined>, errors: reply.errors as Record<string, string | undefined>, error: reply.error } : undefined);
  const add = mine("add");
  const rename = mine("rename");
  const merge = mine("merge");
  const alloc = reply && (reply.intent === "preview" || reply.intent === "apply") ? reply : undefined;
  const allocValues = (alloc?.values ?? form) as Record<AllocationFormField, string>;
  const preview = alloc && "preview" in alloc && alloc.preview?.ok ? alloc.preview : null;
  const fieldLabel: Record<AllocationFormField, string> = {
    total: t("adminPools.alloc.total"),
    city: t("adminPools.alloc.city"),
    cityCap: t("adminPools.alloc.cityCap"),
    base: t("adminPools.alloc.base"),
    populationWeight: t("adminPools.alloc.populationWeight"),
    smallShare: t("adminPools.alloc.smallShare"),
    smallCap: t("adminPools.alloc.smallCap"),
    largeCap: t("adminPools.alloc.largeCap"),
  };
  const isPercent = (f: AllocationFormField) => f === "populationWeight" || f === "smallShare" || f === "largeCap";
  const whole = (g: number) => money(g, { wholeZloty: true });

  return (
    <div className="container">
      <PoolSetupHeader edition={edition} page="districts" />

      <Section headingId="districts-h" title={t("adminPools.districts.list")}>
        <DataTable
          label={t("adminPools.districts.tableLabel")}
          rows={districts}
          columns={[
            { key: "name", head: t("adminPools.col.name"), rowHeader: true, cell: (d) => d.name },
            { key: "slug", head: t("adminPools.col.slug"), cell: (d) => d.slug },
            { key: "population", head: t("adminPools.col.population"), num: true, cell: (d) => number(d.population) },
            { key: "area", head: t("adminPools.col.area"), num: true, cell: (d) => number(d.areaHa) },
            {
              key: "status",
              head: t("adminPools.col.status"),
              cell: (d) => (d.active ? t("adminPools.status.active") : t("adminPools.status.merged", { name: nameOf.get(d.mergedIntoId ?? "") ?? "—" })),
            },
          ]}
        />
      </Section>

      <Section headingId="add-h" title={t("adminPools.add.title")} className="results-section">
        <FormAlert error={add?.error} />
        <Form method="post" className="form-card" noValidate>
          <input type="hidden" name="intent" value="add" />
          <SetupField id="add-name" name="name" label={t("adminPools.field.name")} error={add?.errors.name} defaultValue={add?.values.name} maxLength={80} />
          <SetupField id="add-slug" name="slug" label={t("adminPools.field.slug")} hint={t("adminPools.field.slugHint")} error={add?.errors.slug} defaultValue={add?.values.slug} maxLength={60} />
          <SetupField id="add-population" name="population" label={t("adminPools.field.population")} hint={t("adminPools.field.wholeHint")} error={add?.errors.population} defaultValue={add?.values.population} inputMode="numeric" maxLength={9} />
          <SetupField id="add-area" name="areaHa" label={t("adminPools.field.area")} hint={t("adminPools.field.wholeHint")} error={add?.errors.areaHa} defaultValue={add?.values.areaHa} inputMode="numeric" maxLength={9} />
          <SubmitButton label={t("adminPools.add.submit")} />
        </Form>
      </Section>

      <Section headingId="rename-h" title={t("adminPools.rename.title")} className="results-section">
        <FormAlert error={rename?.error} />
        <Form method="post" className="form-card" noValidate>
          <input type="hidden" name="intent" value="rename" />
          <SelectField id="rename-district" name="districtId" label={t("adminPools.rename.district")} options={districtsOptions} defaultValue={rename?.values.districtId} />
          <SetupField id="rename-name" name="name" label={t("adminPools.rename.name")} error={rename?.errors.name} defaultValue={rename?.values.name} maxLength={80} />
          <SetupField id="rename-slug" name="slug" label={t("adminPools.rename.slug")} hint={t("adminPools.rename.slugHint")} error={rename?.errors.slug} defaultValue={rename?.values.slug} maxLength={60} />
          <SubmitButton label={t("adminPools.rename.submit")} />
        </Form>
      </Section>

      <Section headingId="merge-h" title={t("adminPools.merge.title")} className="results-section">
        <p>{t("adminPools.merge.lead")}</p>
        <FormAlert error={merge?.error} />
        <Form method="post" className="form-card">
          <input type="hidden" name="intent" value="merge" />
          <SelectField id="merge-from" name="fromId" label={t("adminPools.merge.from")} options={activeOptions} defaultValue={merge?.values.fromId} />
          <SelectField id="merge-into" name="intoId" label={t("adminPools.merge.into")} options={activeOptions} defaultValue={merge?.values.intoId ?? active[1]?.id} />
          <ConfirmField id="merge-confirm" label={t("adminPools.merge.confirm")} error={merge?.errors.confirm ? "adminPools.error.confirm" : null} />
          <SubmitButton label={t("adminPools.merge.submit")} variant="danger" />
        </Form>
      </Section>

      <Section headingId="alloc-h" title={t("adminPools.alloc.title")} className="results-section">
        <p>{t("adminPools.alloc.lead")}</p>
        {savedAt ? <p className="muted">{t("adminPools.alloc.saved", { date: date(savedAt) })}</p> : null}
        <FormAlert error={alloc?.error} />
        <Form method="post" className="form-card" noValidate>
          <input type="hidden" name="intent" value="preview" />
          {ALLOCATION_FORM_FIELDS.map((f) => (
            <SetupField
              key={f}
              id={`alloc-${f}`}
              name={f}
              label={fieldLabel[f]}
              hint={f === "populationWeight" ? `${t("adminPools.alloc.percentHint")} ${t("adminPools.alloc.populationWeightHint")}` : isPercent(f) ? t("adminPools.alloc.percentHint") : t("adminPools.alloc.amountHint")}
              error={alloc?.errors[f]}
              defaultValue={allocValues[f]}
              maxLength={20}
            />
          ))}
          <SubmitButton label={t("adminPools.alloc.preview")} />
        </Form>
      </Section>

      {preview ? (
        <Section headingId="preview-h" title={t("adminPools.alloc.previewTitle")} className="results-section">
          <p>{t("adminPools.alloc.previewLead")}</p>
          <DataTable
            label={t("adminPools.alloc.tableLabel")}
            rows={preview.districts}
            columns={[
              { key: "district", head: t("adminPools.alloc.col.district"), rowHeader: true, cell: (d) => d.name },
              { key: "population", head: t("adminPools.col.population"), num: true, cell: (d) => number(d.population) },
              { key: "area", head: t("adminPools.col.area"), num: true, cell: (d) => number(d.areaHa) },
              ...(
                [
                  ["base", "baseGrosze"],
                  ["byPopulation", "byPopulationGrosze"],
                  ["byArea", "byAreaGrosze"],
                  ["leftovers", "leftoverGrosze"],
                  ["total", "totalGrosze"],
                  ["large", "largeGrosze"],
                  ["small", "smallGrosze"],
                ] as const
              ).map(([col, field]) => ({
                key: col,
                head: t(`adminPools.alloc.col.${col}`),
                num: true,
                cellClass: "nowrap",
                cell: (d: (typeof preview.districts)[number]) => whole(d[field]),
              })),
            ]}
            foot={
              <>
                <th scope="row">{t("adminPools.alloc.sum")}</th>
                <td colSpan={6} />
                {(["totalGrosze", "largeGrosze", "smallGrosze"] as const).map((f) => (
                  <td key={f} className="num nowrap">
                    {whole(preview.districts.reduce((s, d) => s + d[f], 0))}
                  </td>
                ))}
              </>
            }
          />
          <p>{t("adminPools.alloc.cityPool", { amount: whole(preview.preview.cityBudgetGrosze), cap: whole(preview.preview.cityCapGrosze) })}</p>
          {preview.preview.remainderGrosze > 0 ? <p>{t("adminPools.alloc.remainder", { amount: whole(preview.preview.remainderGrosze) })}</p> : null}
          <p>{t("adminPools.alloc.caps", { small: whole(preview.preview.smallCapGrosze), large: allocValues.largeCap })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="apply" />
            {ALLOCATION_FORM_FIELDS.map((f) => (
              <input key={f} type="hidden" name={f} value={allocValues[f]} />
            ))}
            <SubmitButton label={t("adminPools.alloc.apply")} size="large" />
          </Form>
        </Section>
      ) : null}
    </div>
  );
}
