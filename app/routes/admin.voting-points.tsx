import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { DoneNotice, FormErrors, PlainField } from "~/components/form/fields";
import { DataTable } from "~/components/data-table";
import { currentEdition } from "~/services/current-edition.server";
import { getEditionRef, listEditionPoints, listPointDevices, listPointOfficials } from "~/data/voting-points.server";
import { db } from "~/db.server";
import { VotingPointFieldsSchema } from "~/domain/voting-points";
import { parseForm } from "~/http/form";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { createVotingPoint } from "~/services/voting-points-admin.server";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "adminPoints.title");

const EditionQuerySchema = z.object({ edition: z.string().regex(/^ed_[0-9a-z_]{1,40}$/).optional().catch(undefined) });

/** The edition the page shows: ?edition=<id>, else the current one. */
async function editionOf(url: string) {
  const { edition } = EditionQuerySchema.parse(Object.fromEntries(new URL(url).searchParams));
  if (edition) {
    const e = await getEditionRef(db(), edition);
    if (!e) throw new Response("Not found", { status: 404 });
    return { ...e, explicit: true };
  }
  const current = await currentEdition(db());
  return current ? { id: current.id, year: current.year, explicit: false } : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edition.manage");
  const edition = await editionOf(request.url);
  if (!edition) return { edition: null, points: [] };
  const points = await listEditionPoints(db(), edition.id);
  const ids = points.map((p) => p.id);
  const [officials, devices] = await Promise.all([listPointOfficials(db(), ids), listPointDevices(db(), ids)]);
  return {
    edition,
    points: points.map((p) => ({
      ...p,
      officials: officials.filter((o) => o.pointId === p.id).map((o) => o.displayName ?? o.email ?? ""),
      devices: devices.filter((d) => d.pointId === p.id && d.revokedAt === null).length,
    })),
  };
}

const CreateSchema = VotingPointFieldsSchema;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "edition.manage");
  const edition = await editionOf(request.url);
  const form = await request.formData();
  const s = parseForm(form, CreateSchema);
  const values = { name: String(form.get("name") ?? "").slice(0, 200), address: String(form.get("address") ?? "").slice(0, 300), openingHours: String(form.get("openingHours") ?? "").slice(0, 300) };
  if (s.status !== "success") return data({ values, errors: (s.error ?? {}) as Record<string, string[] | null> }, { status: 400 });
  const r = await createVotingPoint(db(), admin, { ...s.value, editionId: edition?.explicit ? edition.id : undefined });
  if (!r.ok) return data({ values, errors: { "": [`adminPoints.error.${r.reason}`] } as Record<string, string[] | null> }, { status: r.reason === "not_allowed" ? 403 : 400 });
  return redirect(`/admin/voting-points/${r.id}?done=created`);
}

export default function AdminVotingPoints() {
  const { edition, points } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  const err = (k: string) => reply?.errors[k]?.[0] ?? null;
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/admin", label: t("admin.title") }]} notice={<DoneNotice notices={["revoked"]} prefix="adminPoints.done." />} title={t("adminPoints.title")} lead={t("adminPoints.lead")} />
      {!edition ? (
        <p className="alert alert-info">{t("adminPoints.noEdition")}</p>
      ) : (
        <>
          <h2>{t("adminPoints.edition", { year: edition.year })}</h2>
          <DataTable
            label={t("adminPoints.tableLabel")}
            rows={points}
            empty={t("adminPoints.empty")}
            columns={[
              { key: "name", head: t("adminPoints.col.name"), rowHeader: true, cell: (p) => <Link to={`/admin/voting-points/${p.id}`}>{p.name}</Link> },
              { key: "address", head: t("adminPoints.col.address"), cell: (p) => p.address },
              { key: "hours", head: t("adminPoints.col.hours"), cell: (p) => p.openingHours || <span className="muted">{t("adminPoints.noHours")}</span> },
              { key: "officials", head: t("adminPoints.col.officials"), cell: (p) => (p.officials.length ? p.officials.join(", ") : <span className="muted">{t("adminPoints.nobody")}</span>) },
              { key: "devices", head: t("adminPoints.col.devices"), num: true, cell: (p) => p.devices },
              {
                key: "active",
                head: t("adminPoints.col.active"),
                cell: (p) => <span className={p.active ? "badge badge-accepted" : "badge badge-withdrawn"}>{p.active ? t("adminPoints.active") : t("adminPoints.inactive")}</span>,
              },
            ]}
          />
          <Form method="post" className="form-card" aria-labelledby="create-title">
            <h2 id="create-title">{t("adminPoints.create.title")}</h2>
            <FormErrors errors={reply?.errors[""] ?? undefined} id="create-errors" />
            <PlainField id="point-name" name="name" label={t("adminPoints.field.name")} error={err("name")} defaultValue={reply?.values.name} maxLength={120} required />
            <PlainField id="point-address" name="address" label={t("adminPoints.field.address")} error={err("address")} defaultValue={reply?.values.address} maxLength={200} required />
            <PlainField
              id="point-hours"
              name="openingHours"
              label={t("adminPoints.field.hours")}
              hint={t("adminPoints.field.hours.hint")}
              error={err("openingHours")}
              defaultValue={reply?.values.openingHours}
              maxLength={200}
            />
            <SubmitButton label={t("adminPoints.create.submit")} />
          </Form>
        </>
      )}
    </div>
  );
}
