import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listEditionsWithResults } from "~/data/edition-close.server";
import { db } from "~/db.server";
import { getTranslator, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { ItemList } from "~/components/item-list";
import { PageHeader } from "~/components/page-header";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = getTranslator(getLocale(request));
  // archived editions, and the current one once its results are published (they must not drop out of the links)
  const editions = await listEditionsWithResults(db());
  return { title: `${t("archive.title")} · ${t("site.name")}`, editions: editions.map((e) => ({ year: e.year, source: e.source, current: e.current })) };
}

export default function Archive() {
  const { editions } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="container">
      <PageHeader title={t("archive.title")} lead={t("archive.lead")} />
      <ItemList items={editions} empty={t("archive.empty")} className="card-grid" itemKey={(e) => e.year} itemClass="card">
        {(e) => (
          <>
            <h2 className="card-title">
              <Link to={`/results/${e.year}`}>{t("archive.edition", { year: e.year })}</Link>
            </h2>
            {e.current ? <p className="muted">{t("adminClose.archive.current")}</p> : null}
            {e.source ? <p className="muted">{t("archive.source", { source: e.source.replace(/^pabulib:/, "Pabulib, ") })}</p> : null}
          </>
        )}
      </ItemList>
    </div>
  );
}
