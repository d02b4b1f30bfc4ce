import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination, StatusBadge } from "~/components/proposals";
import { LangNote, Localized, shownFor } from "~/components/proposal-text";
import { db } from "~/db.server";
import { getTranslator, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { invariantResponse } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { loadProjectSearch } from "~/services/how-it-works.server";
import { FilterForm } from "~/components/filter-form";
import { PlainField } from "~/components/form/fields";
import { ItemList } from "~/components/item-list";
import { PageHeader } from "~/components/page-header";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = getTranslator(getLocale(request));
  const page = await loadProjectSearch(db(), new URL(request.url).searchParams);
  invariantResponse(page, 404);
  const title = `${t("ux2.search.title")} · ${t("site.name")}`;
  return { title: page.paging.page > 1 ? `${title} · ${t("paging.page", { page: page.paging.page })}` : title, ...page };
}

export default function ProjectSearch() {
  const { q, hits, paging, year } = useLoaderData<typeof loader>();
  const { t, tn, money, locale } = useT();
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/jak-to-dziala", label: t("ux2.how.title") }]} title={t("ux2.search.title")} lead={t("ux2.search.lead", { year: String(year) })} />
      <FilterForm label={t("ux2.search.title")} submit={t("ux2.search.submit")}>
        <PlainField id="search-q" name="q" type="search" wide label={t("ux2.search.q")} hint={t("ux2.search.hint")} defaultValue={q} maxLength={100} />
      </FilterForm>
      <section aria-labelledby="results-count">
        <h2 id="results-count" className="results-count" aria-live="polite">
          {tn("filter.found", paging.total)}
        </h2>
        <ItemList items={hits} empty={t("filter.empty")} className="card-grid" itemKey={(p) => p.id} itemClass="card proposal-card">
          {(p) => (
            <>
              <div className="card-meta">
                <span>{t("proposal.number", { number: p.number })}</span>
                <span>{p.districtName ?? t(`programme.${p.programmeKind}` as MessageKey)}</span>
              </div>
              <h3 className="card-title">
                <Link to={`/proposals/${p.id}`}>
                  <Localized text={shownFor(locale, p)} field="title" />
                </Link>
              </h3>
              <LangNote text={shownFor(locale, p)} as="p" />
              <p className="card-summary">
                <Localized text={shownFor(locale, p)} field="summary" />
              </p>
              <div className="card-footer">
                <span className="cost">{money(p.costGrosze, { wholeZloty: true })}</span>
                <span className="tag">{t(`pool.${p.poolKind}` as MessageKey)}</span>
                <StatusBadge status={p.status} />
              </div>
            </>
          )}
        </ItemList>
      </section>
      <Pagination {...paging} />
    </div>
  );
}
