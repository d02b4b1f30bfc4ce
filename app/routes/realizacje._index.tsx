/**
 * /realizacje: every winning project and how far it is built, filtered by edition, district and
 * stage with a plain GET form (works without JavaScript), and per edition a progress overview.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ImplementationCard, OverviewBox, type OverviewView } from "~/components/implementation";
import { listImplementationFacets, listImplementations } from "~/data/implementations.server";
import { db } from "~/db.server";
import { IMPLEMENTATION_STATUSES, ImplementationStatusSchema, isOverdue, overview, warsawDate } from "~/domain/implementation";
import { httpError } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";
import { useT } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { FilterForm } from "~/components/filter-form";
import { SelectField } from "~/components/form/select-field";
import { PageHeader } from "~/components/page-header";

export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "implementation.title");

const empty = (v: unknown) => (v === "" ? undefined : v);
const QuerySchema = z.object({
  edition: z.preprocess(empty, z.coerce.number().int().min(2000).max(2200).optional()),
  district: z.preprocess(empty, z.string().regex(/^[a-z0-9-]{1,60}$/).optional()),
  status: z.preprocess(empty, ImplementationStatusSchema.optional()),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = QuerySchema.safeParse({ edition: url.searchParams.get("edition") ?? undefined, district: url.searchParams.get("district") ?? undefined, status: url.searchParams.get("status") ?? undefined });
  if (!q.success) throw httpError(400);
  const { edition, district, status } = q.data;
  const today = warsawDate(new Date());
  // the overview counts every stage of the chosen editions and district; the list also filters by stage
  const rows = (await listImplementations(db(), { editionYear: edition, districtSlug: district === "city" ? undefined : district, city: district === "city" })).map((r) => ({
    ...r,
    overdue: isOverdue({ status: r.status, editionYear: r.editionYear, plannedEnd: r.plannedEnd }, today),
  }));
  const years = [...new Set(rows.map((r) => r.editionYear))];
  const overviews: OverviewView[] = years.map((year) => {
    const of = rows.filter((r) => r.editionYear === year);
    return { year, overdue: of.filter((r) => r.overdue).length, ...overview(of) };
  });
  const items = rows
    .filter((r) => !status || r.status === status)
    .map((r) => ({ id: r.id, title: r.title, summary: r.summary, contentLang: r.contentLang, translations: r.translations, districtName: r.districtName, editionYear: r.editionYear, status: r.status, progressPct: r.progressPct, votedGrosze: r.votedGrosze, overdue: r.overdue }));
  return { facets: await listImplementationFacets(db()), filter: { edition: edition ? String(edition) : "", district: district ?? "", status: status ?? "" }, overviews, items };
}

export default function Implementations() {
  const { facets, filter, overviews, items } = useLoaderData<typeof loader>();
  const { t } = useT();
  const filtered = filter.edition || filter.district || filter.status;
  return (
    <div className="container">
      <PageHeader title={t("implementation.title")} lead={t("implementation.lead")} />
      <FilterForm
        label={t("implementation.filter.title")}
        submit={t("implementation.filter.apply")}
        after={
          filtered ? (
            <Link to="/realizacje" className="button button-secondary">
              {t("implementation.filter.reset")}
            </Link>
          ) : null
        }
      >
        <SelectField id="f-edition" name="edition" label={t("implementation.filter.edition")} anyLabel={t("implementation.filter.all")} defaultValue={filter.edition} options={facets.years.map((y) => ({ value: String(y), label: y }))} />
        <SelectField
          id="f-district"
          name="district"
          label={t("implementation.filter.district")}
          anyLabel={t("implementation.filter.all")}
          defaultValue={filter.district}
          options={[{ value: "city", label: t("implementation.cityWide") }, ...facets.districts.map((d) => ({ value: d.slug, label: d.name }))]}
        />
        <SelectField id="f-status" name="status" label={t("implementation.filter.status")} anyLabel={t("implementation.filter.all")} defaultValue={filter.status} options={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: t(`implementation.status.${s}`) }))} />
      </FilterForm>

      {overviews.map((o) => (
        <OverviewBox key={o.year} o={o} />
      ))}

      <h2 className="results-count" aria-live="polite">
        {t("implementation.filter.count", { count: items.length })}
      </h2>
      {items.length === 0 ? (
        <p className="empty">{t("implementation.none")}</p>
      ) : (
        <ul className="card-grid">
          {items.map((i) => (
            <ImplementationCard key={i.id} item={i} />
          ))}
        </ul>
      )}
    </div>
  );
}
