import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs, FilterForm, ProposalList } from "~/components/proposals";
import { getDistrictBySlug } from "~/data/districts.server";
import { listPools } from "~/data/editions.server";
import { currentEdition } from "~/services/current-edition.server";
import { listPublicProposals } from "~/data/proposals.server";
import { db } from "~/db.server";
import { ProposalFilterSchema } from "~/domain/proposals";
import { getTranslator, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { invariantResponse } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = getTranslator(getLocale(request));
  const slug = params.slug ?? "";
  const [edition, district] = await Promise.all([currentEdition(db()), getDistrictBySlug(db(), slug)]);
  invariantResponse(edition && district, 404);
  const filter = ProposalFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const pools = await listPools(db(), edition.id, "bo", { districtId: district.id });
  const proposals = await listPublicProposals(
    db(),
    pools.map((p) => p.id),
    filter,
  );
  return {
    title: `${t("district.title", { name: district.name })} · ${t("site.name")}`,
    district,
    pools,
    filter,
    proposals,
  };
}

export default function DistrictPage() {
  const { district, pools, filter, proposals } = useLoaderData<typeof loader>();
  const { t, money, number } = useT();
  const total = pools.reduce((s, p) => s + p.budgetGrosze, 0);
  return (
    <div className="container">
      <Breadcrumbs items={[{ to: "/districts", label: t("nav.districts") }, { label: district.name }]} />
      <h1>{t("district.title", { name: district.name })}</h1>
      <p className="lead">
        {t("district.total", { amount: money(total, { wholeZloty: true }) })} · {t("district.population", { count: number(district.population) })}
      </p>
      <ul className="pool-summary">
        {pools.map((p) => (
          <li key={p.id} className="card pool-card">
            <h2 className="card-title">{t(`pool.${p.kind}`)}</h2>
            <p className="amount">{money(p.budgetGrosze, { wholeZloty: true })}</p>
            {p.kind === "district_small" && p.maxProjectCostGrosze !== null ? (
              <p className="muted">{t("pool.cap", { amount: money(p.maxProjectCostGrosze, { wholeZloty: true }) })}</p>
            ) : null}
          </li>
        ))}
      </ul>
      <FilterForm filter={filter} showPool />
      <ProposalList proposals={proposals} />
    </div>
  );
}
