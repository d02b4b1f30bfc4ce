import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { ConfirmField, DoneNotice, FormErrors, PlainField } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { getEditionRef, getVotingPoint, listPointDevices, listPointOfficials } from "~/data/voting-points.server";
import { db } from "~/db.server";
import { DeviceLabelSchema, VotingPointFieldsSchema } from "~/domain/voting-points";
import { parseForm } from "~/http/form";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { deviceCookie } from "~/http/vote-flow.server";
import { enrolDevice, listAssignableOfficials, revokeDevice, setPointOfficials, updateVotingPoint } from "~/services/voting-points-admin.server";
import { ItemList } from "~/components/item-list";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "adminPoints.title");

const IdSchema = z.string().regex(/^vp_[A-Za-z0-9_-]{1,60}$/);

async function pointOf(params: { id?: string }) {
  const id = IdSchema.safeParse(params.id);
  const point = id.success ? await getVotingPoint(db(), id.data) : null;
  if (!point) throw new Response("Not found", { status: 404 });
  return point;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "edition.manage");
  const point = await pointOf(params);
  const [officials, devices, candidates, edition] = await Promise.all([
    listPointOfficials(db(), [point.id]),
    listPointDevices(db(), [point.id]),
    listAssignableOfficials(db()),
    point.editionId ? getEditionRef(db(), point.editionId) : null,
  ]);
  const assigned = new Set(officials.map((o) => o.userId));
  // the tick list: everyone who may run points, and anyone still assigned who no longer may
  const people = [
    ...candidates.map((c) => ({ id: c.id, email: c.email, name: c.displayName, assigned: assigned.has(c.id) })),
    ...officials.filter((o) => !candidates.some((c) => c.id === o.userId)).map((o) => ({ id: o.userId, email: o.email ?? "", name: o.displayName, assigned: true })),
  ];
  return { point, edition, people, devices: devices.map((d) => ({ id: d.id, label: d.label, enrolledAt: d.enrolledAt, lastUsedAt: d.lastUsedAt, revokedAt: d.revokedAt })) };
}

const ActionSchema = z.discriminatedUnion("intent", [
  VotingPointFieldsSchema.extend({ intent: z.literal("update"), active: z.literal("on").optional() }),
  z.object({ intent: z.literal("officials"), official: z.array(z.string().max(100)).max(500).default([]) }),
  z.object({ intent: z.literal("enrol"), label: DeviceLabelSchema }),
  z.object({ intent: z.literal("revoke"), deviceId: z.string().max(100), confirm: z.literal("on").optional() }),
]);

type Errors = Record<string, string[] | null>;

/** The form's errors as message keys: anything zod said in its own words (a bad intent, a missing id) becomes "invalid". */
function keyed(errors: Errors): Errors {
  const out: Errors = {};
  for (const [k, v] of Object.entries(errors)) {
    const known = ["name", "address", "openingHours", "label", "confirm"].includes(k);
    const msgs = (v ?? []).map((m) => (known && m.startsWith("adminPoints.") ? m : "form.error.invalid"));
    if (msgs.length) (out[known ? k : ""] ??= []).push(...msgs);
  }
  return out;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "edition.manage");
  const point = await pointOf(params);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const values = Object.fromEntries(["name", "address", "openingHours", "label", "deviceId"].map((k) => [k, String(form.get(k) ?? "").slice(0, 300)]));
  const fail = (errors: Errors, status = 400) => data({ intent, values, errors }, { status });
  const s = parseForm(form, ActionSchema);
  if (s.status !== "success") return fail(keyed((s.error ?? { "": ["form.error.invalid"] }) as Errors));
  const v = s.value;
  const base = `/admin/voting-points/${point.id}`;
  if (v.intent === "update") {
    const r = await updateVotingPoint(db(), admin, point.id, { name: v.name, address: v.address, openingHours: v.openingHours, active: v.active === "on" });
    return r.ok ? redirect(`${base}?done=updated`) : fail({ "": [`adminPoints.error.${r.reason}`] }, r.reason === "not_allowed" ? 403 : 400);
  }
  if (v.intent === "officials") {
    const r = await setPointOfficials(db(), admin, point.id, v.official);
    return r.ok ? redirect(`${base}?done=officials`) : fail({ "": [`adminPoints.error.${r.reason}`] }, r.reason === "not_allowed" ? 403 : 400);
  }
  if (v.intent === "enrol") {
    const r = await enrolDevice(db(), admin, point.id, v.label);
    if (!r.ok) return fail({ "": [`adminPoints.error.${r.reason}`] }, r.reason === "not_allowed" ? 403 : 400);
    // the token goes only into this browser's cookie: the administrator enrols the device he is at
    return redirect(`${base}?done=enrolled`, { headers: { "Set-Cookie": deviceCookie(r.token) } });
  }
  if (v.confirm !== "on") return fail({ confirm: ["adminPoints.error.confirm"] });
  const r = await revokeDevice(db(), admin, point.id, v.deviceId);
  return r.ok ? redirect(`${base}?done=revoked`) : fail({ "": [`adminPoints.error.${r.reason}`] }, r.reason === "not_allowed" ? 403 : 400);
}

