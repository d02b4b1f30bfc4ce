import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listDistrictOverview } from "~/data/districts.server";
import { currentEdition } from "~/services/current-edition.server";
import { db } from "~/db.server";
import { getTranslator, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { invariantResponse } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { PageHeader } from "~/components/page-header";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = getTranslator(getLocale(request));
  const edition = await currentEdition(db());
  invariantResponse(edition, 404, "No current edition");
  return {
    title: `${t("districts.title")} · ${t("site.name")}`,
    districts: await listDistrictOverview(db(), edition.id),
  };
}

export default function Districts() {
  const { districts } = useLoaderData<typeof loader>();
  const { t, tn, money } = useT();
  return (
    <div className="container">
      <PageHeader title={t("districts.title")} lead={t("districts.lead")} />
      <p>
        <Link to="/proposals">{t("ux2.search.title")}</Link> · <Link to="/jak-to-dziala#dzielnica">{t("ux2.how.district.title")}</Link>
      </p>
      <ul className="district-list">
        {districts.map((d) => (
          <li key={d.id} className="card district-card">
            <h2 className="card-title">
              <Link to={`/districts/${d.slug}`}>{d.name}</Link>
            </h2>
            <dl className="district-amounts">
              <div>
                <dt>{t("districts.col.total")}</dt>
                <dd>{money(d.largeGrosze + d.smallGrosze, { wholeZloty: true })}</dd>
              </div>
              <div>
                <dt>{t("districts.col.large")}</dt>
                <dd>{money(d.largeGrosze, { wholeZloty: true })}</dd>
              </div>
              <div>
                <dt>{t("districts.col.small")}</dt>
                <dd>{money(d.smallGrosze, { wholeZloty: true })}</dd>
              </div>
            </dl>
            <p className="muted">{tn("districts.proposals", d.proposals)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
