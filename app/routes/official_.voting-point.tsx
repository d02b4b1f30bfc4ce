import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePermissionInEdition } from "~/auth/scope.server";
import { Breadcrumbs } from "~/components/proposals";
import { listVotingPoints } from "~/data/ballots.server";
import { db } from "~/db.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { activePoint, closeVotingPoint, openVotingPoint, pointCookie } from "~/services/vote-flow.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "point.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // a voting point takes ballots of every programme: voting_point.run in all of them
  await requirePermissionInEdition(request, "voting_point.run");
  const [points, active] = await Promise.all([listVotingPoints(db()), activePoint(db(), request)]);
  return { points, active: active ? { name: active.name } : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermissionInEdition(request, "voting_point.run");
  const form = await request.formData();
  if (form.get("intent") === "close") {
    const active = await activePoint(db(), request);
    if (active) await closeVotingPoint(db(), active, user);
    return redirect("/official/voting-point", { headers: { "Set-Cookie": pointCookie(null) } });
  }
  const opened = await openVotingPoint(db(), String(form.get("pointId") ?? "").slice(0, 100), user);
  if (!opened.ok && opened.reason === "not_allowed") throw new Response("Forbidden", { status: 403 });
  if (!opened.ok) return data({ error: "form.error.invalid" }, { status: 400 });
  return redirect("/official/voting-point", { headers: { "Set-Cookie": pointCookie(opened.token) } });
}

export default function VotingPoint() {
  const { points, active } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/official", label: t("official.title") }, { label: t("point.title") }]} />
      <h1>{t("point.title")}</h1>
      <p className="lead">{t("point.lead")}</p>
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
              <button type="submit" className="button button-secondary">
                {t("point.close")}
              </button>
            </Form>
          </div>
        </div>
      ) : (
        <Form method="post" className="form-card">
          <p>{t("point.none")}</p>
          <div className="field">
            <label htmlFor="pointId">{t("point.select")}</label>
            <select id="pointId" name="pointId" required>
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} – {p.address}
                </option>
              ))}
            </select>
          </div>
          <input type="hidden" name="intent" value="open" />
          <button type="submit" className="button button-large">
            {t("point.open")}
          </button>
        </Form>
      )}
    </div>
  );
}
