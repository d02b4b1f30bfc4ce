/**
 * The running total of the cost rows against the chosen pool's cap, shown while the author types.
 * Progressive enhancement: it appears only once JavaScript runs (without it the server still
 * checks the total and says by how much it is over); the server's check is the one that counts.
 */
import { useEffect, useRef, useState } from "react";
import { parseAmount } from "~/domain/workflow/costs";
import { useT } from "~/i18n";

interface PoolCap {
  id: string;
  budgetGrosze: number;
  maxProjectCostGrosze: number | null;
}

interface Sum {
  total: number;
  unread: number;
  cap: number | null;
}

function read(form: HTMLFormElement, pools: readonly PoolCap[]): Sum {
  let total = 0;
  let unread = 0;
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement) || !/^costItems\[\d+\]\.amount$/.test(el.name) || el.value.trim() === "") continue;
    const g = parseAmount(el.value);
    if (g === null) unread++;
    else total += g;
  }
  const poolId = (form.elements.namedItem("poolId") as HTMLSelectElement | null)?.value;
  const pool = pools.find((p) => p.id === poolId);
  return { total, unread, cap: pool ? (pool.maxProjectCostGrosze ?? pool.budgetGrosze) : null };
}

export function CostTotal({ pools }: { pools: readonly PoolCap[] }) {
  const { t, money } = useT();
  const ref = useRef<HTMLParagraphElement>(null);
  const [sum, setSum] = useState<Sum | null>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const update = () => setSum(read(form, pools));
    update();
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    return () => {
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
    };
  }, [pools]);
  const over = sum && sum.cap !== null && sum.total > sum.cap;
  return (
    <p ref={ref} className={`cost-total${over ? " cost-total-over" : ""}`} aria-live="polite" data-testid="cost-total" hidden={!sum}>
      {sum
        ? [
            sum.cap === null
              ? t("submit.cost.live", { total: money(sum.total) })
              : over
                ? t("submit.cost.live_over", { total: money(sum.total), cap: money(sum.cap), over: money(sum.total - sum.cap) })
                : t("submit.cost.live_cap", { total: money(sum.total), cap: money(sum.cap), left: money(sum.cap - sum.total) }),
            sum.unread > 0 ? ` ${t("submit.cost.live_unread", { n: sum.unread })}` : "",
          ].join("")
        : null}
    </p>
  );
}
