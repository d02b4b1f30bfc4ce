/**
 * What a proposal carries besides its text, as the pages show it: attachments (image thumbnails
 * with the author's description as alt text, PDF links with their size), accepted co-authors, the
 * channel a paper proposal came by, and the confirmations after these forms.
 */
import { Link } from "@remix-run/react";
import { isImage, sizeParts } from "~/domain/attachment-display";
import { DoneNotice } from "~/components/form/fields";
import { PROGRAMME_NOTICES } from "~/domain/workflow/notices";
import { useT, type MessageKey } from "~/i18n";
import type { AttachmentView, ProposalExtrasView } from "~/services/submission-extras.server";
import { Facts } from "./facts";

export const SUBMISSION_DONE = ["attachment_added", "attachment_removed", "invited", "invitation_withdrawn", "coauthor_joined", "coauthor_removed", "paper_entered"] as const;

/** With the confirmations after the proposal form that are worded per programme (app/domain/workflow/notices.ts). */
export const SubmissionDoneNotice = () => (
  <>
    <DoneNotice notices={SUBMISSION_DONE} prefix="submission.done." />
    <DoneNotice notices={PROGRAMME_NOTICES} prefix="ux2.done." />
  </>
);

export function useFileSize() {
  const { t, locale } = useT();
  return (bytes: number) => {
    const { value, unit } = sizeParts(bytes);
    return t(`submission.size.${unit}` as MessageKey, { value: value.toLocaleString(locale === "uk" ? "uk-UA" : locale === "en" ? "en-GB" : "pl-PL") });
  };
}

/** Images as thumbnails linking to the full file, PDFs as links with their size. */
export function AttachmentGallery({ items }: { items: readonly AttachmentView[] }) {
  const { t } = useT();
  const size = useFileSize();
  const images = items.filter((a) => isImage(a.contentType));
  const docs = items.filter((a) => !isImage(a.contentType));
  return (
    <>
      {images.length > 0 ? (
        <ul className="attachment-grid">
          {images.map((a) => (
            <li key={a.id}>
              <figure>
                <a href={`/attachments/${a.id}`}>
                  <img src={`/attachments/${a.id}`} alt={a.description} loading="lazy" width={240} height={180} />
                </a>
                <figcaption>
                  {a.description}
                  <span className="small muted"> · {t("submission.attachments.image", { name: a.fileName, size: size(a.sizeBytes) })}</span>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      ) : null}
      {docs.length > 0 ? (
        <ul className="link-list attachment-docs">
          {docs.map((a) => (
            <li key={a.id}>
              <a href={`/attachments/${a.id}`} download>
                {t("submission.attachments.pdf", { name: a.fileName, size: size(a.sizeBytes) })}
              </a>
              {a.description ? <span className="small muted"> – {a.description}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The proposal page's part: attachments, co-authors, the paper channel (and its details for officials). */
export function ProposalExtras({ x, proposalId }: { x: ProposalExtrasView; proposalId: string }) {
  const { t, number } = useT();
  return (
    <>
      {x.channel === "paper" || x.channel === "in_person" ? <p className="muted">{t(`submission.page.channel.${x.channel}` as MessageKey)}</p> : null}
      {x.paper ? (
        <section className="author-box" aria-labelledby="paper-title">
          <h2 id="paper-title" className="small-heading">
            {t("submission.page.paper.title")}
          </h2>
          <Facts
            items={[
              { term: t("submission.page.paper.name"), value: x.paper.residentName },
              { term: t("submission.page.paper.contact"), value: x.paper.residentContact },
              { term: t("submission.page.paper.received"), value: x.paper.receivedOn },
              { term: t("submission.page.paper.signatures"), value: number(x.paper.paperSignatures) },
            ]}
          />
        </section>
      ) : null}
      {x.attachments.length > 0 ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">{t("submission.page.attachments")}</h2>
          <AttachmentGallery items={x.attachments} />
        </section>
      ) : null}
      {x.coauthors.length > 0 ? (
        <section aria-labelledby="coauthors-title">
          <h2 id="coauthors-title">{t("submission.page.coauthors")}</h2>
          <ul className="plain-list">
            {x.coauthors.map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {x.canManageExtras && !x.canEdit ? (
        <section className="author-box" aria-labelledby="extras-manage-title">
          <h2 id="extras-manage-title" className="small-heading">
            {t("ux2.extras.title")}
          </h2>
          <p>{x.isAuthor ? t("ux2.extras.lead") : t("ux2.extras.leadCoauthor")}</p>
          <ul className="link-list">
            <li>
              <Link to={`/proposals/${proposalId}/attachments`}>{t("submission.attachments.manage", { count: x.attachments.length, max: x.maxAttachments })}</Link>
            </li>
            {x.isAuthor ? (
              <li>
                <Link to={`/proposals/${proposalId}/coauthors`}>{t("submission.coauthors.manage")}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {x.isCoauthor ? (
        <div className="author-box">
          <p>{t("submission.page.youCoauthor")}</p>
          {x.canEdit ? (
            <p>
              <Link className="button button-secondary button-small" to={`/proposals/${proposalId}/edit`}>
                {t("submission.page.edit")}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
