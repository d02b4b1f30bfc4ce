import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/session.server";
import { currentProgrammes } from "~/auth/scope.server";
import { canInAll } from "~/domain/permissions";
import { DoneNotice } from "~/components/form/fields";
import { currentEdition } from "~/services/current-edition.server";
import { getEditionBeingSetUp, loadSetupFacts } from "~/data/setup-checklist.server";
import { db } from "~/db.server";
import { setupChecklist } from "~/domain/setup-checklist";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { LinkList } from "~/components/link-list";
import { PageHeader } from "~/components/page-header";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "admin.title");

/** The administrator's home: the set-up checklist of the edition being prepared (the newest draft, else the current one). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edition.manage");
  const edition = await getEditionBeingSetUp(db());
  // importing the register is an official's act (kept apart from administration): an administrator
  // without that role is told who does it instead of being sent to a page that refuses him
  const mayImport = canInAll(user, "register.import", await currentProgrammes());
  const items = setupChecklist(await loadSetupFacts(db(), edition));
  const current = await currentEdition(db());
  return { edition, items, mayImport, done: items.filter((i) => i.done).length, current: current ? { id: current.id, year: current.year } : null };
}

export default function AdminHome() {
  const { edition, items, mayImport, done, current } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <PageHeader notice={<DoneNotice />} title={t("admin.title")} lead={edition ? t("adminClose.checklist.lead", { year: edition.year }) : t("adminClose.checklist.leadEmpty")} />
      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t("adminClose.checklist.title")}</h2>
        <p>{t("adminClose.checklist.progress", { done, total: items.length })}</p>
        <ol className="plain-list card-grid">
          {items.map((item, i) => (
            <li key={item.step} className="card" aria-labelledby={`step-${item.step}`}>
              <h3 className="card-title" id={`step-${item.step}`}>
                {i + 1}. {t(`adminClose.step.${item.step}` as MessageKey)}
              </h3>
              <p>
                <span className={item.done ? "badge badge-accepted" : "badge badge-needs_changes"}>{item.done ? t("adminClose.checklist.done") : t("adminClose.checklist.todo")}</span>
              </p>
              <p className="muted small">{t(`adminClose.step.${item.step}.hint` as MessageKey)}</p>
              {item.links.length === 0 ? (
                <p className="muted small">{t("adminClose.checklist.editionFirst")}</p>
              ) : item.step === "register" && !mayImport ? (
                <p className="muted small">{t("adminClose.checklist.registerByOfficial")}</p>
              ) : (
                <LinkList links={item.links.map((l) => ({ to: l.href, label: t(`adminClose.page.${l.page}` as MessageKey) }))} />
              )}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="admin-more">
        <h2 id="admin-more">{t("adminClose.more")}</h2>
        <ul className="card-grid">
          {current ? (
            <li className="card">
              <h3 className="card-title">
                <Link to={`/admin/editions/${encodeURIComponent(current.id)}/close`}>{t("adminClose.close.link", { year: current.year })}</Link>
              </h3>
            </li>
          ) : null}
          <li className="card">
            <h3 className="card-title">
              <Link to="/admin/users">{t("admin.users")}</Link>
            </h3>
          </li>
          <li className="card">
            <h3 className="card-title">
              <Link to="/admin/audit">{t("admin.audit")}</Link>
            </h3>
          </li>
        </ul>
      </section>
    </div>
  );
}
