/** Shared pieces of the districts and pools pages of an edition. */
import { EditionSubnav } from "./edition-admin";
import type { ReactNode } from "react";
import { Breadcrumbs } from "~/components/proposals";
import { DoneNotice, PlainField } from "~/components/form/fields";
import { useT } from "~/i18n";

export const POOL_SETUP_NOTICES = ["district_added", "district_renamed", "districts_merged", "allocation_saved", "pool_saved", "pool_created", "choice_saved"] as const;

/** Breadcrumbs, title, done notice and the link between the two pages. */
export function PoolSetupHeader({ edition, page }: { edition: { id: string; year: number }; page: "districts" | "pools" }) {
  const { t } = useT();
  return (
    <>
      <Breadcrumbs
        items={[
          { to: "/admin", label: t("admin.title") },
          { to: "/admin/editions", label: t("adminPools.editions") },
          { to: `/admin/editions/${edition.id}`, label: t("adminPools.edition", { year: edition.year }) },
          { label: t(`adminPools.${page}.title`) },
        ]}
      />
      <DoneNotice notices={POOL_SETUP_NOTICES} prefix="adminPools.done." />
      <h1>{t(`adminPools.${page}.title`)}</h1>
      <p className="lead">{t(`adminPools.${page}.lead`)}</p>
      <EditionSubnav id={edition.id} current={page} />
    </>
  );
}

/** A refusal that belongs to no one field, atop its form. */
export function FormAlert({ error }: { error?: string | null }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{t(`adminPools.error.${error}` as never)}</p>
    </div>
  );
}

/** A text field whose error is an adminPools reason code. */
export function SetupField(props: { id: string; name: string; label: string; hint?: string; error?: string | null; defaultValue?: string; inputMode?: "numeric" | "text"; maxLength?: number; required?: boolean }): ReactNode {
  const { error, ...rest } = props;
  return <PlainField {...rest} error={error ? `adminPools.error.${error}` : null} />;
}
