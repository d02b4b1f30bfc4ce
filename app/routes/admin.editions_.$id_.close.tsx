import { EditionSubnav } from "~/components/edition-admin";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ConfirmField, DoneNotice } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { DataTable } from "~/components/data-table";
import { getEditionById, listLaterEditions, mapDistrictNames } from "~/data/edition-close.server";
import { db } from "~/db.server";
import { allResultsPublished, checkArchive } from "~/domain/edition-close";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { carryOver, previewCarryOver } from "~/services/carry-over.server";
import { archiveEdition, loadArchiveFacts } from "~/services/edition-close.server";
import { FilterForm } from "~/components/filter-form";
import { SelectField } from "~/components/form/select-field";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleMeta(matches, "adminClose.title", { year: data?.edition.year ?? "" });

const IdSchema = z.string().regex(/^ed_\d{4}$/);
const Year = z.coerce.number().int().min(2000).max(2200);

async function editionOr404(id: string | undefined) {
  const parsed = IdSchema.safeParse(id);
  const edition = parsed.success ? await getEditionById(db(), parsed.data) : null;
  if (!edition) throw new Response("Not found", { status: 404 });
  return edition;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edition.manage");
  const edition = await editionOr404(params.id);
  const facts = (await loadArchiveFacts(db(), edition.id))!;
  const later = await listLaterEditions(db(), edition.year);
  const asked = Year.safeParse(new URL(request.url).searchParams.get("to"));
  const to = later.find((e) => asked.success && e.year === asked.data) ?? later[0] ?? null;
  const preview = to ? await previewCarryOver(db(), edition.year, to.year) : null;
  const names = await mapDistrictNames(db());
  return {
    edition,
    pools: facts.pools,
    publishedPools: facts.publishedPools,
    allPublished: allResultsPublished(facts),
    archive: checkArchive(facts, new Date()),
    later: later.map((e) => ({ year: e.year, status: e.status })),
    to: to?.year ?? null,
    preview: preview?.ok
      ? { ok: true as const, lines: preview.lines.map((l) => ({ ...l, districtName: l.districtId ? (names.get(l.districtId) ?? l.districtId) : null })) }
      : preview
        ? { ok: false as const, reason: preview.reason }
        : null,
  };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("archive"), confirm: z.literal("on").optional() }),
  z.object({ intent: z.literal("carry"), to: Year, confirm: z.literal("on").optional() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edition.manage");
  const edition = await editionOr404(params.id);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ intent: "", error: "form.error.invalid" }, { status: 400 });
  const base = `/admin/editions/${edition.id}/close`;
  if (parsed.data.confirm !== "on") return data({ intent: parsed.data.intent, error: "adminClose.error.confirm" }, { status: 400 });
  if (parsed.data.intent === "archive") {
    const r = await archiveEdition(db(), edition.id, user);
    if (!r.ok) return data({ intent: "archive", error: `adminClose.archive.refused.${r.reason}` }, { status: r.reason === "not_allowed" ? 403 : 400 });
    return redirect(`${base}?done=archived`);
  }
  const r = await carryOver(db(), edition.year, parsed.data.to, { userId: user.id, role: "admin" });
  if (!r.ok) return data({ intent: "carry", error: `adminClose.carry.refused.${r.reason}` }, { status: 400 });
  return redirect(`${base}?${new URLSearchParams({ to: String(parsed.data.to), done: "carried" })}`);
}

