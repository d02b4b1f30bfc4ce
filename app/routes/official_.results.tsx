import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermissionInEdition } from "~/auth/scope.server";
import { ConfirmField, errorMessage, FieldFrame, FormErrors } from "~/components/form/fields";
import { DataTable } from "~/components/data-table";
import { currentEdition } from "~/services/current-edition.server";
import { db } from "~/db.server";
import { useT, type MessageKey } from "~/i18n";
import { titleMeta } from "~/i18n/meta";
import { countEdition, publishEdition } from "~/services/results.server";
import { ballotBoxStatus, openBallotBox } from "~/services/ballot-box.server";
import { MAX_COMMISSION } from "~/domain/voting";
import { listPoolTallies } from "~/data/results.server";
import { invariantResponse } from "~/http/invariant";
import { refusalStatus } from "~/http/refusal";
import { PageHeader } from "~/components/page-header";
import { SubmitButton } from "~/components/form/submit-button";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "count.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // counting and publishing are edition-wide: results.publish in every programme (app/auth/scope.server.ts)
  await requirePermissionInEdition(request, "results.publish");
  const edition = await currentEdition(db());
  invariantResponse(edition, 404);
  const box = await ballotBoxStatus(db(), edition.id);
  return {
    year: edition.year,
    pools: await listPoolTallies(db(), edition.id),
    box: { sealed: box.programmes.reduce((n, p) => n + p.sealed, 0), threshold: box.key?.threshold ?? 0, members: box.key?.members ?? [] },
  };
}

/** The commission opens the ballot box: k members type their shares (issue #15). */
async function openBox(form: FormData, editionId: string, user: Parameters<typeof openBallotBox>[3]) {
  const codes = Array.from({ length: MAX_COMMISSION }, (_, i) => {
    const v = form.get(`share${i + 1}`);
    return typeof v === "string" ? v.slice(0, 200) : null;
  });
  const typed: Record<string, string> = Object.fromEntries(codes.map((c, i) => [`share${i + 1}`, c ?? ""]));
  if (form.get("confirm") !== "on") return data({ error: "count.error.confirm", typed, member: null as number | null }, { status: 400 });
  const r = await openBallotBox(db(), editionId, codes, user);
  if (!r.ok) {
    const error = r.reason === "shares_too_few" ? `ballotBox.error.shares_too_few?k=${r.threshold ?? 2}` : `ballotBox.error.${r.reason}`;
    return data({ error, typed, member: r.member ?? null }, { status: r.reason === "not_allowed" ? 403 : 400 });
  }
  return redirect(`/official/results?opened=${r.opened}&unreadable=${r.unreadable}${r.mismatches.length ? "&mismatch=1" : ""}`);
}


export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermissionInEdition(request, "results.publish");
  const edition = await currentEdition(db());
  invariantResponse(edition, 404);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "open") return openBox(form, edition.id, user);
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

/** Share fields, one per commission member; the member named by a refusal gets the error. */
function OpenBoxForm({ box }: { box: { sealed: number; threshold: number; members: string[] } }) {
  const { t } = useT();
  const result = useActionData<typeof action>();
  const typed = (result && "typed" in result ? result.typed : undefined) as Record<string, string> | undefined;
  const member = result && "member" in result ? result.member : null;
  return (
    <section aria-labelledby="open-box-title" className="form-card open-box">
      <h2 id="open-box-title">{t("ballotBox.open.title")}</h2>
      <p>{t("ballotBox.open.lead", { sealed: box.sealed, k: box.threshold, n: box.members.length })}</p>
      <Form method="post" noValidate autoComplete="off">
        <input type="hidden" name="intent" value="open" />
        {box.members.map((name, i) => (
          <FieldFrame
            key={name + i}
            id={`share${i + 1}`}
            label={t("ballotBox.open.share", { name })}
            hint={t("ballotBox.open.shareHint")}
            errors={member === i + 1 && result?.error ? [errorMessage(t, result.error)] : []}
          >
            {({ describedBy, invalid }) => (
              <input
                id={`share${i + 1}`}
                name={`share${i + 1}`}
                type="text"
                className="share-input"
                spellCheck={false}
                autoCapitalize="characters"
                maxLength={200}
                defaultValue={typed?.[`share${i + 1}`] ?? ""}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
              />
            )}
          </FieldFrame>
        ))}
        <ConfirmField id="open-confirm" label={t("ballotBox.open.confirm")} />
        <SubmitButton label={t("ballotBox.open.submit")} size="large" />
      </Form>
    </section>
  );
}

