import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import type { Phrase } from "~/domain/how-it-works";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { invariantResponse } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { loadHowItWorks } from "~/services/how-it-works.server";
import { SelectField } from "~/components/form/select-field";
import { Section } from "~/components/section";
import { ItemList } from "~/components/item-list";
import { SubmitButton } from "~/components/form/submit-button";
import { LinkList } from "~/components/link-list";
import { PageHeader } from "~/components/page-header";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public", signedIn: "shared" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "ux2.how.title");

/** The city's own website, where it publishes its maps and district boundaries (no street list is kept here). */
const CITY_SITE_URL = "https://www.gdynia.pl";

export async function loader({ request }: LoaderFunctionArgs) {
  const page = await loadHowItWorks(db());
  invariantResponse(page, 404);
  // the district chooser (a GET form, works without JavaScript) leads to the district's page
  const chosen = new URL(request.url).searchParams.get("dzielnica");
  if (chosen !== null) {
    const d = page.districts.find((x) => x.slug === chosen);
    if (d) throw redirect(`/districts/${d.slug}`);
  }
  return { ...page, chosenMissing: chosen !== null };
}

function useSay() {
  const { t } = useT();
  return (p: Phrase) => t(p.key as MessageKey, p.vars ? Object.fromEntries(Object.entries(p.vars).map(([k, v]) => [k, String(v)])) : undefined);
}

/** The page's parts, in order: the anchor of each section and its heading (the contents list links them). */
const PARTS = [
  ["harmonogram", "ux2.how.phases.title"],
  ["kto-glosuje", "ux2.how.who.title"],
  ["jak-glosowac", "ux2.how.vote.title"],
  ["zasady", "ux2.how.rules.title"],
  ["dzielnica", "ux2.how.district.title"],
] as const satisfies readonly (readonly [string, MessageKey])[];

export default function HowItWorks() {
  const d = useLoaderData<typeof loader>();
  const { t, date } = useT();
  const say = useSay();
  // phases end exclusively: the last day shown is the day of the last moment
  const lastDay = (iso: string) => date(new Date(new Date(iso).getTime() - 1).toISOString());
  return (
    <article className="container narrow how-it-works">
      <PageHeader title={t("ux2.how.title")} lead={t("ux2.how.lead", { year: d.year })} />
      <nav aria-label={t("ux2.how.toc")}>
        <LinkList links={[...PARTS.map(([id, title]) => ({ to: `#${id}`, label: t(title) })), { to: "/proposals", label: t("ux2.search.title") }]} />
      </nav>

      <Section id="harmonogram" headingId="how-phases" title={t("ux2.how.phases.title")}>
        <ItemList items={d.phases} empty={t("ux2.how.phases.none")} emptyClass="muted" className="timeline-list" ordered itemKey={(p) => p.phase}>
          {(p) => (
            <>
              <strong>{t(`phase.${p.phase}` as MessageKey)}</strong>: {t("phase.dates", { start: date(p.startsAt), end: lastDay(p.endsAt) })}
              <br />
              <span className="muted">{t(`ux2.how.phase.${p.phase}` as MessageKey)}</span>
            </>
          )}
        </ItemList>
      </Section>

      <Section id="kto-glosuje" headingId="how-who" title={t("ux2.how.who.title")}>
        <p>{t("ux2.how.who.lead")}</p>
        <ul>
          {d.programmes.map((p) => (
            <li key={p.kind}>
              <strong>{t(`programme.${p.kind}` as MessageKey)}</strong>: {say(p.age)}
              {p.guardianBelowAge !== null ? ` ${t("ux2.how.who.guardian", { age: String(p.guardianBelowAge) })}` : ""}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="jak-glosowac" headingId="how-vote" title={t("ux2.how.vote.title")}>
        <h3>{t("ux2.how.vote.online.title")}</h3>
        <p>{t("ux2.how.vote.online")}</p>
        <p>
          <Link to="/vote">{t("nav.vote")}</Link>
        </p>
        <h3>{t("ux2.how.vote.points.title")}</h3>
        <p>{t("ux2.how.vote.points")}</p>
        {d.points.length > 0 ? (
          <ul className="plain-list">
            {d.points.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>, {p.address}
                {p.openingHours ? <span className="muted"> · {p.openingHours}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("ux2.how.vote.points.none")}</p>
        )}
        <h3>{t("ux2.how.vote.paper.title")}</h3>
        <p>{t("ux2.how.vote.paper")}</p>
      </Section>

      <Section id="zasady" headingId="how-rules" title={t("ux2.how.rules.title")}>
        {d.programmes.map((p) => (
          <section key={p.kind} aria-labelledby={`how-rules-${p.kind}`}>
            <h3 id={`how-rules-${p.kind}`}>{t(`programme.${p.kind}` as MessageKey)}</h3>
            <ul>
              <li>{say(p.support)}</li>
              <li>{t(p.moderation === "youth_council" ? "ux2.how.moderation.council" : "ux2.how.moderation.officials")}</li>
              {p.ballots.map((b) => (
                <li key={b.kind}>
                  {t(`pool.${b.kind}` as MessageKey)}: {say(b.phrase)}
                </li>
              ))}
            </ul>
          </section>
        ))}
        {d.rules.text || d.rules.pdf ? (
          <LinkList
            links={[
              d.rules.text && { to: `/editions/${d.year}/rules`, label: t("ux2.how.rules.document", { year: String(d.year) }) },
              d.rules.pdf && { to: `/editions/${d.year}/rules.pdf`, label: t("ux2.how.rules.pdf", { year: String(d.year) }), download: true },
            ]}
          />
        ) : (
          <p className="muted">{t("ux2.how.rules.noDocument")}</p>
        )}
      </Section>

      <Section id="dzielnica" headingId="how-district" title={t("ux2.how.district.title")}>
        <p>{t("ux2.how.district.lead")}</p>
        <Form method="get" action="/jak-to-dziala" className="form-card inline-form">
          <SelectField
            id="how-district-select"
            name="dzielnica"
            label={t("ux2.how.district.choose")}
            anyLabel="—"
            defaultValue=""
            error={d.chosenMissing ? t("ux2.how.district.error") : null}
            options={d.districts.map((x) => ({ value: x.slug, label: x.name }))}
          />
          <SubmitButton label={t("ux2.how.district.go")} />
        </Form>
        <p>
          {t("ux2.how.district.unsure")}{" "}
          <a href={CITY_SITE_URL} rel="noopener noreferrer">
            {t("ux2.how.district.citySite")}
          </a>
        </p>
        <h3>{t("ux2.how.district.all", { count: String(d.districts.length) })}</h3>
        <ul className="link-list district-columns">
          {d.districts.map((x) => (
            <li key={x.slug}>
              <Link to={`/districts/${x.slug}`}>{x.name}</Link>
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}
