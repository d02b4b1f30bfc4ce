import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { EditionSubnav, warsawText } from "~/components/edition-admin";
import { ConfirmField, errorMessage, FieldFrame, FormErrors } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { db } from "~/db.server";
import { MAX_COMMISSION } from "~/domain/voting";
import { requireEditionToManage } from "~/http/edition-guard.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { ballotBoxStatus, createCommissionKey } from "~/services/ballot-box.server";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "ballotBox.title");

/** Rows offered for names; empty ones are skipped. */
const ROWS = 7;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { edition: e } = await requireEditionToManage(request, params);
  const box = await ballotBoxStatus(db(), e.id);
  return {
    edition: { id: e.id, year: e.year },
    key: box.key,
    locked: box.locked,
  };
}

type Reply =
  | { ok: true; fingerprint: string; threshold: number; shares: { member: string; position: number; code: string }[] }
  | { ok: false; error: string; field: "members" | "threshold" | "confirm" | null; typed: { members: string[]; threshold: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, edition: e } = await requireEditionToManage(request, params);
  const form = await request.formData();
  const members = Array.from({ length: MAX_COMMISSION }, (_, i) => {
    const v = form.get(`member${i + 1}`);
    return typeof v === "string" ? v.slice(0, 200) : "";
  });
  const threshold = String(form.get("threshold") ?? "").slice(0, 5);
  const typed = { members, threshold };
  const existing = (await ballotBoxStatus(db(), e.id)).key;
  if (existing && form.get("confirm") !== "on") return data<Reply>({ ok: false, error: "ballotBox.error.confirm", field: "confirm", typed }, { status: 400 });
  const r = await createCommissionKey(db(), e.id, { members, threshold }, user);
  if (!r.ok) {
    const error = r.reason === "invalid" ? `ballotBox.error.${r.code ?? "invalid"}` : `ballotBox.error.${r.reason}`;
    return data<Reply>({ ok: false, error, field: r.field ?? null, typed }, { status: r.reason === "not_allowed" ? 403 : 400 });
  }
  // shown once: never cached, never stored
  return data<Reply>({ ok: true, fingerprint: r.fingerprint, threshold: r.threshold, shares: r.shares }, { headers: { "Cache-Control": "no-store" } });
}

function Shares({ reply }: { reply: Extract<Reply, { ok: true }> }) {
  const { t } = useT();
  return (
    <section aria-labelledby="shares-title" className="share-sheet">
      <h2 id="shares-title">{t("ballotBox.shares.title")}</h2>
      <div className="alert alert-warning" role="status">
        <p>{t("ballotBox.shares.warning", { k: reply.threshold })}</p>
      </div>
      <ol className="share-cards">
        {reply.shares.map((s) => (
          <li key={s.position} className="share-card">
            <h3>{t("ballotBox.shares.card", { i: s.position, n: reply.shares.length })}</h3>
            <p>{t("ballotBox.shares.for", { name: s.member })}</p>
            <p>
              <code className="share-code" data-testid={`share-${s.position}`}>
                {s.code}
              </code>
            </p>
            <p className="muted">{t("ballotBox.shares.fingerprint", { fingerprint: reply.fingerprint, k: reply.threshold })}</p>
            <p className="muted">{t("ballotBox.shares.keep")}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function AdminEditionCommission() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const { t } = useT();
  const e = d.edition;
  const refused = reply && !reply.ok ? reply : null;
  const members = (refused?.typed.members ?? d.key?.members ?? []).filter((m) => m.trim() !== "");
  const rows = Math.min(MAX_COMMISSION, Math.max(ROWS, members.length + 2));
  return (
    <div className="container setup-stack">
      <Breadcrumbs items={[{ to: "/admin", label: t("admin.title") }, { to: "/admin/editions", label: t("adminEditions.title") }, { to: `/admin/editions/${e.id}`, label: String(e.year) }, { label: t("ballotBox.nav") }]} />
      <h1>{t("ballotBox.heading", { year: e.year })}</h1>
      <EditionSubnav id={e.id} current="commission" />
      <p className="lead">{t("ballotBox.lead")}</p>
      {reply?.ok ? <Shares reply={reply} /> : null}
      <section aria-labelledby="key-title">
        <h2 id="key-title">{t("ballotBox.status.title")}</h2>
        {d.key ? (
          <dl className="facts">
            <dt>{t("ballotBox.status.fingerprint")}</dt>
            <dd>
              <code data-testid="fingerprint">{d.key.fingerprint}</code>
            </dd>
            <dt>{t("ballotBox.status.members")}</dt>
            <dd>
              {d.key.members.join(", ")} — {t("ballotBox.status.threshold", { k: d.key.threshold, n: d.key.members.length })}
            </dd>
            <dt>{t("ballotBox.status.created")}</dt>
            <dd>{warsawText(d.key.createdAt)}</dd>
          </dl>
        ) : (
          <p className="alert alert-info">{t("ballotBox.status.none")}</p>
        )}
      </section>
      {d.locked ? (
        <p className="alert alert-info">{t("ballotBox.locked")}</p>
      ) : reply?.ok ? null : (
        <section aria-labelledby="commission-form-title">
          <h2 id="commission-form-title">{d.key ? t("ballotBox.form.replaceTitle") : t("ballotBox.form.title")}</h2>
          <Form method="post" className="form-card" noValidate>
            <FormErrors errors={refused && refused.field === null ? [refused.error] : undefined} id="commission-errors" />
            <fieldset>
              <legend>{t("ballotBox.form.members")}</legend>
              <p className="hint" id="members-hint">
                {t("ballotBox.form.membersHint")}
              </p>
              {refused?.field === "members" ? (
                <p className="field-error" id="members-error">
                  {errorMessage(t, refused.error)}
                </p>
              ) : null}
              {Array.from({ length: rows }, (_, i) => (
                <div className="field" key={i}>
                  <label htmlFor={`member${i + 1}`}>{t("ballotBox.form.member", { n: i + 1 })}</label>
                  <input
                    id={`member${i + 1}`}
                    name={`member${i + 1}`}
                    type="text"
                    maxLength={120}
                    autoComplete="off"
                    defaultValue={members[i] ?? ""}
                    aria-describedby={refused?.field === "members" ? "members-hint members-error" : "members-hint"}
                    aria-invalid={refused?.field === "members" || undefined}
                  />
                </div>
              ))}
            </fieldset>
            <FieldFrame id="threshold" label={t("ballotBox.form.threshold")} hint={t("ballotBox.form.thresholdHint")} errors={refused?.field === "threshold" ? [errorMessage(t, refused.error)] : []}>
              {({ describedBy, invalid }) => (
                <input
                  id="threshold"
                  name="threshold"
                  type="number"
                  inputMode="numeric"
                  min={2}
                  max={MAX_COMMISSION}
                  defaultValue={refused?.typed.threshold ?? String(d.key?.threshold ?? 2)}
                  aria-describedby={describedBy}
                  aria-invalid={invalid || undefined}
                />
              )}
            </FieldFrame>
            {d.key ? <ConfirmField id="commission-confirm" label={t("ballotBox.form.confirmReplace")} error={refused?.field === "confirm" ? refused.error : null} /> : null}
            <SubmitButton label={t("ballotBox.form.submit")} />
          </Form>
        </section>
      )}
    </div>
  );
}