export default function CloseEdition() {
  const { edition, pools, publishedPools, allPublished, archive, later, to, preview } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, money } = useT();
  const year = edition.year;
  const errorFor = (intent: string) => (reply && reply.intent === intent ? reply.error : null);
  const poolName = (l: { programme: string; kind: string; districtName: string | null }) =>
    `${t(`programme.${l.programme}` as MessageKey)} · ${t(`pool.${l.kind}` as MessageKey)}${l.districtName ? ` · ${l.districtName}` : ""}`;
  const total = preview?.ok ? preview.lines.reduce((s, l) => s + (l.toPoolId ? l.leftoverGrosze : 0), 0) : 0;
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/admin", label: t("admin.title") }, { label: t("adminClose.title", { year }) }]} />
      <DoneNotice notices={["archived", "carried"]} prefix="adminClose.done." />
      <h1>{t("adminClose.title", { year })}</h1>
      <EditionSubnav id={edition.id} current="close" />
      <p className="lead">{t("adminClose.lead")}</p>
      {reply && reply.intent === "" ? (
        <div className="alert alert-error" role="alert">
          <p>{t(reply.error as MessageKey)}</p>
        </div>
      ) : null}

      <section className="card results-section" aria-labelledby="archive-title">
        <h2 id="archive-title">{t("adminClose.archive.title")}</h2>
        <p>{t(`adminClose.status.${edition.status}` as MessageKey)}</p>
        <p>{t("adminClose.archive.published", { published: publishedPools, pools })}</p>
        {edition.status === "archived" ? (
          <p>
            <Link to={`/results/${year}`}>{t("adminClose.archive.seeResults", { year })}</Link> · <Link to="/archive">{t("nav.archive")}</Link>
          </p>
        ) : archive.ok ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="archive" />
            <p>{t("adminClose.archive.explain")}</p>
            {!allPublished ? <p className="alert alert-warning">{t("adminClose.archive.unpublished")}</p> : null}
            <ConfirmField id="confirm-archive" label={t("adminClose.archive.confirm", { year })} error={errorFor("archive")} />
            <SubmitButton label={t("adminClose.archive.submit", { year })} />
          </Form>
        ) : (
          <p className="alert alert-info">{t(`adminClose.archive.refused.${archive.reason}` as MessageKey)}</p>
        )}
        {errorFor("archive") && !archive.ok ? (
          <div className="alert alert-error" role="alert">
            <p>{t(errorFor("archive") as MessageKey)}</p>
          </div>
        ) : null}
      </section>

      <section className="card results-section" aria-labelledby="carry-title">
        <h2 id="carry-title">{t("adminClose.carry.title")}</h2>
        <p>{t("adminClose.carry.explain")}</p>
        {later.length === 0 ? (
          <p className="alert alert-info">{t("adminClose.carry.noNext")}</p>
        ) : (
          <>
            <FilterForm search={false} secondary submit={t("adminClose.carry.preview")}>
              <SelectField
                id="carry-to"
                name="to"
                label={t("adminClose.carry.to")}
                defaultValue={to == null ? undefined : String(to)}
                options={later.map((e) => ({ value: String(e.year), label: `${e.year} (${t(`adminClose.statusShort.${e.status}` as MessageKey)})` }))}
              />
            </FilterForm>
            {preview && !preview.ok ? <p className="alert alert-info">{t(`adminClose.carry.refused.${preview.reason}` as MessageKey)}</p> : null}
            {preview?.ok ? (
              <>
                {preview.lines.length === 0 ? (
                  <p className="empty">{t("adminClose.carry.nothing")}</p>
                ) : (
                  <DataTable
                    label={t("adminClose.carry.table", { from: year, to: to ?? "" })}
                    caption={t("adminClose.carry.table", { from: year, to: to ?? "" })}
                    captionHidden
                    rows={preview.lines}
                    rowKey={(l) => l.fromPoolId}
                    columns={[
                      { key: "from", head: t("adminClose.carry.col.from"), cell: (l) => poolName(l) },
                      { key: "to", head: t("adminClose.carry.col.to", { year: to ?? "" }), cell: (l) => (l.toPoolId ? t("adminClose.carry.match") : <span className="badge badge-rejected">{t("adminClose.carry.noMatch")}</span>) },
                      { key: "leftover", head: t("adminClose.carry.col.leftover"), num: true, cellClass: "nowrap", cell: (l) => money(l.leftoverGrosze) },
                    ]}
                  />
                )}
                <p>{t("adminClose.carry.total", { amount: money(total) })}</p>
                {preview.lines.some((l) => l.toPoolId) ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="carry" />
                    <input type="hidden" name="to" value={to ?? ""} />
                    <ConfirmField id="confirm-carry" label={t("adminClose.carry.confirm", { amount: money(total), to: to ?? "" })} error={errorFor("carry")} />
                    <SubmitButton label={t("adminClose.carry.submit", { to: to ?? "" })} />
                  </Form>
                ) : null}
              </>
            ) : errorFor("carry") ? (
              <div className="alert alert-error" role="alert">
                <p>{t(errorFor("carry") as MessageKey)}</p>
              </div>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
