import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "roles.manage");
  return null;
}

export default function AdminHome() {
  const { t } = useT();
  return (
    <div className="container narrow">
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.lead")}</p>
      <ul className="card-grid">
        <li className="card">
          <h2 className="card-title">
            <Link to="/admin/users">{t("admin.users")}</Link>
          </h2>
        </li>
        <li className="card">
          <h2 className="card-title">
            <Link to="/admin/audit">{t("admin.audit")}</Link>
          </h2>
        </li>
      </ul>
    </div>
  );
}