export default function AdminVotingPoint() {
  const { point, edition, people, devices } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, date } = useT();
  const errs = (intent: string, key: string) => (reply?.intent === intent ? (reply.errors[key]?.[0] ?? null) : null);
  const formErrors = (intent: string) => (reply?.intent === intent ? (reply.errors[""] ?? undefined) : undefined);
  const kept = (intent: string, key: string, fallback: string) => (reply?.intent === intent ? (reply.values[key] ?? fallback) : fallback);
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/admin", label: t("admin.title") }, { to: edition ? `/admin/voting-points?edition=${edition.id}` : "/admin/voting-points", label: t("adminPoints.title") }, { label: point.name }]} />
      <DoneNotice notices={["created", "updated", "officials", "enrolled", "revoked"]} prefix="adminPoints.done." />
      <h1>{point.name}</h1>
      <p className="muted">
        {edition ? `${t("adminPoints.edition", { year: edition.year })} · ` : ""}
        <span className={point.active ? "badge badge-accepted" : "badge badge-withdrawn"}>{point.active ? t("adminPoints.active") : t("adminPoints.inactive")}</span>
      </p>

      <Form method="post" className="form-card" aria-labelledby="edit-title">
        <h2 id="edit-title">{t("adminPoints.edit.title")}</h2>
        <FormErrors errors={formErrors("update")} id="edit-errors" />
        <input type="hidden" name="intent" value="update" />
        <PlainField id="point-name" name="name" label={t("adminPoints.field.name")} error={errs("update", "name")} defaultValue={kept("update", "name", point.name)} maxLength={120} required />
        <PlainField id="point-address" name="address" label={t("adminPoints.field.address")} error={errs("update", "address")} defaultValue={kept("update", "address", point.address)} maxLength={200} required />
        <PlainField
          id="point-hours"
          name="openingHours"
          label={t("adminPoints.field.hours")}
          hint={t("adminPoints.field.hours.hint")}
          error={errs("update", "openingHours")}
          defaultValue={kept("update", "openingHours", point.openingHours)}
          maxLength={200}
        />
        <div className="field field-check">
          <div className="check-row">
            <input id="point-active" type="checkbox" name="active" value="on" defaultChecked={point.active} />
            <label htmlFor="point-active">{t("adminPoints.field.active")}</label>
          </div>
        </div>
        <SubmitButton label={t("adminPoints.edit.submit")} />
      </Form>

      <Form method="post" className="form-card" aria-labelledby="officials-title">
        <h2 id="officials-title">{t("adminPoints.officials.title")}</h2>
        <FormErrors errors={formErrors("officials")} id="officials-errors" />
        <input type="hidden" name="intent" value="officials" />
        {people.length === 0 ? (
          <p>{t("adminPoints.officials.empty")}</p>
        ) : (
          <fieldset aria-labelledby="officials-title" aria-describedby="officials-hint">
            <p className="hint" id="officials-hint">
              {t("adminPoints.officials.hint")}
            </p>
            {people.map((p) => (
              <div key={p.id} className="field field-check">
                <div className="check-row">
                  <input id={`official-${p.id}`} type="checkbox" name="official" value={p.id} defaultChecked={p.assigned} />
                  <label htmlFor={`official-${p.id}`}>{p.name ? `${p.name} (${p.email})` : p.email}</label>
                </div>
              </div>
            ))}
          </fieldset>
        )}
        {people.length > 0 ? (
          <SubmitButton label={t("adminPoints.officials.submit")} />
        ) : null}
      </Form>

      <section className="form-card" aria-labelledby="devices-title">
        <h2 id="devices-title">{t("adminPoints.devices.title")}</h2>
        <p>{t("adminPoints.devices.lead")}</p>
        <FormErrors errors={formErrors("revoke")} id="revoke-errors" />
        <ItemList items={devices} empty={t("adminPoints.devices.empty")} emptyClass="muted" className="plain-list" itemKey={(d) => d.id} itemClass="card">
          {(d) => (
            <>
              <h3 className="card-title">{d.label}</h3>
              <p className="muted">
                {t("adminPoints.devices.enrolledAt", { date: date(d.enrolledAt) })} · {d.lastUsedAt ? t("adminPoints.devices.lastUsed", { date: date(d.lastUsedAt) }) : t("adminPoints.devices.neverUsed")}
                {d.revokedAt ? ` · ${t("adminPoints.devices.revokedAt", { date: date(d.revokedAt) })}` : ""}
              </p>
              {d.revokedAt ? null : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="deviceId" value={d.id} />
                  <ConfirmField id={`confirm-${d.id}`} label={t("adminPoints.devices.revokeConfirm")} error={reply?.intent === "revoke" && reply.values.deviceId === d.id ? errs("revoke", "confirm") : null} />
                  <SubmitButton label={t("adminPoints.devices.revoke", { label: d.label })} variant="secondary" size="small" />
                </Form>
              )}
            </>
          )}
        </ItemList>
      </section>

      {/* keyed by the device count: after an enrolment the label field starts empty again */}
      <Form method="post" className="form-card" aria-labelledby="enrol-title" key={devices.length}>
        <h2 id="enrol-title">{t("adminPoints.enrol.title")}</h2>
        <p>{t("adminPoints.enrol.lead")}</p>
        <FormErrors errors={formErrors("enrol")} id="enrol-errors" />
        <input type="hidden" name="intent" value="enrol" />
        <PlainField id="device-label" name="label" label={t("adminPoints.enrol.label")} hint={t("adminPoints.enrol.label.hint")} error={errs("enrol", "label")} defaultValue={kept("enrol", "label", "")} maxLength={80} required />
        <SubmitButton label={t("adminPoints.enrol.submit")} />
      </Form>

      <p>
        <Link to={edition ? `/admin/voting-points?edition=${edition.id}` : "/admin/voting-points"}>{t("adminPoints.back")}</Link>
      </p>
    </div>
  );
}
