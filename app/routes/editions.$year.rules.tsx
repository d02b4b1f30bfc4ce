import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RulesText } from "~/components/edition-timeline";
import { Breadcrumbs } from "~/components/proposals";
import { getEditionAdminByYear } from "~/data/edition-admin.server";
import { db } from "~/db.server";
import { YearSchema } from "~/domain/edition-setup";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => titleMeta(matches, "adminEditions.public.rulesTitle", { year: data?.year ?? "" });

/** The rules document of a public (active or archived) edition, as text, with its PDF if there is one. */
export async function loader({ params }: LoaderFunctionArgs) {
  const year = YearSchema.safeParse(params.year);
  const edition = year.success && /^\d{4}$/.test(params.year ?? "") ? await getEditionAdminByYear(db(), year.data) : null;
  if (!edition || edition.status === "draft" || (!edition.rulesText && !edition.rulesPdfKey)) throw new Response("Not found", { status: 404 });
  return { year: edition.year, name: edition.name, text: edition.rulesText, hasPdf: !!edition.rulesPdfKey };
}

export default function EditionRules() {
  const d = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container narrow">
      <Breadcrumbs items={[{ to: "/", label: t("nav.home") }, { label: t("adminEditions.public.rulesTitle", { year: d.year }) }]} />
      <h1>{t("adminEditions.public.rulesTitle", { year: d.year })}</h1>
      {d.name ? <p className="lead">{d.name}</p> : null}
      {d.hasPdf ? (
        <p>
          <a href={`/editions/${d.year}/rules.pdf`} download>
            {t("adminEditions.public.rulesPdf")}
          </a>
        </p>
      ) : null}
      <RulesText text={d.text} />
    </div>
  );
}
