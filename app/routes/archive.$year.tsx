import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "~/components/proposals";
import { getArchivedEditionByYear } from "~/data/editions.server";
import { listPublishedResults } from "~/data/results.server";
import { db } from "~/db.server";
import { getTranslator, useT, type MessageKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { TableWrap } from "~/components/table-wrap";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const YearSchema = z.coerce.number().int().min(2000).max(2200);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = getTranslator(getLocale(request));
  const year = YearSchema.safeParse(params.year);
  if (!year.success) throw new Response("Not found", { status: 404 });
  const edition = await getArchivedEditionByYear(db(), year.data);
  if (!edition) throw new Response("Not found", { status: 404 });
  return {
    title: `${t("archive.edition", { year: edition.year })} · ${t("site.name")}`,
    year: edition.year,
    source: edition.source,
    pools: await listPublishedResults(db(), edition.id),
  };
}

export default function ArchiveEdition() {
  const { year, source, pools } = useLoaderData<typeof loader>();
  const { t, money, number } = useT();
  return (
    <div className="container">
      <Breadcrumbs items={[{ to: "/archive", label: t("nav.archive") }, { label: t("archive.edition", { year }) }]} />
      <h1>{t("archive.edition", { year })}</h1>
      {source ? <p className="muted">{t("archive.source", { source: source.replace(/^pabulib:/, "Pabulib, ") })}</p> : null}
      {pools.map((pool) => (
        <section key={pool.poolId} aria-labelledby={`pool-${pool.poolId}`} className="results-section">
          <h2 id={`pool-${pool.poolId}`}>
            {t(`pool.${pool.kind}` as MessageKey)}
            {pool.districtName ? ` · ${pool.districtName}` : ""}
          </h2>
          <p>
            {t("pool.budget", { amount: money(pool.budgetGrosze, { wholeZloty: true }) })} · {t("archive.voters", { count: number(pool.voters) })} ·{" "}
            {t("archive.spent", { spent: money(pool.spentGrosze, { wholeZloty: true }), budget: money(pool.budgetGrosze, { wholeZloty: true }) })}
          </p>
          <TableWrap label={t(`pool.${pool.kind}` as MessageKey)}>
            <table>
              <caption className="visually-hidden">{t(`pool.${pool.kind}` as MessageKey)}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("archive.col.rank")}
                  </th>
                  <th scope="col">{t("archive.col.project")}</th>
                  <th scope="col" className="num">
                    {t("archive.col.votes")}
                  </th>
                  <th scope="col" className="num">
                    {t("archive.col.cost")}
                  </th>
                  <th scope="col">{t("archive.col.result")}</th>
                </tr>
              </thead>
              <tbody>
                {pool.rows.map((r) => (
                  <tr key={r.proposalId} className={r.selected ? "is-funded" : undefined}>
                    <td className="num">{r.rank}</td>
                    <td>
                      <Link to={`/proposals/${r.proposalId}`}>{r.title}</Link>
                      <br />
                      <span className="muted small">{r.number}</span>
                    </td>
                    <td className="num">{number(r.votes)}</td>
                    <td className="num nowrap">{money(r.costGrosze, { wholeZloty: true })}</td>
                    <td>{r.selected ? <span className="badge badge-accepted">{t("archive.funded")}</span> : <span className="badge">{t("archive.notFunded")}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </div>
  );
}
