import { LocationView } from "~/components/location-map";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs, StatusBadge } from "~/components/proposals";
import { getPublicProposal } from "~/data/proposals.server";
import { getImplementationOfProposal } from "~/data/implementations.server";
import { db } from "~/db.server";
import { useT, type MessageKey } from "~/i18n";
import { CostTable } from "~/components/cost-table";
import { ProposalDoneNotice } from "~/components/proposal-form";
import { ProposalWorkflow } from "~/components/proposal-workflow";
import { loadProposalExtras } from "~/services/proposal-page.server";
import { proposalPageAction } from "~/http/proposal-page.server";
import { getCurrentUser } from "~/auth/session.server";
import { ProposalExtras, SubmissionDoneNotice } from "~/components/submission-extras";
import { loadSubmissionExtras } from "~/services/submission-extras.server";
import { CITY } from "~/domain/city";
import { invariantResponse, requireParam } from "~/http/invariant.server";
import type { RouteHandle } from "~/http/route-meta.server";
import { localeOf, shareMeta } from "~/components/share-meta";
import { proposalShareImage, publicOrigin } from "~/http/share.server";
import { supportListAvailable } from "~/services/print.server";
import { LangNote, Localized, useShownText } from "~/components/proposal-text";
import { shownText } from "~/domain/translated-text";
import { mayTranslate } from "~/services/translations.server";
import { followState } from "~/data/follows.server";
import { FollowButton } from "~/components/follow-button";
import { Facts } from "~/components/facts";

/** What this route is, for the server (see app/http/route-meta.server.ts). */
export const handle: RouteHandle = { cache: "public" };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const p = data ? shownText(localeOf(matches), { lang: data.proposal.contentLang, title: data.proposal.title, summary: data.proposal.summary }, data.proposal.translations) : null;
  return [
    { title: p ? `${p.title} · ${CITY.siteName}` : CITY.siteName },
    { name: "description", content: p?.summary ?? "" },
    ...(data && p ? shareMeta({ title: p.title, description: p.summary, url: data.share.url, image: data.share.image, siteName: CITY.siteName, locale: localeOf(matches) }) : []),
  ];
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = requireParam(params, "id");
  const proposal = await getPublicProposal(db(), id);
  invariantResponse(proposal, 404);
  const user = await getCurrentUser(request);
  const share = { url: `${publicOrigin()}/proposals/${encodeURIComponent(proposal.id)}`, image: await proposalShareImage(db(), proposal.id) };
  const implementation = proposal.result?.selected ? await getImplementationOfProposal(db(), proposal.id) : null;
  const supportList = await supportListAvailable(db(), { proposalId: proposal.id, viewer: user });
  const canTranslate = await mayTranslate(db(), user, proposal.id);
  const follow = await followState(db(), user?.id ?? null, "proposal", proposal.id);
  return { proposal, share, implementation, canTranslate, workflow: await loadProposalExtras(user, proposal.id), submission: await loadSubmissionExtras(user, proposal.id), supportList, follow };
}

/** Support, comment, flag, reply notifications, withdraw (app/http/proposal-page.server.ts). */
export async function action({ params, request }: ActionFunctionArgs) {
  const id = requireParam(params, "id");
  invariantResponse(await getPublicProposal(db(), id), 404);
  return proposalPageAction(request, id);
}

export default function ProposalPage() {
  const { proposal: p, implementation, workflow, submission, canTranslate, supportList, follow } = useLoaderData<typeof loader>();
  const { t, tn, money, locale } = useT();
  const shown = useShownText(p);
  /** The fields that stay in the original: marked with its language when the page is in another. */
  const origLang = p.contentLang !== locale ? p.contentLang : undefined;
  const back =
    p.editionStatus === "archived"
      ? { to: `/archive/${p.editionYear}`, label: t("archive.edition", { year: p.editionYear }) }
      : p.district
        ? { to: `/districts/${p.district.slug}`, label: p.district.name }
        : p.programmeKind === "bo"
          ? { to: "/city", label: t("nav.city") }
          : { to: `/programmes/${p.programmeKind}`, label: t(`programme.${p.programmeKind}`) };
  const paragraphs = p.description.split(/\n{2,}/).filter((s) => s.trim());
  return (
    <article className="container narrow proposal">
      <Breadcrumbs items={[back, { label: shown.title, lang: shown.lang !== locale ? shown.lang : undefined }]} />
      <ProposalDoneNotice />
      <SubmissionDoneNotice />
      <p className="card-meta">
        <span>{t("proposal.number", { number: p.number })}</span>
        <StatusBadge status={p.status} result={p.result} />
      </p>
      <h1>
        <Localized text={shown} field="title" />
      </h1>
      <LangNote text={shown} as="p" />
      {shown.isOriginal ? null : <p className="muted lang-note">{t(`translation.translatedFrom.${shown.originalLang}`)}</p>}
      {shown.summary !== shown.title ? (
        <p className="lead">
          <Localized text={shown} field="summary" />
        </p>
      ) : null}
      {canTranslate ? (
        <p>
          <a href={`/proposals/${encodeURIComponent(p.id)}/translations`}>{t("translation.link")}</a>
        </p>
      ) : null}

      {p.result ? (
        <section className={`result-box ${p.result.selected ? "is-funded" : ""}`} aria-labelledby="result-title">
          <h2 id="result-title">{t("proposal.result")}</h2>
          <p>
            <strong>{tn("proposal.votes", p.result.votes)}</strong> · {p.result.selected ? t("proposal.funded") : t("proposal.notFunded")}
          </p>
          {implementation ? <p><a href={`/realizacje/${implementation.id}`}>{t("implementation.link")}</a></p> : null}
        </section>
      ) : null}

      <FollowButton kind="proposal" id={p.id} state={follow} />
      <Facts
        items={[
          { term: t("proposal.cost"), value: money(p.costGrosze), amount: true },
          { term: t("proposal.pool"), value: t(`pool.${p.poolKind}` as MessageKey) },
          p.district && { term: t("proposal.district"), value: p.district.name },
          { term: t("proposal.category"), value: t(`category.${p.category}` as MessageKey) },
          !!p.location && { term: t("proposal.location"), value: p.location, lang: origLang },
          p.point && { term: t("proposal.point"), value: <LocationView lat={p.point.lat} lng={p.point.lng} place={p.location || p.title} />, className: "proposal-point" },
          !!p.beneficiaries && { term: t("proposal.beneficiaries"), value: p.beneficiaries, lang: origLang },
        ]}
      />

      {paragraphs.length > 0 ? (
        <section aria-labelledby="desc-title">
          <h2 id="desc-title">{t("proposal.description")}</h2>
          {origLang ? <p className="muted small lang-note">{t(`translation.note.${origLang}`)}</p> : null}
          {paragraphs.map((para, i) => (
            <p key={i} lang={origLang}>
              {para}
            </p>
          ))}
        </section>
      ) : null}

      {p.costItems.length > 0 ? (
        <section aria-labelledby="cost-title">
          <h2 id="cost-title">{t("proposal.costBreakdown")}</h2>
          <CostTable items={p.costItems} totalGrosze={p.costGrosze} lang={origLang} />
        </section>
      ) : null}
      {supportList ? (
        <p>
          <a href={`/proposals/${encodeURIComponent(p.id)}/support-list.pdf`}>{t("print.links.support")}</a> <span className="muted">{t("print.links.supportHint")}</span>
        </p>
      ) : null}
      {submission ? <ProposalExtras x={submission} proposalId={p.id} /> : null}
      {workflow ? <ProposalWorkflow x={workflow} proposalId={p.id} /> : null}
    </article>
  );
}
