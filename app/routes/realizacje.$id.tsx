/**
 * /realizacje/:id: the public implementation page of one winning project — the unit building it and
 * its office contact, stage, progress, planned and actual dates, cost voted and actual, the
 * timeline with photos and documents, and, past the deadline, that it was not built on time.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ImplementationBadge, OverdueBadge, ProgressBar } from "~/components/implementation";
import { Breadcrumbs } from "~/components/proposals";
import { useFileSize } from "~/components/submission-extras";
import { DataTable } from "~/components/data-table";
import { getImplementation, listEntries } from "~/data/implementations.server";
import { db } from "~/db.server";
import { deadlineOf, isOverdue, photoAlt, warsawDate } from "~/domain/implementation";
import { invariantResponse, requireParam } from "~/http/invariant";
import type { RouteHandle } from "~/http/route-meta.server";
import { useT } from "~/i18n";
import { LangNote, Localized, useShownText } from "~/components/proposal-text";
import { CITY } from "~/domain/city";
import { localeOf, shareMeta } from "~/components/share-meta";
import { publicOrigin } from "~/http/share.server";
import { Facts } from "~/components/facts";

export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: data ? `${data.i.title} · ${CITY.siteName}` : CITY.siteName },
  ...(data ? shareMeta({ title: data.i.title, description: data.share.description, url: data.share.url, image: data.share.image, siteName: CITY.siteName, locale: localeOf(matches) }) : []),
];

export async function loader({ params }: LoaderFunctionArgs) {
  const i = await getImplementation(db(), requireParam(params, "id"));
  invariantResponse(i, 404);
  const today = warsawDate(new Date());
  const entries = await listEntries(db(), i.id);
  // the newest photo of the timeline, if any, illustrates the shared link
  const photo = entries.flatMap((e) => e.files.filter((f) => f.kind === "photo").map((f) => ({ f, text: e.text }))).at(0);
  const url = `${publicOrigin()}/realizacje/${encodeURIComponent(i.id)}`;
  return {
    i,
    share: {
      url,
      description: entries[0]?.text ?? `${i.cityUnit}: ${i.progressPct}%`,
      image: photo ? { url: `${publicOrigin()}/realizacje/pliki/${encodeURIComponent(photo.f.id)}`, alt: photo.f.caption || photo.text.slice(0, 120) } : null,
    },
    deadline: deadlineOf(i.editionYear, i.plannedEnd),
    overdue: isOverdue({ status: i.status, editionYear: i.editionYear, plannedEnd: i.plannedEnd }, today),
    entries,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{6,20}$/;

function Contact({ value }: { value: string }) {
  const { t } = useT();
  if (!value) return <>{t("implementation.page.notSet")}</>;
  if (EMAIL.test(value)) return <a href={`mailto:${value}`}>{value}</a>;
  if (PHONE.test(value)) return <a href={`tel:${value.replace(/[^\d+]/g, "")}`}>{value}</a>;
  return <>{value}</>;
}

export default function ImplementationPage() {
  const { i, deadline, overdue, entries } = useLoaderData<typeof loader>();
  const { t, money, date, locale } = useT();
  const shown = useShownText(i);
  const size = useFileSize();
  const day = (d: string | null) => (d ? date(`${d}T12:00:00Z`) : "–");
  return (
    <article className="container narrow">
      <Breadcrumbs items={[{ to: "/realizacje", label: t("implementation.page.back") }, { label: shown.title, lang: shown.lang !== locale ? shown.lang : undefined }]} />
      <p className="card-meta">
        <span>{i.districtName ?? t("implementation.cityWide")}</span>
        <span>{t("implementation.edition", { year: i.editionYear })}</span>
        <span>{t("proposal.number", { number: i.proposalNumber })}</span>
      </p>
      <h1>
        <Localized text={shown} field="title" />
      </h1>
      <LangNote text={shown} as="p" />
      <p className="card-footer">
        <ImplementationBadge status={i.status} />
        {overdue ? <OverdueBadge /> : null}
      </p>
      {overdue ? (
        <div className="alert alert-warning" role="note">
          <p>
            <strong>{t("implementation.overdue")}.</strong> {t("implementation.overdue.detail", { date: day(deadline) })}
          </p>
        </div>
      ) : null}
      {i.status === "not_feasible" && i.notFeasibleReason ? (
        <section className="alert alert-error" aria-labelledby="reason-title">
          <h2 id="reason-title" className="small-heading">
            {t("implementation.page.reason")}
          </h2>
          <p className="pre-line">{i.notFeasibleReason}</p>
        </section>
      ) : (
        <ProgressBar pct={i.progressPct} />
      )}

      <Facts
        items={[
          { term: t("implementation.page.unit"), value: i.cityUnit || t("implementation.page.notSet") },
          { term: t("implementation.page.contact"), value: <Contact value={i.contact} /> },
          { term: t("implementation.voted"), value: money(i.votedGrosze), amount: true },
          { term: t("implementation.actual"), value: i.actualCostGrosze === null ? t("implementation.unknown") : money(i.actualCostGrosze), amount: true },
        ]}
      />

      <h2 id="dates-title">{t("implementation.page.dates")}</h2>
      <DataTable
        label={t("implementation.page.dates")}
        labelledBy="dates-title"
        tableClass="impl-dates"
        rows={[
          { when: t("implementation.page.start"), planned: i.plannedStart, actual: i.actualStart },
          { when: t("implementation.page.end"), planned: i.plannedEnd, actual: i.actualEnd },
        ]}
        rowKey={(r) => r.when}
        columns={[
          { key: "when", head: t("implementation.page.when"), rowHeader: true, cell: (r) => r.when },
          { key: "planned", head: t("implementation.page.planned"), cell: (r) => day(r.planned) },
          { key: "actual", head: t("implementation.page.actual"), cell: (r) => day(r.actual) },
        ]}
      />
      <p className="muted impl-deadline">{t("implementation.deadline", { date: day(deadline) })}</p>

      <h2>{t("implementation.page.timeline")}</h2>
      {entries.length === 0 ? (
        <p className="empty">{t("implementation.page.timeline.none")}</p>
      ) : (
        <ol className="impl-timeline">
          {entries.map((e) => {
            const photos = e.files.filter((f) => f.kind === "photo");
            const docs = e.files.filter((f) => f.kind === "document");
            return (
              <li key={e.id}>
                <time dateTime={e.entryDate}>{day(e.entryDate)}</time>
                <p className="pre-line">{e.text}</p>
                {photos.length > 0 ? (
                  <ul className="attachment-grid">
                    {photos.map((f) => (
                      <li key={f.id}>
                        <figure>
                          <a href={`/realizacje/pliki/${f.id}`}>
                            <img src={`/realizacje/pliki/${f.id}`} alt={photoAlt(f.caption, e.text)} loading="lazy" width={240} height={180} />
                          </a>
                          {f.caption ? <figcaption>{f.caption}</figcaption> : null}
                        </figure>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {docs.length > 0 ? (
                  <ul className="link-list attachment-docs">
                    {docs.map((f) => (
                      <li key={f.id}>
                        <a href={`/realizacje/pliki/${f.id}`} download>
                          {t("implementation.page.document", { name: f.caption || f.fileName, size: size(f.sizeBytes) })}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <p className="muted small">{t("implementation.page.updated", { date: date(i.updatedAt) })}</p>
      <p>
        <Link to={`/proposals/${i.proposalId}`}>{t("implementation.page.proposal")}</Link>
      </p>
    </article>
  );
}
