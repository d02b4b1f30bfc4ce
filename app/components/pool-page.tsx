import type { ProposalFilter } from "~/domain/proposals";
import { useT } from "~/i18n";
import { FilterForm, ProposalList, type ProposalCardData } from "./proposals";

interface Props {
  heading: string;
  lead: string;
  pools: { id: string; budgetGrosze: number; maxProjectCostGrosze: number | null; carriedOverGrosze: number }[];
  filter: ProposalFilter;
  proposals: ProposalCardData[];
  ages: { min: number; max: number } | null;
  youthCouncil: boolean;
}

export function PoolPage({ heading, lead, pools, filter, proposals, ages, youthCouncil }: Props) {
  const { t, money } = useT();
  return (
    <div className="container">
      <h1>{heading}</h1>
      <p className="lead">{lead}</p>
      <ul className="pool-summary">
        {pools.map((p) => (
          <li key={p.id} className="card pool-card">
            <p className="amount">{t("pool.budget", { amount: money(p.budgetGrosze, { wholeZloty: true }) })}</p>
            {p.maxProjectCostGrosze !== null ? (
              <p className="muted">{t("pool.cap", { amount: money(p.maxProjectCostGrosze, { wholeZloty: true }) })}</p>
            ) : null}
            {p.carriedOverGrosze > 0 ? <p className="muted">{t("pool.carried", { amount: money(p.carriedOverGrosze) })}</p> : null}
            {ages ? <p className="muted">{t("programme.ages", { min: ages.min, max: ages.max })}</p> : null}
            {youthCouncil ? <p className="muted">{t("programme.moderation.youth_council")}</p> : null}
          </li>
        ))}
      </ul>
      <FilterForm filter={filter} showPool={false} />
      <ProposalList proposals={proposals} />
    </div>
  );
}
