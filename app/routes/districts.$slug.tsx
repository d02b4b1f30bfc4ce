import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs, FilterForm, Pagination, ProposalList } from "~/components/proposals";
import { db } from "~/db.server";
import { getTranslator, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { invariantResponse } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { loadDistrictPage } from "~/services/district-page.server";
import { getCurrentUser } from "~/auth/session.server";
import { followState } from "~/data/follows.server";
import { FollowButton } from "~/components/follow-button";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = getTranslator(getLocale(request));
  const page = await loadDistrictPage(db(), params.slug ?? "", new URL(request.url).searchParams);
  invariantResponse(page, 404);
  const title = `${t("district.title", { name: page.district.name })} · ${t("site.name")}`;
  const follow = await followState(db(), (await getCurrentUser(request))?.id ?? null, "district", page.district.id);
  return { title: page.paging.page > 1 ? `${title} · ${t("paging.page", { page: page.paging.page })}` : title, ...page, follow };
}

export default function DistrictPage() {
  const { district, pools, filter, proposals, paging, follow } = useLoaderData<typeof loader>();
  const { t, money, number } = useT();
  const total = pools.reduce((s, p) => s + p.budgetGrosze, 0);
  return (
    <div className="container">
      <Breadcrumbs items={[{ to: "/districts", label: t("nav.districts") }, { label: district.name }]} />
      <h1>{t("district.title", { name: district.name })}</h1>
      <p className="lead">
        {t("district.total", { amount: money(total, { wholeZloty: true }) })} · {t("district.population", { count: number(district.population) })}
      </p>
      <FollowButton kind="district" id={district.id} state={follow} />
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
      <ProposalList proposals={proposals} total={paging.total} />
      <Pagination {...paging} />
    </div>
  );
}
