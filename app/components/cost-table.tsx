/** A proposal's cost rows with their total, as the proposal page and the officials' review page show them. */
import { useT } from "~/i18n";
import { DataTable } from "./data-table";

export function CostTable({ items, totalGrosze, lang }: { items: readonly { label: string; amountGrosze: number }[]; totalGrosze: number; lang?: string }) {
  const { t, money } = useT();
  return (
    <DataTable
      label={t("proposal.costBreakdown")}
      rows={items}
      rowKey={(_, i) => i}
      columns={[
        // the rows stay in the proposal's own language: marked when the page is in another
        { key: "item", head: t("proposal.costItem"), cell: (c) => (lang ? <span lang={lang}>{c.label}</span> : c.label) },
        { key: "amount", head: t("proposal.amount"), num: true, cell: (c) => money(c.amountGrosze) },
      ]}
      foot={
        <>
          <th scope="row">{t("proposal.total")}</th>
          <td className="num">
            <strong>{money(totalGrosze)}</strong>
          </td>
        </>
      }
    />
  );
}
