/**
 * /account/following: what the signed-in person follows (with "stop following") and which
 * notifications they want (#17). Plain POST forms; every change is audited by the service.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { DoneNotice, FormErrors } from "~/components/form/fields";
import { DataTable } from "~/components/data-table";
import { getFollowSettings, listFollowsOfUser, type FollowListItem } from "~/data/follows.server";
import { db } from "~/db.server";
import { choicesFromForm, FollowInputSchema, FollowSettingsInputSchema, NOTIFICATION_KINDS } from "~/domain/follows";
import { formIntent, parseForm } from "~/http/form";
import type { RouteHandle } from "~/http/route-meta.server";
import { refusalStatus } from "~/http/refusal";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { saveFollowSettings, unfollowTarget } from "~/services/follows.server";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

/** Following changes no public page. */
export const handle: RouteHandle = { keepsCache: true };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "follow.page.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { follows: await listFollowsOfUser(db(), user.id), settings: await getFollowSettings(db(), user.id) };
}

const INTENTS = ["unfollow", "settings"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const intent = formIntent(form, INTENTS);
  if (!intent) return data({ error: "form.error.invalid" }, { status: 400 });
  if (intent === "settings") {
    const parsed = parseForm(form, FollowSettingsInputSchema);
    if (parsed.status !== "success") return data({ error: "form.error.invalid" }, { status: 400 });
    await saveFollowSettings(db(), user, choicesFromForm(parsed.value));
    return redirect("/account/following?done=settings");
  }
  const parsed = parseForm(form, FollowInputSchema);
  if (parsed.status !== "success") return data({ error: "form.error.invalid" }, { status: 400 });
  const result = await unfollowTarget(db(), user, parsed.value.kind, parsed.value.id);
  if (!result.ok) return data({ error: `follow.error.${result.reason}` }, { status: refusalStatus(result.reason) });
  return redirect("/account/following?done=unfollowed");
}

function targetPath(f: FollowListItem): string {
  return f.kind === "proposal" ? `/proposals/${f.targetId}` : f.kind === "district" ? `/districts/${f.slug}` : "/";
}

export default function Following() {
  const { follows, settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, date } = useT();
  return (
    <div className="container narrow">
      <PageHeader parents={[{ to: "/account", label: t("nav.account") }]} notice={<DoneNotice notices={["unfollowed", "settings"]} prefix="follow.done." />} title={t("follow.page.title")} lead={t("follow.page.lead")} />
      <FormErrors errors={actionData?.error ? [actionData.error] : undefined} id="follow-errors" />
      <DataTable
        label={t("follow.page.title")}
        rows={follows}
        empty={t("follow.page.empty")}
        columns={[
          {
            key: "what",
            head: t("follow.page.col.what"),
            cell: (f) => (
              <>
                <Link to={targetPath(f)}>{f.label}</Link>
                <div className="muted">{t(`follow.kind.${f.kind}`)}</div>
              </>
            ),
          },
          { key: "since", head: t("follow.page.col.since"), cell: (f) => date(f.createdAt) },
          {
            key: "actions",
            head: t("follow.page.col.actions"),
            cell: (f) => (
              <Form method="post">
                <input type="hidden" name="intent" value="unfollow" />
                <input type="hidden" name="kind" value={f.kind} />
                <input type="hidden" name="id" value={f.targetId} />
                <SubmitButton label={t("follow.button.unfollow")} variant="secondary" size="small" ariaLabel={t("follow.page.unfollowLabel", { label: f.label })} />
              </Form>
            ),
          },
        ]}
      />
      <h2 id="settings-title">{t("follow.settings.title")}</h2>
      <Form method="post" aria-labelledby="settings-title">
        <input type="hidden" name="intent" value="settings" />
        <fieldset>
          <legend>{t("follow.settings.lead")}</legend>
          {NOTIFICATION_KINDS.map((k) => (
            <div className="field field-check" key={k}>
              <div className="check-row">
                <input type="checkbox" id={`notify-${k}`} name={k} defaultChecked={settings[k]} />
                <label htmlFor={`notify-${k}`}>{t(`follow.settings.${k}`)}</label>
              </div>
            </div>
          ))}
        </fieldset>
        <SubmitButton label={t("follow.settings.save")} />
      </Form>
    </div>
  );
}