export default function CountPage() {
  const { year, pools, box } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, money, number } = useT();
  const counted = params.get("counted");
  const anyDraft = pools.some((p) => p.status === "draft");
  const anyOpenTie = pools.some((p) => p.ties === "open");
  const published = pools.some((p) => p.status === "published");
  return (
    <div className="container">
      <PageHeader parents={[{ to: "/official", label: t("official.title") }]} title={t("count.title")} lead={t("count.lead")} />
      <FormErrors errors={result?.error && !(result && "member" in result && result.member) ? [result.error] : undefined} id="count-errors" />
      {counted ? (
        <div className="alert alert-success" role="status">
          <p>{t("count.done", { pools: Number(counted) || 0, ties: Number(params.get("ties")) || 0 })}</p>
        </div>
      ) : null}
      {params.get("opened") ? (
        <div className="alert alert-success" role="status">
          <p>{t("ballotBox.open.done", { opened: Number(params.get("opened")) || 0 })}</p>
          {Number(params.get("unreadable")) > 0 ? <p>{t("ballotBox.open.unreadable", { n: Number(params.get("unreadable")) })}</p> : null}
          {params.get("mismatch") ? <p>{t("ballotBox.open.mismatch")}</p> : null}
        </div>
      ) : null}
      {params.get("published") ? (
        <div className="alert alert-success" role="status">
          <p>{t("count.published")}</p>
        </div>
      ) : null}
      {box.sealed > 0 ? <OpenBoxForm box={box} /> : null}
      {!published && box.sealed === 0 ? (
        <div className="button-row">
          <CountForm intent="count" label={t("count.run")} primary />
          {anyOpenTie ? <CountForm intent="lot" label={t("count.runLot")} /> : null}
          {anyDraft ? (
            <Link className="button button-secondary" to={`/results/${year}?draft=1`}>
              {t("count.preview")}
            </Link>
          ) : null}
        </div>
      ) : published ? (
        <p>
          <Link className="button" to={`/results/${year}`}>
            {t("nav.results")}
          </Link>
        </p>
      ) : null}
      <DataTable
        label={t("count.title")}
        rows={pools}
        columns={[
          {
            key: "pool",
            head: t("count.col.pool"),
            rowHeader: true,
            cell: (p) => (
              <>
                {p.district ? `${p.district} · ` : ""}
                {t(`pool.${p.kind}` as MessageKey)}
                {p.programme !== "bo" ? ` (${t(`programme.${p.programme}` as MessageKey)})` : ""}
              </>
            ),
          },
          { key: "voters", head: t("count.col.voters"), num: true, cell: (p) => (p.voters === null ? "—" : number(p.voters)) },
          { key: "spent", head: t("count.col.spent"), num: true, cellClass: "nowrap", cell: (p) => (p.spent === null ? "—" : `${money(p.spent, { wholeZloty: true })} / ${money(p.budget, { wholeZloty: true })}`) },
          { key: "ties", head: t("count.col.ties"), cell: (p) => t(`count.ties.${p.ties}` as MessageKey) },
          { key: "status", head: t("count.col.status"), cell: (p) => t(`count.status.${p.status}` as MessageKey) },
        ]}
      />
      {anyDraft && !published ? (
        <Form method="post" className="form-card publish-form">
          <input type="hidden" name="intent" value="publish" />
          <ConfirmField id="confirm" label={t("count.publishConfirm")} required />
          <SubmitButton label={t("count.publish")} variant="danger" size="large" />
        </Form>
      ) : null}
    </div>
  );
}
