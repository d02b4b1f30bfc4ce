/**
 * The proposal as the reviewer judges it, on the review page itself: the description, the place
 * (with the map point as an OpenStreetMap link), who benefits, and the cost rows with their total.
 */
import { osmLink } from "~/components/location-map";
import { CostTable } from "~/components/cost-table";
import { useT } from "~/i18n";
import { Facts } from "./facts";

export interface ReviewedText {
  description: string;
  location: string;
  beneficiaries: string;
  lat: number | null;
  lng: number | null;
  costGrosze: number;
  costItems: { label: string; amountGrosze: number }[];
}

export function ReviewProposalText({ p }: { p: ReviewedText }) {
  const { t } = useT();
  const paragraphs = p.description.split(/\n{2,}/).filter((s) => s.trim());
  return (
    <section className="card review-text" aria-labelledby="review-text-title">
      <h2 id="review-text-title">{t("ux2.review.text")}</h2>
      <h3>{t("proposal.description")}</h3>
      {paragraphs.length > 0 ? paragraphs.map((para, i) => <p key={i} className="pre-line">{para}</p>) : <p className="muted">—</p>}
      <Facts
        items={[
          {
            term: t("proposal.location"),
            value: (
              <>
                {p.location || "—"}
                {p.lat !== null && p.lng !== null ? (
                  <>
                    {" · "}
                    <a href={osmLink(p.lat, p.lng)} rel="noopener noreferrer" target="_blank">
                      {t("map.view.link")}
                    </a>
                  </>
                ) : null}
              </>
            ),
          },
          !!p.beneficiaries && { term: t("proposal.beneficiaries"), value: p.beneficiaries },
        ]}
      />
      <h3 id="review-cost-title">{t("proposal.costBreakdown")}</h3>
      {p.costItems.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <CostTable items={p.costItems} totalGrosze={p.costGrosze} />
      )}
    </section>
  );
}
