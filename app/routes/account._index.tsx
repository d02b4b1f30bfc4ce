import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { DoneNotice } from "~/components/form/fields";
import { RoleList } from "~/components/roles";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { Facts } from "~/components/facts";
import { SubmitButton } from "~/components/form/submit-button";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user: { email: user.email, displayName: user.displayName, roles: user.roles } };
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <PageHeader notice={<DoneNotice />} title={t("account.title")} lead={t("account.signedInAs", { email: user.email })} />
      <Facts
        items={[
          { term: t("account.name"), value: user.displayName },
          { term: t("account.email"), value: user.email },
        ]}
      />
      <h2>{t("account.roles")}</h2>
      <ul className="plain-list">
        <li>{t("account.role.resident")}</li>
        <RoleList roles={user.roles} />
      </ul>
      <p>
        <Link to="/account/following">{t("follow.account.link")}</Link>
      </p>
      <h2>{t("account.data")}</h2>
      <p>{t("account.data.lead")}</p>
      <div className="button-row">
        <a className="button button-secondary" href="/account/export" download>
          {t("account.export")}
        </a>
        <Link className="button button-secondary" to="/account/delete">
          {t("account.delete")}
        </Link>
      </div>
      <Form method="post" action="/signout" className="signout-form">
        <SubmitButton label={t("account.signout")} />
      </Form>
    </div>
  );
}
