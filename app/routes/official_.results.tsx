import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermissionInEdition } from "~/auth/scope.server";
import { ConfirmField, FormErrors } from "~/components/form/fields";
import { Breadcrumbs } from "~/components/proposals";
import { TableWrap } from "~/components/table-wrap";
import { currentEdition } from "~/services/current-edition.server";
import { db } from "~/db.server";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { countEdition, publishEdition } from "~/services/results.server";
import { listPoolTallies } from "~/data/results.server";
import { invariantResponse } from "~/http/invariant";
import { refusalStatus } from "~/http/refusal";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "count.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // counting and publishing are edition-wide: results.publish in every programme (app/auth/scope.server.ts)
  await requirePermissionInEdition(request, "results.publish");
  const edition = await currentEdition(db());
  invariantResponse(edition, 404);
  return { year: edition.year, pools: await listPoolTallies(db(), edition.id) };
}


export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermissionInEdition(request, "results.publish");
  const edition = await currentEdition(db());
  invariantResponse(edition, 404);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "publish") {
    if (form.get("confirm") !== "on") return data({ error: "count.error.confirm" }, { status: 400 });
    const r = await publishEdition(db(), edition.id, user);
    if (!r.ok) return data({ error: `count.error.${r.reason}` }, { status: refusalStatus(r.reason) });
    return redirect("/official/results?published=1");
  }
  const r = await countEdition(db(), edition.id, user, { drawLotForTies: intent === "lot", turnoutAward: form.get("award") === "on" });
  if (!r.ok) return data({ error: `count.error.${r.reason}` }, { status: refusalStatus(r.reason) });
  return redirect(`/official/results?counted=${r.pools}&ties=${r.tiesThatMatter}`);
}

/** A count, with or without the lot for open ties; both may apply the turnout award. */
function CountForm({ intent, label, primary = false }: { intent: "count" | "lot"; label: string; primary?: boolean }) {
  const { t } = useT();
  return (
    <Form method="post" className="count-form">
      <input type="hidden" name="intent" value={intent} />
      <div className="check-row">
        <input id={`award-${intent}`} name="award" type="checkbox" />
        <label htmlFor={`award-${intent}`}>{t("count.award")}</label>
      </div>
      <button type="submit" className={primary ? "button button-large" : "button button-secondary"}>
        {label}
      </button>
    </Form>
  );
}

export default function CountPage() {
  const { year, pools } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, money, number } = useT();
  const counted = params.get("counted");
  const anyDraft = pools.some((p) => p.status === "draft");
  const anyOpenTie = pools.some((p) => p.ties === "open");
  const published = pools.some((p) => p.status === "published");
  return (
    <div className="container">
      <Breadcrumbs items={[{ to: "/official", label: t("official.title") }, { label: t("count.title") }]} />
      <h1>{t("count.title")}</h1>
      <p className="lead">{t("count.lead")}</p>
      <FormErrors errors={result?.error ? [result.error] : undefined} id="count-errors" />
      {counted ? (
        <div className="alert alert-success" role="status">
          <p>{t("count.done", { pools: Number(counted) || 0, ties: Number(params.get("ties")) || 0 })}</p>
        </div>
      ) : null}
      {params.get("published") ? (
        <div className="alert alert-success" role="status">
          <p>{t("count.published")}</p>
        </div>
      ) : null}
      {!published ? (
        <div className="button-row">
          <CountForm intent="count" label={t("count.run")} primary />
          {anyOpenTie ? <CountForm intent="lot" label={t("count.runLot")} /> : null}
          {anyDraft ? (
            <Link className="button button-secondary" to={`/results/${year}?draft=1`}>
              {t("count.preview")}
            </Link>
          ) : null}
        </div>
      ) : (
        <p>
          <Link className="button" to={`/results/${year}`}>
            {t("nav.results")}
          </Link>
        </p>
      )}
      <TableWrap label={t("count.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("count.col.pool")}</th>
              <th scope="col" className="num">
                {t("count.col.voters")}
              </th>
              <th scope="col" className="num">
                {t("count.col.spent")}
              </th>
              <th scope="col">{t("count.col.ties")}</th>
              <th scope="col">{t("count.col.status")}</th>
            </tr>
          </thead>
          <tbody>
            {pools.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.district ? `${p.district} · ` : ""}
                  {t(`pool.${p.kind}` as MessageKey)}
                  {p.programme !== "bo" ? ` (${t(`programme.${p.programme}` as MessageKey)})` : ""}
                </th>
                <td className="num">{p.voters === null ? "—" : number(p.voters)}</td>
                <td className="num nowrap">{p.spent === null ? "—" : `${money(p.spent, { wholeZloty: true })} / ${money(p.budget, { wholeZloty: true })}`}</td>
                <td>{t(`count.ties.${p.ties}` as MessageKey)}</td>
                <td>{t(`count.status.${p.status}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {anyDraft && !published ? (
        <Form method="post" className="form-card publish-form">
          <input type="hidden" name="intent" value="publish" />
          <ConfirmField id="confirm" label={t("count.publishConfirm")} required />
          <button type="submit" className="button button-large button-danger">
            {t("count.publish")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
