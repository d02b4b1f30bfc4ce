import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermissionInEdition } from "~/auth/scope.server";
import { FormErrors } from "~/components/form/fields";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { activePoint, closeVotingPoint, DEVICE_COOKIE, openVotingPoint, pointChoices, pointCookie } from "~/http/vote-flow.server";
import { readCookie } from "~/i18n/locale.server";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "point.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // a voting point takes ballots of every programme: voting_point.run in all of them
  const user = await requirePermissionInEdition(request, "voting_point.run");
  const [choices, active] = await Promise.all([pointChoices(db(), request, user), activePoint(db(), request)]);
  const devicePoint = choices.device ? choices.points.find((p) => p.id === choices.device!.pointId) : undefined;
  return {
    points: choices.points.map((p) => ({ id: p.id, name: p.name, address: p.address, openingHours: p.openingHours })),
    device: choices.device ? { pointId: choices.device.pointId, label: choices.device.label, revoked: choices.device.revoked, pointName: devicePoint?.name ?? null } : null,
    active: active ? { name: active.name } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermissionInEdition(request, "voting_point.run");
  const form = await request.formData();
  if (form.get("intent") === "close") {
    const active = await activePoint(db(), request);
    if (active) await closeVotingPoint(db(), active, user);
    return redirect("/official/voting-point", { headers: { "Set-Cookie": pointCookie(null) } });
  }
  const pointId = String(form.get("pointId") ?? "").slice(0, 100);
  const opened = await openVotingPoint(db(), { pointId, deviceToken: readCookie(request, DEVICE_COOKIE) ?? null }, user);
  if (!opened.ok && opened.reason === "not_allowed") throw new Response("Forbidden", { status: 403 });
  // a refusal says what to do next; nothing was written
  if (!opened.ok) return data({ error: `adminPoints.refusal.${opened.reason}` as const, pointId }, { status: 400 });
  return redirect("/official/voting-point", { headers: { "Set-Cookie": pointCookie(opened.token) } });
}

export default function VotingPoint() {
  const { points, device, active } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useT();
  const selected = reply?.pointId ?? device?.pointId;
  return (
    <div className="container narrow">
      <PageHeader parents={[{ to: "/official", label: t("official.title") }]} title={t("point.title")} lead={t("point.lead")} />
      {active ? (
        <div className="form-card">
          <p className="alert alert-success" role="status">
            {t("point.active", { name: active.name })}
          </p>
          <div className="button-row">
            <Link className="button button-large" to="/vote">
              {t("point.startVoter")}
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <SubmitButton label={t("point.close")} variant="secondary" />
            </Form>
          </div>
        </div>
      ) : (
        <Form method="post" className="form-card">
          <FormErrors errors={reply?.error ? [reply.error] : undefined} id="point-errors" />
          <p>{t("point.none")}</p>
          <p className={device && !device.revoked ? "alert alert-info" : "alert alert-warning"}>
            {!device
              ? t("adminPoints.device.none")
              : device.revoked
                ? t("adminPoints.device.revoked")
                : device.pointName
                  ? t("adminPoints.device.enrolled", { name: device.pointName, label: device.label })
                  : t("adminPoints.device.otherEdition")}
          </p>
          {points.length === 0 ? (
            <p>{t("adminPoints.official.noPoints")}</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="pointId">{t("point.select")}</label>
                <select id="pointId" name="pointId" required defaultValue={selected}>
                  {points.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} – {p.address}
                      {p.openingHours ? ` (${p.openingHours})` : ""}
                    </option>
                  ))}
                </select>
              </div>
              <input type="hidden" name="intent" value="open" />
              <SubmitButton label={t("point.open")} size="large" />
            </>
          )}
        </Form>
      )}
    </div>
  );
}
