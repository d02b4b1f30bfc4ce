import { Form, Link, useLocation } from "@remix-run/react";
import type { ProposalFilter } from "~/domain/proposals";
import { pageQuery } from "~/domain/paging";
import { CATEGORIES, PUBLIC_STATUSES } from "~/domain/proposal-vocabulary";
import { useT, type MessageKey } from "~/i18n";
import { LangNote, Localized, useShownText, type Translatable } from "./proposal-text";

export interface ProposalCardData extends Translatable {
  id: string;
  number: string;
  title: string;
  summary: string;
  category: string;
  status: string;
  costGrosze: number;
  poolKind: string;
}

/** The proposal's status; once the results are published, a proposal on the ballot shows its outcome instead. */
export function StatusBadge({ status, result }: { status: string; result?: { selected: number | boolean } | null }) {
  const { t } = useT();
  if (status === "accepted" && result) {
    return result.selected ? <span className="badge badge-accepted">{t("status.funded")}</span> : <span className="badge">{t("status.not_funded")}</span>;
  }
  return <span className={`badge badge-${status}`}>{t(`status.${status}` as MessageKey)}</span>;
}

export function ProposalCard({ p }: { p: ProposalCardData }) {
  const { t, money } = useT();
  const shown = useShownText(p);
  return (
    <li className="card proposal-card">
      <div className="card-meta">
        <span>{t("proposal.number", { number: p.number })}</span>
        <span>{t(`pool.${p.poolKind}` as MessageKey)}</span>
      </div>
      <h3 className="card-title">
        <Link to={`/proposals/${p.id}`}>
          <Localized text={shown} field="title" />
        </Link>
      </h3>
      <LangNote text={shown} as="p" />
      <p className="card-summary">
        <Localized text={shown} field="summary" />
      </p>
      <div className="card-footer">
        <span className="cost">{money(p.costGrosze, { wholeZloty: true })}</span>
        <span className="tag">{t(`category.${p.category}` as MessageKey)}</span>
        <StatusBadge status={p.status} />
      </div>
    </li>
  );
}

/** The cards; `total` is the number found when the list is one page of them. */
export function ProposalList({ proposals, total }: { proposals: ProposalCardData[]; total?: number }) {
  const { t, tn } = useT();
  return (
    <section aria-labelledby="results-count">
      <h2 id="results-count" className="results-count" aria-live="polite">
        {tn("filter.found", total ?? proposals.length)}
      </h2>
      {proposals.length === 0 ? (
        <p className="empty">{t("filter.empty")}</p>
      ) : (
        <ul className="card-grid">
          {proposals.map((p) => (
            <ProposalCard key={p.id} p={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Plain links to the previous and next page of a list (?page=N, the filters kept): no JavaScript
 * needed. Nothing when everything fits on one page.
 */
export function Pagination({ page, pages, first, last, total }: { page: number; pages: number; first: number; last: number; total: number }) {
  const { t } = useT();
  const { pathname, search } = useLocation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("paging.label")}>
      <p className="pagination-status">{t("paging.status", { page, pages, first, last, total })}</p>
      <ul>
        {page > 1 ? (
          <li>
            <Link className="button button-secondary" rel="prev" to={pathname + pageQuery(search, page - 1)}>
              {t("paging.prev")}
            </Link>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <Link className="button" rel="next" to={pathname + pageQuery(search, page + 1)}>
              {t("paging.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** GET form: filters live in the URL, so results can be shared and the page works without JavaScript. */
export function FilterForm({ filter, showPool }: { filter: ProposalFilter; showPool: boolean }) {
  const { t } = useT();
  return (
    <Form method="get" className="filters" role="search" aria-label={t("filter.title")}>
      <div className="field field-wide">
        <label htmlFor="f-q">{t("filter.q")}</label>
        <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} />
      </div>
      {showPool ? (
        <div className="field">
          <label htmlFor="f-pool">{t("filter.pool")}</label>
          <select id="f-pool" name="pool" defaultValue={filter.pool ?? ""}>
            <option value="">{t("filter.any")}</option>
            <option value="district_large">{t("pool.district_large")}</option>
            <option value="district_small">{t("pool.district_small")}</option>
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="f-category">{t("filter.category")}</label>
        <select id="f-category" name="category" defaultValue={filter.category ?? ""}>
          <option value="">{t("filter.any")}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-status">{t("filter.status")}</label>
        <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
          <option value="">{t("filter.any")}</option>
          {PUBLIC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit" className="button">
          {t("filter.apply")}
        </button>
        <Link to="?" className="button button-secondary">
          {t("filter.reset")}
        </Link>
      </div>
    </Form>
  );
}

/** Breadcrumbs live with the page header; re-exported for the pages that draw their own top. */
export { Breadcrumbs } from "./page-header";
