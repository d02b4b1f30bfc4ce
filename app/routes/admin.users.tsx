import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/session.server";
import { DoneNotice, FormErrors, PlainField } from "~/components/form/fields";
import { useRoleLabel } from "~/components/roles";
import { listUsers } from "~/data/users.server";
import { db } from "~/db.server";
import { PROGRAMME_KINDS, ROLES, RoleChangeInputSchema } from "~/domain/permissions";
import { useT } from "~/i18n";
import { changeRole } from "~/services/roles.server";
import { titleMeta } from "~/i18n/meta";
import { refusalStatus } from "~/http/refusal";
import { FilterForm } from "~/components/filter-form";
import { SelectField } from "~/components/form/select-field";
import { ItemList } from "~/components/item-list";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "admin.users");

const QuerySchema = z.object({ q: z.string().trim().max(100).optional().catch(undefined) });

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "roles.manage");
  const { q } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { q: q ?? "", users: await listUsers(db(), { q, limit: 100 }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "roles.manage");
  const form = await request.formData();
  const parsed = RoleChangeInputSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ error: "form.error.invalid" }, { status: 400 });
  const { intent, ...change } = parsed.data;
  const result = await changeRole(db(), admin, { kind: intent, ...change });
  if (!result.ok) return data({ error: `admin.error.${result.reason}` }, { status: refusalStatus(result.reason) });
  const q = QuerySchema.parse({ q: form.get("q") ?? undefined }).q;
  return redirect(`/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), done: "role_changed" })}`);
}

export default function AdminUsers() {
  const { q, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const roleLabel = useRoleLabel();
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/admin", label: t("admin.title") }]} notice={<DoneNotice />} title={t("admin.users")} />
      <FormErrors errors={actionData?.error ? [actionData.error] : undefined} id="role-errors" />
      <FilterForm submit={t("admin.users.searchSubmit")}>
        <PlainField id="user-q" name="q" type="search" wide label={t("admin.users.search")} defaultValue={q} maxLength={100} />
      </FilterForm>
      <ItemList items={users} empty={t("admin.users.empty")} className="user-list" itemKey={(u) => u.id} itemClass="card user-card">
        {(u) => (
          <>
            <h2 className="card-title">{u.email}</h2>
            <p className="muted">
              {u.displayName}
              {u.verified ? "" : ` · ${t("admin.users.unverified")}`}
            </p>
            <h3 className="small-heading">{t("admin.users.col.roles")}</h3>
            {u.roles.length === 0 ? <p className="muted">{t("admin.users.none")}</p> : null}
            <ul className="plain-list">
              {u.roles.map((g) => (
                <li key={`${g.role}-${g.scope}`} className="role-row">
                  <span>{roleLabel(g)}</span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="role" value={g.role} />
                    <input type="hidden" name="scope" value={g.scope} />
                    <input type="hidden" name="q" value={q} />
                    <button
                      type="submit"
                      className="button button-secondary button-small"
                      aria-label={t("admin.users.revokeLabel", { role: t(`role.${g.role}`), scope: g.scope === "*" ? t("scope.all") : t(`programme.${g.scope}`), email: u.email })}
                    >
                      {t("admin.users.revoke")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
            <Form method="post" className="grant-form" aria-label={t("admin.users.grantLabel", { email: u.email })}>
              <input type="hidden" name="intent" value="grant" />
              <input type="hidden" name="userId" value={u.id} />
              <input type="hidden" name="q" value={q} />
              <SelectField id={`role-${u.id}`} name="role" label={t("admin.users.role")} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
              <SelectField id={`scope-${u.id}`} name="scope" label={t("scope.label")} options={[{ value: "*", label: t("scope.all") }, ...PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programme.${k}`) }))]} />
              <PlainField id={`reason-${u.id}`} name="reason" label={t("admin.users.reason")} maxLength={500} />
              <SubmitButton label={t("admin.users.grant")} />
            </Form>
          </>
        )}
      </ItemList>
    </div>
  );
}
